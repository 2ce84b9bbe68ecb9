using HyperRoute.Generators.Emitting;
using System.Linq;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// Stage 3: writes a router's <see cref="DispatchPlan"/> as C#. Reads only the plan and specs, never symbols. The router
/// type gains only its entry points (<c>RoutePatterns</c>, <c>ParameterName</c>, <c>Dispatch</c>, <c>HttpEndpoint</c>);
/// everything they run is in one private static class nested in it (<see cref="ReservedNames.Machinery"/>), which can
/// call private and instance handlers, and whose names cannot collide with the router's own.
/// </summary>
internal static partial class DispatcherEmitter
{
    private const string GeneratedCode = GeneratedMethods.GeneratedCode;
    private const string AggressiveInlining = GeneratedMethods.AggressiveInlining;
    private const string NoInlining = GeneratedMethods.NoInlining; // on the Match{Method}Parameters methods
    private const string Span = "System::ReadOnlySpan<byte>";
    private const string Match = "HyperRoute::RouteMatch";
    private const string Buffer = "Routing::DecodeBuffer";
    private const string Machinery = ReservedNames.Machinery;

    public static string Emit(DispatchPlan plan)
    {
        var type = plan.Router.Declaration;
        var source = plan.Router.IsApp ? $"the [App] attribute of {type.Name} and the [Route] attributes of its routers" : "the [Route] attributes of " + type.Name;
        return GeneratedFileWriter.Write(type, source, type.Header, writer => WriteMembers(writer, plan));
    }

    private static void WriteMembers(SourceWriter writer, DispatchPlan plan)
    {
        var router = plan.Router;
        var parameters = DispatchParameters.For(router);
        writer.Doc(router.IsApp
            ? $"The patterns of the routes of this app's routers, router by router in the order the app lists them, each in declaration order; <see cref=\"{Match}.Route\"/> is an index into it."
            : $"The patterns of this router's routes in declaration order; <see cref=\"{Match}.Route\"/> is an index into it.");
        writer.Line(GeneratedCode);
        writer.Line("public static System::Collections.Generic.IReadOnlyList<string> RoutePatterns { get; } = new string[]");
        using (writer.Braces(";"))
        {
            foreach (var route in router.Routes)
            {
                writer.Line(CSharpLiterals.String(route.Template.Pattern) + ",");
            }
        }

        writer.Line();
        RouteTableEmitter.WriteRoutes(writer, router);
        writer.Line();
        writer.Doc(
            $"The name of the handler parameter a 400 from <c>{(router.IsApp ? "HttpEndpoint.Serve" : "Dispatch")}</c> is about (<see cref=\"{Match}.ParameterIndex\"/>); "
            + "<see langword=\"null\"/> for any other result.");
        writer.Line(GeneratedCode);
        writer.Line($"public static string? ParameterName({Match} match)");
        using (writer.Indent())
        {
            writer.Line($"=> match.ParameterIndex >= 0 && match.Route >= 0 && match.Route < {Machinery}.ParameterNames.Length");
            using (writer.Indent())
            {
                writer.Line($"? {Machinery}.ParameterNames[match.Route][match.ParameterIndex]");
                writer.Line(": null;");
            }
        }

        // A router that binds headers, the body or the exchange is served only through its HttpEndpoint: the
        // in-process Dispatch overloads have no exchange to bind them from.
        if (!router.NeedsExchange)
        {
            WriteDispatch(writer, plan, parameters);
            if (router.HasAsyncRoutes)
            {
                WriteDispatchAsync(writer, plan, parameters);
            }
        }

        if (router.HasHttpEndpoint)
        {
            writer.Line();
            EndpointEmitter.Write(writer, router);
        }

        var callers = new[] { router.NeedsExchange ? null : "<c>Dispatch</c>", router.HasHttpEndpoint ? "<c>HttpEndpoint</c>" : null }.Where(c => c is not null);
        writer.Line();
        writer.Doc(router.IsApp
            ? $"The dispatcher behind <c>HttpEndpoint</c>, apart from the app's own members: one decision tree over the routes of all "
                + "the app's routers, each route calling its handler by its router's name, with that router's validators, transforms, "
                + "JSON context and result."
            : $"The dispatcher{(callers.Any() ? " behind " + string.Join(" and ", callers) : "")}, apart from the router's own members. Nested in the router, "
                + "it calls private and protected handlers as the router could" + (router.HasInstanceHandlers ? "; instance handlers on the router it is given." : "."));
        writer.Line(GeneratedCode);
        writer.Line($"private static class {Machinery}");
        using (writer.Braces())
        {
            WriteMachinery(writer, plan, parameters);
        }
    }

