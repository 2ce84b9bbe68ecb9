using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using HyperRoute.Analyzers;
using HyperRoute.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace HyperRoute.Generators.Tests.Analyzers;

/// <summary>
/// What <see cref="CSharpAnalyzerVerifier{TAnalyzer}"/> and <see cref="CSharpCodeFixVerifier{TAnalyzer, TCodeFix}"/>
/// add to the testing library: references that need no download, and severity and message checks on markup.
/// </summary>
public sealed class VerifierTests
{
    [Fact]
    public void The_verifiers_download_no_reference_assemblies()
    {
        var analyzerTest = new CSharpAnalyzerVerifier<RouteAnalyzer>.Test();
        var fixTest = new CSharpCodeFixVerifier<RouteAnalyzer, HyperRoute.Analyzers.CodeFixes.MakeRouterPartialCodeFix>.Test();

        foreach (var references in new[] { analyzerTest.ReferenceAssemblies, fixTest.ReferenceAssemblies })
        {
            Assert.Null(references.ReferenceAssemblyPackage);
            Assert.Empty(references.Packages);
        }

        Assert.Contains(analyzerTest.TestState.AdditionalReferences, r => r.Display?.EndsWith("HyperRoute.dll", StringComparison.Ordinal) == true);
        Assert.Equal(CompilationFactory.References.Count, fixTest.TestState.AdditionalReferences.Count);
    }

    [Fact]
    public async Task A_compiler_error_the_markup_does_not_name_fails_the_test()
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync("""
            public class Broken { int M() => "text"; }
            """));

        Assert.Contains("CS0029", exception.Message);
    }

    [Fact]
    public async Task A_diagnostic_the_markup_does_not_name_fails_with_the_expectation_to_paste()
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync("""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /users/{id:foo}")]
                public static int GetUser(int id) => 200;
            }
            """));

        Assert.Contains("Diagnostic(RouteAnalyzer.HR0001).WithSpan(6, 28, 6, 31)", exception.Message);
    }

    [Fact]
    public async Task A_diagnostic_reported_at_another_severity_than_its_descriptor_s_fails()
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => CSharpAnalyzerVerifier<Misreporting>.VerifyAnalyzerAsync("""
            public class {|HR9901:Lowered|} { }
            """));

        Assert.Contains("HR9901 was reported as Info, its descriptor says Warning", exception.Message);
    }

    [Fact]
    public async Task A_message_with_a_placeholder_left_unfilled_fails()
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => CSharpAnalyzerVerifier<Misreporting>.VerifyAnalyzerAsync("""
            public class {|HR9902:Unfilled|} { }
            """));

        Assert.Contains("The message of HR9902 has a placeholder without an argument", exception.Message);
    }

    /// <summary>Reports HR9901 at a lower severity than its descriptor's and HR9902 with an argument missing.</summary>
#pragma warning disable RS1001, RS1036, RS2008 // an analyzer the tests construct themselves: never loaded by a compiler, never shipped
    private sealed class Misreporting : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Lowered = new("HR9901", "Lowered", "Class '{0}'", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);
        private static readonly DiagnosticDescriptor Unfilled = new("HR9902", "Unfilled", "Class '{0}' of '{1}'", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);


        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Lowered, Unfilled);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxNodeAction(
                node =>
                {
                    var declaration = (ClassDeclarationSyntax)node.Node;
                    var location = declaration.Identifier.GetLocation();
                    node.ReportDiagnostic(declaration.Identifier.Text == "Lowered"
                        ? Diagnostic.Create(Lowered, location, DiagnosticSeverity.Info, additionalLocations: null, properties: null, declaration.Identifier.Text)
                        : Diagnostic.Create(Unfilled, location, declaration.Identifier.Text));
                },
                SyntaxKind.ClassDeclaration);
        }
    }
#pragma warning restore RS1001, RS1036, RS2008
}
