using System;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Http.ServerSentEvents;
using HyperRoute.Routing;

namespace HyperRoute.Tests.ServerSentEvents;

/// <summary>
/// A hand-written endpoint for the event-stream tests:
/// <code>
/// GET /events   → the channel's stream (resumes after Last-Event-ID), no time limit
/// GET /three    → three events (one with every field, one multi-line), then the stream ends
/// </code>
/// </summary>
public readonly struct SseTestEndpoint(EventStreamChannel channel, EventStreamOptions options) : IHttpEndpoint
{
    public static int HeaderSlotCount => 0;

    public static int HeaderSlot(ReadOnlySpan<byte> name) => -1;

    public RouteMatch Serve(HttpExchange exchange)
    {
        var path = exchange.Request.Path;
        if (path.SequenceEqual("/events"u8))
        {
            return Pending(exchange, 0, channel.ServeAsync(exchange, options));
        }

        if (path.SequenceEqual("/three"u8))
        {
            return Pending(exchange, 1, Three(exchange));
        }

        return RouteMatch.NotFound;
    }

    private static RouteMatch Pending(HttpExchange exchange, int route, ValueTask work)
        => work.IsCompletedSuccessfully ? RouteMatch.Handled(route) : exchange.Suspend(route, work, Timeout.Infinite);

    private static async ValueTask Three(HttpExchange exchange)
    {
        var stream = EventStream.Start(exchange);
        await stream.SendAsync(new ServerSentEvent("first", eventType: "greeting", id: "1", retry: TimeSpan.FromSeconds(2)));
        await stream.SendAsync(new ServerSentEvent("line one\nline two\r\nline three", id: "2"));
        stream.WriteComment("almost done");
        await stream.SendAsync(new ServerSentEvent("{\"done\":true}", id: "3"));
    }
}