    private static void WriteDispatch(SourceWriter writer, DispatchPlan plan, DispatchParameters parameters)
    {
        var router = plan.Router;
        var modifier = router.HasInstanceHandlers ? "" : "static ";
        writer.Line();
        WriteDocs(writer, plan, withScratch: false);
        writer.Line(GeneratedCode);
        writer.Line(AggressiveInlining);
        writer.Declaration($"public {modifier}{Match} Dispatch({Span} method, {Span} path, {Span} query{parameters.OutResult})");
        using (writer.Indent())
        {
            writer.Line($"=> Dispatch(method, path, query, default{parameters.PassResult});");
        }

        writer.Line();
        WriteDocs(writer, plan, withScratch: true);
        writer.Line(GeneratedCode);
        writer.Declaration($"public {modifier}{Match} Dispatch({Span} method, {Span} path, {Span} query, System::Span<byte> scratch{parameters.OutResult})");
        using (writer.Braces())
        {
            writer.Line($"var buffer = new {Buffer}(scratch, path.Length + query.Length);");
            var slot = WriteRouteSlot(writer, parameters);
            if (parameters.PendingType is null)
            {
                writer.Call($"var match = {Machinery}.DispatchCore({parameters.PassThis}method, path, query, {slot}ref buffer{parameters.PassResult});");
                writer.Line("buffer.Dispose();");
                writer.Line("return match;");
                return;
            }

            writer.Line($"{parameters.PendingType} pending = default;");
            var token = router.TakesCancellationToken ? "System::Threading.CancellationToken.None, " : "";
            writer.Call($"var match = {Machinery}.DispatchCore({parameters.PassThis}method, path, query, {token}ref pending, {slot}ref buffer{parameters.PassResult});");
            writer.Line("buffer.Dispose();");
            writer.Line("if (match.IsPending)");
            using (writer.Braces())
            {
                writer.Comment("Dispatch is synchronous: it waits for an async handler that has not completed (DispatchAsync awaits it instead).");
                writer.Line(router.ResultType is null
                    ? "pending.AsTask().GetAwaiter().GetResult();"
                    : "result = pending.AsTask().GetAwaiter().GetResult();");
                writer.Line($"return {Match}.Handled(match.Route);");
            }

            writer.Line();
            writer.Line("return match;");
        }
    }

    /// <summary>
    /// For a dispatcher that takes the route slot (<see cref="DispatchParameters.TakesRouteSlot"/>), declares the local the
    /// in-process entry points hand it and returns the argument that passes it, <c>ref matchedRoute, </c>; else nothing.
    /// </summary>
    private static string WriteRouteSlot(SourceWriter writer, DispatchParameters parameters)
    {
        if (parameters.RouteSlot != DispatchParameters.RouteSlotName)
        {
            return "";
        }

        writer.Line($"var {DispatchParameters.RouteSlotName} = -1;", "Serve passes exchange.Route here; the match names the route too");
        return $"ref {DispatchParameters.RouteSlotName}, ";
    }

    private static void WriteMachinery(SourceWriter writer, DispatchPlan plan, DispatchParameters parameters)
    {
        var router = plan.Router;
        RouteTableEmitter.WriteTable(writer, router);
        writer.Line();
        writer.Line("// The handler parameter names of each route, for ParameterName.");
        writer.Line("internal static readonly string[][] ParameterNames = new string[][]");
        using (writer.Braces(";"))
        {
            foreach (var route in router.Routes)
            {
                writer.Line(route.Bindings.Count == 0
                    ? "System::Array.Empty<string>(),"
                    : "new[] { " + string.Join(", ", route.Bindings.Select(b => CSharpLiterals.String(b.Name))) + " },");
            }
        }

        WriteJsonFields(writer, router);
        if (parameters.PendingType is not null)
        {
            WritePendingHelpers(writer, plan, parameters);
        }

        writer.Line();
        DispatchCoreEmitter.Write(writer, plan, parameters);

        foreach (var method in plan.Methods)
        {
            writer.Line();
            WriteMethodTree(writer, method, parameters, router, plan.Completions);
        }

        foreach (var completion in plan.Completions.OrderBy(c => c.Key).Select(c => c.Value))
        {
            if (completion.Method is not null)
            {
                writer.Line();
                HandlerCallWriter.WriteCompletion(writer, router, completion);
            }
        }

        writer.Line();
        WriteAllowTree(writer, plan);
    }

