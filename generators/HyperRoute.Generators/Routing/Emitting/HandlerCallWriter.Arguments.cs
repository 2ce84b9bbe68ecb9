using HyperRoute.Generators.Emitting;
using System.Collections.Generic;
using System.Linq;

namespace HyperRoute.Generators.Routing;

/// <summary>Binding each handler argument: route values, catch-alls, query values, headers, raw and JSON bodies.</summary>
internal sealed partial class HandlerCallWriter
{
    /// <summary>The name of the static field holding the JSON metadata of <paramref name="type"/>: <c>s_json_Shop_Order</c>.</summary>
    public static string JsonField(string type)
    {
        var name = new System.Text.StringBuilder("s_json_");
        foreach (var c in type.StartsWith("global::", System.StringComparison.Ordinal) ? type.Substring("global::".Length) : type)
        {
            name.Append(char.IsLetterOrDigit(c) ? c : '_');
        }

        return name.ToString();
    }

    /// <summary>
    /// The field of the JSON metadata of <paramref name="type"/> from the context <paramref name="context"/>, in an app whose
    /// routes use several (<c>s_json_Shop_TodoJson__Shop_Todo</c>); from the router's one context when <see langword="null"/>.
    /// </summary>
    public static string JsonField(string? context, string type)
        => context is null ? JsonField(type) : JsonField(context) + "__" + JsonField(type).Substring("s_json_".Length);

    /// <summary>The field of the JSON metadata route <paramref name="route"/> reads or writes <paramref name="type"/> with.</summary>
    public static string JsonField(RouteSpec? route, string type) => JsonField(route?.JsonContext, type);

    // A typed body: read as JSON with the router's context; a body that cannot be read answers its problem.
    private static string WriteJsonBody(SourceWriter writer, RouteSpec route, ParameterBinding binding, string local, string name)
    {
        var bare = Bare(binding.Identifier);
        var problem = bare + "Problem";
        var read = bare + "Read";
        writer.Comment($"[Body] {binding.Name}: the body read as JSON");
        writer.Call($"var {problem} = {HttpBody}.ReadJson(exchange.Request, {JsonField(route, binding.JsonType!)}, {CSharpLiterals.Number(binding.MaxLength)}, out var {read});");
        writer.If($"{problem} != Http::BodyProblem.None");
        using (writer.Braces())
        {
            writer.Call($"{ProblemJson}.Write(exchange.Response, {HttpBody}.StatusCode({problem}), {CSharpLiterals.Utf8(binding.Name)}, {HttpBody}.Detail({problem}));");
            writer.Line($"return {Match}.Rejected({route.Index}, {name});", "missing, not JSON, too large or malformed: the problem is written");
        }

        writer.Line($"{binding.JsonType} {local} = {read}!;");
        return local;
    }

    private static string WriteBinding(SourceWriter writer, RouteSpec route, ParameterBinding binding, int position, bool optionalAbsent, PathValues values, RouterSpec router)
    {
        var local = Bare(binding.Identifier) + "Arg";
        var type = DeclaredType(binding);
        var name = $"{position} /* {binding.Name} */";
        switch (binding.Source)
        {
            case BindingSource.Segment when optionalAbsent && binding.IsOptional:
                writer.Line($"{type} {local} = {binding.DefaultValue ?? "null"};");
                return local;

            case BindingSource.Segment:
            case BindingSource.CatchAll:
            {
                var value = values.Expression(binding.SegmentIndex);
                if (values.Parsed(binding.SegmentIndex, binding.Type) is { } parsed)
                {
                    writer.Line($"{type} {local} = {parsed};");
                    return local;
                }

                WriteParse(writer, route, binding, value, local, type, $"{Problem}.InvalidRouteValue", name);
                return local;
            }

            case BindingSource.Exchange:
                return "exchange";

            case BindingSource.Request:
                return "exchange.Request";

            case BindingSource.Response:
                return "exchange.Response";

            case BindingSource.Body:
                return binding.AsMemory ? "exchange.Request.BodyMemory" : "exchange.Request.Body";

            case BindingSource.CancellationToken:
                // Through the endpoint, the request's own; in-process, what DispatchAsync was given.
                return router.NeedsExchange ? "exchange.RequestAborted" : "cancellationToken";

            case BindingSource.Service:
                return ServiceEmitter.Argument(binding.Service!);

            case BindingSource.JsonBody:
                return WriteJsonBody(writer, route, binding, local, name);

            case BindingSource.Header:
                return WriteHeader(writer, route, binding, local, type, name, router.HeaderSlot(binding.HeaderName!));

            default:
                return WriteQuery(writer, route, binding, local, type, name);
        }
    }

