using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using HyperRoute.Generators.Emitting;
using HyperRoute.Generators.Steps;
using Microsoft.CodeAnalysis.Text;

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

    // Their keys in a path item.
    private static readonly string[] MethodKeys = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    /// <summary>The generated file's hint name: <c>{Namespace}.{Type}.OpenApi.g.cs</c>.</summary>
    public static string HintName(RouterSpec router)
    {
        var hint = router.Declaration.HintName;
        var stem = hint.Substring(0, hint.Length - ".g.cs".Length);
        return stem.Substring(0, stem.LastIndexOf('.')) + ".OpenApi.g.cs";
    }

    // Where the skeleton of the file holds the document's place: no generated C# holds this character.
    private const string DocumentPlace = "\u0001";

    public static SourceText Emit(RouterSpec router)
    {
        var type = router.Declaration;
        var skeleton = GeneratedFileWriter.Write(type, "the [Route] attributes and [OpenApi] of " + type.Name, type.Header, writer =>
        {
            writer.Doc($"The OpenAPI 3.1 document of {(router.IsApp ? "this app's routes" : "this router's routes")}, UTF-8 JSON written at compile time (no allocation: the bytes are the assembly's data).");
            writer.Line(GeneratedMethods.GeneratedCode);

            // A raw string literal, its lines indented as its closing quotes are. Three quotes always delimit it: this
            // JSON never holds three in a row (a quote inside a string is escaped, and a string's closing quote is
            // followed by a colon, a comma, a bracket or a space).
            writer.Line("public static global::System.ReadOnlySpan<byte> OpenApiDocument => \"\"\"");
            writer.Line(DocumentPlace);
            writer.Line("\"\"\"u8;");
            writer.Line();
            writer.Doc("<see cref=\"OpenApiDocument\"/> as a string (a new one on every call).");
            writer.Line(GeneratedMethods.GeneratedCode);
            writer.Line("public static string OpenApiJson => global::System.Text.Encoding.UTF8.GetString(OpenApiDocument);");
        });

        // The document is written into the file's text in its place, and the text goes to the compiler in pieces: a
        // large document is never one string, nor is the file.
        var place = skeleton.IndexOf(DocumentPlace, StringComparison.Ordinal);
        var indent = place - (skeleton.LastIndexOf('\n', place) + 1);
        var text = new StringBuilder(); // grown in pieces: one array of the whole file would land on the large object heap
        text.Append(skeleton, 0, place);
        Document(router, text, indent);
        text.Append(skeleton, place + DocumentPlace.Length, skeleton.Length - place - DocumentPlace.Length);
        return SourceText.From(new StringBuilderReader(text), text.Length, Encoding.UTF8);
    }

    /// <summary>Appends the document to <paramref name="text"/> as laid out by <see cref="JsonTextWriter"/>, every line indented <paramref name="indent"/> spaces.</summary>
    private static void Document(RouterSpec router, StringBuilder text, int indent)
    {
        var spec = router.OpenApi!;
        var json = new JsonTextWriter(text, indent);
        json.StartObject();
        json.Property("openapi", "3.1.0");
        json.Key("info");
        json.StartObject();
        json.Property("title", spec.Title);
        json.Property("version", spec.Version);
        json.EndObject();

        // By path, then by method: no two operations share both (Operations keeps the first of such routes).
        var operations = Operations(router);
        operations.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path) is var byPath and not 0 ? byPath : a.Method.CompareTo(b.Method));
        var lookup = new Lookup(spec);
        var usesProblems = false;
        json.Key("paths");
        json.StartObject();
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i];
            if (i == 0 || operation.Path != operations[i - 1].Path)
            {
                if (i > 0)
                {
                    json.EndObject();
                }

                json.Key(operation.Path);
                json.StartObject();
            }

            usesProblems |= WriteOperation(json, router, lookup, operation);
        }

        if (operations.Count > 0)
        {
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

        static void WriteProblemDetails(JsonTextWriter json)
        {
            json.Key(OpenApiSchemaWriter.ProblemDetails);
            OpenApiSchemaWriter.WriteProblemDetails(json);
        }
    }

    /// <summary>
    /// One operation: a route on one OpenAPI path (a route with an optional last segment has two); <see cref="Method"/>
    /// is its method's place in <see cref="Methods"/>.
    /// </summary>
    private sealed record Operation(RouteSpec Route, string Path, int Segments, string Id, int Method);

    /// <summary>The handlers' docs and the types' schemas by name, looked up once per operation.</summary>
    private sealed class Lookup
    {
        private readonly Dictionary<string, OperationDoc> _docs = new(StringComparer.Ordinal);
        private readonly Dictionary<string, TypeSchema> _schemas = new(StringComparer.Ordinal);

        public Lookup(OpenApiSpec spec)
        {
            foreach (var doc in spec.Docs)
            {
                if (!_docs.ContainsKey(doc.Key))
                {
                    _docs.Add(doc.Key, doc); // the first of equal keys, as the docs are sorted
                }
            }

            foreach (var type in spec.Types)
            {
                if (!_schemas.ContainsKey(type.TypeName))
                {
                    _schemas.Add(type.TypeName, type.Schema);
                }
            }
        }

        public OperationDoc? Doc(string key) => _docs.TryGetValue(key, out var doc) ? doc : null;

        /// <summary>The schema a JSON type is written with; any value for a type without one.</summary>
        public TypeSchema Schema(string? typeName)
            => typeName is not null && _schemas.TryGetValue(typeName, out var schema) ? schema : new TypeSchema();
    }

    private static List<Operation> Operations(RouterSpec router)
    {
        var operations = new List<Operation>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // In an app, a handler name more than one router uses is qualified with its router's name.
        var shared = new HashSet<string>(StringComparer.Ordinal);
        if (router.IsApp)
        {
            var owners = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var route in router.Routes)
            {
                if (!owners.TryGetValue(route.HandlerName, out var owner))
                {
                    owners.Add(route.HandlerName, route.Owner);
                }
                else if (owner != route.Owner)
                {
                    shared.Add(route.HandlerName);
                }
            }
        }

        var scratch = new StringBuilder();
        foreach (var route in router.Routes)
        {
            var method = Array.IndexOf(Methods, route.Template.Method);
            if (method < 0)
            {
                continue;
            }

            var count = route.Template.Segments.Count;
            var lengths = route.Template.Optional is null ? new[] { count } : new[] { count - 1, count };
            foreach (var length in lengths)
            {
                var (path, shape) = Path(route.Template, length, scratch);

                // OpenAPI tells paths apart by their literals only: /a/{id} and /a/{name} are one path; the first route wins.
                if (!seen.Add(route.Template.Method + " " + shape))
                {
                    continue;
                }

                var baseId = route.Owner is not null && shared.Contains(route.HandlerName)
                    ? ShortName(route.Owner) + "_" + route.HandlerName
                    : route.HandlerName;
                var id = baseId;
                for (var n = 2; !ids.Add(id); n++)
                {
                    id = baseId + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                operations.Add(new Operation(route, path, length, id, method));
            }
        }

        return operations;
    }

    // The OpenAPI path of a route's first segments, and its shape: how OpenAPI tells paths apart (by their literals,
    // case-insensitively; a parameter by its place only).
    private static (string Path, string Shape) Path(RouteTemplate template, int segments, StringBuilder scratch)
    {
        if (segments == 0)
        {
            return ("/", "/");
        }

        scratch.Clear();
        for (var i = 0; i < segments; i++)
        {
            var segment = template.Segments[i];
            scratch.Append('/');
            if (segment.Kind == SegmentKind.Literal)
            {
                scratch.Append(segment.Text);
            }
            else
            {
                scratch.Append('{').Append(segment.Name).Append('}');
            }
        }

        var path = scratch.ToString();
        scratch.Clear();
        for (var i = 0; i < segments; i++)
        {
            var segment = template.Segments[i];
            scratch.Append(segment.Kind == SegmentKind.Literal ? "/" + segment.Text.ToLowerInvariant() : "/{}");
        }

        return (path, scratch.ToString());
    }

    private static string ShortName(string fullName)
    {
        var name = fullName.StartsWith("global::", StringComparison.Ordinal) ? fullName.Substring("global::".Length) : fullName;
        return name.Substring(name.LastIndexOf('.') + 1);
    }

    // Writes one operation; true when it refers to the ProblemDetails schema.
    private static bool WriteOperation(JsonTextWriter json, RouterSpec router, Lookup lookup, Operation operation)
    {
        var route = operation.Route;
        var doc = lookup.Doc((router.IsApp ? route.Owner : "") + "." + route.HandlerName);
        json.Key(MethodKeys[operation.Method]);
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

        var parameters = false;
        ParameterBinding? body = null;
        foreach (var binding in route.Bindings)
        {
            if (binding.Source is BindingSource.Query or BindingSource.Header
                || binding.Source is BindingSource.Segment or BindingSource.CatchAll && binding.SegmentIndex < operation.Segments)
            {
                if (!parameters)
                {
                    parameters = true;
                    json.Key("parameters");
                    json.StartArray();
                }

                WriteParameter(json, route, binding, doc);
            }
            else if (body is null && binding.Source is BindingSource.JsonBody or BindingSource.Body)
            {
                body = binding;
            }
        }

        if (parameters)
        {
            json.EndArray();
        }

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
                OpenApiSchemaWriter.Write(json, lookup.Schema(body.JsonType));
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

        var usesProblems = WriteResponses(json, lookup, route);
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

    // Responses by status: each declared case; void: 200 without content; 400 problem+json when a binding can fail.
    private static bool WriteResponses(JsonTextWriter json, Lookup lookup, RouteSpec route)
    {
        var responses = new List<ResponseSpec>();
        if (route.Result is { } result)
        {
            responses.AddRange(result.Responses);
        }

        if (route.ReturnsVoid || responses.Count == 0)
        {
            responses.Add(new ResponseSpec(200, null, null));
        }

        if (CanFail(route) && !responses.Exists(r => r.Status == 400))
        {
            responses.Add(new ResponseSpec(400, ProblemJson, null));
        }

        // Each status once, in order ("default", status 0, last); under it each content type once, in ordinal order,
        // described by the first response that has it.
        var statuses = new List<int>();
        foreach (var response in responses)
        {
            if (!statuses.Contains(response.Status))
            {
                statuses.Add(response.Status);
            }
        }

        statuses.Sort(static (a, b) => (a == 0 ? int.MaxValue : a).CompareTo(b == 0 ? int.MaxValue : b));
        var usesProblems = false;
        var contents = new List<ResponseSpec>();
        json.Key("responses");
        json.StartObject();
        foreach (var status in statuses)
        {
            json.Key(status == 0 ? "default" : status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.StartObject();
            json.Property("description", Reason(status));
            contents.Clear();
            foreach (var response in responses)
            {
                if (response.Status == status && response.ContentType is { } type && !contents.Exists(c => c.ContentType == type))
                {
                    contents.Add(response);
                }
            }

            if (contents.Count > 0)
            {
                contents.Sort(static (a, b) => string.CompareOrdinal(a.ContentType, b.ContentType));
                json.Key("content");
                json.StartObject();
                foreach (var response in contents)
                {
                    var type = response.ContentType!;
                    json.Key(type);
                    json.StartObject();
                    json.Key("schema");
                    if (type == ProblemJson && response.BodyType is null)
                    {
                        usesProblems = true;
                        OpenApiSchemaWriter.Write(json, new TypeSchema { Ref = OpenApiSchemaWriter.ProblemDetails });
                    }
                    else if (response.BodyType is not null)
                    {
                        OpenApiSchemaWriter.Write(json, lookup.Schema(response.BodyType));
                    }
                    else
                    {
                        OpenApiSchemaWriter.Write(json, type.StartsWith("text/", StringComparison.Ordinal) ? new TypeSchema { Type = "string" } : new TypeSchema());
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

    // A request the route may refuse with 400: a validator, a body, a header, a query value that must parse, a step.
    private static bool CanFail(RouteSpec route)
    {
        foreach (var step in route.Steps)
        {
            if (step.Kind == StepKind.Validate)
            {
                return true;
            }
        }

        foreach (var binding in route.Bindings)
        {
            if (binding.Source is BindingSource.JsonBody or BindingSource.Header
                || binding.Source == BindingSource.Query && binding.Type != RouteValueType.String && binding.Type != RouteValueType.Utf8
                || binding.Steps.Count > 0)
            {
                return true;
            }
        }

        return false;
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
