using System;
using System.Collections.Immutable;
using System.Linq;
using HyperRoute.Testing;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Sdk;

namespace HyperRoute.Generators.Tests;

/// <summary>What the generator harness catches that a snapshot alone would not.</summary>
public sealed class GeneratorHarnessTests
{
    private const string Source = """
        [System.Obsolete] public class Old { }
        """;

    [Fact]
    public void A_model_that_holds_a_symbol_fails_naming_the_path_to_it()
    {
        var result = GeneratorHarness.Run(new LeakyGenerator(LeakyGenerator.Leak.SymbolInArray), CompilationFactory.Create(Source));

        var exception = Assert.Throws<XunitException>(() => GeneratorHarness.AssertModelsHoldNoRoslynObjects(result, LeakyGenerator.Step));

        Assert.Contains("Leaky.Parse[0].Outputs[0].Symbols[0]:", exception.Message);
        Assert.Contains("(a ISymbol)", exception.Message);
    }

    [Fact]
    public void A_location_that_reaches_an_output_through_an_untracked_step_fails()
    {
        var result = GeneratorHarness.Run(new LeakyGenerator(LeakyGenerator.Leak.LocationAfterTheTrackedStep), CompilationFactory.Create(Source));

        var exception = Assert.Throws<XunitException>(() => GeneratorHarness.AssertModelsHoldNoRoslynObjects(result, LeakyGenerator.Step));

        Assert.Contains("SourceOutput[0].Inputs[0].Item2:", exception.Message);
        Assert.Contains("(a Location)", exception.Message);
    }

    [Fact]
    public void A_model_of_names_and_values_passes()
    {
        var result = GeneratorHarness.Run(new LeakyGenerator(LeakyGenerator.Leak.Nothing), CompilationFactory.Create(Source));

        GeneratorHarness.AssertModelsHoldNoRoslynObjects(result, LeakyGenerator.Step);
        Assert.Equal("Old.g.cs", Assert.Single(result.Sources).HintName);
    }

    [Fact]
    public void A_rerun_that_generates_other_text_fails_naming_the_file()
    {
        var first = GeneratorHarness.Run(new LeakyGenerator(LeakyGenerator.Leak.Nothing), CompilationFactory.Create(Source));
        var changed = first with { Sources = first.Sources.Select(s => s with { Source = s.Source + "// changed\n" }).ToList() };

        var exception = Assert.Throws<XunitException>(() => GeneratorHarness.AssertSameSources(first, changed, "an edit"));

        Assert.Contains("after an edit, Old.g.cs changed", exception.Message);
    }

    [Fact]
    public void A_rerun_that_generates_other_files_fails_naming_them()
    {
        var first = GeneratorHarness.Run(new LeakyGenerator(LeakyGenerator.Leak.Nothing), CompilationFactory.Create(Source));
        var renamed = first with { Sources = first.Sources.Select(s => s with { HintName = "New.g.cs" }).ToList() };

        var exception = Assert.ThrowsAny<XunitException>(() => GeneratorHarness.AssertSameSources(first, renamed, "an edit"));

        Assert.Contains("changed from [Old.g.cs] to [New.g.cs]", exception.Message);
    }

    /// <summary>Generates a file per [Obsolete] class from a model that holds what <see cref="Leak"/> says.</summary>
#pragma warning disable RS1001, RS1036, RS1038, RS1041 // a generator the tests construct themselves: never loaded by a compiler, never shipped
    private sealed class LeakyGenerator(LeakyGenerator.Leak leak) : IIncrementalGenerator
#pragma warning restore RS1001, RS1036, RS1038, RS1041
    {
        public const string Step = "Leaky.Parse";

        public enum Leak
        {
            Nothing,
            SymbolInArray,
            LocationAfterTheTrackedStep,
        }

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var models = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    "System.ObsoleteAttribute",
                    static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                    (attributed, _) => new Model(
                        attributed.TargetSymbol.Name,
                        leak == Leak.SymbolInArray ? ImmutableArray.Create(attributed.TargetSymbol) : ImmutableArray<ISymbol>.Empty))
                .WithTrackingName(Step);
            var withLocations = models.Select((model, _) => (model, leak == Leak.LocationAfterTheTrackedStep ? Location.None : null));
            context.RegisterSourceOutput(withLocations, static (output, input) => output.AddSource(input.model.Name + ".g.cs", "// " + input.model.Name + "\n"));
        }

        private sealed record Model(string Name, ImmutableArray<ISymbol> Symbols);
    }
}
