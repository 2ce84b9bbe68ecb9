using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HyperRoute.AllocationTruth;

/// <summary>
/// Measures the bytes per call of every case of an allocation corpus (the shape of <c>../shared/corpora/alloc-cases.json</c>)
/// on the running runtime, under the four JIT modes the shared corpus records:
/// <list type="bullet">
/// <item><c>tiered_pgo</c>: the runtime's defaults (tiered compilation, dynamic PGO, object stack allocation), after the
/// entry point has been called in twelve rounds of 100 calls with 100 ms pauses, so tier 1 is installed;</item>
/// <item><c>fullopt</c>: <c>DOTNET_TieredCompilation=0</c> (optimized from the first call, no PGO);</item>
/// <item><c>fullopt_no_escape_analysis</c>: the same with <c>DOTNET_JitObjectStackAllocation=0</c>;</item>
/// <item><c>minopts</c>: <c>DOTNET_JITMinOpts=1</c> (what a method runs as before it tiers up).</item>
/// </list>
/// Each case is compiled in memory (Release, the latest language version of the Roslyn the analyzer tests use, behind
/// <c>namespace Corpus;</c> as the corpus test does), loaded, warmed up, then called in three batches of 1,000 calls
/// between two reads of <c>GC.GetAllocatedBytesForCurrentThread()</c>; the smallest batch is the figure.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project tests/HyperRoute.AllocationTruth -- CORPUS.json</c> prints the figures and where
/// they differ from the file's; <c>--update</c> writes them into the file (with <c>expect_alloc</c> = the
/// <c>tiered_pgo</c> figure is above zero, and the runtime version). Each mode runs in a child process of its own,
/// because the JIT reads its settings once per process.
/// </remarks>
internal static class Program
{
    private static readonly (string Mode, (string Name, string Value)[] Environment)[] Modes =
    [
        ("tiered_pgo", []),
        ("fullopt", [("DOTNET_TieredCompilation", "0")]),
        ("fullopt_no_escape_analysis", [("DOTNET_TieredCompilation", "0"), ("DOTNET_JitObjectStackAllocation", "0")]),
        ("minopts", [("DOTNET_JITMinOpts", "1")]),
    ];

    private static int Main(string[] args)
    {
        if (args is ["--child", var childMode, var childCorpus, .. var only])
        {
            return Child(childMode, childCorpus, only);
        }

        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: HyperRoute.AllocationTruth CORPUS.json [--update] [case-id ...]");
            return 2;
        }

        var corpus = Path.GetFullPath(args[0]);
        var update = args.Contains("--update");
        var ids = args.Skip(1).Where(a => a != "--update").ToArray();
        var results = new Dictionary<string, Dictionary<string, double>>();
        foreach (var (mode, environment) in Modes)
        {
            foreach (var (id, bytes) in RunChild(mode, environment, corpus, ids))
            {
                (results.TryGetValue(id, out var byMode) ? byMode : results[id] = [])[mode] = bytes;
            }
        }

        var root = JsonNode.Parse(File.ReadAllText(corpus))!.AsArray();
        foreach (var item in root.Select(n => n!.AsObject()))
        {
            var id = (string)item["id"]!;
            if (!results.TryGetValue(id, out var measured))
            {
                continue;
            }

            var recorded = item["measured_bytes_per_call_net10"]?.AsObject();
            var line = string.Join("  ", Modes.Select(m => $"{m.Mode}={Figure(measured, m.Mode)}"));
            var differs = recorded is null || Modes.Any(m => recorded[m.Mode]?.GetValue<double>() != measured.GetValueOrDefault(m.Mode, double.NaN));
            Console.WriteLine($"{(differs ? "*" : " ")} {id,-48} {line}");
            if (differs && recorded is not null)
            {
                Console.WriteLine($"  {"recorded",-48} {string.Join("  ", Modes.Select(m => $"{m.Mode}={recorded[m.Mode]}"))}");
            }

            if (update)
            {
                item["expect_alloc"] = measured["tiered_pgo"] > 0;
                item["measured_bytes_per_call_net10"] = new JsonObject(Modes.Select(m => KeyValuePair.Create(m.Mode, (JsonNode?)measured[m.Mode])));
                item["runtime_version"] = RuntimeInformation.FrameworkDescription;
            }
        }

