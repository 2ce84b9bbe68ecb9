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
    private const string Methods = "HyperRoute::HttpMethods";

    public static void Write(SourceWriter writer, DispatchPlan plan, DispatchParameters parameters)
    {
        WriteCore(writer, plan, parameters);
        writer.Line();
        WriteDecoded(writer, plan, parameters);
    }

    private static void WriteCore(SourceWriter writer, DispatchPlan plan, DispatchParameters parameters)
    {
        var (passRouter, passExchange, outResult, passResult) = (parameters.PassRouter, parameters.PassExchange, parameters.OutResult, parameters.PassResult);
        writer.Doc("Every dispatch starts here: it only switches on the method, so it inlines into its callers.");
        writer.Line(GeneratedCode);
        writer.Line(AggressiveInlining);
        writer.Declaration($"internal static {Match} DispatchCore({parameters.Router}{Span} method, {Span} path, {Span} query{parameters.Exchange}, scoped ref {Buffer} buffer{outResult})");
        using (writer.Braces())
        {
            writer.Line("var verb = Routing::MethodToken.Parse(method);");
            writer.Line("switch (verb)");
            using (writer.Braces())
            {
                foreach (var method in Entries(plan))
                {
                    writer.Line($"case {Methods}.{method}:");
                    using (writer.Indent())
                    {
                        writer.Call($"return Dispatch{method}({passRouter}path, query{passExchange}, ref buffer{passResult});");
                    }
                }

                writer.Line("default:");
                using (writer.Indent())
                {
                    writer.Comment("No route has this method: 400 for a path not in origin form, else 405 or 404.");
                    if (outResult.Length > 0)
                    {
                        writer.Line($"result = {plan.Router.ResultDefault};");
                    }

                    writer.Line($"return {RoutePath}.IsAbsolute(path)");
                    using (writer.Indent())
                    {
                        writer.Call($"? DispatchDecoded({passRouter}verb, {RoutePath}.TrimTrailingSlash(path), query{passExchange}, ref buffer{passResult})");
                        writer.Line($": {Match}.BadRequest(HyperRoute::RouteProblem.PathNotAbsolute);");
                    }
                }
            }
        }

        foreach (var method in Entries(plan))
        {
            writer.Line();
            WriteEntry(writer, plan, method, parameters);
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
    private static void WriteEntry(SourceWriter writer, DispatchPlan plan, string flag, DispatchParameters parameters)
    {
        var (passRouter, passExchange, outResult, passResult) = (parameters.PassRouter, parameters.PassExchange, parameters.OutResult, parameters.PassResult);
        var own = plan.Methods.FirstOrDefault(m => AllowWriter.Flag(m.Method) == flag);
        var get = flag == "Head" ? plan.Methods.FirstOrDefault(m => m.Method == "GET") : null;
        var token = own?.Method ?? "HEAD";
        writer.Doc($"The first pass for {token} requests: the path as received, before any decoding.");
        writer.Line(GeneratedCode);
        writer.Line(flag == "Get" ? AggressiveInlining : NoInlining); // GET, the common case, runs in DispatchCore's frame
        writer.Declaration($"private static {Match} Dispatch{flag}({parameters.Router}{Span} path, {Span} query{parameters.Exchange}, scoped ref {Buffer} buffer{outResult})");
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
                writer.Comment("Literal routes hold no '%' and no trailing '/': first compare the path as received.");
                var lengths = FirstPassChecks.LiteralLengths(own!);
                if (lengths is null)
                {
                    WriteTry(writer, own!.Method, "Literals", "path", "", passRouter, passExchange, passResult);
                }
                else
                {
                    writer.If($"path.Length is {lengths}", "the lengths of its literal routes");
                    using (writer.Braces())
                    {
                        WriteTry(writer, own!.Method, "Literals", "path", "", passRouter, passExchange, passResult);
                    }
                }

                writer.Line();
            }

            writer.Line($"if (!{RoutePath}.IsAbsolute(path))");
            using (writer.Braces())
            {
                writer.Line($"return {Match}.BadRequest(HyperRoute::RouteProblem.PathNotAbsolute);", "origin form only");
            }

            writer.Line();
            writer.Comment(
                "One trailing '/' is dropped. Routes with parameters are matched on the path still undecoded: a value that holds a '%' "
                + "does not match here and waits for DispatchDecoded; any other match is the decoded path's match.");
            writer.Line($"var trimmed = {RoutePath}.TrimTrailingSlash(path);");
            var starts = FirstPassChecks.AnyRouteFirstBytes(plan);
            if (own is not null)
            {
                if (literals)
                {
                    writer.If("trimmed.Length != path.Length", "then the literal routes get a second look");
                    using (writer.Braces())
                    {
                        WriteTry(writer, own.Method, "Literals", "trimmed", "", passRouter, passExchange, passResult);
                    }
                }

                if (TreeEmitter.HasParameters(own.Tree))
                {
                    // With the early 404 below, no first-byte check here: it would cost every hit a compare to save a
                    // miss the call (measured: the parameter hit 0.5 ns faster, the miss 1.6 ns slower without it).
                    var firsts = starts is null ? FirstPassChecks.RootFirstBytes(own.Tree) : null;
                    if (firsts is null)
                    {
                        WriteTry(writer, own.Method, "Parameters", "trimmed", ", decoded: false", passRouter, passExchange, passResult);
                    }
                    else
                    {
                        writer.If($"trimmed.Length > 1 && (trimmed[1] | 0x20) is {firsts}", "how its routes with parameters can start");
                        using (writer.Braces())
                        {
                            WriteTry(writer, own.Method, "Parameters", "trimmed", ", decoded: false", passRouter, passExchange, passResult);
                        }
                    }
                }
            }

            if (get is not null)
            {
                writer.Comment("HEAD is served by the GET route of the path when no HEAD route matches; the host sends no body.");
                WriteTries(writer, get, "trimmed", decoded: false, passRouter, passExchange, passResult);
            }

            writer.Line();
            if (starts is not null)
            {
                writer.Comment("A path that no route of any method can start with is a 404 at once, unless it has escapes to decode.");
                writer.If($"trimmed.Length > 1 && (trimmed[1] | 0x20) is not {starts} && !{RoutePath}.ContainsEscape(trimmed)");
                using (writer.Braces())
                {
                    writer.Line($"return {Match}.NotFound;");
                }

                writer.Line();
            }

            writer.Comment("Nothing matched the path as received: decode its escapes and try again, or tell 405 from 404.");
            writer.Call($"return DispatchDecoded({passRouter}{Methods}.{flag}, trimmed, query{passExchange}, ref buffer{passResult});");
        }
    }

    private static void WriteDecoded(SourceWriter writer, DispatchPlan plan, DispatchParameters parameters)
    {
        var (passRouter, passExchange, outResult, passResult) = (parameters.PassRouter, parameters.PassExchange, parameters.OutResult, parameters.PassResult);
        writer.Doc(
            "The second pass of <c>DispatchCore</c>, for a path that no route matched as received: when it holds escapes, "
            + "<c>DispatchEscaped</c> decodes it and matches again; otherwise the routes of the other methods say 405 or 404.");
        writer.Line(GeneratedCode);
        writer.Line(NoInlining);
        writer.Declaration($"private static {Match} DispatchDecoded({parameters.Router}{Methods} verb, {Span} path, {Span} query{parameters.Exchange}, scoped ref {Buffer} buffer{outResult})");
        using (writer.Braces())
        {
            writer.Line($"if ({RoutePath}.ContainsEscape(path))");
            using (writer.Braces())
            {
                writer.Call($"return DispatchEscaped({passRouter}verb, path, query{passExchange}, ref buffer{passResult});");
            }

            writer.Line();
            if (outResult.Length > 0)
            {
                writer.Line($"result = {plan.Router.ResultDefault};");
            }

            WriteAllow(writer, "path");
        }

        writer.Line();
        writer.Doc(
            "The second pass for a path with escapes: decodes it (400 for a malformed escape) and matches every route of the "
            + "method again; when nothing matches, the routes of the other methods say 405 or 404.");
        writer.Line(GeneratedCode);
        writer.Line(NoInlining);
        writer.Declaration($"private static {Match} DispatchEscaped({parameters.Router}{Methods} verb, {Span} path, {Span} query{parameters.Exchange}, scoped ref {Buffer} buffer{outResult})");
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
                writer.Line($"return {Match}.BadRequest(problem);", "a malformed escape");
            }

            if (plan.Methods.Count > 0)
            {
                writer.Line();
                writer.Line($"{Match} match;");
                WriteVerbSwitch(writer, plan, "normalized", passRouter, passExchange, passResult);
            }

            writer.Line();
            WriteAllow(writer, "normalized");
        }
    }

    private static void WriteAllow(SourceWriter writer, string path)
    {
        writer.Comment("No route of this method matches: 405 when a route of another method does, else 404.");
        writer.Line($"var allow = AllowedMethods({path});");
        writer.Line($"return allow == {Methods}.None");
        using (writer.Indent())
        {
            writer.Line($"? {Match}.NotFound");
            writer.Line($": {Match}.MethodNotAllowed(allow);");
        }
    }

    // One case per method, on the decoded path: its literal routes, then its routes with parameters; HEAD falls
    // back to GET.
    private static void WriteVerbSwitch(SourceWriter writer, DispatchPlan plan, string path, string passRouter, string passExchange, string passResult)
    {
        var get = plan.Methods.FirstOrDefault(m => m.Method == "GET");
        var head = plan.Methods.FirstOrDefault(m => m.Method == "HEAD");
        writer.Line("switch (verb)");
        using (writer.Braces())
        {
            foreach (var method in plan.Methods.Where(m => m.Method != "HEAD"))
            {
                writer.Line($"case {Methods}.{AllowWriter.Flag(method.Method)}:");
                using (writer.Indent())
                {
                    WriteTries(writer, method, path, decoded: true, passRouter, passExchange, passResult);
                    writer.Line("break;");
                }
            }

            if (get is not null || head is not null)
            {
                writer.Line($"case {Methods}.Head:");
                using (writer.Indent())
                {
                    if (head is not null)
                    {
                        WriteTries(writer, head, path, decoded: true, passRouter, passExchange, passResult);
                    }

                    if (get is not null)
                    {
                        writer.Comment("HEAD is served by the GET route of the path when no HEAD route matches; the host sends no body.");
                        WriteTries(writer, get, path, decoded: true, passRouter, passExchange, passResult);
                    }

                    writer.Line("break;");
                }
            }
        }
    }

    private static void WriteTries(SourceWriter writer, MethodTree method, string path, bool decoded, string passRouter, string passExchange, string passResult)
    {
        if (!method.Tree.LiteralRoutes.IsEmpty)
        {
            WriteTry(writer, method.Method, "Literals", path, "", passRouter, passExchange, passResult);
        }

        if (TreeEmitter.HasParameters(method.Tree))
        {
            WriteTry(writer, method.Method, "Parameters", path, decoded ? ", decoded: true" : ", decoded: false", passRouter, passExchange, passResult);
        }
    }

    private static void WriteTry(SourceWriter writer, string method, string part, string path, string decoded, string passRouter, string passExchange, string passResult)
    {
        writer.Call($"match = Match{AllowWriter.Flag(method)}{part}({passRouter}{path}{decoded}, query{passExchange}, ref buffer{passResult});");
        writer.Line("if (match.Outcome != HyperRoute::RouteOutcome.NotFound)");
        using (writer.Braces())
        {
            writer.Line("return match;");
        }
    }
}
