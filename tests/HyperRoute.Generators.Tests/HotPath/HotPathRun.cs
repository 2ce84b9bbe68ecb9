using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using HyperRoute.Analyzers.HotPath;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperRoute.Generators.Tests.HotPath;

/// <summary>Runs <see cref="AllocationAnalyzer"/> over a compilation and fails on analyzer exceptions.</summary>
internal static class HotPathRun
{
    public static IReadOnlyList<Diagnostic> Diagnostics(Compilation compilation, AnalyzerOptions? analyzerOptions = null)
    {
        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            analyzerOptions ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
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
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new AllocationAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();
        Xunit.Assert.True(exceptions.Count == 0, "The analyzer threw:\n" + string.Join("\n\n", exceptions));
        return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToList();
    }
}
