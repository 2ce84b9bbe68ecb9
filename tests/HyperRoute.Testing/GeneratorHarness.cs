using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace HyperRoute.Testing;

/// <summary>What one generator run produced.</summary>
public sealed record GeneratorResult(
    GeneratorDriver Driver,
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    IReadOnlyList<(string HintName, string Source)> Sources);

/// <summary>Runs an incremental generator the way the compiler does, with step tracking on.</summary>
public static class GeneratorHarness
{
    public static GeneratorResult Run(IIncrementalGenerator generator, Compilation compilation)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { generator.AsSourceGenerator() },
            parseOptions: CompilationFactory.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        return Run(driver, compilation);
    }

    public static GeneratorResult Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var sources = driver.GetRunResult().Results
            .SelectMany(r => r.GeneratedSources)
            .OrderBy(s => s.HintName, System.StringComparer.Ordinal)
            .Select(s => (s.HintName, s.SourceText.ToString()))
            .ToList();
        return new GeneratorResult(driver, output, diagnostics, sources);
    }

    /// <summary>Asserts that the generator ran cleanly and its output compiles without errors or warnings.</summary>
    public static void AssertCompilesCleanly(GeneratorResult result)
    {
        var problems = result.GeneratorDiagnostics.Select(d => d.ToString()).Concat(CompilationFactory.Problems(result.Output)).ToList();
        if (problems.Count > 0)
        {
            throw new Xunit.Sdk.XunitException(
                "The generated code does not compile cleanly:\n" + string.Join("\n", problems)
                + "\n\n" + string.Join("\n", result.Sources.Select(s => "// ---- " + s.HintName + "\n" + Numbered(s.Source))));
        }
    }

    private static string Numbered(string source)
        => string.Join("\n", source.Split('\n').Select((line, i) => $"{i + 1,4}: {line}"));

    /// <summary>
    /// Re-runs the generator on <paramref name="next"/> (the same compilation, or one with an unrelated edit)
    /// and asserts that every tracked step and every output was served from the cache.
    /// </summary>
    public static void AssertCachedOnRerun(GeneratorResult first, Compilation next, params string[] trackedSteps)
    {
        var rerun = first.Driver.RunGenerators(next).GetRunResult().Results.Single();
        foreach (var step in trackedSteps)
        {
            Assert.True(rerun.TrackedSteps.ContainsKey(step), $"step '{step}' was not tracked");
            var reasons = rerun.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.All(reasons, reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"step '{step}' re-ran with reason {reason}"));
        }

        var outputs = rerun.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.All(outputs, reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }
}
