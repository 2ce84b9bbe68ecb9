using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Messaging.Destinations;
using HyperRoute.Messaging.Sources;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace HyperRoute.RabbitMQ;

/// <summary>
/// A destination that publishes each frame to a RabbitMQ exchange with publisher confirms: usable wherever a
/// <see cref="IFrameDestination"/> is (a destination group, a generated <c>[To]</c> forward).
/// </summary>
/// <remarks>
/// <para><b>Delivered means confirmed.</b> <see cref="Send"/> hands the frame to the channel and returns
/// <see cref="SendResult.Sent"/> at once; the broker confirms publishes in batches, so throughput pays no round trip
/// per message. When the send happens while a broker source (<see cref="RabbitMqSource{THandler}"/>, the MQTT source)
/// handles a message (a generated <c>[To]</c> forward does), it joins that message's <see cref="DeliveryScope"/>: the
/// message is acknowledged only once the broker confirmed the publish, and a publish
/// that was returned (<c>mandatory</c> and routed nowhere), nacked or lost with its connection makes the message
/// <see cref="Messaging.MessageOutcome.Undelivered"/>: it is retried, then dead-lettered. Outside a source,
/// <see cref="WhenConfirmedAsync"/> waits for every publish so far and the counters say how they ended.</para>
/// <para><b>Failures.</b> A channel that is not open (the connection is being recovered) fails the send at once with
/// <see cref="SendResult.Disconnected"/>, so a group fails over to another destination within the send.</para>
/// <para>Thread-safe: any number of sources and threads may send through one destination.</para>
/// </remarks>
public sealed class RabbitMqDestination : IFrameDestination, IAsyncDisposable
{
    private readonly IChannel _channel;
    private readonly CachedString _exchange;
    private readonly CachedString _routingKey;
    private readonly RoutingKeySelector? _routingKeyOf;
    private readonly bool _mandatory;
    private readonly BasicProperties _properties;
    private long _published;
    private long _confirmed;
    private long _returned;
    private long _nacked;
    private long _failed;
    private long _outstanding;
    private TaskCompletionSource? _drained;
    private int _disposed;

    private RabbitMqDestination(IChannel channel, RabbitMqDestinationOptions options)
    {
        _channel = channel;
        _exchange = new CachedString(options.Exchange);
        _routingKey = new CachedString(options.RoutingKey);
        _routingKeyOf = options.RoutingKeyOf;
        _mandatory = options.Mandatory;
        _properties = new BasicProperties { Persistent = options.Persistent };
    }

    /// <summary>Opens a channel with publisher confirms on <paramref name="connection"/> and returns a destination on it.</summary>
    public static async Task<RabbitMqDestination> CreateAsync(IConnection connection, RabbitMqDestinationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var channel = await connection.CreateChannelAsync(
            // No rate limiter: the client's default refuses publishes past 128 unconfirmed ones (a failed send); what
            // bounds the unconfirmed publishes is the sources' prefetch (or the caller, awaiting WhenConfirmedAsync).
            new CreateChannelOptions(
                publisherConfirmationsEnabled: true,
                publisherConfirmationTrackingEnabled: true,
                outstandingPublisherConfirmationsRateLimiter: null),
            cancellationToken).ConfigureAwait(false);
        return new RabbitMqDestination(channel, options);
    }

    /// <summary>Frames handed to the channel.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Publishes the broker confirmed.</summary>
    public long Confirmed => Interlocked.Read(ref _confirmed);

    /// <summary>Publishes routed to no queue and returned (<c>mandatory</c>).</summary>
    public long Returned => Interlocked.Read(ref _returned);

    /// <summary>Publishes the broker nacked.</summary>
    public long Nacked => Interlocked.Read(ref _nacked);

    /// <summary>Publishes whose channel closed before a confirm came: their fate is unknown.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Publishes not yet confirmed, returned or nacked.</summary>
    public long Outstanding => Interlocked.Read(ref _outstanding);

    /// <summary>
    /// Publishes <paramref name="frame"/> (copied into pooled memory until the broker answered). Returns
    /// <see cref="SendResult.Sent"/> when the channel took it; whether the broker took it is its confirmation (see the remarks).
    /// </summary>
    public SendResult Send(ReadOnlySpan<byte> frame)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return SendResult.Disposed;
        }

        if (!_channel.IsOpen)
        {
            return SendResult.Disconnected;
        }

        var routingKey = _routingKeyOf is { } selector ? new CachedString(selector(frame)) : _routingKey;
        var rented = ArrayPool<byte>.Shared.Rent(frame.Length);
        frame.CopyTo(rented);
        ValueTask publish;
        try
        {
            publish = _channel.BasicPublishAsync(_exchange, routingKey, _mandatory, _properties, rented.AsMemory(0, frame.Length));
        }
        catch (Exception)
        {
            ArrayPool<byte>.Shared.Return(rented);
            Interlocked.Increment(ref _failed);
            return SendResult.Failed; // the channel closed under us: a group tries its next destination
        }

        Interlocked.Increment(ref _published);
        Interlocked.Increment(ref _outstanding);
        var confirmation = Confirm(publish, rented);
        if (DeliveryScope.Current is { } scope)
        {
            scope.Add(confirmation); // the source acknowledges the message it is handling once this is confirmed
        }
        else
        {
            _ = Observe(confirmation);
        }

        return SendResult.Sent;
    }

    /// <summary>Completes when every publish made so far has been confirmed, returned or nacked (see the counters).</summary>
    public Task WhenConfirmedAsync()
    {
        if (Interlocked.Read(ref _outstanding) == 0)
        {
            return Task.CompletedTask;
        }

        var drained = Volatile.Read(ref _drained);
        if (drained is null)
        {
            var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            drained = Interlocked.CompareExchange(ref _drained, created, null) ?? created;
        }

        // A publish may have completed between the first check and the registration.
        if (Interlocked.Read(ref _outstanding) == 0)
        {
            drained.TrySetResult();
        }

        return drained.Task;
    }

    /// <summary>Closes the channel (publishes not yet confirmed end as <see cref="PublishStatus.Failed"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _channel.CloseAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // the connection is already gone: nothing left to close
        }

        _channel.Dispose();
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> Confirm(ValueTask publish, byte[] rented)
    {
        var status = PublishStatus.Confirmed;
        try
        {
            await publish.ConfigureAwait(false);
            Interlocked.Increment(ref _confirmed);
        }
        catch (PublishException e) when (e.IsReturn)
        {
            status = PublishStatus.Returned;
            Interlocked.Increment(ref _returned);
        }
        catch (PublishException)
        {
            status = PublishStatus.Nacked;
            Interlocked.Increment(ref _nacked);
        }
        catch (Exception)
        {
            status = PublishStatus.Failed;
            Interlocked.Increment(ref _failed);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
            if (Interlocked.Decrement(ref _outstanding) == 0)
            {
                Interlocked.Exchange(ref _drained, null)?.TrySetResult();
            }
        }

        return status == PublishStatus.Confirmed;
    }

    private static async Task Observe(ValueTask<bool> confirmation) => await confirmation.ConfigureAwait(false);
}
