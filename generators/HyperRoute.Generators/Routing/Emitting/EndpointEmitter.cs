using HyperRoute.Generators.Emitting;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// Writes a router's nested <c>HttpEndpoint</c> struct: the header table the request parser is specialised with
/// (<c>HeaderSlotCount</c>, <c>HeaderSlot</c>), <c>ParameterName</c> for the server's 400s, and <c>Serve</c>, which dispatches the exchange's request and writes
/// a handler's <c>IHttpResult</c> to the response.
/// </summary>
internal static class EndpointEmitter
{
    private const string GeneratedCode = GeneratedMethods.GeneratedCode;
    private const string Span = "System::ReadOnlySpan<byte>";
    private const string Match = "HyperRoute::RouteMatch";
    private const string Exchange = "Http::HttpExchange";

    /// <summary>Scratch for percent-decoded path and query values; longer ones rent from the pool.</summary>
    private const int ScratchSize = 256;

    public static void Write(SourceWriter writer, RouterSpec router)
    {
        var instance = router.HasInstanceHandlers;
        var headers = router.HeaderNames;
        var host = instance ? $"new {router.Declaration.Name}.HttpEndpoint(router)" : $"new {router.Declaration.Name}.HttpEndpoint()";

        writer.Doc(
            $"Serves this {(router.IsApp ? "app (every route of its routers, in one decision tree)" : "router")} over HTTP: <c>HttpServer.Start({CSharpLiterals.Xml(host)}, options)</c>. The server parses each request "
            + "with <see cref=\"HeaderSlot\"/> (so only the headers the routes bind are kept) and calls <see cref=\"Serve\"/>.");
        writer.Line("/// <remarks>");
        WriteHostingRemarks(writer, router);
        DispatcherEmitter.WriteRouteTable(writer, router);
        writer.Line("/// </remarks>");
        writer.Line(GeneratedCode);
        writer.Line("public readonly struct HttpEndpoint : Http::IHttpEndpoint");
        using (writer.Braces())
        {
            if (instance)
            {
                writer.Line($"private readonly {router.Declaration.Name} _router;");
                writer.Line();
                writer.Line("/// <summary>Serves the routes of <paramref name=\"router\"/>, whose instance handlers run on it.</summary>");
                writer.Line("/// <param name=\"router\">The router instance that holds the handlers' state.</param>");
                writer.Line(GeneratedCode);
                writer.Line($"public HttpEndpoint({router.Declaration.Name} router)");
                using (writer.Braces())
                {
                    writer.Line(router.Declaration.Keyword.EndsWith("struct", System.StringComparison.Ordinal)
                        ? "_router = router;"
                        : "_router = router ?? throw new System::ArgumentNullException(nameof(router));");
                }

                writer.Line();
            }

            writer.Line("/// <summary>How many request headers the routes bind; the parser keeps this many.</summary>");
            writer.Line(GeneratedCode);
            writer.Line($"public static int HeaderSlotCount => {headers.Count.ToString(CultureInfo.InvariantCulture)};");
            writer.Line();
            WriteHeaderSlot(writer, headers);
            writer.Line();
            writer.Doc("The name of the handler parameter a 400 from <see cref=\"Serve\"/> is about, which the server's problem response names; <see langword=\"null\"/> for any other result.");
            writer.Line("/// <param name=\"match\">The result of <see cref=\"Serve\"/>.</param>");
            writer.Line(GeneratedCode);
            writer.Line($"public static string? ParameterName({Match} match) => {router.Declaration.FullName}.ParameterName(match);");
            writer.Line();
            RouteTableEmitter.WriteRouteAt(writer);
            writer.Line();
            WriteStreamsRequestBody(writer, router);
            WriteServe(writer, router, instance);
        }
    }

    // The router's own StreamsRequestBody decides which bodies its handlers read as streams; without one, none do.
    private static void WriteStreamsRequestBody(SourceWriter writer, RouterSpec router)
    {
        if (!router.StreamsRequestBody)
        {
            return;
        }

        writer.Doc(
            "Whether the body of <paramref name=\"request\"/> (its head is all that has arrived) is streamed to its handler, which reads it with "
            + "<c>ReadBodyAsync</c> (a <c>[Forward]</c> route does) instead of buffered first: the router's own <c>StreamsRequestBody</c> decides.");
        writer.Line("/// <param name=\"request\">The request, with its head parsed and its body still on its way.</param>");
        writer.Line(GeneratedCode);
        writer.Line($"public static bool StreamsRequestBody(Http::HttpRequest request) => {router.Declaration.FullName}.StreamsRequestBody(request);");
        writer.Line();
    }

