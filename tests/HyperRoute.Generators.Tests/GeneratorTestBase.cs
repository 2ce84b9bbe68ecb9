extern alias generator;

using System;
using System.Linq;
using HyperRoute.Testing;
using Microsoft.CodeAnalysis;

using ForwardGenerator = generator::HyperRoute.Generators.ForwardGenerator;
using MessageGenerator = generator::HyperRoute.Generators.MessageGenerator;
using RouterGenerator = generator::HyperRoute.Generators.RouterGenerator;
using TrackingNames = generator::HyperRoute.Generators.TrackingNames;

namespace HyperRoute.Generators.Tests;

/// <summary>
/// Every snapshot test goes through <see cref="Generate"/>, which runs <typeparamref name="TGenerator"/> through
/// <see cref="GeneratorHarness.Verify"/>: the output compiles without warnings, the models of its pipelines hold no
/// Roslyn objects, and re-runs on the same compilation and on one with an unrelated edit are fully cached and
/// generate the same files.
/// </summary>
/// <typeparam name="TGenerator">The generator under test.</typeparam>
public abstract class GeneratorTestBase<TGenerator>
    where TGenerator : IIncrementalGenerator, new()
{
    /// <summary>
    /// The tracking names of <typeparamref name="TGenerator"/>'s steps that every run of the class must track. A
    /// pipeline whose attribute the source never uses tracks no step, so a class that never uses one says so.
    /// </summary>
    protected virtual string[] TrackedSteps { get; } = typeof(TGenerator) == typeof(RouterGenerator)
        ? new[] { TrackingNames.Parse, TrackingNames.Routers }
        : typeof(TGenerator) == typeof(MessageGenerator)
            ? new[] { TrackingNames.MessageParse, TrackingNames.Messages, TrackingNames.MessageRouterParse, TrackingNames.MessageRouters }
            : typeof(TGenerator) == typeof(ForwardGenerator)
                ? new[] { ForwardGenerator.ForwardsTrackingName }
                : throw new NotSupportedException($"Name the tracked steps of {typeof(TGenerator).Name} here.");

    protected GeneratorResult Generate(string source)
        => GeneratorHarness.Verify(new TGenerator(), CompilationFactory.Create(source), TrackedSteps);

    /// <summary>
    /// Runs the generator on code that does not compile, where only the run itself is checked: it throws nothing and
    /// its models hold no Roslyn objects.
    /// </summary>
    protected GeneratorResult GenerateFromBrokenCode(Compilation compilation)
    {
        var result = GeneratorHarness.Run(new TGenerator(), compilation);
        Xunit.Assert.All(result.Driver.GetRunResult().Results, r => Xunit.Assert.Null(r.Exception));
        GeneratorHarness.AssertModelsHoldNoRoslynObjects(result, TrackedSteps);
        return result;
    }

    protected static string SingleSource(GeneratorResult result) => result.Sources.Single().Source;
}
