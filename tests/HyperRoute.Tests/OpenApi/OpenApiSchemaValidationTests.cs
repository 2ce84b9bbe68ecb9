using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using HyperRoute.Samples.Api;
using Json.Schema;
using Xunit;

namespace HyperRoute.Tests.OpenApi;

/// <summary>
/// The generated OpenAPI documents validate against the OpenAPI 3.1 JSON Schema published by the OpenAPI Initiative
/// (<c>OpenApi/Schema/</c>, see its README): <c>schema.json</c> checks the document's structure, <c>schema-base.json</c>
/// also checks every Schema Object in it against the OAS 3.1 base dialect (JSON Schema 2020-12 plus the OAS keywords).
/// The sample's document (which holds the todo example) and every document pinned by the generator's snapshot tests are
/// checked, and a broken document is shown to fail, so the validation itself is known to bite.
/// </summary>
public sealed class OpenApiSchemaValidationTests
{
    private static readonly Lazy<(JsonSchema Structure, JsonSchema WithDialect, EvaluationOptions Options)> Schemas = new(LoadSchemas);

    [Fact]
    public void The_sample_s_document_validates_against_the_OpenAPI_3_1_schema_and_its_base_dialect()
    {
        AssertValid("ShopApi", ShopApi.OpenApiJson);
    }

    [Fact]
    public void Every_document_the_generator_snapshots_pin_validates_against_the_OpenAPI_3_1_schema()
    {
        var snapshots = Directory.GetFiles(
                Path.Combine(RepositoryRoot(), "tests", "HyperRoute.Generators.Tests", "Snapshots"), "*.OpenApi.g.verified.cs")
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();

        Assert.True(snapshots.Count >= 2, $"expected the OpenAPI snapshots of the generator tests, found {snapshots.Count}");
        foreach (var snapshot in snapshots)
        {
            AssertValid(Path.GetFileName(snapshot), DocumentIn(File.ReadAllLines(snapshot)));
        }
    }

    [Fact]
    public void A_document_without_info_and_with_a_bad_parameter_location_is_rejected()
    {
        var document = JsonNode.Parse(ShopApi.OpenApiJson)!.AsObject();
        document.Remove("info");
        document["paths"]!["/todos/{id}"]!["get"]!["parameters"]![0]!["in"] = "body"; // OpenAPI 2's location, gone in 3

        var structure = Schemas.Value.Structure.Evaluate(document, Schemas.Value.Options);

        Assert.False(structure.IsValid);
        var errors = Errors(structure);
        Assert.Contains(errors, e => e.Contains("info", StringComparison.Ordinal));
    }

    [Fact]
    public void A_schema_object_that_breaks_JSON_Schema_is_rejected_by_the_base_dialect()
    {
        var document = JsonNode.Parse(ShopApi.OpenApiJson)!.AsObject();
        document["components"]!["schemas"]!["Todo"]!["type"] = 42; // "type" must be a name or a list of names

        var withDialect = Schemas.Value.WithDialect.Evaluate(document, Schemas.Value.Options);

        Assert.False(withDialect.IsValid);
    }

    private static void AssertValid(string name, string json)
    {
        var document = JsonNode.Parse(json);
        var (structure, withDialect, options) = Schemas.Value;

        var structural = structure.Evaluate(document, options);
        Assert.True(structural.IsValid, $"{name} breaks the OpenAPI 3.1 schema:{Environment.NewLine}{string.Join(Environment.NewLine, Errors(structural))}");
        var dialect = withDialect.Evaluate(document, options);
        Assert.True(dialect.IsValid, $"{name} breaks the OAS 3.1 base dialect:{Environment.NewLine}{string.Join(Environment.NewLine, Errors(dialect))}");
    }

    private static List<string> Errors(EvaluationResults results)
        => (results.Details ?? [])
            .Where(d => !d.IsValid && d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .ToList();

    // The raw string literal of OpenApiDocument in a generated file, its indentation (the closing delimiter's) removed.
    private static string DocumentIn(string[] lines)
    {
        var start = Array.FindIndex(lines, l => l.Contains("OpenApiDocument => \"\"\"", StringComparison.Ordinal));
        Assert.True(start >= 0, "no OpenApiDocument literal in the snapshot");
        var quotes = lines[start].Substring(lines[start].IndexOf("=> ", StringComparison.Ordinal) + 3);
        var end = Array.FindIndex(lines, start + 1, l => l.Trim() == quotes + "u8;");
        Assert.True(end > start, "the OpenApiDocument literal is not closed");
        var indent = lines[end].Length - lines[end].TrimStart().Length;
        return string.Join("\n", lines[(start + 1)..end].Select(l => l.Length >= indent ? l.Substring(indent) : l.TrimStart()));
    }

    private static (JsonSchema, JsonSchema, EvaluationOptions) LoadSchemas()
    {
        // Every schema the two entry points refer to is registered with these options: nothing is fetched.
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List };

        // The OAS base vocabulary (discriminator, xml, externalDocs, example) is required by the dialect; its keywords
        // are annotations, so knowing the vocabulary is enough for the validator to evaluate the rest.
        var oasBase = new Uri("https://spec.openapis.org/oas/3.1/vocab/base");
        if (!VocabularyRegistry.IsKnown(oasBase))
        {
            VocabularyRegistry.Register(new Vocabulary(oasBase.OriginalString));
        }
        var folder = Path.Combine(AppContext.BaseDirectory, "OpenApi", "Schema");
        JsonSchema Load(string file)
        {
            var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(folder, file)));
            options.SchemaRegistry.Register(schema);
            return schema;
        }

        Load("meta-base.json");
        Load("dialect-base.json");
        var structure = Load("schema.json");
        var withDialect = Load("schema-base.json");
        return (structure, withDialect, options);
    }

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
}
