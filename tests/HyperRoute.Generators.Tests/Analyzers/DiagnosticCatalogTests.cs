using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using HyperRoute.Analyzers;
using Microsoft.CodeAnalysis;
using Xunit;

namespace HyperRoute.Generators.Tests.Analyzers;

/// <summary>Every descriptor is documented, release-tracked and reported by an analyzer.</summary>
public sealed class DiagnosticCatalogTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in Descriptors())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_has_a_docs_page_with_a_wrong_and_a_right_example(string id)
    {
        var page = Path.Combine(RepositoryRoot(), "docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), $"{id} has no docs page at {page}");
        var text = File.ReadAllText(page);
        Assert.StartsWith("# " + id + ": ", text);
        Assert.Contains("## Wrong", text);
        Assert.Contains("## Right", text);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_has_a_release_entry_with_its_category_and_severity(string id)
    {
        var descriptor = Descriptors().Single(d => d.Id == id);
        var directory = Path.Combine(RepositoryRoot(), "analyzers", "HyperRoute.Analyzers");
        var entries = new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
            .SelectMany(file => File.ReadAllLines(Path.Combine(directory, file)))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .Where(cells => cells.Length >= 3 && cells[0] == id)
            .ToList();
        var entry = Assert.Single(entries);
        Assert.Equal(descriptor.Category, entry[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), entry[2]);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_links_to_its_docs_page(string id)
    {
        var descriptor = Descriptors().Single(d => d.Id == id);
        Assert.Equal($"https://github.com/hyperroute/hyperroute/blob/main/docs/diagnostics/{id}.md", descriptor.HelpLinkUri);
    }

    [Fact]
    public void Every_descriptor_is_supported_by_an_analyzer_and_ids_are_unique()
    {
        var descriptors = Descriptors();
        Assert.Equal(descriptors.Count, descriptors.Select(d => d.Id).Distinct().Count());
        var supported = typeof(RouteAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer).IsAssignableFrom(t))
            .SelectMany(t => ((Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .Select(d => d.Id)
            .ToHashSet();
        Assert.All(descriptors, d => Assert.Contains(d.Id, supported));
    }

    // DiagnosticDescriptors is internal (the analyzer assembly grants tests no access: the shared grammar it
    // links would clash with the generator's copy), so its fields are read by reflection.
    private static IReadOnlyList<DiagnosticDescriptor> Descriptors()
        => (typeof(RouteAnalyzer).Assembly.GetType("HyperRoute.Analyzers.DiagnosticDescriptors", throwOnError: true)!)
            .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToList();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HyperRoute.Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No HyperRoute.Generators.sln above {AppContext.BaseDirectory}");
    }
}
