using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using HyperRoute.Analyzers.HotPath;
using HyperRoute.Generators.Tests.Analyzers;
using HyperRoute.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;
using Xunit.Abstractions;

namespace HyperRoute.Generators.Tests.HotPath;

/// <summary>
/// The allocation analyzer against measured truth: every snippet of <c>../shared/corpora/alloc-cases.json</c>
/// (95 cases from the anchor analyzers' own test suites, bytes per call measured on .NET 10) is compiled with its
/// hot method marked <c>[HotPath]</c>; a case counts as flagged when any HR1xxx diagnostic falls inside that method.
/// Recall and false-positive rate are taken against <c>expect_alloc</c>. Without <c>../shared</c> (a clone outside
/// the workplace) the test returns early and says so in its output; CI has the corpus.
/// </summary>
public sealed class AllocationCorpusTests(ITestOutputHelper output)
{
    // What this analyzer reaches today, asserted as the floor (the issue's targets: recall >= 95 %, FP <= 5 %).
    private const double MinimumRecall = 0.95;
    private const double MaximumFalsePositiveRate = 0.05;

    [Fact]
    public void Corpus_recall_and_false_positive_rate_meet_the_targets_or_skip_when_the_corpus_is_absent()
    {
        var path = CorpusPath();
        if (path is null)
        {
            output.WriteLine("SKIPPED: ../shared/corpora/alloc-cases.json is absent (a clone outside the workplace); the corpus test runs in CI.");
            return;
        }

        var cases = Read(path);
        Assert.True(cases.Count >= 90, $"the corpus has only {cases.Count} cases");

        var score = Score(cases, static item => item.GetProperty("expect_alloc").GetBoolean());
        Assert.True(score.Recall >= MinimumRecall, $"recall {score.Recall:P1} is below {MinimumRecall:P0}");
        Assert.True(score.FalsePositiveRate <= MaximumFalsePositiveRate, $"false-positive rate {score.FalsePositiveRate:P1} is above {MaximumFalsePositiveRate:P0}");

        // The same cases against the runtime's defaults (tiered, dynamic PGO, escape analysis on), for the docs.
        output.WriteLine("against tiered_pgo:");
        Score(cases, static item => item.GetProperty("measured_bytes_per_call_net10").GetProperty("tiered_pgo").GetDouble() > 0);
    }

    /// <summary>
    /// The project's own corpus (<c>Corpus/alloc-cases-net10.json</c>: what .NET 8, 9 and 10 changed, measured with
    /// <c>tests/HyperRoute.AllocationTruth</c>), scored against the runtime's defaults (<c>expect_alloc</c> = the tiered,
    /// PGO, escape-analysis figure is above zero). The cases a static rule can know (<c>static_rule_can_know</c>) must
    /// all agree; the others depend on run-time values or on the JIT's inlining and escape analysis, and are printed
    /// with the analyzer's policy for them (see docs/analyzers.md).
    /// </summary>
    [Fact]
    public void Own_corpus_agrees_with_the_runtime_wherever_a_static_rule_can_know()
    {
        var cases = Read(Path.Combine(AppContext.BaseDirectory, "HotPath", "Corpus", "alloc-cases-net10.json"));
        Assert.True(cases.Count >= 40, $"the corpus has only {cases.Count} cases");

        output.WriteLine("all cases:");
        Score(cases, static item => item.GetProperty("expect_alloc").GetBoolean());

        output.WriteLine("cases a static rule can know:");
        var knowable = Score(cases.Where(c => c.GetProperty("static_rule_can_know").GetBoolean()).ToList(), static item => item.GetProperty("expect_alloc").GetBoolean());
        Assert.True(knowable.FalseNegatives == 0 && knowable.FalsePositives == 0, $"{knowable.FalseNegatives} missed and {knowable.FalsePositives} falsely flagged cases that a static rule can know");
    }

    private static List<JsonElement> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private (double Recall, double FalsePositiveRate, int FalseNegatives, int FalsePositives) Score(List<JsonElement> cases, Func<JsonElement, bool> allocates)
    {
        int truePositives = 0, falseNegatives = 0, falsePositives = 0, trueNegatives = 0;
        foreach (var item in cases)
        {
            var id = item.GetProperty("id").GetString()!;
            var expectAlloc = allocates(item);
            var flagged = Flag(id, item.GetProperty("code").GetString()!, item.GetProperty("hot_method").GetString()!, out var reported);
            switch (expectAlloc, flagged)
            {
                case (true, true): truePositives++; output.WriteLine($"flagged:        {id}: {reported}"); break;
                case (true, false): falseNegatives++; output.WriteLine($"missed:         {id}"); break;
                case (false, true): falsePositives++; output.WriteLine($"false positive: {id}: {reported}"); break;
                default: trueNegatives++; break;
            }
        }

        var recall = truePositives + falseNegatives == 0 ? 1 : (double)truePositives / (truePositives + falseNegatives);
        var falsePositiveRate = falsePositives + trueNegatives == 0 ? 0 : (double)falsePositives / (falsePositives + trueNegatives);
        output.WriteLine($"recall {truePositives}/{truePositives + falseNegatives} = {recall:P1}; false positives {falsePositives}/{falsePositives + trueNegatives} = {falsePositiveRate:P1}");
        return (recall, falsePositiveRate, falseNegatives, falsePositives);
    }

    /// <summary>Marks <paramref name="hotMethod"/> (<c>Type.Method</c> or <c>Type.get_Prop</c>) and reports whether an HR1xxx diagnostic falls inside it.</summary>
    private static bool Flag(string id, string code, string hotMethod, out string reported)
    {
        var source = "namespace Corpus;\n" + code;
        var member = FindMember(CSharpSyntaxTree.ParseText(source, CompilationFactory.ParseOptions), hotMethod, id);
        source = source.Insert(member.SpanStart, "[global::HyperRoute.HotPath] ");
        var compilation = CompilationFactory.Create(source);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"{id} does not compile:\n{string.Join("\n", errors)}");

        var span = FindMember(compilation.SyntaxTrees.Single(), hotMethod, id).Span;
        var inside = AnalyzerRun.Diagnostics<AllocationAnalyzer>(compilation)
            .Where(d => d.Id.StartsWith("HR1", StringComparison.Ordinal) && d.Severity >= DiagnosticSeverity.Warning && span.Contains(d.Location.SourceSpan)) // HR1013 (info) claims no allocation
            .ToList();
        reported = string.Join("; ", inside.Select(d => $"{d.Id} {d.GetMessage()}"));
        return inside.Count > 0;
    }

    private static MemberDeclarationSyntax FindMember(SyntaxTree tree, string hotMethod, string id)
    {
        var dot = hotMethod.LastIndexOf('.');
        var (typeName, memberName) = (hotMethod[..dot], hotMethod[(dot + 1)..]);
        var type = tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>().Single(t => t.Identifier.Text == typeName);
        MemberDeclarationSyntax? member = memberName.StartsWith("get_", StringComparison.Ordinal)
            ? type.Members.OfType<PropertyDeclarationSyntax>().SingleOrDefault(p => p.Identifier.Text == memberName[4..])
            : type.Members.OfType<MethodDeclarationSyntax>().SingleOrDefault(m => m.Identifier.Text == memberName);
        return member ?? throw new InvalidOperationException($"{id}: no member {hotMethod}");
    }

    internal static string? CorpusPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HyperRoute.Generators.sln")))
            {
                var path = Path.Combine(directory.FullName, "..", "shared", "corpora", "alloc-cases.json");
                return File.Exists(path) ? Path.GetFullPath(path) : null;
            }
        }

        return null;
    }
}
