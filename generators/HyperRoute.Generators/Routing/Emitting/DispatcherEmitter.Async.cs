using HyperRoute.Generators.Emitting;
using System.Globalization;
using System.Linq;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// The in-process entry points of a router with asynchronous handlers that needs no exchange: <c>DispatchAsync</c>, and
/// the dispatcher's helpers that finish a pending handler's work for it and for <c>HttpEndpoint.Serve</c>. (A router
/// that needs the exchange hands pending work to <c>exchange.Suspend</c> from the route itself.)
/// </summary>
internal static partial class DispatcherEmitter
{
    private const string Tasks = "System::Threading.Tasks";

    /// <summary><c>ValueTask&lt;RouteMatch&gt;</c>, or <c>ValueTask&lt;(RouteMatch Match, T Result)&gt;</c> for a router with a result type.</summary>
    private static string DispatchAsyncResult(RouterSpec router)
        => router.ResultType is null ? $"{Tasks}.ValueTask<{Match}>" : $"{Tasks}.ValueTask<({Match} Match, {router.ResultType} Result)>";

    private static void WriteDispatchAsync(SourceWriter writer, DispatchPlan plan, DispatchParameters parameters)
    {
        var router = plan.Router;
        var modifier = router.HasInstanceHandlers ? "" : "static ";
        var returns = DispatchAsyncResult(router);
        const string Token = "System::Threading.CancellationToken cancellationToken = default";

        writer.Line();
        WriteDispatchAsyncDocs(writer, router, withScratch: false);
        writer.Line(GeneratedCode);
        writer.Line(AggressiveInlining);
        writer.Declaration($"public {modifier}{returns} DispatchAsync({Span} method, {Span} path, {Span} query, {Token})");
        using (writer.Indent())
        {
            writer.Line("=> DispatchAsync(method, path, query, default, cancellationToken);");
        }

        writer.Line();
        WriteDispatchAsyncDocs(writer, router, withScratch: true);
        writer.Line(GeneratedCode);
        writer.Declaration($"public {modifier}{returns} DispatchAsync({Span} method, {Span} path, {Span} query, System::Span<byte> scratch, {Token})");
        using (writer.Braces())
        {
            var token = router.TakesCancellationToken ? "cancellationToken, " : "";
            writer.Line($"var buffer = new {Buffer}(scratch, path.Length + query.Length);");
            writer.Line($"{parameters.PendingType} pending = default;");
            var slot = WriteRouteSlot(writer, parameters);
            writer.Call($"var match = {Machinery}.DispatchCore({parameters.PassThis}method, path, query, {token}ref pending, {slot}ref buffer{(router.ResultType is null ? "" : ", out var result")});");
            writer.Comment("Async handlers bind no spans, so no work still running reads the buffer.");
            writer.Line("buffer.Dispose();");
            writer.Line("return match.IsPending");
            using (writer.Indent())
            {
                writer.Line($"? {Machinery}.Awaited(pending, match.Route)");
                writer.Line(router.ResultType is null ? $": new {returns}(match);" : $": new {returns}((match, result));", "the handler completed, or none ran");
            }
        }
    }

    private static void WriteDispatchAsyncDocs(SourceWriter writer, RouterSpec router, bool withScratch)
    {
        writer.Doc(withScratch
            ? "As <c>DispatchAsync</c>, decoding percent-escaped values into <paramref name=\"scratch\"/> first (a pooled array is rented "
                + "only when it is too small)."
            : "Routes a request to its handler as <c>Dispatch</c> does, and awaits an async handler's work instead of waiting for it. "
                + "Completes synchronously, without allocating, when the handler did; an exception the handler throws comes out of the "
                + "returned task.");
        writer.Doc("The request method token, such as <c>GET</c> (case-sensitive).", "param name=\"method\"");
        writer.Doc("The request path, starting with <c>/</c>, without the query; percent-escapes are decoded before matching.", "param name=\"path\"");
        writer.Doc("The query string without the <c>?</c>; may be empty.", "param name=\"query\"");
        if (withScratch)
        {
            writer.Doc("Caller-owned memory for decoded values, used until the handler returns.", "param name=\"scratch\"");
        }

        writer.Doc("What a handler's <c>CancellationToken</c> parameter receives.", "param name=\"cancellationToken\"");
        if (router.ResultType is not null)
        {
            writer.Doc(
                "Whether a handler ran, or why not, and what it returned (<see langword=\"default\"/> when none ran or it returns none): "
                + "an async method has no <c>out</c> parameters.",
                "returns");
        }
    }

