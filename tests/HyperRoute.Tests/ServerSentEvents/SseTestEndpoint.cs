using System;
using System.Collections.Concurrent;
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
/// GET /resume   → without Last-Event-ID: events 1-3 (retry 100 ms), then the response ends (the client sees a
///                 dropped stream); with it: the events after it up to 5, then stays open
/// GET /resume-page → an HTML page whose EventSource reads /resume and collects the ids in window.ids
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

        if (path.SequenceEqual("/resume"u8))
        {
            return Pending(exchange, 2, Resume(exchange));
        }

        if (path.SequenceEqual("/resume-page"u8))
        {
            exchange.Response.SetContentType("text/html; charset=utf-8"u8);
            exchange.Response.Write("""
                <!doctype html><title>resume</title><script>
                window.ids = [];
                const source = new EventSource('/resume');
                source.onmessage = (event) => window.ids.push(event.lastEventId + '=' + event.data);
                </script>
                """u8);
            return RouteMatch.Handled(3);
        }

        return RouteMatch.NotFound;
    }

    /// <summary>The Last-Event-ID each /resume request carried ("" for none), in order.</summary>
    public static ConcurrentQueue<string> ResumeRequests { get; } = new();

    private static async ValueTask Resume(HttpExchange exchange)
    {
        var stream = EventStream.Start(exchange);
        ResumeRequests.Enqueue(stream.LastEventId ?? "");
        var after = int.Parse(stream.LastEventId ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        for (var id = after + 1; id <= (stream.LastEventId is null ? 3 : 5); id++)
        {
            await stream.SendAsync(new ServerSentEvent($"event {id}", id: id.ToString(System.Globalization.CultureInfo.InvariantCulture), retry: TimeSpan.FromMilliseconds(100)));
        }

        if (stream.LastEventId is not null)
        {
            await Task.Delay(Timeout.Infinite, stream.Ended).ContinueWith(static _ => { }, TaskScheduler.Default);
        }
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
