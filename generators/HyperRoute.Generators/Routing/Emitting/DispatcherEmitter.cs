using HyperRoute.Generators.Emitting;
using System.Linq;

namespace HyperRoute.Generators.Routing;

/// <summary>Stage 3: writes a router's <see cref="DispatchPlan"/> as C#. Reads only the plan and specs, never symbols.</summary>
internal static class DispatcherEmitter
{
    private const string GeneratedCode = GeneratedMethods.GeneratedCode;
    private const string AggressiveInlining = GeneratedMethods.AggressiveInlining;
    private const string NoInlining = GeneratedMethods.NoInlining; // on the Match{Method}Parameters methods
    private const string Span = "System::ReadOnlySpan<byte>";
    private const string Match = "HyperRoute::RouteMatch";
    private const string Buffer = "Routing::DecodeBuffer";
    private const string Exchange = "Http::HttpExchange";

    public static string Emit(DispatchPlan plan)
    {
        var type = plan.Router.Declaration;
        return GeneratedFileWriter.Write(type, "the [Route] attributes of " + type.Name, type.Header, writer => WriteMembers(writer, plan));
    }

    private static void WriteMembers(SourceWriter writer, DispatchPlan plan)
    {
        var router = plan.Router;
        var modifier = router.HasInstanceHandlers ? "" : "static ";
        var result = router.ResultType;
        var outResult = result is null ? "" : $", out {result} result";
        var passResult = result is null ? "" : ", out result";
        var exchange = router.NeedsExchange ? $", {Exchange} exchange" : "";

        writer.Line($"/// <summary>The patterns of this router's routes in declaration order; <see cref=\"{Match}.Route\"/> is an index into it.</summary>");
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
        writer.Line($"/// <summary>The name of the handler parameter a 400 from <c>Dispatch</c> is about (<see cref=\"{Match}.ParameterIndex\"/>); <see langword=\"null\"/> for any other result.</summary>");
        writer.Line(GeneratedCode);
        writer.Line($"public static string? ParameterName({Match} match)");
        using (writer.Indent())
        {
            writer.Line("=> match.ParameterIndex >= 0 && match.Route >= 0 && match.Route < s_parameterNames.Length ? s_parameterNames[match.Route][match.ParameterIndex] : null;");
        }

        writer.Line();
        writer.Line("// The handler parameter names of each route, for ParameterName.");
        writer.Line("private static readonly string[][] s_parameterNames = new string[][]");
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

        // A router that binds headers, the body or the exchange is served only through its HttpEndpoint: the
        // in-process Dispatch overloads have no exchange to bind them from.
        if (!router.NeedsExchange)
        {
            writer.Line();
            WriteDocs(writer, plan, withScratch: false);
            writer.Line(GeneratedCode);
            writer.Line(AggressiveInlining);
            writer.Line($"public {modifier}{Match} Dispatch({Span} method, {Span} path, {Span} query{outResult})");
            using (writer.Indent())
            {
                writer.Line($"=> Dispatch(method, path, query, default{passResult});");
            }

            writer.Line();
            WriteDocs(writer, plan, withScratch: true);
            writer.Line(GeneratedCode);
            writer.Line($"public {modifier}{Match} Dispatch({Span} method, {Span} path, {Span} query, System::Span<byte> scratch{outResult})");
            using (writer.Braces())
            {
                writer.Line($"var buffer = new {Buffer}(scratch, path.Length + query.Length);");
                writer.Line($"var match = DispatchCore(method, path, query, ref buffer{passResult});");
                writer.Line("buffer.Dispose();");
                writer.Line("return match;");
            }
        }

        writer.Line();
        DispatchCoreEmitter.Write(writer, plan, modifier, exchange, outResult, passResult);

        foreach (var method in plan.Methods)
        {
            writer.Line();
            WriteMethodTree(writer, method, modifier, exchange, outResult, router);
        }

        writer.Line();
        WriteAllowTree(writer, plan);

        if (router.HasHttpEndpoint)
        {
            writer.Line();
            EndpointEmitter.Write(writer, router);
        }
    }

