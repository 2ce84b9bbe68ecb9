extern alias generator;

using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

using JsonTextWriter = generator::HyperRoute.Generators.Emitting.JsonTextWriter;

namespace HyperRoute.Generators.Tests;

/// <summary>
/// The layout of the JSON the generator embeds (the OpenAPI document): a container that fits on its line stays on it,
/// one that does not is broken one member per line, and the text is always the JSON that was written.
/// </summary>
public sealed class JsonTextWriterTests
{
    [Fact]
    public void A_container_that_fits_stays_on_one_line_with_spaces_inside_braces_only()
    {
        var text = Write(json =>
        {
            json.StartObject();
            json.Property("type", "integer");
            json.Key("enum");
            json.StartArray();
            json.Number(1);
            json.Number(2);
            json.EndArray();
            json.Key("empty");
            json.StartObject();
            json.EndObject();
            json.Key("none");
            json.StartArray();
            json.EndArray();
            json.EndObject();
        });

        Assert.Equal("""{ "type": "integer", "enum": [1, 2], "empty": {}, "none": [] }""", text);
    }

    [Fact]
    public void A_container_too_long_for_its_line_is_broken_one_member_per_line_and_what_fits_inside_it_stays_whole()
    {
        var description = new string('d', 90);
        var text = Write(json =>
        {
            json.StartObject();
            json.Property("description", description);
            json.Key("schema");
            json.StartObject();
            json.Property("type", "string");
            json.Property("format", "uuid");
            json.EndObject();
            json.Key("tags");
            json.StartArray();
            json.String("Shop");
            json.EndArray();
            json.EndObject();
        });

        Assert.Equal(
            "{\n" +
            $"  \"description\": \"{description}\",\n" +
            "  \"schema\": { \"type\": \"string\", \"format\": \"uuid\" },\n" +
            "  \"tags\": [\"Shop\"]\n" +
            "}",
            text);
    }

    [Fact]
    public void The_outermost_container_on_a_long_line_breaks_first_and_an_inner_one_only_if_its_line_is_still_too_long()
    {
        // The outer object breaks: "a" then fits on a line of its own. "b" does not, so it breaks too.
        var text = Write(json =>
        {
            json.StartObject();
            json.Key("a");
            WriteNumbers(json, 20);
            json.Key("b");
            WriteNumbers(json, 40);
            json.EndObject();
        });

        var lines = text.Split('\n');
        Assert.Equal("{", lines[0]);
        Assert.Equal("  \"a\": [" + string.Join(", ", Enumerable.Range(0, 20)) + "],", lines[1]);
        Assert.Equal("  \"b\": [", lines[2]);
        Assert.Equal("    0,", lines[3]);
        Assert.Equal("    39", lines[^3]);
        Assert.Equal("  ]", lines[^2]);
        Assert.Equal("}", lines[^1]);
    }

    [Fact]
    public void A_closing_bracket_that_would_pass_the_width_breaks_its_container()
    {
        // Width less one columns before the closing brace (the one left for a comma that may follow): " }" would
        // make the line too long.
        var value = new string('v', JsonTextWriter.Width - 1 - "{ \"k\": \"\"".Length);
        var text = Write(json =>
        {
            json.StartObject();
            json.Property("k", value);
            json.EndObject();
        });

        Assert.Equal("{\n  \"k\": \"" + value + "\"\n}", text);
    }

    [Fact]
    public void Every_line_after_the_first_carries_the_embedding_indentation_and_counts_it_against_the_width()
    {
        var text = new StringBuilder("    ");
        var json = new JsonTextWriter(text, indent: 4);
        json.StartObject();
        json.Property("title", new string('t', JsonTextWriter.Width - 20));
        json.Property("version", "1.0.0");
        json.EndObject();

        Assert.Equal(
            "    {\n" +
            $"      \"title\": \"{new string('t', JsonTextWriter.Width - 20)}\",\n" +
            "      \"version\": \"1.0.0\"\n" +
            "    }",
            text.ToString());
    }

    [Fact]
    public void Strings_are_escaped_and_never_hold_three_quotes_in_a_row()
    {
        var text = Write(json =>
        {
            json.StartArray();
            json.String("\"\"");
            json.String("");
            json.String("a\\b\n\t\u0001é");
            json.EndArray();
        });

        Assert.Equal("[\"\\\"\\\"\", \"\", \"a\\\\b\\n\\t\\u0001é\"]", text);
        Assert.DoesNotContain("\"\"\"", text);
    }

    [Fact]
    public void Random_documents_are_written_as_the_same_JSON_within_the_width()
    {
        var random = new Random(20261207);
        for (var round = 0; round < 300; round++)
        {
            var node = RandomNode(random, depth: 0);
            var text = Write(json => WriteNode(json, node));

            var parsed = JsonNode.Parse(text);
            Assert.True(JsonNode.DeepEquals(node, parsed), $"Round {round} wrote other JSON:\n{text}");
            Assert.All(text.Split('\n'), line => Assert.True(line.Length <= JsonTextWriter.Width, $"Round {round}: a line of {line.Length} columns:\n{line}"));
            Assert.Equal(text, Write(json => WriteNode(json, node))); // deterministic
        }
    }

    private static string Write(Action<JsonTextWriter> write)
    {
        var text = new StringBuilder();
        write(new JsonTextWriter(text));
        return text.ToString();
    }

    private static void WriteNumbers(JsonTextWriter json, int count)
    {
        json.StartArray();
        for (var i = 0; i < count; i++)
        {
            json.Number(i);
        }

        json.EndArray();
    }

    // Members short enough that every one fits on a line at any depth written here: then every line must fit.
    private static JsonNode? RandomNode(Random random, int depth)
    {
        var kind = depth >= 6 ? random.Next(3) : random.Next(6);
        switch (kind)
        {
            case 0:
                return JsonValue.Create(new string((char)('a' + random.Next(26)), random.Next(0, 25)));
            case 1:
                return JsonValue.Create((long)random.Next(-1000, 100000));
            case 2:
                return random.Next(3) == 0 ? null : JsonValue.Create(random.Next(2) == 0);
            case 3:
            case 4:
                var obj = new JsonObject();
                var members = random.Next(0, 7);
                for (var i = 0; i < members; i++)
                {
                    obj["k" + i + new string('x', random.Next(0, 8))] = RandomNode(random, depth + 1);
                }

                return obj;
            default:
                var array = new JsonArray();
                var items = random.Next(0, 9);
                for (var i = 0; i < items; i++)
                {
                    array.Add(RandomNode(random, depth + 1));
                }

                return array;
        }
    }

    private static void WriteNode(JsonTextWriter json, JsonNode? node)
    {
        switch (node)
        {
            case null:
                json.Null();
                break;
            case JsonObject obj:
                json.StartObject();
                foreach (var (key, value) in obj)
                {
                    json.Key(key);
                    WriteNode(json, value);
                }

                json.EndObject();
                break;
            case JsonArray array:
                json.StartArray();
                foreach (var item in array)
                {
                    WriteNode(json, item);
                }

                json.EndArray();
                break;
            default:
                switch (node.GetValueKind())
                {
                    case JsonValueKind.String:
                        json.String(node.GetValue<string>());
                        break;
                    case JsonValueKind.Number:
                        json.Number(node.GetValue<long>());
                        break;
                    default:
                        json.Boolean(node.GetValue<bool>());
                        break;
                }

                break;
        }
    }
}
