using System;
using System.Buffers;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using HyperRoute.Brokers;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Sources;
using RabbitMQ.Client;

namespace HyperRoute.RabbitMQ;

/// <summary>
/// One consumer of a <see cref="RabbitMqSource{THandler}"/>: its own channel (with the prefetch), its own copy of the
/// handler, and a settler that tells the broker, in delivery order, what became of each message.
/// </summary>
/// <remarks>
/// The client calls <see cref="HandleBasicDeliverAsync"/> for one message at a time per channel. The handler runs
/// there, and the message goes to the settler, which waits for the confirms of what the handler published: so the
/// consumer routes the next message while the broker confirms the last ones, and the acknowledgements of consecutive
/// routed messages go out as one <c>basic.ack</c> with <c>multiple</c>.
/// </remarks>
internal sealed partial class RabbitMqConsumer<THandler> : AsyncDefaultBasicConsumer
    where THandler : struct, IFrameHandler
{
    private readonly IChannel _control;
    private readonly InProcessSource<THandler> _source;
    private readonly RabbitMqSourceOptions _options;
    private readonly SourceTotals _totals;
    private readonly DeliveryScope _scope = new();
    private readonly RabbitMqDelivery? _delivery;
    private readonly Channel<Settlement> _settlements = System.Threading.Channels.Channel.CreateUnbounded<Settlement>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _settler;
    private OutcomeProbe _probe;
    private string? _consumerTag;

    private RabbitMqConsumer(IChannel channel, IChannel control, THandler handler, MessageCounters counters, RabbitMqSourceOptions options, SourceTotals totals)
        : base(channel)
    {
        _control = control;
        _source = new InProcessSource<THandler>(handler);
        _probe = new OutcomeProbe(counters);
        _options = options;
        _totals = totals;
        _delivery = options.ExposeDelivery ? new RabbitMqDelivery() : null;
        _settler = Task.Run(SettleAsync);
    }

    public static async Task<RabbitMqConsumer<THandler>> StartAsync(
        IConnection connection, Func<MessageCounters, THandler> handlers, RabbitMqSourceOptions options, SourceTotals totals, CancellationToken cancellationToken)
    {
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await channel.BasicQosAsync(0, options.Prefetch, global: false, cancellationToken).ConfigureAwait(false);

        // Retries and dead letters are published here, each confirmed before the original is acknowledged.
        var control = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken).ConfigureAwait(false);
        var counters = new MessageCounters();
        var consumer = new RabbitMqConsumer<THandler>(channel, control, handlers(counters), counters, options, totals);
        consumer._consumerTag = await channel.BasicConsumeAsync(options.Queue, autoAck: false, consumer, cancellationToken).ConfigureAwait(false);
        return consumer;
    }

    /// <summary>Routes one message through the handler and hands it to the settler.</summary>
    public override async Task HandleBasicDeliverAsync(
        string consumerTag, ulong deliveryTag, bool redelivered, string exchange, string routingKey,
        IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _totals.Received);
        var attempts = RetryHeaders.AttemptsOf(properties);
        Exception? fault = null;
        ValueTask work = default;
        _delivery?.Enter(exchange, routingKey, redelivered, attempts, properties);
        _probe.Mark();
        _scope.Enter();
        try
        {
            work = _source.DeliverAsync(body, _stopping.Token);
        }
        catch (Exception e)
        {
            fault = e;
        }
        finally
        {
            DeliveryScope.Exit();
            RabbitMqDelivery.Exit();
        }

        if (fault is null && !work.IsCompletedSuccessfully)
        {
            try
            {
                await work.ConfigureAwait(false); // a pending async handler: the body stays valid, the next message waits
            }
            catch (Exception e)
            {
                fault = e;
            }
        }

        var outcome = fault is null ? _probe.Read() : MessageOutcome.Undelivered;
        var confirmation = _scope.Take();
        if (confirmation.IsCompletedSuccessfully)
        {
            // A destination's confirmation may be a pooled ValueTask, whose result can be read once only (reading it
            // returns its box to the pool): read it here, once, and hand the settler the plain value.
            confirmation = new ValueTask<bool>(confirmation.Result);
        }

        // The body is the client's buffer, valid only until this method returns: a message that may be published
        // again (retried or dead-lettered) keeps a pooled copy until it is settled.
        byte[]? copy = null;
        if (fault is not null || outcome != MessageOutcome.Routed || !confirmation.IsCompletedSuccessfully || !confirmation.Result)
        {
            copy = ArrayPool<byte>.Shared.Rent(body.Length);
            body.Span.CopyTo(copy);
        }

        var settlement = new Settlement(deliveryTag, outcome, fault, confirmation, copy, body.Length, attempts, exchange, routingKey, properties);
        if (!_settlements.Writer.TryWrite(settlement))
        {
            settlement.ReturnCopy(); // stopping: the broker requeues the unacknowledged message when the channel closes
        }
    }

    /// <summary>The broker cancelled the consumer (its queue was deleted, or a node went down): reported, not retried.</summary>
    protected override async Task OnCancelAsync(string[] consumerTags, CancellationToken cancellationToken = default)
    {
        await base.OnCancelAsync(consumerTags, cancellationToken).ConfigureAwait(false);
        if (!_stopping.IsCancellationRequested)
        {
            _options.OnError?.Invoke(new InvalidOperationException(
                $"The broker cancelled the consumer of queue '{_options.Queue}' (was the queue deleted?); it receives nothing more."));
        }
    }

    /// <summary>Cancels the consumer, lets the settler finish what was taken, and closes the channels.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_consumerTag is { } tag && Channel.IsOpen)
            {
                await Channel.BasicCancelAsync(tag, noWait: false, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _options.OnError?.Invoke(e);
        }

        _settlements.Writer.TryComplete();
        await _settler.WaitAsync(cancellationToken).ConfigureAwait(false);
        _stopping.Cancel();
        await CloseQuietly(Channel).ConfigureAwait(false);
        await CloseQuietly(_control).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private static async Task CloseQuietly(IChannel channel)
    {
        try
        {
            if (channel.IsOpen)
            {
                await channel.CloseAsync().ConfigureAwait(false);
            }
        }
        catch (Exception)
        {
            // the connection went first: the channel is closed with it
        }

        channel.Dispose();
    }
}
