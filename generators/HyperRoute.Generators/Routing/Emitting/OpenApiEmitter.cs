using System;
using System.Collections.Generic;
using System.Linq;
using HyperRoute.Generators.Emitting;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// Writes the OpenAPI 3.1 document of a router or an app with <c>[OpenApi]</c> (docs/openapi.md) from its spec alone, and
/// the file that embeds it: <c>OpenApiDocument</c> (a UTF-8 literal) and <c>OpenApiJson</c>. Paths are sorted by their
/// OpenAPI template, operations by method, schemas by name; keys keep one fixed order, so equal specs give equal bytes.
/// </summary>
internal static class OpenApiEmitter
{
    private const string ProblemJson = "application/problem+json";

    // The methods OpenAPI 3.1 knows, in the order a path item lists them; routes on any other method are left out.
    private static readonly string[] Methods = { "GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE" };

    /// <summary>The generated file's hint name: <c>{Namespace}.{Type}.OpenApi.g.cs</c>.</summary>
    public static string HintName(RouterSpec router)
    {
        var hint = router.Declaration.HintName;
        var stem = hint.Substring(0, hint.Length - ".g.cs".Length);
        return stem.Substring(0, stem.LastIndexOf('.')) + ".OpenApi.g.cs";
    }

    public static string Emit(RouterSpec router)
    {
        var type = router.Declaration;
        return GeneratedFileWriter.Write(type, "the [Route] attributes and [OpenApi] of " + type.Name, type.Header, writer =>
        {
            // The document is written already indented as the literal's lines are (a raw string literal's content is
            // indented like its closing quotes): one string, appended once, however many routes it describes.
            var document = Document(router, writer.IndentLevel * SourceWriter.IndentSize);
            var quotes = Quotes(document);
            writer.Doc($"The OpenAPI 3.1 document of {(router.IsApp ? "this app's routes" : "this router's routes")}, UTF-8 JSON written at compile time (no allocation: the bytes are the assembly's data).");
            writer.Line(GeneratedMethods.GeneratedCode);
            writer.Line("public static global::System.ReadOnlySpan<byte> OpenApiDocument => " + quotes);
            writer.Line(document);
            writer.Line(quotes + "u8;");
            writer.Line();
            writer.Doc("<see cref=\"OpenApiDocument\"/> as a string (a new one on every call).");
            writer.Line(GeneratedMethods.GeneratedCode);
            writer.Line("public static string OpenApiJson => global::System.Text.Encoding.UTF8.GetString(OpenApiDocument);");
        });
    }

    // A raw string literal's delimiter: one quote more than the longest run in the document, at least three.
    private static string Quotes(string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '"' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return new string('"', Math.Max(3, longest + 1));
    }

    /// <summary>The document as indented JSON, every line after the first indented <paramref name="indent"/> spaces more.</summary>
    public static string Document(RouterSpec router, int indent = 0)
    {
        var spec = router.OpenApi!;
        var json = new JsonTextWriter(indent);
        json.StartObject();
        json.Property("openapi", "3.1.0");
        json.Key("info");
        json.StartObject();
        json.Property("title", spec.Title);
        json.Property("version", spec.Version);
        json.EndObject();

        var operations = Operations(router);
        var usesProblems = false;
        json.Key("paths");
        json.StartObject();
        foreach (var path in operations.GroupBy(o => o.Path).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json.Key(path.Key);
            json.StartObject();
            foreach (var operation in path.OrderBy(o => Array.IndexOf(Methods, o.Route.Template.Method)))
            {
                usesProblems |= WriteOperation(json, router, operation);
            }

            json.EndObject();
        }

        json.EndObject();

        if (spec.Components.Count > 0 || usesProblems)
        {
            json.Key("components");
            json.StartObject();
            json.Key("schemas");
            json.StartObject();
            var written = false;
            foreach (var component in spec.Components)
            {
                if (!written && usesProblems && string.CompareOrdinal(OpenApiSchemaWriter.ProblemDetails, component.Name) < 0)
                {
                    WriteProblemDetails(json);
                    written = true;
                }

                if (component.Name == OpenApiSchemaWriter.ProblemDetails && usesProblems)
                {
                    continue; // the user's own ProblemDetails type: the RFC 9457 shape is written instead
                }

                json.Key(component.Name);
                OpenApiSchemaWriter.WriteComponent(json, component);
            }

            if (!written && usesProblems)
            {
                WriteProblemDetails(json);
            }

            json.EndObject();
            json.EndObject();
        }

        json.EndObject();
        return json.ToString();

        static void WriteProblemDetails(JsonTextWriter json)
        {
            json.Key(OpenApiSchemaWriter.ProblemDetails);
            OpenApiSchemaWriter.WriteProblemDetails(json);
        }
    }

