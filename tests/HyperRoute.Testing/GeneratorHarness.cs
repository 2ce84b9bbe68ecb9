using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Sdk;

namespace HyperRoute.Testing;

/// <summary>One generated file: its hint name and its text.</summary>
public sealed record GeneratedSource(string HintName, string Source);

/// <summary>What one generator run produced.</summary>
public sealed record GeneratorResult(
    GeneratorDriver Driver,
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    IReadOnlyList<GeneratedSource> Sources)
{
    /// <summary>The run of the one generator the driver holds: its tracked steps and outputs.</summary>
    public GeneratorRunResult RunResult => Driver.GetRunResult().Results.Single();

    /// <summary>The generated file named <paramref name="hintName"/>; fails naming the files there are.</summary>
    public GeneratedSource Source(string hintName)
        => Sources.SingleOrDefault(s => s.HintName == hintName)
            ?? throw new XunitException($"No generated file '{hintName}'. Generated: {string.Join(", ", Sources.Select(s => s.HintName))}");
}

/// <summary>
/// Runs an incremental generator the way the compiler does, with step tracking on. <see cref="Verify"/> is what every
/// snapshot test goes through: the output compiles cleanly, the pipeline's models hold no Roslyn objects, and runs on
/// the same compilation and on one with an unrelated edit are fully cached and generate the same files.
/// </summary>
public static class GeneratorHarness
{
    /// <summary>A file that changes nothing the generators read: adding it must leave every step cached.</summary>
    public const string UnrelatedSource = "namespace Unrelated { internal static class Edit { public static int Value => 42; } }";