    private static void WriteHostingRemarks(SourceWriter writer, RouterSpec router)
    {
        if (router.IsApp)
        {
            writer.Doc(
                "An app is served only through this endpoint. In-process: "
                + "<c>exchange.Request.Load&lt;HttpEndpoint&gt;(bytes, 0, count)</c>, then <c>await endpoint.ServeAsync(exchange)</c>.",
                "para");
        }

        if (router.NeedsExchange && !router.IsApp)
        {
            writer.Doc(
                "Some routes bind headers, the body or the exchange, so the router is served only through this endpoint. "
                + "In-process: <c>exchange.Request.Load&lt;HttpEndpoint&gt;(bytes, 0, count)</c>, then <c>Serve(exchange)</c>.",
                "para");
        }

        if (router.Steps.Count > 0 || router.Routes.Any(r => r.Steps.Count > 0 || r.Bindings.Any(b => b.Steps.Count > 0 || b.JsonType is not null)))
        {
            writer.Doc(
                "Validators and transforms run here too. A validator that refuses the request, or a typed body that cannot be read, "
                + "writes an <c>application/problem+json</c> response and comes back as <see cref=\"HyperRoute::RouteOutcome.Rejected\"/>; "
                + "the handler does not run.",
                "para");
        }

        if (router.HasAsyncRoutes)
        {
            writer.Doc(
                "Asynchronous handlers (<c>async</c> below) run here too. One that completes at once is served as a synchronous one is; "
                + "otherwise <see cref=\"Serve\"/> returns <see cref=\"HyperRoute::RouteOutcome.Pending\"/> and the server answers once its "
                + "work completes (a 500 if it fails, a 504 past its <c>[HandlerTimeout]</c> or the server's limit). In-process: "
                + "<c>await endpoint.ServeAsync(exchange)</c>.",
                "para");
        }

        writer.Doc(
            router.ResultsInRoutes || router.Result is { Kind: not ResultKind.HttpResult }
                ? "The result of each handler that returns one is written to the response by the generated code: a value as "
                    + $"<c>application/json</c> (with {(router.IsApp ? "its router's" : "the router's")} JSON context), a string as <c>text/plain</c>, bytes as "
                    + "<c>application/octet-stream</c>, a typed result (<c>Ok&lt;T&gt;</c>, <c>Results&lt;…&gt;</c>, …) as it says."
                : router.ResultIsHttpResult
                    ? "The result of each handler that returns one is written to the response (<c>IHttpResult.WriteTo</c>)."
                    : "Handlers write the response themselves (an <c>HttpResponse</c> parameter) or leave it 200 and empty.",
            "para");
    }

    private static void WriteHeaderSlot(SourceWriter writer, IReadOnlyList<string> headers)
    {
        writer.Doc("The slot of the request header <paramref name=\"name\"/> (any ASCII case); -1 when no route binds it.");
        writer.Line("/// <param name=\"name\">The field name as received.</param>");
        writer.Line(GeneratedCode);
        if (headers.Count == 0)
        {
            writer.Line($"public static int HeaderSlot({Span} name) => -1;", "no route binds a header");
            return;
        }

        writer.Line($"public static int HeaderSlot({Span} name)");
        using (writer.Braces())
        {
            writer.Line("switch (name.Length)");
            using (writer.Braces())
            {
                var byLength = headers
                    .Select((header, slot) => (Header: header, Slot: slot))
                    .GroupBy(h => System.Text.Encoding.UTF8.GetByteCount(h.Header))
                    .OrderBy(g => g.Key);
                foreach (var group in byLength)
                {
                    writer.Line($"case {group.Key.ToString(CultureInfo.InvariantCulture)}:");
                    using (writer.Indent())
                    {
                        foreach (var (header, slot) in group)
                        {
                            writer.Comment(header);
                            writer.If($"Routing::Utf8Literal.EqualsLower(name, {CSharpLiterals.Utf8(header.ToLowerInvariant())})");
                            using (writer.Braces())
                            {
                                writer.Line($"return {slot.ToString(CultureInfo.InvariantCulture)};");
                            }
                        }

                        writer.Line("break;");
                    }
                }
            }

            writer.Line();
            writer.Line("return -1;", "no route binds this header");
        }
    }