    /// <summary>One operation: a route on one OpenAPI path (a route with an optional last segment has two).</summary>
    private sealed record Operation(RouteSpec Route, string Path, int Segments, string Id);

    private static List<Operation> Operations(RouterSpec router)
    {
        var operations = new List<Operation>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var handlerCounts = router.Routes.GroupBy(r => r.HandlerName).ToDictionary(g => g.Key, g => g.Count());
        foreach (var route in router.Routes)
        {
            if (Array.IndexOf(Methods, route.Template.Method) < 0)
            {
                continue;
            }

            var count = route.Template.Segments.Count;
            var lengths = route.Template.Optional is null ? new[] { count } : new[] { count - 1, count };
            foreach (var length in lengths)
            {
                var path = Path(route.Template, length);

                // OpenAPI tells paths apart by their literals only: /a/{id} and /a/{name} are one path; the first route wins.
                if (!seen.Add(route.Template.Method + " " + Shape(path)))
                {
                    continue;
                }

                var baseId = router.IsApp && handlerCounts[route.HandlerName] > 0 && route.Owner is not null && router.Routes.Any(r => r.HandlerName == route.HandlerName && r.Owner != route.Owner)
                    ? ShortName(route.Owner) + "_" + route.HandlerName
                    : route.HandlerName;
                var id = baseId;
                for (var n = 2; !ids.Add(id); n++)
                {
                    id = baseId + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                operations.Add(new Operation(route, path, length, id));
            }
        }

        return operations;
    }

    private static string Path(RouteTemplate template, int segments)
    {
        if (segments == 0)
        {
            return "/";
        }

        return string.Concat(template.Segments.Take(segments).Select(s => "/" + (s.Kind == SegmentKind.Literal ? s.Text : "{" + s.Name + "}")));
    }

    private static string Shape(string path)
    {
        var text = new System.Text.StringBuilder();
        var inside = false;
        foreach (var c in path)
        {
            if (c == '{')
            {
                inside = true;
                text.Append("{}");
            }
            else if (c == '}')
            {
                inside = false;
            }
            else if (!inside)
            {
                text.Append(char.ToLowerInvariant(c));
            }
        }

        return text.ToString();
    }

    private static string ShortName(string fullName)
    {
        var name = fullName.StartsWith("global::", StringComparison.Ordinal) ? fullName.Substring("global::".Length) : fullName;
        return name.Substring(name.LastIndexOf('.') + 1);
    }

    // Writes one operation; true when it refers to the ProblemDetails schema.
    private static bool WriteOperation(JsonTextWriter json, RouterSpec router, Operation operation)
    {
        var route = operation.Route;
        var spec = router.OpenApi!;
        var doc = spec.Docs.FirstOrDefault(d => d.Key == (router.IsApp ? route.Owner : "") + "." + route.HandlerName);
        json.Key(route.Template.Method.ToLowerInvariant());
        json.StartObject();
        json.Key("tags");
        json.StartArray();
        json.String(route.Owner is null ? router.Declaration.Name : ShortName(route.Owner));
        json.EndArray();
        if (doc?.Summary is { } summary)
        {
            json.Property("summary", summary);
        }

        if (doc?.Remarks is { } remarks)
        {
            json.Property("description", remarks);
        }

        json.Property("operationId", operation.Id);

        var parameters = route.Bindings
            .Where(b => b.Source is BindingSource.Query or BindingSource.Header
                || b.Source is BindingSource.Segment or BindingSource.CatchAll && b.SegmentIndex < operation.Segments)
            .ToList();
        if (parameters.Count > 0)
        {
            json.Key("parameters");
            json.StartArray();
            foreach (var binding in parameters)
            {
                WriteParameter(json, route, binding, doc);
            }

            json.EndArray();
        }

        var body = route.Bindings.FirstOrDefault(b => b.Source is BindingSource.JsonBody or BindingSource.Body);
        if (body is not null)
        {
            json.Key("requestBody");
            json.StartObject();
            if (doc?.Parameters.FirstOrDefault(p => p.Name == body.Name) is { } bodyDoc)
            {
                json.Property("description", bodyDoc.Text);
            }

            json.Key("content");
            json.StartObject();
            json.Key(body.Source == BindingSource.JsonBody ? "application/json" : "application/octet-stream");
            json.StartObject();
            json.Key("schema");
            if (body.Source == BindingSource.JsonBody)
            {
                OpenApiSchemaWriter.Write(json, SchemaOf(spec, body.JsonType));
            }
            else
            {
                OpenApiSchemaWriter.Write(json, new TypeSchema());
            }

            json.EndObject();
            json.EndObject();
            json.Key("required");
            json.Boolean(true);
            json.EndObject();
        }

        var usesProblems = WriteResponses(json, spec, route);
        json.EndObject();
        return usesProblems;
    }

    private static void WriteParameter(JsonTextWriter json, RouteSpec route, ParameterBinding binding, OperationDoc? doc)
    {
        var segment = binding.SegmentIndex >= 0 ? route.Template.Segments[binding.SegmentIndex] : null;
        var inPath = binding.Source is BindingSource.Segment or BindingSource.CatchAll;
        json.StartObject();
        json.Property("name", inPath ? segment!.Name : binding.Source == BindingSource.Header ? binding.HeaderName! : binding.Name);
        json.Property("in", inPath ? "path" : binding.Source == BindingSource.Header ? "header" : "query");
        var text = doc?.Parameters.FirstOrDefault(p => p.Name == binding.Name)?.Text;
        if (binding.Source == BindingSource.CatchAll)
        {
            text = (text is null ? "" : text + " ") + "(catch-all: the rest of the path, slashes included, possibly empty)";
        }

        if (text is not null)
        {
            json.Property("description", text);
        }

        json.Key("required");
        json.Boolean(inPath || !binding.IsOptional);
        json.Key("schema");
        OpenApiSchemaWriter.WriteValue(json, binding, segment);
        json.EndObject();
    }

    private static TypeSchema SchemaOf(OpenApiSpec spec, string? typeName)
        => spec.Types.FirstOrDefault(t => t.TypeName == typeName)?.Schema ?? new TypeSchema();

    // Responses by status: each declared case; void: 200 without content; 400 problem+json when a binding can fail.
    private static bool WriteResponses(JsonTextWriter json, OpenApiSpec spec, RouteSpec route)
    {
        var responses = route.Result?.Responses.ToList() ?? new List<ResponseSpec>();
        if (route.ReturnsVoid || responses.Count == 0)
        {
            responses.Add(new ResponseSpec(200, null, null));
        }

        var canFail = route.RequestValidators.Any()
            || route.Bindings.Any(b => b.Source is BindingSource.JsonBody or BindingSource.Header
                || b.Source == BindingSource.Query && b.Type != RouteValueType.String && b.Type != RouteValueType.Utf8
                || b.Steps.Count > 0);
        if (canFail && !responses.Any(r => r.Status == 400))
        {
            responses.Add(new ResponseSpec(400, ProblemJson, null));
        }

        var usesProblems = false;
        json.Key("responses");
        json.StartObject();
        foreach (var status in responses.GroupBy(r => r.Status).OrderBy(g => g.Key == 0 ? int.MaxValue : g.Key))
        {
            json.Key(status.Key == 0 ? "default" : status.Key.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.StartObject();
            json.Property("description", Reason(status.Key));
            var contents = status.Where(r => r.ContentType is not null).GroupBy(r => r.ContentType!).ToList();
            if (contents.Count > 0)
            {
                json.Key("content");
                json.StartObject();
                foreach (var content in contents.OrderBy(c => c.Key, StringComparer.Ordinal))
                {
                    json.Key(content.Key);
                    json.StartObject();
                    json.Key("schema");
                    var response = content.First();
                    if (content.Key == ProblemJson && response.BodyType is null)
                    {
                        usesProblems = true;
                        OpenApiSchemaWriter.Write(json, new TypeSchema { Ref = OpenApiSchemaWriter.ProblemDetails });
                    }
                    else if (response.BodyType is not null)
                    {
                        OpenApiSchemaWriter.Write(json, SchemaOf(spec, response.BodyType));
                    }
                    else
                    {
                        OpenApiSchemaWriter.Write(json, content.Key.StartsWith("text/", StringComparison.Ordinal) ? new TypeSchema { Type = "string" } : new TypeSchema());
                    }

                    json.EndObject();
                }

                json.EndObject();
            }

            json.EndObject();
        }

        json.EndObject();
        return usesProblems;
    }

    private static string Reason(int status) => status switch
    {
        0 => "Decided at run time",
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        412 => "Precondition Failed",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Content",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status " + status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
