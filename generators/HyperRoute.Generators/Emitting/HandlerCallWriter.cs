using System.Collections.Generic;
using System.Linq;
using HyperRoute.Common.Routing;
using HyperRoute.Generators.Model;
using HyperRoute.Generators.Planning;

namespace HyperRoute.Generators.Emitting;

/// <summary>
/// Writes a matched route: run its request validators, bind each argument (route value, catch-all, query, header,
/// body as bytes or JSON, or the exchange, its request or response) and run that parameter's validators and
/// transforms, call the handler, run the response transforms (the router's, then the route's), report it handled.
/// A step that refuses the request writes a problem (<c>application/problem+json</c>) and reports it rejected.
/// </summary>
internal sealed class HandlerCallWriter : ILeafWriter
{
    private const string Parse = "global::HyperRoute.Routing.Utf8Parse.TryParse";
    private const string Match = "global::HyperRoute.RouteMatch";
    private const string Problem = "global::HyperRoute.RouteProblem";
    private const string Lookup = "global::HyperRoute.Routing.QueryLookup";
    private const string ProblemJson = "global::HyperRoute.Http.ProblemJson";
    private const string HttpBody = "global::HyperRoute.Http.HttpBody";

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

        foreach (var step in route.RequestValidators)
        {
            WriteCheck(
                writer,
                names,
                step,
                $"// source side, route level: {step.Attribute}",
                $"{step.TypeName}.Validate(exchange.Request)",
                null,
                $"Rejected({route.Index})");
        }

        var arguments = new List<string>();
        for (var i = 0; i < route.Bindings.Count; i++)
        {
            var binding = route.Bindings[i];
            var argument = WriteBinding(writer, route, binding, i, leaf.OptionalAbsent, values, _router);
            arguments.Add(binding.Steps.Count == 0 ? argument : WriteParameterSteps(writer, route, binding, i, argument, names));
        }

        var call = $"{route.HandlerName}({string.Join(", ", arguments)});";
        writer.Line(_hasResult && !route.ReturnsVoid ? "result = " + call : call);
        if (_router.WritesResultInLeaf(route))
        {
            writer.Line("// The result is written here, not by Serve, so that the transforms below see the response it wrote.");
            writer.Line(WriteResultCall(_router));
        }

        foreach (var step in _router.ResponseTransforms)
        {
            writer.Line($"// on the way out, router level: {step.Attribute}");
            writer.Line($"{step.TypeName}.Transform(exchange.Request, exchange.Response);");
        }

        foreach (var step in route.ResponseTransforms)
        {
            writer.Line($"// on the way out, route level: {step.Attribute}");
            writer.Line($"{step.TypeName}.Transform(exchange.Request, exchange.Response);");
        }

        writer.Line($"return {Match}.Handled({route.Index});");
    }

    /// <summary>The statement that writes the handler's <c>IHttpResult</c> to the response (<c>result?.</c> when it may be null).</summary>
    public static string WriteResultCall(RouterSpec router)
        => router.ResultDefault == "default" || !router.ResultType!.EndsWith("?", System.StringComparison.Ordinal)
            ? "result.WriteTo(exchange.Response);"
            : "result?.WriteTo(exchange.Response);";

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
    /// Writes a request validator call and its failure exit: the problem (<paramref name="field"/>, or the
    /// validator's own field when <see langword="null"/>) and the rejection.
    /// </summary>
    public static void WriteCheck(SourceWriter writer, NameScope names, PipelineStep step, string comment, string call, string? field, string reject)
    {
        var verdict = names.Unique(Camel(step.Display) + "Verdict");
        writer.Line(comment);
        writer.Line($"var {verdict} = {call};");
        writer.Line($"if (!{verdict}.IsValid)");
        using (writer.Braces())
        {
            var fieldExpression = field is null ? $"{verdict}.Field" : $"{verdict}.Field.IsEmpty ? {field} : {verdict}.Field";
            writer.Line($"{ProblemJson}.Write(exchange.Response, {verdict}.Status, {fieldExpression}, {verdict}.Reason);");
            writer.Line($"return {Match}.{reject}; // {step.Display} refused the request: the problem is written");
        }
    }

    // A parameter's validators and transforms, in declaration order, on the bound argument (held in a local so a
    // transform can change it); returns the local the handler receives.
    private static string WriteParameterSteps(SourceWriter writer, RouteSpec route, ParameterBinding binding, int position, string argument, NameScope names)
    {
        var local = Bare(binding.Identifier) + "Arg";
        if (argument != local)
        {
            writer.Line($"var {local} = {argument};");
        }

        foreach (var step in binding.Steps)
        {
            if (step.Kind == StepKind.Validate)
            {
                WriteCheck(
                    writer,
                    names,
                    step,
                    $"// {step.Attribute} {binding.Name}",
                    $"{step.TypeName}.Validate(in {local})",
                    CSharpLiterals.Utf8(binding.Name),
                    $"Rejected({route.Index}, {position} /* {binding.Name} */)");
                continue;
            }

            writer.Line($"// {step.Attribute} {binding.Name}");
            writer.Line($"{step.TypeName}.Transform(ref {local});");
        }

        return local;
    }

    // A typed body: read as JSON with the router's context; a body that cannot be read answers its problem.
    private static string WriteJsonBody(SourceWriter writer, RouteSpec route, ParameterBinding binding, string local, string name)
    {
        var bare = Bare(binding.Identifier);
        var problem = bare + "Problem";
        var read = bare + "Read";
        writer.Line($"// [Body] {binding.Name}: the body read as JSON");
        writer.Line($"var {problem} = {HttpBody}.ReadJson(exchange.Request, {JsonField(binding.JsonType!)}, {CSharpLiterals.Number(binding.MaxLength)}, out var {read});");
        writer.Line($"if ({problem} != global::HyperRoute.Http.BodyProblem.None)");
        using (writer.Braces())
        {
            writer.Line($"{ProblemJson}.Write(exchange.Response, {HttpBody}.StatusCode({problem}), {CSharpLiterals.Utf8(binding.Name)}, {HttpBody}.Detail({problem}));");
            writer.Line($"return {Match}.Rejected({route.Index}, {name}); // missing, not JSON, too large or malformed: the problem is written");
        }

        writer.Line($"{binding.JsonType} {local} = {read}!;");
        return local;
    }

    private static string Camel(string display)
    {
        var name = new System.Text.StringBuilder();
        foreach (var c in display)
        {
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                name.Append(name.Length == 0 ? char.ToLowerInvariant(c) : c);
            }
        }

        return name.Length == 0 ? "step" : name.ToString();
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