    // One cached JsonTypeInfo<T> per type read from a typed body or written from a result, from the router's
    // JsonSerializerContext. The generator cannot see the members System.Text.Json's generator adds to the context, but
    // the compilation has them. A context without options of its own gets ASP.NET Core's web defaults, once. An app's
    // routes use their own routers' contexts: one set of fields per context, named after it.
    private static void WriteJsonFields(SourceWriter writer, RouterSpec router)
    {
        if (!router.IsApp)
        {
            WriteJsonFields(writer, router, router.JsonContext, router.JsonContextHasOptions, null);
            return;
        }

        foreach (var context in router.Routes.Select(r => r.JsonContext).Where(c => c is not null).Distinct())
        {
            var routes = router.Routes.Where(r => r.JsonContext == context).ToList();
            var part = router with { Routes = new EquatableArray<RouteSpec>(System.Collections.Immutable.ImmutableArray.CreateRange(routes)) };
            WriteJsonFields(writer, part, context, routes[0].JsonContextHasOptions, context);
        }
    }

    private static void WriteJsonFields(SourceWriter writer, RouterSpec router, string? jsonContext, bool hasOptions, string? tag)
    {
        var bodies = router.JsonBodyTypes;
        var types = bodies.Concat(router.JsonResultTypes.Where(t => !bodies.Contains(t))).ToList();
        if (types.Count == 0)
        {
            return;
        }

        var context = $"{jsonContext}.Default";
        if (!hasOptions)
        {
            var options = tag is null ? "s_jsonOptions" : "s_jsonOptions_" + HandlerCallWriter.JsonField(tag).Substring("s_json_".Length);
            writer.Line();
            writer.Doc(
                "ASP.NET Core's web defaults (camelCase names, read case-insensitively, numbers also from strings) over the metadata of "
                + (tag is null ? "the router's JSON context" : $"<c>{CSharpLiterals.Xml(tag)}</c>")
                + ", which declares no <c>[JsonSourceGenerationOptions]</c> of its own: as ASP.NET Core "
                + "combines them, with the context as the type info resolver.");
            writer.Line(GeneratedCode);
            writer.Line($"private static readonly System::Text.Json.JsonSerializerOptions {options} =");
            using (writer.Indent())
            {
                writer.Line($"new(System::Text.Json.JsonSerializerDefaults.Web) {{ TypeInfoResolver = {jsonContext}.Default }};");
            }

            context = options;
        }

        foreach (var type in types)
        {
            var info = $"Metadata::JsonTypeInfo<{type}>";
            var use = bodies.Contains(type)
                ? router.JsonResultTypes.Contains(type) ? "typed <c>[Body]</c> parameters are read and results written" : "typed <c>[Body]</c> parameters are read"
                : "results are written";
            writer.Line();
            writer.Doc($"The JSON metadata {use} with, for <c>{CSharpLiterals.Xml(type)}</c>"
                + (tag is null ? "." : $", from <c>{CSharpLiterals.Xml(tag)}</c>."));
            writer.Line(GeneratedCode);
            writer.Line($"internal static readonly {info} {HandlerCallWriter.JsonField(tag, type)} =");
            using (writer.Indent())
            {
                var read = $"{context}.GetTypeInfo(typeof({type}))!;";
                if (writer.Fits($"({info}){read}"))
                {
                    writer.Line($"({info}){read}");
                }
                else
                {
                    writer.Line($"({info})");
                    writer.Line(read);
                }
            }
        }
    }

    private static void WriteParts(SourceWriter writer, GeneratedMethods methods)
    {
        foreach (var part in methods.Parts)
        {
            writer.Append(part);
        }
    }

    private static void WriteDocs(SourceWriter writer, DispatchPlan plan, bool withScratch)
    {
        var router = plan.Router;
        writer.Doc(withScratch
            ? "Routes a request to its handler, decoding percent-escaped values into <paramref name=\"scratch\"/> first (a pooled array is "
                + "rented only when it is too small)."
            : "Routes a request to its handler: UTF-8 in, no strings, no allocation. Returns whether a handler ran, or why not (404, 405 "
                + "with the allowed methods, 400).");
        writer.Doc("The request method token, such as <c>GET</c> (case-sensitive).", "param name=\"method\"");
        writer.Doc("The request path, starting with <c>/</c>, without the query; percent-escapes are decoded before matching.", "param name=\"path\"");
        writer.Doc("The query string without the <c>?</c>; may be empty.", "param name=\"query\"");
        if (withScratch)
        {
            writer.Doc("Caller-owned memory for decoded values; values passed to handlers point into it.", "param name=\"scratch\"");
        }

        if (router.ResultType is not null)
        {
            writer.Doc("What the handler returned; <see langword=\"default\"/> when no handler ran or it returns <c>void</c>.", "param name=\"result\"");
        }

        if (withScratch)
        {
            return; // the route table is on the first overload
        }

        writer.Line("/// <remarks>");
        WriteRouteTable(writer, router);
        writer.Line("/// </remarks>");
    }

