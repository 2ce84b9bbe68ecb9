using HyperRoute.Generators.Emitting;
using System.Linq;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// Writes <c>DispatchCore</c>, the entry every dispatch goes through, the first pass of each method
/// (<c>DispatchGet</c>, …) and <c>DispatchDecoded</c>, the second pass. <c>DispatchCore</c> only switches on the
/// method, so that it inlines into its callers and each method's pass is compiled (and gets the JIT's inlining
/// budget) on its own. The first pass matches the path as received: the literal routes on it as it is, then, with
/// one trailing <c>/</c> dropped, the routes with parameters, where a value holding a <c>%</c> does not match. When
/// that finds nothing, a path that no route of any method can start with and that holds no escape is a 404 there
/// (the early 404). Otherwise the second pass (<c>DispatchDecoded</c>, not inlined) looks for escapes: with none it
/// tells 405 from 404 at once; with some, <c>DispatchEscaped</c> decodes them and tries again first. The byte checks
/// the first pass makes are in <see cref="FirstPassChecks"/>.
/// </summary>
internal static class DispatchCoreEmitter
{
    private const string GeneratedCode = GeneratedMethods.GeneratedCode;
    private const string AggressiveInlining = GeneratedMethods.AggressiveInlining;
    private const string NoInlining = GeneratedMethods.NoInlining;
    private const string Span = "System::ReadOnlySpan<byte>";
    private const string Match = "HyperRoute::RouteMatch";
    private const string Buffer = "Routing::DecodeBuffer";
    private const string RoutePath = "Routing::RoutePath";

    public static void Write(SourceWriter writer, DispatchPlan plan, string modifier, string exchange, string outResult, string passResult)
    {
        var passExchange = exchange.Length == 0 ? "" : ", exchange";
        WriteCore(writer, plan, modifier, exchange, outResult, passResult, passExchange);
        writer.Line();
        WriteDecoded(writer, plan, modifier, exchange, outResult, passResult, passExchange);
    }

    private static void WriteCore(SourceWriter writer, DispatchPlan plan, string modifier, string exchange, string outResult, string passResult, string passExchange)
    {
        writer.Line(GeneratedCode);
        writer.Line(AggressiveInlining);
        writer.Line($"private {modifier}{Match} DispatchCore({Span} method, {Span} path, {Span} query{exchange}, scoped ref {Buffer} buffer{outResult})");
        using (writer.Braces())
        {
            writer.Line("var verb = Routing::MethodToken.Parse(method);");
            writer.Line("switch (verb)");
            using (writer.Braces())
            {
                foreach (var method in Entries(plan))
                {
                    writer.Line($"case HyperRoute::HttpMethods.{method}:");
                    using (writer.Indent())
                    {
                        writer.Line($"return Dispatch{method}(path, query{passExchange}, ref buffer{passResult});");
                    }
                }

                writer.Line("default:");
                using (writer.Indent())
                {
                    writer.Line("// No route has this method: only 400, 405 or 404 are left to tell apart.");
                    if (outResult.Length > 0)
                    {
                        writer.Line($"result = {plan.Router.ResultDefault};");
                    }

                    writer.Line($"return {RoutePath}.IsAbsolute(path)");
                    using (writer.Indent())
                    {
                        writer.Line($"? DispatchDecoded(verb, {RoutePath}.TrimTrailingSlash(path), query{passExchange}, ref buffer{passResult})");
                        writer.Line($": {Match}.BadRequest(HyperRoute::RouteProblem.PathNotAbsolute); // origin form only");
                    }
                }
            }
        }

        foreach (var method in Entries(plan))
        {
            writer.Line();
            WriteEntry(writer, plan, method, modifier, exchange, outResult, passResult, passExchange);
        }
    }

    // The methods that have an entry of their own: every method with routes, and HEAD when GET has routes.
    private static System.Collections.Generic.List<string> Entries(DispatchPlan plan)
    {
        var flags = plan.Methods.Select(m => AllowWriter.Flag(m.Method)).ToList();
        if (flags.Contains("Get") && !flags.Contains("Head"))
        {
            flags.Add("Head");
        }

        return flags;
    }