    // The dispatcher's side of pending work that comes back through the slot: awaiting it for DispatchAsync, and handing
    // it to the exchange (with the route's time limit, and the result written once it completes) for Serve.
    private static void WritePendingHelpers(SourceWriter writer, DispatchPlan plan, DispatchParameters parameters)
    {
        var router = plan.Router;
        var returns = DispatchAsyncResult(router);
        writer.Line();
        writer.Doc("Awaits the work of route <paramref name=\"route\"/>, which had not completed, for <c>DispatchAsync</c>.");
        writer.Line(GeneratedCode);
        writer.Line(HandlerCallWriter.PoolingBuilder(generic: true));
        writer.Declaration($"internal static async {returns} Awaited({parameters.PendingType} pending, int route)");
        using (writer.Braces())
        {
            if (router.ResultType is null)
            {
                writer.Line("await pending.ConfigureAwait(false);");
                writer.Line($"return {Match}.Handled(route);");
            }
            else
            {
                writer.Line("var result = await pending.ConfigureAwait(false);");
                writer.Line($"return ({Match}.Handled(route), result);");
            }
        }

        if (!router.HasHttpEndpoint)
        {
            return;
        }

        var asyncRoutes = router.Routes.Where(r => r.IsAsync).ToList();
        var writes = router.ResultIsHttpResult ? asyncRoutes.Where(r => !r.ReturnsVoid).ToList() : new System.Collections.Generic.List<RouteSpec>();
        writer.Line();
        writer.Doc(
            "For <c>HttpEndpoint.Serve</c>: hands the work of route <paramref name=\"route\"/>, which had not completed, to the exchange, "
            + "with the route's time limit" + (writes.Count > 0 ? ", to write the handler's result once it completes." : "."));
        writer.Line(GeneratedCode);
        writer.Declaration($"internal static {Match} Suspend(Http::HttpExchange exchange, int route, {parameters.PendingType} pending)");
        using (writer.Braces())
        {
            var work = "pending";
            if (writes.Count > 0)
            {
                var which = writes.Count == asyncRoutes.Count
                    ? "true"
                    : "route is " + string.Join(" or ", writes.Select(r => r.Index.ToString(CultureInfo.InvariantCulture)));
                if (writes.Count != asyncRoutes.Count)
                {
                    writer.Comment("Only these routes' handlers return a result; the others' work gives the default.");
                }

                writer.Line($"var work = WriteResult(pending, exchange, {which});");
                work = "work";
            }

            var limited = asyncRoutes.Where(r => r.TimeoutMilliseconds is not null).ToList();
            if (limited.Count == 0)
            {
                writer.Line($"return exchange.Suspend(route, {work});", "the server's time limit");
            }
            else
            {
                writer.Line("switch (route)");
                using (writer.Braces())
                {
                    foreach (var route in limited)
                    {
                        writer.Line($"case {route.Index.ToString(CultureInfo.InvariantCulture)}:", route.Template.Pattern);
                        using (writer.Indent())
                        {
                            var timeout = route.TimeoutMilliseconds == -1 ? "System::Threading.Timeout.Infinite" : route.TimeoutMilliseconds!.Value.ToString(CultureInfo.InvariantCulture);
                            writer.Line($"return exchange.Suspend(route, {work}, {timeout});", "[HandlerTimeout]");
                        }
                    }

                    writer.Line("default:");
                    using (writer.Indent())
                    {
                        writer.Line($"return exchange.Suspend(route, {work});", "the server's time limit");
                    }
                }
            }
        }

        if (writes.Count > 0)
        {
            writer.Line();
            writer.Doc("Awaits a handler's pending work and writes its result to the response (unless <paramref name=\"write\"/> is false: it has none).");
            writer.Line(GeneratedCode);
            writer.Line(HandlerCallWriter.PoolingBuilder(generic: false));
            writer.Declaration($"private static async {Tasks}.ValueTask WriteResult({parameters.PendingType} pending, Http::HttpExchange exchange, bool write)");
            using (writer.Braces())
            {
                writer.Line("var result = await pending.ConfigureAwait(false);");
                writer.Line("if (write)");
                using (writer.Braces())
                {
                    ResultEmitter.Write(writer, router.Result!, "result");
                }
            }
        }
    }
}