    public static GeneratorResult Run(IIncrementalGenerator generator, Compilation compilation)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { generator.AsSourceGenerator() },
            parseOptions: CompilationFactory.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        return Run(driver, compilation);
    }

    /// <summary>Runs <paramref name="driver"/> (a previous run's, to see what it caches) on <paramref name="compilation"/>.</summary>
    public static GeneratorResult Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var sources = driver.GetRunResult().Results
            .SelectMany(r => r.GeneratedSources)
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .Select(s => new GeneratedSource(s.HintName, s.SourceText.ToString()))
            .ToList();
        return new GeneratorResult(driver, output, diagnostics, sources);
    }

    /// <summary>
    /// Runs <paramref name="generator"/> on <paramref name="compilation"/> and asserts everything a snapshot test
    /// relies on: the output compiles without errors or warnings; no model of a tracked step holds a symbol, syntax,
    /// compilation, location or other Roslyn object; and re-runs on the same compilation and on one with
    /// <see cref="UnrelatedSource"/> added serve every one of <paramref name="trackedSteps"/> and every output from
    /// the cache and generate the same files, hint names and text.
    /// </summary>
    /// <param name="trackedSteps">The generator's tracking names; each must be tracked.</param>
    public static GeneratorResult Verify(IIncrementalGenerator generator, Compilation compilation, params string[] trackedSteps)
    {
        var first = Run(generator, compilation);
        AssertCompilesCleanly(first);
        AssertModelsHoldNoRoslynObjects(first, trackedSteps);

        var unrelated = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(UnrelatedSource, CompilationFactory.ParseOptions, path: "Unrelated.cs"));
        foreach (var (next, edit) in new[] { (compilation.Clone(), "the same compilation"), (unrelated, "an unrelated file added") })
        {
            var rerun = Run(first.Driver, next);
            AssertFullyCached(rerun, edit, trackedSteps);
            AssertSameSources(first, rerun, edit);
        }

        return first;
    }

    /// <summary>Asserts that the generator ran cleanly and its output compiles without errors or warnings.</summary>
    public static void AssertCompilesCleanly(GeneratorResult result)
    {
        var problems = result.GeneratorDiagnostics.Select(d => d.ToString()).Concat(CompilationFactory.Problems(result.Output)).ToList();
        if (problems.Count > 0)
        {
            throw new XunitException(
                "The generated code does not compile cleanly:\n" + string.Join("\n", problems)
                + "\n\n" + string.Join("\n", result.Sources.Select(s => "// ---- " + s.HintName + "\n" + Numbered(s.Source))));
        }
    }

    /// <summary>Asserts that every one of <paramref name="trackedSteps"/> and every output of <paramref name="rerun"/> came from the cache.</summary>
    public static void AssertFullyCached(GeneratorResult rerun, string edit, params string[] trackedSteps)
    {
        var run = rerun.RunResult;
        foreach (var step in trackedSteps)
        {
            Assert.True(run.TrackedSteps.ContainsKey(step), $"step '{step}' was not tracked");
            Assert.All(Reasons(rerun, step), reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"after {edit}, step '{step}' re-ran with reason {reason}"));
        }

        Assert.All(OutputReasons(rerun), reason => Assert.True(
            reason == IncrementalStepRunReason.Cached,
            $"after {edit}, an output re-ran with reason {reason}"));
    }

    /// <summary>Asserts that <paramref name="rerun"/> generated the files of <paramref name="first"/>: the same hint names and text.</summary>
    public static void AssertSameSources(GeneratorResult first, GeneratorResult rerun, string edit)
    {
        Assert.True(
            first.Sources.Select(s => s.HintName).SequenceEqual(rerun.Sources.Select(s => s.HintName), StringComparer.Ordinal),
            $"after {edit}, the generated files changed from [{string.Join(", ", first.Sources.Select(s => s.HintName))}] to [{string.Join(", ", rerun.Sources.Select(s => s.HintName))}]");
        foreach (var (before, after) in first.Sources.Zip(rerun.Sources))
        {
            if (!string.Equals(before.Source, after.Source, StringComparison.Ordinal))
            {
                throw new XunitException($"after {edit}, {before.HintName} changed:\n{TextDiff.Describe(before.Source, after.Source)}");
            }
        }
    }

    /// <summary>The reasons of the outputs of the tracked step <paramref name="step"/>, in the order the step produced them.</summary>
    public static IReadOnlyList<IncrementalStepRunReason> Reasons(GeneratorResult result, string step)
        => result.RunResult.TrackedSteps.TryGetValue(step, out var runs)
            ? runs.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList()
            : throw new XunitException($"step '{step}' was not tracked; tracked: {string.Join(", ", result.RunResult.TrackedSteps.Keys)}");

    /// <summary>The reasons of every output step of <paramref name="result"/> (one per <c>AddSource</c> call site and input).</summary>
    public static IReadOnlyList<IncrementalStepRunReason> OutputReasons(GeneratorResult result)
        => result.RunResult.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();

    /// <summary>
    /// Walks the models of the generator's own steps (<paramref name="trackedSteps"/>) and every model an output step
    /// reads (its inputs, so a model that reaches <c>AddSource</c> through an untracked step is walked too), through
    /// fields and the items of collections, <c>EquatableArray&lt;T&gt;</c> and <c>ImmutableArray&lt;T&gt;</c> among
    /// them, and fails at the first Roslyn object, naming the path to it. The other tracked steps are Roslyn's (the
    /// compilation, its options, the steps inside <c>ForAttributeWithMetadataName</c>): they hold syntax and the
    /// compilation by design, before the generator's transform runs.
    /// </summary>
    public static void AssertModelsHoldNoRoslynObjects(GeneratorResult result, params string[] trackedSteps)
    {
        var run = result.RunResult;
        var models = trackedSteps
            .SelectMany(name => (run.TrackedSteps.TryGetValue(name, out var runs) ? runs : ImmutableArray<IncrementalGeneratorRunStep>.Empty)
                .SelectMany((stepRun, i) => stepRun.Outputs.Select((output, j) => (Path: $"{name}[{i}].Outputs[{j}]", output.Value))))
            .Concat(run.TrackedOutputSteps.SelectMany(step => step.Value.SelectMany((stepRun, i) => stepRun.Inputs.Select((input, j) =>
                (Path: $"{step.Key}[{i}].Inputs[{j}]", input.Source.Outputs[input.OutputIndex].Value)))));
        foreach (var (path, model) in models)
        {
            if (ModelWalker.FindRoslynObject(model, path) is { } found)
            {
                throw new XunitException($"A pipeline model holds a Roslyn object, which keeps compilations alive and defeats caching: {found}");
            }
        }
    }

    private static string Numbered(string source)
        => string.Join("\n", source.Split('\n').Select((line, i) => $"{i + 1,4}: {line}"));
}
