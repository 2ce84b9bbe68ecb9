using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace HyperRoute.Tests;

/// <summary>
/// The README's C# compiles as a user would build it: each <c>```csharp</c> block against the .NET reference set and
/// <c>HyperRoute.dll</c>, with the HyperRoute generator and analyzers loaded from their built assemblies (what the
/// package puts under <c>analyzers/dotnet/cs</c>), and no warning of any kind allowed. The first block is a console
/// program (top-level statements). A block after <c>&lt;!-- fragment: … --&gt;</c> holds members of a router and is
/// compiled inside a <c>[Router] static partial class</c> with the first block's usings; a block after
/// <c>&lt;!-- not compiled: reason --&gt;</c> is skipped, and the reason is written to the test output.
/// </summary>
public sealed class ReadmeTests(ITestOutputHelper output)
{
    private const string FragmentMarker = "<!-- fragment";
    private const string SkipMarker = "<!-- not compiled:";

    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    [Fact]
    public async Task First_block_compiles_as_a_console_program_without_errors_or_warnings()
    {
        var first = ReadBlocks()[0];
        Assert.Equal(BlockKind.Program, first.Kind);

        var problems = await CompileAsync([first.Code], OutputKind.ConsoleApplication);

        Assert.True(problems.Count == 0, $"README.md line {first.Line}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [Fact]
    public async Task Every_other_csharp_block_compiles_or_says_why_not()
    {
        var blocks = ReadBlocks();
        var usings = string.Join(Environment.NewLine, blocks[0].Code.Split('\n').Where(line => line.StartsWith("using ", StringComparison.Ordinal)));
        var failures = new List<string>();
        foreach (var (block, index) in blocks.Select((b, i) => (b, i)).Skip(1))
        {
            string source;
            switch (block.Kind)
            {
                case BlockKind.Skipped:
                    output.WriteLine($"README.md line {block.Line}: not compiled: {block.Reason}");
                    continue;
                case BlockKind.Fragment:
                    source = $"{usings}\nnamespace ReadmeFragments;\n[Router]\npublic static partial class Fragment{index}\n{{\n{block.Code}\n}}\n";
                    break;
                default:
                    source = block.Code;
                    break;
            }

            var problems = await CompileAsync([source], OutputKind.DynamicallyLinkedLibrary);
            failures.AddRange(problems.Select(p => $"README.md block at line {block.Line}: {p}"));
            output.WriteLine($"README.md line {block.Line}: {block.Kind}, {(problems.Count == 0 ? "compiles" : "fails")}");
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private enum BlockKind
    {
        Program,
        Fragment,
        Skipped,
    }

    private sealed record Block(int Line, BlockKind Kind, string Code, string? Reason);

    // Every ```csharp block, with the marker comment on the last non-empty line before it.
    private static IReadOnlyList<Block> ReadBlocks()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));
        var blocks = new List<Block>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp")
            {
                continue;
            }

            var marker = lines.Take(i).Reverse().FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "";
            var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
            Assert.True(end > i, $"README.md line {i + 1}: the block is not closed.");
            var code = string.Join("\n", lines[(i + 1)..end]);
            var (kind, reason) = marker.StartsWith(FragmentMarker, StringComparison.Ordinal) ? (BlockKind.Fragment, null)
                : marker.StartsWith(SkipMarker, StringComparison.Ordinal) ? (BlockKind.Skipped, marker[SkipMarker.Length..].TrimEnd('-', '>', ' ').Trim())
                : (BlockKind.Program, (string?)null);
            blocks.Add(new Block(i + 1, kind, code, reason));
            i = end;
        }

        Assert.NotEmpty(blocks);
        return blocks;
    }

    // Errors and warnings (every warning wave) after the generator ran and with the analyzers, as readable lines.
    private static async Task<IReadOnlyList<string>> CompileAsync(string[] sources, OutputKind kind)
    {
        var compilation = CSharpCompilation.Create(
            "Readme",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, Parse, path: $"README{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));
        var (generators, analyzers) = HyperRouteAnalyzers.Value;
        CSharpGeneratorDriver.Create(generators, parseOptions: Parse)
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        var diagnostics = await generated.WithAnalyzers(analyzers).GetAllDiagnosticsAsync();
        return generatorDiagnostics.Concat(diagnostics)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => d.ToString())
            .ToList();
    }

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(RouteMatch).Assembly.Location)
            .Distinct()
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList());

    // The generator and the analyzers as the compiler loads them from the package: from their assemblies, built with
    // this test project (same configuration).
    private static readonly Lazy<(ImmutableArray<ISourceGenerator>, ImmutableArray<DiagnosticAnalyzer>)> HyperRouteAnalyzers = new(() =>
    {
        var root = RepositoryRoot();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/{Configuration}/net10.0/
        AnalyzerReference Load(string project) => new AnalyzerFileReference(
            Path.Combine(root, project, "bin", configuration, "netstandard2.0", Path.GetFileName(project) + ".dll"),
            AnalyzerLoader.Instance);
        var generator = Load("generators/HyperRoute.Generators");
        var analyzers = Load("analyzers/HyperRoute.Analyzers");
        var generators = generator.GetGenerators(LanguageNames.CSharp);
        Assert.NotEmpty(generators);
        return (generators, analyzers.GetAnalyzers(LanguageNames.CSharp).AddRange(generator.GetAnalyzers(LanguageNames.CSharp)));
    });

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HyperRoute.Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (HyperRoute.Generators.sln) is not above " + AppContext.BaseDirectory);
    }

    private sealed class AnalyzerLoader : IAnalyzerAssemblyLoader
    {
        public static readonly AnalyzerLoader Instance = new();

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
