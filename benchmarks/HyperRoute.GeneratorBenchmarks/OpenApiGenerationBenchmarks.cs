extern alias generator;

using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using HyperRoute.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RouterGenerator = generator::HyperRoute.Generators.RouterGenerator;

namespace HyperRoute.GeneratorBenchmarks;

/// <summary>
/// What <c>[OpenApi]</c> adds to a build: the router generator run from nothing (a new driver, a new compilation, as
/// a command-line build does) over the 1000-route table of the dispatch benchmarks, without and with the attribute.
/// The source is parsed once; each run binds, reads, plans and emits everything again.
/// </summary>
/// <remarks>
/// Server GC, as the compiler runs generators: <c>csc</c> and <c>VBCSCompiler</c> ship with <c>System.GC.Server</c>
/// on in their runtimeconfig. Under workstation GC a run of 60 MB pays a blocking full collection every other run or
/// every run, by tens of milliseconds either way, and the ratio says more about that than about the generator.
/// </remarks>
[MemoryDiagnoser]
[GcServer(true)]
public class OpenApiGenerationBenchmarks
{
    private SyntaxTree _plain = null!;
    private SyntaxTree _documented = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var stream = typeof(OpenApiGenerationBenchmarks).Assembly.GetManifestResourceStream("LargeApi.cs")
            ?? throw new InvalidOperationException("LargeApi.cs is not embedded: see the project file.");
        var source = new StreamReader(stream).ReadToEnd();
        const string attribute = "[Router]\npublic static partial class LargeApi";
        if (!source.Contains(attribute, StringComparison.Ordinal))
            throw new InvalidOperationException("LargeApi.cs no longer declares its router as expected.");

        _plain = CSharpSyntaxTree.ParseText(source, CompilationFactory.ParseOptions);
        _documented = CSharpSyntaxTree.ParseText(
            source.Replace(attribute, "[Router]\n[OpenApi(Title = \"Large\")]\npublic static partial class LargeApi", StringComparison.Ordinal),
            CompilationFactory.ParseOptions);

        // Both inputs must generate what they are meant to: a dispatcher, and a dispatcher plus a document.
        Require(Run(_plain), expectOpenApi: false);
        Require(Run(_documented), expectOpenApi: true);
    }

    [Benchmark(Baseline = true, Description = "1000 routes")]
    public GeneratorDriverRunResult Dispatcher() => Run(_plain);

    [Benchmark(Description = "1000 routes + [OpenApi]")]
    public GeneratorDriverRunResult DispatcherAndDocument() => Run(_documented);

    private static GeneratorDriverRunResult Run(SyntaxTree tree)
    {
        var compilation = CSharpCompilation.Create("Large", [tree], CompilationFactory.References, CompilationFactory.CompilationOptions);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new RouterGenerator().AsSourceGenerator()], parseOptions: CompilationFactory.ParseOptions);
        return driver.RunGenerators(compilation).GetRunResult();
    }

    private static void Require(GeneratorDriverRunResult result, bool expectOpenApi)
    {
        var hints = result.GeneratedTrees.Select(t => Path.GetFileName(t.FilePath)).ToArray();
        var hasOpenApi = hints.Any(h => h.EndsWith(".OpenApi.g.cs", StringComparison.Ordinal));
        if (result.Diagnostics.Length != 0 || hints.Length == 0 || hasOpenApi != expectOpenApi)
            throw new InvalidOperationException(
                $"Unexpected generator output ({string.Join(", ", hints)}; {string.Join("; ", result.Diagnostics)}).");
    }
}