    private static string WriteHeader(SourceWriter writer, RouteSpec route, ParameterBinding binding, string local, string type, string name, int slot)
    {
        var bare = Bare(binding.Identifier);
        var raw = bare + "Value";
        var badRequest = $"return {Match}.BadRequest({route.Index}, {Problem}.InvalidHeaderValue, {name});";
        // A span for a synchronous handler; memory (TryGetHeaderMemory) for an async one, which holds it across an await.
        var bytes = binding.AsMemory ? "System::ReadOnlyMemory<byte>" : "System::ReadOnlySpan<byte>";
        var tryGet = $"exchange.Request.{(binding.AsMemory ? "TryGetHeaderMemory" : "TryGetHeader")}({slot} /* {binding.HeaderName} */, out {bytes} {raw})";
        writer.Comment($"[Header(\"{binding.HeaderName}\")] {binding.Name}");
        if (binding.AsMemory)
        {
            // A view of the request's bytes that an async handler can hold: nothing to parse.
            if (binding.IsOptional)
            {
                writer.Line($"{bytes} {local} = {binding.DefaultValue ?? "default"};");
                writer.If(tryGet);
                using (writer.Braces())
                {
                    writer.Line($"{local} = {raw};");
                }

                return local;
            }

            writer.If($"!{tryGet}");
            using (writer.Braces())
            {
                writer.Call($"return {Match}.BadRequest({route.Index}, {Problem}.MissingHeader, {name});");
            }

            return raw;
        }

        if (!binding.IsOptional)
        {
            writer.If($"!{tryGet}");
            using (writer.Braces())
            {
                writer.Call($"return {Match}.BadRequest({route.Index}, {Problem}.MissingHeader, {name});");
            }

            WriteParse(writer, route, binding, raw, local, type, $"{Problem}.InvalidHeaderValue", name);
            return local;
        }

        writer.Line($"{type} {local} = {binding.DefaultValue ?? "default"};");
        writer.If(tryGet);
        using (writer.Braces())
        {
            switch (binding.Type)
            {
                case RouteValueType.Utf8:
                    writer.Line($"{local} = {raw};");
                    return local;
                case RouteValueType.String:
                    writer.Line($"{local} = System::Text.Encoding.UTF8.GetString({raw});");
                    return local;
            }

            var target = binding.IsNullable && binding.Type.IsValueType() ? bare + "Parsed" : local;
            writer.Line(target == local
                ? $"if (!{Parse}({raw}, out {local}))"
                : $"if (!{Parse}({raw}, out {binding.Type.Generated()} {target}))");
            using (writer.Braces())
            {
                writer.Call(badRequest);
            }

            if (target != local)
            {
                writer.Line($"{local} = {target};");
            }
        }

        return local;
    }

    private static string WriteQuery(SourceWriter writer, RouteSpec route, ParameterBinding binding, string local, string type, string name)
    {
        var bare = Bare(binding.Identifier);
        var lookup = bare + "Lookup";
        var raw = bare + "Value";
        var badRequest = $"return {Match}.BadRequest({route.Index}, {Problem}.InvalidQueryValue, {name});";
        writer.Call($"var {lookup} = Routing::QueryString.TryGetValue(query, {CSharpLiterals.Utf8(binding.Name)}, ref buffer, out var {raw});");
        writer.If($"{lookup} == {Lookup}.Malformed");
        using (writer.Braces())
        {
            writer.Call(badRequest);
        }

        if (!binding.IsOptional)
        {
            writer.If($"{lookup} == {Lookup}.Missing");
            using (writer.Braces())
            {
                writer.Call($"return {Match}.BadRequest({route.Index}, {Problem}.MissingQueryValue, {name});");
            }

            WriteParse(writer, route, binding, raw, local, type, $"{Problem}.InvalidQueryValue", name);
            return local;
        }

        writer.Line($"{type} {local} = {binding.DefaultValue ?? "default"};");
        if (binding.IsNullable && binding.Type.IsValueType())
        {
            writer.If($"{lookup} == {Lookup}.Found");
            using (writer.Braces())
            {
                writer.If($"!{Parse}({raw}, out {binding.Type.Generated()} {bare}Parsed)");
                using (writer.Braces())
                {
                    writer.Call(badRequest);
                }

                writer.Line($"{local} = {bare}Parsed;");
            }

            return local;
        }

        writer.If($"{lookup} == {Lookup}.Found && !{Parse}({raw}, out {local})");
        using (writer.Braces())
        {
            writer.Call(badRequest);
        }

        return local;
    }

    private static void WriteParse(SourceWriter writer, RouteSpec route, ParameterBinding binding, string value, string local, string type, string problem, string name)
    {
        switch (binding.Type)
        {
            case RouteValueType.Utf8:
                writer.Line($"{type} {local} = {value};");
                return;
            case RouteValueType.String:
                writer.Line($"{type} {local} = System::Text.Encoding.UTF8.GetString({value});");
                return;
        }

        var parsedType = binding.Type.Generated();
        var target = binding.IsNullable && binding.Type.IsValueType() ? Bare(binding.Identifier) + "Parsed" : local;
        writer.If($"!{Parse}({value}, out {(target == local ? type : parsedType)} {target})");
        using (writer.Braces())
        {
            writer.Call($"return {Match}.BadRequest({route.Index}, {problem}, {name});");
        }

        if (target != local)
        {
            writer.Line($"{type} {local} = {target};");
        }
    }

    private static string DeclaredType(ParameterBinding binding)
        => binding.IsNullable ? binding.Type.Generated() + "?" : binding.Type.Generated();

    private static string Bare(string identifier) => identifier.TrimStart('@');
}
