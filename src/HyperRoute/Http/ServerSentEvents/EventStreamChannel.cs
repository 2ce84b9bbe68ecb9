using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace HyperRoute.Http.ServerSentEvents;

/// <summary>
/// A broadcast channel for event streams: <see cref="Publish"/> hands one (already encoded) event to every
/// subscriber, and keeps the last <c>replay</c> events so that a client reconnecting with <c>Last-Event-ID</c>
/// gets what it missed. Each subscriber has a bounded queue: a subscriber that falls that far behind loses its
/// oldest events rather than growing memory. Safe from any thread.
/// </summary>
public sealed class EventStreamChannel
{
    private readonly object _lock = new();
    private readonly Queue<ServerSentEvent> _recent = new();
    private readonly List<Channel<ServerSentEvent>> _subscribers = [];
    private readonly int _replay;
    private readonly int _subscriberCapacity;

    /// <summary>Creates a channel that replays up to <paramref name="replay"/> events and queues up to <paramref name="subscriberCapacity"/> per subscriber.</summary>
    public EventStreamChannel(int replay = 256, int subscriberCapacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replay);
        ArgumentOutOfRangeException.ThrowIfLessThan(subscriberCapacity, 1);
        _replay = replay;
        _subscriberCapacity = subscriberCapacity;
    }

    /// <summary>The streams subscribed now.</summary>
    public int Subscribers
    {
        get
        {
            lock (_lock)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>Sends <paramref name="event"/> to every subscriber and keeps it for replay.</summary>
    public void Publish(ServerSentEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        lock (_lock)
        {
            if (_replay > 0)
            {
                if (_recent.Count == _replay)
                {
                    _recent.Dequeue();
                }

                _recent.Enqueue(@event);
            }

            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(@event); // bounded, dropping the oldest: never refuses
            }
        }
    }

    /// <summary>
    /// The events after <paramref name="lastEventId"/> still kept for replay (all of them when it is unknown and not
    /// <see langword="null"/>; none when <see langword="null"/>), then every event published from now on, until
    /// <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async IAsyncEnumerable<ServerSentEvent> Subscribe(string? lastEventId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<ServerSentEvent>(new BoundedChannelOptions(_subscriberCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_lock)
        {
            if (lastEventId is not null)
            {
                var replay = false;
                var known = false;
                foreach (var past in _recent)
                {
                    known |= past.Id == lastEventId;
                }

                foreach (var past in _recent)
                {
                    if (replay || !known)
                    {
                        channel.Writer.TryWrite(past);
                    }

                    replay |= past.Id == lastEventId;
                }
            }

            _subscribers.Add(channel);
        }

        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var @event))
                {
                    yield return @event;
                }
            }
        }
        finally
        {
            lock (_lock)
            {
                _subscribers.Remove(channel);
            }
        }
    }

    /// <summary>
    /// Serves the channel as the event stream of <paramref name="exchange"/>, resuming after the client's
    /// <c>Last-Event-ID</c>: what a route handler returns (give the route <c>[HandlerTimeout(Timeout.Infinite)]</c>).
    /// </summary>
    public ValueTask ServeAsync(HttpExchange exchange, EventStreamOptions? options = null)
    {
        var stream = EventStream.Start(exchange, options);
        return stream.RunAsync(Subscribe(stream.LastEventId, stream.Ended));
    }
}
