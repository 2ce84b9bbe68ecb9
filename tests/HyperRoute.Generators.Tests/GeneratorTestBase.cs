extern alias generator;

using System.Linq;
using HyperRoute.Testing;
using Microsoft.CodeAnalysis.CSharp;

using RouterGenerator = generator::HyperRoute.Generators.RouterGenerator;
using TrackingNames = generator::HyperRoute.Generators.TrackingNames;

namespace HyperRoute.Generators.Tests;

/// <summary>
/// Every snapshot test goes through <see cref="Generate"/>: it runs the generator, asserts the output compiles
/// without warnings, asserts that a second run on the same compilation and on one with an unrelated edit is
/// fully cached, and returns the generated source.
/// </summary>
public abstract class GeneratorTestBase
{
    protected static GeneratorResult Generate(string source)
    {
        var compilation = CompilationFactory.Create(source);
        var result = GeneratorHarness.Run(new RouterGenerator(), compilation);
        GeneratorHarness.AssertCompilesCleanly(result);

        GeneratorHarness.AssertCachedOnRerun(result, compilation.Clone(), TrackingNames.Parse, TrackingNames.Routers);
        var unrelated = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Unrelated { internal static class Edit { public static int Value => 42; } }",
            CompilationFactory.ParseOptions,
            path: "Unrelated.cs"));
        GeneratorHarness.AssertCachedOnRerun(result, unrelated, TrackingNames.Parse, TrackingNames.Routers);
        return result;
    }

    protected static string SingleSource(GeneratorResult result) => result.Sources.Single().Source;
}