    private static void WriteServe(SourceWriter writer, RouterSpec router, bool instance)
    {
        var target = instance ? "_router, " : "";
        var passExchange = router.NeedsExchange ? ", exchange" : "";
        if (router.TakesCancellationToken)
        {
            passExchange += ", exchange.RequestAborted";
        }

        if (router.ReturnsPendingWork)
        {
            passExchange += ", ref pending";
        }

        if (DispatchParameters.TakesRouteSlot(router))
        {
            passExchange += ", ref exchange.Route"; // the routes note themselves on the exchange, as those of a router that takes it
        }

        var passResult = router.ResultType is null ? "" : ", out var result";

        writer.Doc(
            "Routes the request of <paramref name=\"exchange\"/> and runs its handler. Returns whether a handler ran, or why not "
            + "(404, 405 with the allowed methods, 400 with the problem); the server answers those itself.");
        writer.Line("/// <param name=\"exchange\">The request to serve and the response its handler writes.</param>");
        writer.Line(GeneratedCode);
        writer.Line($"public {Match} Serve({Exchange} exchange)");
        using (writer.Braces())
        {
            writer.Line("var request = exchange.Request;");
            var names = new NameScope();
            foreach (var step in router.RequestValidators)
            {
                HandlerCallWriter.WriteCheck(
                    writer,
                    names,
                    step,
                    $"source side, router level: {step.Attribute}",
                    $"{step.TypeName}.Validate(request)",
                    null,
                    "Rejected(-1)");
                writer.Line();
            }

            writer.Line("var path = request.Path;");
            writer.Line("var query = request.Query;");
            writer.Line($"var buffer = new Routing::DecodeBuffer(stackalloc byte[{ScratchSize.ToString(CultureInfo.InvariantCulture)}], path.Length + query.Length);");
            if (router.ReturnsPendingWork)
            {
                writer.Line($"{DispatchParameters.PendingWorkType(router)} pending = default;");
            }

            writer.Call($"var match = {ReservedNames.Machinery}.DispatchCore({target}request.Method, path, query{passExchange}, ref buffer{passResult});");
            writer.Line("buffer.Dispose();");
            if (router.OpenApi?.Route is { } documentRoute)
            {
                writer.If($"match.Outcome == HyperRoute::RouteOutcome.NotFound && System::MemoryExtensions.SequenceEqual(path, {CSharpLiterals.Utf8(documentRoute)})");
                using (writer.Braces())
                {
                    writer.Comment($"[OpenApi(Route = \"{documentRoute}\")]: no route answers the path, so the generated document does (GET, HEAD).");
                    writer.Line("return Http::OpenApiDocumentRoute.Serve(exchange, OpenApiDocument);");
                }

                writer.Line();
            }

            if (router.ReturnsPendingWork)
            {
                writer.If("match.IsPending");
                using (writer.Braces())
                {
                    writer.Comment("An async handler has not completed: the server answers once its work does.");
                    writer.Line($"return {ReservedNames.Machinery}.Suspend(exchange, match.Route, pending);");
                }

                writer.Line();
            }
            if (router.ResultType is not null)
            {
                WriteResult(writer, router);
            }

            writer.Line("return match;");
        }
    }

    // Writes the result of a handler that returned one; void handlers wrote the response themselves.
    private static void WriteResult(SourceWriter writer, RouterSpec router)
    {
        var returning = router.Routes.Where(r => !r.ReturnsVoid && !router.WritesResultInLeaf(r)).Select(r => r.Index.ToString(CultureInfo.InvariantCulture)).ToList();
        if (returning.Count == 0)
        {
            return; // every result is written in its route, before the response transforms
        }

        if (returning.Count == router.Routes.Count)
        {
            writer.If("match.IsHandled");
        }
        else
        {
            if (router.Routes.Any(router.WritesResultInLeaf))
            {
                writer.Comment(
                    "Only these routes' results are written here: the other handlers are void and wrote the response themselves, "
                    + "or their route wrote the result before its response transforms.");
            }
            else
            {
                writer.Comment("Only these routes' handlers return a result; the others are void and wrote the response themselves.");
            }
            writer.If($"match.IsHandled && match.Route is {string.Join(" or ", returning)}");
        }

        using (writer.Braces())
        {
            ResultEmitter.Write(writer, router.Result!, "result");
        }

        writer.Line();
    }
}
