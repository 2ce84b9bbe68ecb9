using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace HyperRoute.Testing;

/// <summary>
/// Analyzer tests on <c>Microsoft.CodeAnalysis.CSharp.Analyzer.Testing</c>: markup <c>{|HR0001:…|}</c> expects a
/// diagnostic with that ID on exactly the marked text; <see cref="Diagnostic(string)"/> builds one whose severity and
/// message arguments are checked too. Every diagnostic of the analyzer and every compiler error must be expected.
/// </summary>
/// <typeparam name="TAnalyzer">The analyzer under test.</typeparam>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>A diagnostic of <typeparamref name="TAnalyzer"/> with the descriptor's severity and message format.</summary>
    public static DiagnosticResult Diagnostic(string diagnosticId)
        => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(diagnosticId);

    /// <summary>Verifies that <typeparamref name="TAnalyzer"/> reports on <paramref name="source"/> exactly what its markup and <paramref name="expected"/> say.</summary>
    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The test, for what <see cref="VerifyAnalyzerAsync"/> does not cover (more files, analyzer options, generators).</summary>
    public class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test() => VerifierSetup.Configure(this);

        /// <summary>The language version the sources are parsed with: the latest unless a test says otherwise.</summary>
        public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

        /// <summary>
        /// Generators that run before the analyzer, as in a project that references HyperRoute; with
        /// <c>TestBehaviors.SkipGeneratedSourcesCheck</c> their output is analyzed without being compared.
        /// </summary>
        public List<Type> SourceGenerators { get; } = new();

        protected override IEnumerable<Type> GetSourceGenerators() => SourceGenerators;

        protected override CompilationOptions CreateCompilationOptions() => CompilationFactory.CompilationOptions;

        protected override ParseOptions CreateParseOptions() => CompilationFactory.ParseOptions.WithLanguageVersion(LanguageVersion);
    }
}