    // The first pass for one method: its literal routes on the path as received, then, with one trailing '/'
    // dropped, its routes with parameters on the path still undecoded (HEAD then falls back to GET's routes).
    private static void WriteEntry(SourceWriter writer, DispatchPlan plan, string flag, string modifier, string exchange, string outResult, string passResult, string passExchange)
    {
        var own = plan.Methods.FirstOrDefault(m => AllowWriter.Flag(m.Method) == flag);
        var get = flag == "Head" ? plan.Methods.FirstOrDefault(m => m.Method == "GET") : null;
        var token = own?.Method ?? "HEAD";
        writer.Line($"/// <summary>The first pass for {token} requests: the path as received, before any decoding.</summary>");
        writer.Line(GeneratedCode);
        writer.Line(flag == "Get" ? AggressiveInlining : NoInlining); // GET, the common case, runs in DispatchCore's frame
        writer.Line($"private {modifier}{Match} Dispatch{flag}({Span} path, {Span} query{exchange}, scoped ref {Buffer} buffer{outResult})");
        using (writer.Braces())
        {
            if (outResult.Length > 0)
            {
                writer.Line($"result = {plan.Router.ResultDefault};");
            }

            writer.Line($"{Match} match;");
            var literals = own is not null && !own.Tree.LiteralRoutes.IsEmpty;
            if (literals)
            {
                writer.Line("// Literal routes hold no '%' and no trailing '/': first compare the path as received.");
                var lengths = FirstPassChecks.LiteralLengths(own!);
                if (lengths is null)
                {
                    WriteTry(writer, own!.Method, "Literals", "path", "", passExchange, passResult);
                }
                else
                {
                    writer.Line($"if (path.Length is {lengths}) // the lengths of its literal routes");
                    using (writer.Braces())
                    {
                        WriteTry(writer, own!.Method, "Literals", "path", "", passExchange, passResult);
                    }
                }

                writer.Line();
            }

            writer.Line($"if (!{RoutePath}.IsAbsolute(path))");
            using (writer.Braces())
            {
                writer.Line($"return {Match}.BadRequest(HyperRoute::RouteProblem.PathNotAbsolute); // origin form only");
            }

            writer.Line();
            writer.Line("// One trailing '/' is dropped. Routes with parameters are matched on the path still undecoded: a value that");
            writer.Line("// holds a '%' does not match here and waits for DispatchDecoded; any other match is the decoded path's match.");
            writer.Line($"var trimmed = {RoutePath}.TrimTrailingSlash(path);");
            var starts = FirstPassChecks.AnyRouteFirstBytes(plan);
            if (own is not null)
            {
                if (literals)
                {
                    writer.Line("if (trimmed.Length != path.Length) // then the literal routes get a second look");
                    using (writer.Braces())
                    {
                        WriteTry(writer, own.Method, "Literals", "trimmed", "", passExchange, passResult);
                    }
                }

                if (TreeEmitter.HasParameters(own.Tree))
                {
                    // With the early 404 below, no first-byte check here: it would cost every hit a compare to save a
                    // miss the call (measured: the parameter hit 0.5 ns faster, the miss 1.6 ns slower without it).
                    var firsts = starts is null ? FirstPassChecks.RootFirstBytes(own.Tree) : null;
                    if (firsts is null)
                    {
                        WriteTry(writer, own.Method, "Parameters", "trimmed", ", decoded: false", passExchange, passResult);
                    }
                    else
                    {
                        writer.Line($"if (trimmed.Length > 1 && (trimmed[1] | 0x20) is {firsts}) // how its routes with parameters can start");
                        using (writer.Braces())
                        {
                            WriteTry(writer, own.Method, "Parameters", "trimmed", ", decoded: false", passExchange, passResult);
                        }
                    }
                }
            }

            if (get is not null)
            {
                writer.Line("// HEAD is served by the GET route of the path when no HEAD route matches; the host sends no body.");
                WriteTries(writer, get, "trimmed", decoded: false, passExchange, passResult);
            }

            writer.Line();
            if (starts is not null)
            {
                writer.Line("// A path that no route of any method can start with is a 404 at once, unless it has escapes to decode.");
                writer.Line($"if (trimmed.Length > 1 && (trimmed[1] | 0x20) is not {starts} && !{RoutePath}.ContainsEscape(trimmed))");
                using (writer.Braces())
                {
                    writer.Line($"return {Match}.NotFound;");
                }

                writer.Line();
            }

            writer.Line("// Nothing matched the path as received: decode its escapes and try again, or tell 405 from 404.");
            writer.Line($"return DispatchDecoded(HyperRoute::HttpMethods.{flag}, trimmed, query{passExchange}, ref buffer{passResult});");
        }
    }

