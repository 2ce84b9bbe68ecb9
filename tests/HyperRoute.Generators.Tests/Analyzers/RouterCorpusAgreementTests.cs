extern alias generator;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using HyperRoute.Analyzers;
using HyperRoute.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

using RouteConflicts = generator::HyperRoute.Generators.Routing.RouteConflicts;
using RouterGenerator = generator::HyperRoute.Generators.RouterGenerator;
using RouterSpec = generator::HyperRoute.Generators.Routing.RouterSpec;
using TrackingNames = generator::HyperRoute.Generators.TrackingNames;

namespace HyperRoute.Generators.Tests.Analyzers;

/// <summary>
/// The generator and the analyzer agree on every router this repository declares (the runtime tests' routers, the
/// samples', the benchmarks', the deliberately wrong build check): compiled as the real projects compile them, the
/// routes the generator's model leaves out are exactly the handlers the analyzer reports an error on, the conflicts
/// the planner finds are exactly the HR0006 pairs, and a router with HR0002 has no model. A comparison of data.
/// </summary>
public sealed class RouterCorpusAgreementTests
{
    // The rules that leave a route out of the model (HR0006 and HR0007 report routes that still compile).
    private static readonly HashSet<string> SkippingRules = new(StringComparer.Ordinal)
    {
        "HR0001", "HR0003", "HR0004", "HR0009", "HR0010", "HR0011", "HR0012", "HR2005",
    };

    [Theory]
    [InlineData("tests/HyperRoute.Tests")]
    [InlineData("samples/HyperRoute.Samples.Api")]
    [InlineData("benchmarks/HyperRoute.Benchmarks/Small")]
    [InlineData("benchmarks/HyperRoute.Benchmarks/Large")]
    [InlineData("benchmarks/HyperRoute.Benchmarks/Pipeline")]
    [InlineData("tests/HyperRoute.Analyzers.BuildCheck")]
    public async Task Generator_and_analyzer_agree_on_every_router_of(string folder)
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), folder), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToArray();
        var compilation = CompilationFactory.Create(sources).AddReferences(MetadataReference.CreateFromFile(typeof(Assert).Assembly.Location));

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new RouterGenerator().AsSourceGenerator() },
            parseOptions: CompilationFactory.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out _);
        var specs = driver.GetRunResult().Results.Single()
            .TrackedSteps[TrackingNames.Routers]
            .SelectMany(step => step.Outputs)
            .Select(output => output.Value)
            .OfType<RouterSpec>()
            .ToList();
        var diagnostics = await withGenerated.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RouteAnalyzer())).GetAnalyzerDiagnosticsAsync();

        var routers = withGenerated.SyntaxTrees
            .SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>())
            .Select(node => (Node: node, Symbol: withGenerated.GetSemanticModel(node.SyntaxTree).GetDeclaredSymbol(node)))
            .Where(t => t.Symbol is not null && t.Symbol.GetAttributes().Any(a => a.AttributeClass?.Name == "RouterAttribute"))
            .GroupBy(t => t.Symbol!, SymbolEqualityComparer.Default)
            .Select(g => (INamedTypeSymbol)g.Key!)
            .ToList();
        Assert.NotEmpty(routers);

        foreach (var router in routers)
        {
            var inRouter = diagnostics.Where(d => Enclosing(d, withGenerated) is { } type && SymbolEqualityComparer.Default.Equals(type, router)).ToList();
            var spec = specs.SingleOrDefault(s => s.Declaration.FullName == router.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
            if (inRouter.Any(d => d.Id is "HR0002" or "HR0014"))
            {
                Assert.True(spec is null, $"{router.Name}: HR0002 or HR0014 reported, but the generator emitted it");
                continue;
            }

            Assert.True(spec is not null, $"{router.Name}: no HR0002 or HR0014, but the generator emitted nothing");
            var skipped = spec!.Skipped.Select(s => s.HandlerName).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
            var reported = inRouter.Where(d => SkippingRules.Contains(d.Id)).Select(d => EnclosingMethod(d)).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
            Assert.Equal(skipped, reported);

            var planned = RouteConflicts.Find(spec).SelectMany(c => new[] { spec.Routes[c.First].HandlerName, spec.Routes[c.Second].HandlerName }).Distinct().OrderBy(n => n, StringComparer.Ordinal);
            var conflicting = inRouter.Where(d => d.Id == "HR0006").Select(d => EnclosingMethod(d)).Distinct().OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(planned, conflicting);
        }
    }

    private static INamedTypeSymbol? Enclosing(Diagnostic diagnostic, Compilation compilation)
    {
        var tree = diagnostic.Location.SourceTree;
        var node = tree?.GetRoot().FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<TypeDeclarationSyntax>();
        return node is null ? null : compilation.GetSemanticModel(tree!).GetDeclaredSymbol(node);
    }

    private static string EnclosingMethod(Diagnostic diagnostic)
        => diagnostic.Location.SourceTree!.GetRoot().FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<MethodDeclarationSyntax>()?.Identifier.Text ?? "";

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "HyperRoute.Generators.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("HyperRoute.Generators.sln not found above " + AppContext.BaseDirectory);
    }
}
