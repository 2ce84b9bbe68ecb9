using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using HyperRoute.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace HyperRoute.Generators.Tests.Analyzers;

/// <summary>
/// Returns what an analyzer reports, for measurements rather than specifications: the allocation corpus counts
/// the cases flagged, and the agreement tests compare the analyzer with the generator. Specifications of what an
/// analyzer reports use <see cref="CSharpAnalyzerVerifier{TAnalyzer}"/>, which checks diagnostics but does not
/// return them. Fails when the analyzer throws.
/// </summary>
internal static class AnalyzerRun
{
    public static IReadOnlyList<Diagnostic> Diagnostics<TAnalyzer>(string source)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => Diagnostics<TAnalyzer>(CompilationFactory.Create(source));

    public static IReadOnlyList<Diagnostic> Diagnostics<TAnalyzer>(Compilation compilation)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, _, _) =>
            {
                lock (exceptions)
                {
                    exceptions.Add(exception.ToString());
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();
        Assert.True(exceptions.Count == 0, "The analyzer threw:\n" + string.Join("\n\n", exceptions));
        return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToList();
    }
}
