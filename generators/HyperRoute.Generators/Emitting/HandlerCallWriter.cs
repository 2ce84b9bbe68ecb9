using System.Collections.Generic;
using System.Linq;
using HyperRoute.Common.Routing;
using HyperRoute.Generators.Model;
using HyperRoute.Generators.Planning;

namespace HyperRoute.Generators.Emitting;

/// <summary>
/// Writes a matched route: bind each argument (route value, catch-all, query, header, body, or the exchange, its
/// request or response), call the handler, report it handled.
/// </summary>
internal sealed class HandlerCallWriter : ILeafWriter
{
    private const string Parse = "global::HyperRoute.Routing.Utf8Parse.TryParse";
    private const string Match = "global::HyperRoute.RouteMatch";
    private const string Problem = "global::HyperRoute.RouteProblem";
    private const string Lookup = "global::HyperRoute.Routing.QueryLookup";

    private readonly RouterSpec _router;
    private readonly bool _hasResult;

    public HandlerCallWriter(RouterSpec router)
    {
        _router = router;
        _hasResult = router.ResultType is not null;
    }

    public bool IsAllowTree => false;

    public void Write(SourceWriter writer, IReadOnlyList<RouteLeaf> leaves, PathValues values, NameScope names)
    {
        var leaf = leaves[0];
        var route = leaf.Route;
        writer.Line($"// {route.Template.Pattern}{(leaf.OptionalAbsent ? " (without its optional segment)" : "")}");
        foreach (var shadowed in leaves.Skip(1))
        {
            writer.Line($"// (unreachable: {shadowed.Route.Template.Pattern} matches the same requests, and the route above takes precedence)");
        }

        var arguments = new List<string>();
        for (var i = 0; i < route.Bindings.Count; i++)
        {
            arguments.Add(WriteBinding(writer, route, route.Bindings[i], i, leaf.OptionalAbsent, values, _router));
        }

        var call = $"{route.HandlerName}({string.Join(", ", arguments)});";
        writer.Line(_hasResult && !route.ReturnsVoid ? "result = " + call : call);
        writer.Line($"return {Match}.Handled({route.Index});");
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
                return "exchange.Request.Body";

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
        var tryGet = $"exchange.Request.TryGetHeader({slot} /* {binding.HeaderName} */, out var {raw})";
        writer.Line($"// [Header(\"{binding.HeaderName}\")] {binding.Name}");
        if (!binding.IsOptional)
        {
            writer.Line($"if (!{tryGet})");
            using (writer.Braces())
            {
                writer.Line($"return {Match}.BadRequest({route.Index}, {Problem}.MissingHeader, {name});");
            }

            WriteParse(writer, route, binding, raw, local, type, $"{Problem}.InvalidHeaderValue", name);
            return local;
        }

        writer.Line($"{type} {local} = {binding.DefaultValue ?? "default"};");
        writer.Line($"if ({tryGet})");
        using (writer.Braces())
        {
            switch (binding.Type)
            {
                case RouteValueType.Utf8:
                    writer.Line($"{local} = {raw};");
                    return local;
                case RouteValueType.String:
                    writer.Line($"{local} = global::System.Text.Encoding.UTF8.GetString({raw});");
                    return local;
            }

            var target = binding.IsNullable && binding.Type.IsValueType() ? bare + "Parsed" : local;
            writer.Line(target == local
                ? $"if (!{Parse}({raw}, out {local}))"
                : $"if (!{Parse}({raw}, out {binding.Type.CSharpName()} {target}))");
            using (writer.Braces())
            {
                writer.Line(badRequest);
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
        writer.Line($"var {lookup} = global::HyperRoute.Routing.QueryString.TryGetValue(query, {CSharpLiterals.Utf8(binding.Name)}, ref buffer, out var {raw});");
        writer.Line($"if ({lookup} == {Lookup}.Malformed)");
        using (writer.Braces())
        {
            writer.Line(badRequest);
        }

        if (!binding.IsOptional)
        {
            writer.Line($"if ({lookup} == {Lookup}.Missing)");
            using (writer.Braces())
            {
                writer.Line($"return {Match}.BadRequest({route.Index}, {Problem}.MissingQueryValue, {name});");
            }

            WriteParse(writer, route, binding, raw, local, type, $"{Problem}.InvalidQueryValue", name);
            return local;
        }

        writer.Line($"{type} {local} = {binding.DefaultValue ?? "default"};");
        if (binding.IsNullable && binding.Type.IsValueType())
        {
            writer.Line($"if ({lookup} == {Lookup}.Found)");
            using (writer.Braces())
            {
                writer.Line($"if (!{Parse}({raw}, out {binding.Type.CSharpName()} {bare}Parsed))");
                using (writer.Braces())
                {
                    writer.Line(badRequest);
                }

                writer.Line($"{local} = {bare}Parsed;");
            }

            return local;
        }

        writer.Line($"if ({lookup} == {Lookup}.Found && !{Parse}({raw}, out {local}))");
        using (writer.Braces())
        {
            writer.Line(badRequest);
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
                writer.Line($"{type} {local} = global::System.Text.Encoding.UTF8.GetString({value});");
                return;
        }

        var parsedType = binding.Type.CSharpName();
        var target = binding.IsNullable && binding.Type.IsValueType() ? Bare(binding.Identifier) + "Parsed" : local;
        writer.Line($"if (!{Parse}({value}, out {(target == local ? type : parsedType)} {target}))");
        using (writer.Braces())
        {
            writer.Line($"return {Match}.BadRequest({route.Index}, {problem}, {name});");
        }

        if (target != local)
        {
            writer.Line($"{type} {local} = {target};");
        }
    }

    private static string DeclaredType(ParameterBinding binding)
        => binding.IsNullable ? binding.Type.CSharpName() + "?" : binding.Type.CSharpName();

    private static string Bare(string identifier) => identifier.TrimStart('@');
}
