using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace HyperRoute.Testing;

/// <summary>
/// Code-fix tests on <c>Microsoft.CodeAnalysis.CSharp.CodeFix.Testing</c>: the source's markup names every diagnostic
/// of the analyzer, the fixed source is compared character for character (its markup names what is left), and the
/// fix is applied one diagnostic at a time and, when the provider has a Fix All provider, to all of them at once in
/// the document, the project and the solution.
/// </summary>
/// <typeparam name="TAnalyzer">The analyzer that reports the diagnostics.</typeparam>
/// <typeparam name="TCodeFix">The code fix under test.</typeparam>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>A diagnostic of <typeparamref name="TAnalyzer"/> with the descriptor's severity and message format.</summary>
    public static DiagnosticResult Diagnostic(string diagnosticId)
        => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(diagnosticId);

    /// <summary>Verifies that the first fix offered turns <paramref name="source"/> into <paramref name="fixedSource"/>.</summary>
    public static Task VerifyCodeFixAsync(string source, string fixedSource)
        => new Test { TestCode = source, FixedCode = fixedSource }.RunAsync(CancellationToken.None);

    /// <summary>The test, for the fix's equivalence key, iteration counts and what else a case needs.</summary>
    public class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test() => VerifierSetup.Configure(this);

        protected override CompilationOptions CreateCompilationOptions() => CompilationFactory.CompilationOptions;

        protected override ParseOptions CreateParseOptions() => CompilationFactory.ParseOptions;
    }
}