    // One cached JsonTypeInfo<T> per typed body type, from the router's JsonSerializerContext. The generator cannot see
    // the members System.Text.Json's generator adds to the context, but the compilation has its Default.
    private static void WriteJsonFields(SourceWriter writer, RouterSpec router)
    {
        foreach (var type in router.JsonBodyTypes)
        {
            var info = $"Metadata::JsonTypeInfo<{type}>";
            writer.Line();
            writer.Line($"/// <summary>The JSON metadata typed <c>[Body]</c> parameters of type <c>{CSharpLiterals.Xml(type)}</c> are read with.</summary>");
            writer.Line(GeneratedCode);
            writer.Line($"private static readonly {info} {HandlerCallWriter.JsonField(type)} =");
            using (writer.Indent())
            {
                writer.Line($"({info}){router.JsonContext}.Default.GetTypeInfo(typeof({type}))!;");
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
        writer.Line("/// <summary>");
        writer.Line(withScratch
            ? "/// Routes a request to its handler, decoding percent-escaped values into <paramref name=\"scratch\"/> first (a pooled array is rented only when it is too small)."
            : "/// Routes a request to its handler: UTF-8 in, no strings, no allocation. Returns whether a handler ran, or why not (404, 405 with the allowed methods, 400).");
        writer.Line("/// </summary>");
        writer.Line("/// <param name=\"method\">The request method token, such as <c>GET</c> (case-sensitive).</param>");
        writer.Line("/// <param name=\"path\">The request path, starting with <c>/</c>, without the query; percent-escapes are decoded before matching.</param>");
        writer.Line("/// <param name=\"query\">The query string without the <c>?</c>; may be empty.</param>");
        if (withScratch)
        {
            writer.Line("/// <param name=\"scratch\">Caller-owned memory for decoded values; values passed to handlers point into it.</param>");
        }

        if (router.ResultType is not null)
        {
            writer.Line("/// <param name=\"result\">What the handler returned; <see langword=\"default\"/> when no handler ran or it returns <c>void</c>.</param>");
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
            writer.Line($"/// {CSharpLiterals.Xml(route.Template.Pattern.PadRight(width))}  {CSharpLiterals.Xml(route.HandlerDisplay)}");
        }

        writer.Line("/// </code>");
        foreach (var skipped in router.Skipped)
        {
            writer.Line($"/// <para>Not compiled: <c>{CSharpLiterals.Xml(skipped.Pattern)}</c> on {CSharpLiterals.Xml(skipped.HandlerName)}: {CSharpLiterals.Xml(skipped.Reason)}.</para>");
        }
    }

    private static void WriteMethodTree(SourceWriter writer, MethodTree method, string modifier, string exchange, string outResult, RouterSpec router)
    {
        if (!method.Tree.LiteralRoutes.IsEmpty)
        {
            WriteMatchMethod(writer, method, "Literals", "routes made only of literals", modifier, exchange, outResult, router, (emitter, tree) => emitter.WriteLiterals(tree, "path"));
        }

        if (TreeEmitter.HasParameters(method.Tree))
        {
            if (!method.Tree.LiteralRoutes.IsEmpty)
            {
                writer.Line();
            }

            WriteMatchMethod(writer, method, "Parameters", "routes with parameters", modifier, exchange, outResult, router, (emitter, tree) => emitter.WriteParameters(tree, "path"));
        }
    }

    private static void WriteMatchMethod(SourceWriter writer, MethodTree method, string part, string what, string modifier, string exchange, string outResult, RouterSpec router, System.Action<TreeEmitter, RouteTree> write)
    {
        var name = "Match" + AllowWriter.Flag(method.Method) + part;
        var methods = new GeneratedMethods(name, modifier, router.ResultType, writer.IndentLevel, router.ResultDefault, hasExchange: exchange.Length > 0);
        var decoded = part == "Parameters" ? ", bool decoded" : "";
        writer.Line($"/// <summary>Matches the {method.Method} {what}; <see cref=\"{Match}.NotFound\"/> when none matches.</summary>");
        if (decoded.Length > 0)
        {
            writer.Line("/// <remarks>Unless <paramref name=\"decoded\"/>, <paramref name=\"path\"/> is as received, and a value that holds a <c>%</c> does not match yet.</remarks>");
        }

        writer.Line(GeneratedCode);
        if (decoded.Length > 0)
        {
            writer.Line(NoInlining);
        }

        writer.Line($"private {modifier}{Match} {name}({Span} path{decoded}, {Span} query{exchange}, scoped ref {Buffer} buffer{outResult})");
        using (writer.Braces())
        {
            if (outResult.Length > 0)
            {
                writer.Line($"result = {router.ResultDefault};");
            }

            write(new TreeEmitter(writer, new HandlerCallWriter(router), new NameScope(), methods), method.Tree);
            writer.Line();
            writer.Line($"return {Match}.NotFound;");
        }

        WriteParts(writer, methods);
    }

    private static void WriteAllowTree(SourceWriter writer, DispatchPlan plan)
    {
        var methods = new GeneratedMethods("AllowedMethods", "static ", null, writer.IndentLevel);
        writer.Line("/// <summary>The methods whose routes match <paramref name=\"path\"/>: the <c>Allow</c> header of a 405.</summary>");
        writer.Line(GeneratedCode);
        if (plan.Router.Routes.Count <= GeneratedMethods.SplitThreshold)
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