        if (update)
        {
            var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            File.WriteAllText(corpus, root.ToJsonString(options).Replace("\r\n", "\n") + "\n");
            Console.WriteLine($"updated {corpus}");
        }

        return 0;
    }

    private static string Figure(Dictionary<string, double> measured, string mode)
        => measured.TryGetValue(mode, out var bytes) ? bytes.ToString(CultureInfo.InvariantCulture) : "?";

    private static IEnumerable<(string Id, double Bytes)> RunChild(string mode, (string Name, string Value)[] environment, string corpus, string[] ids)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(Program).Assembly.Location);
        }

        foreach (var argument in new[] { "--child", mode, corpus }.Concat(ids))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var child = Process.Start(start)!;
        var lines = new List<(string, double)>();
        while (child.StandardOutput.ReadLine() is { } line)
        {
            var parts = line.Split('\t');
            lines.Add((parts[0], double.Parse(parts[1], CultureInfo.InvariantCulture)));
        }

        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"the {mode} run failed ({child.ExitCode})");
        }

        return lines;
    }

    private static int Child(string mode, string corpus, string[] only)
    {
        var tiered = mode == "tiered_pgo";
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        using var document = JsonDocument.Parse(File.ReadAllText(corpus));
        var failed = false;
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var id = item.GetProperty("id").GetString()!;
            if (only.Length > 0 && !only.Contains(id))
            {
                continue;
            }

            var run = Load(id, item.GetProperty("code").GetString()!, item.GetProperty("entry_point").GetString()!, references);
            if (run is null)
            {
                failed = true;
                continue;
            }

            Console.WriteLine($"{id}\t{Measure(run, tiered).ToString(CultureInfo.InvariantCulture)}");
        }

        return failed ? 1 : 0;
    }

    private static Action? Load(string id, string code, string entryPoint, List<MetadataReference> references)
    {
        var compilation = CSharpCompilation.Create(
            "Case_" + id.Replace('-', '_'),
            [CSharpSyntaxTree.ParseText("namespace Corpus;\n" + code, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            Console.Error.WriteLine($"{id} does not compile:\n  " + string.Join("\n  ", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            return null;
        }

        image.Position = 0;
        var assembly = AssemblyLoadContext.Default.LoadFromStream(image);
        var dot = entryPoint.LastIndexOf('.');
        var method = assembly.GetType("Corpus." + entryPoint[..dot].Replace('.', '+'))?.GetMethod(entryPoint[(dot + 1)..], BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, Type.EmptyTypes);
        if (method is null || method.ReturnType != typeof(void))
        {
            Console.Error.WriteLine($"{id}: no static void {entryPoint}()");
            return null;
        }

        return method.CreateDelegate<Action>();
    }

    private static double Measure(Action run, bool tiered)
    {
        // Tier 0, then (dynamic PGO) instrumented tier 0, then tier 1: call counting starts 100 ms after the last tier-0
        // JIT and promotes after 30 calls; the pauses let the background compiler install each tier.
        for (var round = 0; round < (tiered ? 12 : 2); round++)
        {
            for (var i = 0; i < 100; i++)
            {
                run();
            }

            if (tiered)
            {
                Thread.Sleep(100);
            }
        }

        var best = double.MaxValue;
        for (var batch = 0; batch < 3; batch++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1000; i++)
            {
                run();
            }

            best = Math.Min(best, (GC.GetAllocatedBytesForCurrentThread() - before) / 1000.0);
        }

        return best;
    }
}
