using HyperRoute.Generators.Emitting;
using System.Globalization;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// Calling an asynchronous handler: the work it returns is looked at once. When it completed successfully the route goes
/// on in place exactly as for a synchronous handler (its result, the response transforms, <c>Handled</c>), allocating
/// nothing; otherwise — not completed, or failed, which the server turns into a 500 — the work is handed to the exchange
/// (<c>exchange.Suspend</c>), or back through the <c>pending</c> slot of a router that needs no exchange, with whatever
/// must follow it (<see cref="AsyncCompletion"/>). Generated code catches nothing.
/// </summary>
internal sealed partial class HandlerCallWriter
{
    private const string Tasks = "System::Threading.Tasks";

    /// <summary>
    /// The builder of every generated <c>async</c> method: a request that waits takes its state machine box from a pool
    /// instead of allocating one. Pooled work must be awaited exactly once, which is what the server (and
    /// <c>ServeAsync</c>, <c>DispatchAsync</c>) do.
    /// </summary>
    public static string PoolingBuilder(bool generic)
        => $"[CompilerServices::AsyncMethodBuilder(typeof(CompilerServices::PoolingAsyncValueTaskMethodBuilder{(generic ? "<>" : "")}))]";

    private void WriteAsyncCall(SourceWriter writer, RouteSpec route, string call, NameScope names)
    {
        var work = names.Unique("work");
        var completion = _completions[route.Index];
        writer.Call($"var {work} = {call}");
        writer.If($"!{work}.IsCompletedSuccessfully");
        using (writer.Braces())
        {
            var handed = Handed(route, completion, work);
            if (_router.NeedsExchange)
            {
                writer.Comment("Not completed (or failed): the server parks the connection and answers once the work completes.");
                var suspend = $"return exchange.Suspend({route.Index.ToString(CultureInfo.InvariantCulture)}, {handed}{TimeoutArgument(route)});";
                var comment = TimeoutComment(route);
                if (comment is not null && writer.Fits(suspend + " // " + comment))
                {
                    writer.Line(suspend, comment);
                }
                else if (comment is not null)
                {
                    writer.Comment(comment);
                    writer.Call(suspend);
                }
                else
                {
                    writer.Call(suspend);
                }
            }
            else
            {
                writer.Comment("Not completed (or failed): whoever called the dispatcher awaits it.");
                writer.Line($"pending = {handed};");
                writer.Line($"return {Match}.Pending({route.Index.ToString(CultureInfo.InvariantCulture)});");
            }
        }

        switch (route.Async)
        {
            case AsyncReturn.ValueTask:
                writer.Line($"{work}.GetAwaiter().GetResult();", "completed: this releases the source behind it");
                break;
            case AsyncReturn.ValueTaskOfResult:
            case AsyncReturn.TaskOfResult:
                writer.Line($"{(_router.ResultsInRoutes ? "var " : "")}result = {work}.Result;", "completed: no wait");
                break;
        }
    }

    // The ValueTask handed on: the work itself, a Task wrapped (no allocation), or the continuation that awaits it.
    private string Handed(RouteSpec route, AsyncCompletion completion, string work)
    {
        var asValueTask = route.Async switch
        {
            AsyncReturn.Task => $"new {Tasks}.ValueTask({work})",
            AsyncReturn.TaskOfResult => $"new {Tasks}.ValueTask<{route.ResultType}>({work})",
            _ => work,
        };
        return completion.Method is null
            ? asValueTask
            : $"{completion.Method}({asValueTask}{(_router.NeedsExchange ? ", exchange" : "")})";
    }

    private static string TimeoutArgument(RouteSpec route) => route.TimeoutMilliseconds switch
    {
        null => "",
        -1 => ", System::Threading.Timeout.Infinite",
        { } milliseconds => ", " + milliseconds.ToString(CultureInfo.InvariantCulture),
    };

    private static string? TimeoutComment(RouteSpec route) => route.TimeoutMilliseconds switch
    {
        null => null,
        -1 => "[HandlerTimeout]: no time limit",
        { } milliseconds => $"[HandlerTimeout]: {milliseconds.ToString(CultureInfo.InvariantCulture)} ms",
    };

    /// <summary>
    /// Writes the continuation of <paramref name="completion"/> (a method of the dispatcher): awaits the work, then writes
    /// the result and runs the response transforms, or gives the result slot its default.
    /// </summary>
    public static void WriteCompletion(SourceWriter writer, RouterSpec router, AsyncCompletion completion)
    {
        var route = completion.Route;
        var what = completion.ReturnsDefaultResult
            ? "gives it the router's result type, with the default result (the handler returns none)"
            : (completion.WritesResult, completion.Transforms.Count > 0) switch
            {
                (true, true) => "writes its result and runs the response transforms",
                (true, false) => "writes its result",
                _ => "runs the response transforms",
            };
        writer.Doc(
            $"<c>{CSharpLiterals.Xml(route.Template.Pattern)}</c>: once the work of <c>{CSharpLiterals.Xml(route.HandlerName)}</c> completes, {what}. "
            + "Only for work that had not completed when the handler returned; otherwise the route does this in place.");
        writer.Line(GeneratedMethods.GeneratedCode);
        writer.Line(PoolingBuilder(completion.ReturnsDefaultResult));
        var returns = completion.ReturnsDefaultResult ? DispatchParameters.PendingWorkType(router) : $"{Tasks}.ValueTask";
        var takes = completion.AwaitsResult ? $"{Tasks}.ValueTask<{route.ResultType}>" : $"{Tasks}.ValueTask";
        var exchange = router.NeedsExchange ? ", Http::HttpExchange exchange" : "";
        writer.Declaration($"private static async {returns} {completion.Method}({takes} work{exchange})");
        using (writer.Braces())
        {
            writer.Line(completion.AwaitsResult ? "var result = await work.ConfigureAwait(false);" : "await work.ConfigureAwait(false);");
            if (completion.WritesResult)
            {
                ResultEmitter.Write(writer, ResultOf(router, route)!, "result", route);
            }

            WriteResponseTransforms(writer, router, route);

            if (completion.ReturnsDefaultResult)
            {
                writer.Line($"return {router.ResultDefault};");
            }
        }
    }
}
