using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using HyperRoute.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperRoute.Generators.Tests.Analyzers;

/// <summary>Runs an analyzer on plain source, for tests about messages and counts rather than spans.</summary>
internal static class AnalyzerRun
{
    public static IReadOnlyList<Diagnostic> Diagnostics<TAnalyzer>(string source)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => CompilationFactory.Create(source)
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer()))
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter()
            .GetResult()
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToList();
}