    /// <summary>The route table as doc-comment lines, with the routes that were not compiled and why.</summary>
    public static void WriteRouteTable(SourceWriter writer, RouterSpec router)
    {
        writer.Line("/// <code>");
        var width = router.Routes.Count == 0 ? 0 : router.Routes.Max(r => r.Template.Pattern.Length);
        foreach (var route in router.Routes)
        {
            writer.Line($"/// {CSharpLiterals.Xml(route.Template.Pattern.PadRight(width))}  {(route.IsAsync ? "async " : "")}{CSharpLiterals.Xml(route.HandlerDisplay)}");
        }

        writer.Line("/// </code>");
        if (router.Prefix is { } prefix)
        {
            writer.Doc($"Every route is served under the router's prefix, <c>{CSharpLiterals.Xml(prefix)}</c>, which the patterns above include.", "para");
        }

        foreach (var skipped in router.Skipped)
        {
            writer.Doc(
                $"Not compiled: <c>{CSharpLiterals.Xml(skipped.Pattern)}</c> on {CSharpLiterals.Xml(skipped.HandlerName)}: {CSharpLiterals.Xml(skipped.Reason)}.",
                "para");
        }
    }

    private static void WriteMethodTree(SourceWriter writer, MethodTree method, DispatchParameters parameters, RouterSpec router, System.Collections.Generic.IReadOnlyDictionary<int, AsyncCompletion> completions)
    {
        if (!method.Tree.LiteralRoutes.IsEmpty)
        {
            WriteMatchMethod(writer, method, "Literals", "routes made only of literals", parameters, router, completions, (emitter, tree) => emitter.WriteLiterals(tree, "path"));
        }

        if (TreeEmitter.HasParameters(method.Tree))
        {
            if (!method.Tree.LiteralRoutes.IsEmpty)
            {
                writer.Line();
            }

            WriteMatchMethod(writer, method, "Parameters", "routes with parameters", parameters, router, completions, (emitter, tree) => emitter.WriteParameters(tree, "path"));
        }
    }

    private static void WriteMatchMethod(
        SourceWriter writer,
        MethodTree method,
        string part,
        string what,
        DispatchParameters parameters,
        RouterSpec router,
        System.Collections.Generic.IReadOnlyDictionary<int, AsyncCompletion> completions,
        System.Action<TreeEmitter, RouteTree> write)
    {
        var name = "Match" + AllowWriter.Flag(method.Method) + part;
        var methods = new GeneratedMethods(
            name,
            router.ResultType,
            writer.IndentLevel,
            router.ResultDefault,
            hasExchange: parameters.Exchange.Length > 0,
            router: parameters.RouterParameter,
            passRouter: parameters.RouterArgument,
            context: parameters.Context);
        var decoded = part == "Parameters" ? ", bool decoded" : "";
        writer.Doc($"Matches the {method.Method} {what}; <see cref=\"{Match}.NotFound\"/> when none matches.");
        if (decoded.Length > 0)
        {
            writer.Doc("Unless <paramref name=\"decoded\"/>, <paramref name=\"path\"/> is as received, and a value that holds a <c>%</c> does not match yet.", "remarks");
        }

        writer.Line(GeneratedCode);
        if (decoded.Length > 0)
        {
            writer.Line(NoInlining);
        }

        writer.Declaration($"private static {Match} {name}({parameters.Router}{Span} path{decoded}, {Span} query{parameters.Exchange}, scoped ref {Buffer} buffer{parameters.OutResult})");
        using (writer.Braces())
        {
            if (parameters.OutResult.Length > 0)
            {
                writer.Line($"result = {router.ResultDefault};");
            }

            write(new TreeEmitter(writer, new HandlerCallWriter(router, completions, parameters.RouteSlot), new NameScope(), methods), method.Tree);
            writer.Line();
            writer.Line($"return {Match}.NotFound;");
        }

        WriteParts(writer, methods);
    }

    private static void WriteAllowTree(SourceWriter writer, DispatchPlan plan)
    {
        var methods = new GeneratedMethods("AllowedMethods", null, writer.IndentLevel);
        writer.Doc("The methods whose routes match <paramref name=\"path\"/>: the <c>Allow</c> header of a 405.");
        writer.Line(GeneratedCode);
        if (plan.Router.Routes.Count <= PlanLimits.SplitThreshold)
        {
            // Small enough to run in the frame of the second pass, which answers most 404s with it.
            writer.Line(AggressiveInlining);
        }

        writer.Line($"private static HyperRoute::HttpMethods AllowedMethods({Span} path)");
        using (writer.Braces())
        {
            writer.Line("var allow = HyperRoute::HttpMethods.None;");
            new TreeEmitter(writer, new AllowWriter(), new NameScope(), methods).Write(plan.AllowTree, "path");
            writer.Line();
            writer.Line("return allow;");
        }

        WriteParts(writer, methods);
    }
}
