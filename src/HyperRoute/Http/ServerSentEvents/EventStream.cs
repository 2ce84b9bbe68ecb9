using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Http.ServerSentEvents;

/// <summary>
/// A <c>text/event-stream</c> response written by an asynchronous handler: <see cref="Start"/> sends the head
/// (<c>Cache-Control: no-cache</c>, chunked, nothing buffered), then each event goes out as it is written and
/// flushed. While the handler awaits its next event the connection is parked on its worker (no thread is held);
/// <see cref="Ended"/> is cancelled when the client disconnects, the handler's time limit passes, or the server
/// begins its graceful shutdown. Give the route <c>[HandlerTimeout(Timeout.Infinite)]</c>: a stream has no end
/// of its own.
/// </summary>
public sealed class EventStream
{
    private static readonly byte[] s_heartbeat = ":\n\n"u8.ToArray();

    private readonly HttpResponse _response;
    private readonly EventStreamOptions _options;
    private readonly CancellationTokenSource _ended;

    private EventStream(HttpExchange exchange, EventStreamOptions options)
    {
        _response = exchange.Response;
        _options = options;
        _ended = CancellationTokenSource.CreateLinkedTokenSource(exchange.RequestAborted, exchange.Closing);
        LastEventId = exchange.Request.TryFindHeader("Last-Event-ID"u8, out var last) && !last.IsEmpty ? Encoding.UTF8.GetString(last) : null;
    }

    /// <summary>The <c>Last-Event-ID</c> the client sent when it reconnected: the stream resumes after it. <see langword="null"/> on a first connection.</summary>
    public string? LastEventId { get; }

    /// <summary>Cancelled when the stream must end: the client left, the time limit passed, or the server is shutting down.</summary>
    public CancellationToken Ended => _ended.Token;

    /// <summary>Starts the event stream on <paramref name="exchange"/>'s response (status 200, <c>text/event-stream</c>).</summary>
    public static EventStream Start(HttpExchange exchange, EventStreamOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var response = exchange.Response;
        response.SetContentType("text/event-stream"u8);
        response.SetHeader("Cache-Control"u8, "no-cache"u8);
        response.SetHeader("X-Accel-Buffering"u8, "no"u8); // a proxy in front must not buffer the stream either
        response.StartChunked();
        return new EventStream(exchange, options ?? EventStreamOptions.Default);
    }

    /// <summary>Writes <paramref name="event"/> (it goes out at the next <see cref="FlushAsync"/>).</summary>
    public void Write(ServerSentEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        _response.Write(@event.Encoded);
    }

    /// <summary>Writes a comment line, which clients ignore (it goes out at the next <see cref="FlushAsync"/>).</summary>
    public void WriteComment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("A comment is one line.", nameof(text));
        }

        _response.Write(": "u8);
        _response.Write(Encoding.UTF8.GetBytes(text));
        _response.Write("\n\n"u8);
    }

    /// <summary>Sends what was written; completes when the client took it (a slow client holds the handler, not the worker).</summary>
    public ValueTask FlushAsync() => _response.FlushAsync();

    /// <summary>Writes and sends <paramref name="event"/>.</summary>
    public ValueTask SendAsync(ServerSentEvent @event)
    {
        Write(@event);
        return FlushAsync();
    }

    /// <summary>
    /// Sends every event of <paramref name="events"/> as it comes, with a heartbeat comment whenever none came for
    /// <see cref="EventStreamOptions.HeartbeatInterval"/>, until the events end or <see cref="Ended"/> is cancelled
    /// (then it returns normally: the stream is over, the response ends).
    /// </summary>
    public async ValueTask RunAsync(IAsyncEnumerable<ServerSentEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var token = Ended;
        var enumerator = events.GetAsyncEnumerator(token);
        Task<bool>? next = null;
        try
        {
            // The events start before the head goes out: a subscription (EventStreamChannel.Subscribe) is in place by
            // the time the client learns the stream is open, so nothing published after that is missed.
            next = enumerator.MoveNextAsync().AsTask();
            await FlushAsync().ConfigureAwait(false); // the head goes out now: the client knows the stream is open
            var interval = _options.HeartbeatInterval;
            while (!token.IsCancellationRequested)
            {
                next ??= enumerator.MoveNextAsync().AsTask();
                if (interval > TimeSpan.Zero && !next.IsCompleted)
                {
                    var heartbeat = Task.Delay(interval, token);
                    if (await Task.WhenAny(next, heartbeat).ConfigureAwait(false) == heartbeat)
                    {
                        if (!token.IsCancellationRequested)
                        {
                            _response.Write(s_heartbeat);
                            await FlushAsync().ConfigureAwait(false);
                        }

                        continue;
                    }
                }

                if (!await next.ConfigureAwait(false))
                {
                    break;
                }

                next = null;
                Write(enumerator.Current);
                await FlushAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The client left or the server is shutting down: the stream simply ends.
        }
        catch (ClientDisconnectedException)
        {
        }
        finally
        {
            try
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            _ended.Dispose();
        }
    }
}