    private static void WriteDecoded(SourceWriter writer, DispatchPlan plan, string modifier, string exchange, string outResult, string passResult, string passExchange)
    {
        writer.Line("/// <summary>");
        writer.Line("/// The second pass of <c>DispatchCore</c>, for a path that no route matched as received: when it holds escapes,");
        writer.Line("/// <c>DispatchEscaped</c> decodes it and matches again; otherwise the routes of the other methods say 405 or 404.");
        writer.Line("/// </summary>");
        writer.Line(GeneratedCode);
        writer.Line(NoInlining);
        writer.Line($"private {modifier}{Match} DispatchDecoded(HyperRoute::HttpMethods verb, {Span} path, {Span} query{exchange}, scoped ref {Buffer} buffer{outResult})");
        using (writer.Braces())
        {
            writer.Line($"if ({RoutePath}.ContainsEscape(path))");
            using (writer.Braces())
            {
                writer.Line($"return DispatchEscaped(verb, path, query{passExchange}, ref buffer{passResult});");
            }

            writer.Line();
            if (outResult.Length > 0)
            {
                writer.Line($"result = {plan.Router.ResultDefault};");
            }

            WriteAllow(writer, "path");
        }

        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// The second pass for a path with escapes: decodes it (400 for a malformed escape) and matches every route of the");
        writer.Line("/// method again; when nothing matches, the routes of the other methods say 405 or 404.");
        writer.Line("/// </summary>");
        writer.Line(GeneratedCode);
        writer.Line(NoInlining);
        writer.Line($"private {modifier}{Match} DispatchEscaped(HyperRoute::HttpMethods verb, {Span} path, {Span} query{exchange}, scoped ref {Buffer} buffer{outResult})");
        using (writer.Braces())
        {
            if (outResult.Length > 0)
            {
                writer.Line($"result = {plan.Router.ResultDefault};");
            }

            writer.Line($"var normalized = {RoutePath}.Decode(path, ref buffer, out var problem);");
            writer.Line("if (problem != HyperRoute::RouteProblem.None)");
            using (writer.Braces())
            {
                writer.Line($"return {Match}.BadRequest(problem); // a malformed escape");
            }

            if (plan.Methods.Count > 0)
            {
                writer.Line();
                writer.Line($"{Match} match;");
                WriteVerbSwitch(writer, plan, "normalized", passExchange, passResult);
            }

            writer.Line();
            WriteAllow(writer, "normalized");
        }
    }

    private static void WriteAllow(SourceWriter writer, string path)
    {
        writer.Line("// No route of this method matches: 405 when a route of another method does, else 404.");
        writer.Line($"var allow = AllowedMethods({path});");
        writer.Line($"return allow == HyperRoute::HttpMethods.None ? {Match}.NotFound : {Match}.MethodNotAllowed(allow);");
    }

    // One case per method, on the decoded path: its literal routes, then its routes with parameters; HEAD falls
    // back to GET.
    private static void WriteVerbSwitch(SourceWriter writer, DispatchPlan plan, string path, string passExchange, string passResult)
    {
        var get = plan.Methods.FirstOrDefault(m => m.Method == "GET");
        var head = plan.Methods.FirstOrDefault(m => m.Method == "HEAD");
        writer.Line("switch (verb)");
        using (writer.Braces())
        {
            foreach (var method in plan.Methods.Where(m => m.Method != "HEAD"))
            {
                writer.Line($"case HyperRoute::HttpMethods.{AllowWriter.Flag(method.Method)}:");
                using (writer.Indent())
                {
                    WriteTries(writer, method, path, decoded: true, passExchange, passResult);
                    writer.Line("break;");
                }
            }

            if (get is not null || head is not null)
            {
                writer.Line("case HyperRoute::HttpMethods.Head:");
                using (writer.Indent())
                {
                    if (head is not null)
                    {
                        WriteTries(writer, head, path, decoded: true, passExchange, passResult);
                    }

                    if (get is not null)
                    {
                        writer.Line("// HEAD is served by the GET route of the path when no HEAD route matches; the host sends no body.");
                        WriteTries(writer, get, path, decoded: true, passExchange, passResult);
                    }

                    writer.Line("break;");
                }
            }
        }
    }

    private static void WriteTries(SourceWriter writer, MethodTree method, string path, bool decoded, string passExchange, string passResult)
    {
        if (!method.Tree.LiteralRoutes.IsEmpty)
        {
            WriteTry(writer, method.Method, "Literals", path, "", passExchange, passResult);
        }

        if (TreeEmitter.HasParameters(method.Tree))
        {
            WriteTry(writer, method.Method, "Parameters", path, decoded ? ", decoded: true" : ", decoded: false", passExchange, passResult);
        }
    }

    private static void WriteTry(SourceWriter writer, string method, string part, string path, string decoded, string passExchange, string passResult)
    {
        writer.Line($"match = Match{AllowWriter.Flag(method)}{part}({path}{decoded}, query{passExchange}, ref buffer{passResult});");
        writer.Line("if (match.Outcome != HyperRoute::RouteOutcome.NotFound)");
        using (writer.Braces())
        {
            writer.Line("return match;");
        }
    }
}
