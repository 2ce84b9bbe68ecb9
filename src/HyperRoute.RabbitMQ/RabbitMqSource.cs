using System;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Sources;
using RabbitMQ.Client;

namespace HyperRoute.RabbitMQ;

/// <summary>Starts <see cref="RabbitMqSource{THandler}"/>s.</summary>
public static class RabbitMqSource
{
    /// <summary>
    /// Connects to the broker and consumes <see cref="RabbitMqSourceOptions.Queue"/> into handlers made by
    /// <paramref name="handlers"/>: one per consumer, given that consumer's <see cref="MessageCounters"/> (pass them to
    /// a generated router's <c>FrameHandler</c>, whose counted outcome settles each message:
    /// <c>RabbitMqSource.StartAsync(counters => new TelemetryRouter.FrameHandler(counters), options)</c>).
    /// </summary>
    public static Task<RabbitMqSource<THandler>> StartAsync<THandler>(Func<MessageCounters, THandler> handlers, RabbitMqSourceOptions options, CancellationToken cancellationToken = default)
        where THandler : struct, IFrameHandler
        => RabbitMqSource<THandler>.StartAsync(handlers, options, cancellationToken);
}

/// <summary>
/// Consumes a RabbitMQ queue into a message router: each message's body is one frame for <typeparamref name="THandler"/>
/// (a generated router's <c>FrameHandler</c>), and the outcome decides what the broker is told (see docs/brokers.md).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>Routed</b> (and every publish its handler made to a <see cref="RabbitMqDestination"/> confirmed): acknowledged.</item>
/// <item><b>Malformed, rejected, unrouted</b>: dead-lettered with the reason in headers (<see cref="RabbitMqHeaders"/>).</item>
/// <item><b>A handler that threw, or undelivered</b> (a forward that no destination confirmed): handled again up to
/// <see cref="RabbitMqSourceOptions.MaxRedeliveries"/> times, then dead-lettered.</item>
/// </list>
/// Manual acknowledgements with a prefetch of <see cref="RabbitMqSourceOptions.Prefetch"/> per consumer bound the
/// messages in flight; a consumer's messages are handled in delivery order; the connection and its consumers are
/// recovered after a network failure or a broker restart (messages unacknowledged then are redelivered).
/// </remarks>
public sealed class RabbitMqSource<THandler> : IAsyncDisposable
    where THandler : struct, IFrameHandler
{
    // How long closing the connection may take (a connection that is being recovered answers no close).
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    private readonly RabbitMqSourceOptions _options;
    private readonly IConnection _connection;
    private readonly RabbitMqConsumer<THandler>[] _consumers;
    private readonly SourceTotals _totals;
    private int _stopped;

    private RabbitMqSource(RabbitMqSourceOptions options, IConnection connection, RabbitMqConsumer<THandler>[] consumers, SourceTotals totals)
    {
        _options = options;
        _connection = connection;
        _consumers = consumers;
        _totals = totals;
    }

    /// <summary>The final outcome of every settled message (a routed one whose forward was not confirmed counts as undelivered).</summary>
    public MessageCounters Outcomes => _totals.Outcomes;

    /// <summary>Messages acknowledged because they were routed (and their forwards confirmed).</summary>
    public long Acknowledged => Interlocked.Read(ref _totals.Acknowledged);

    /// <summary>Messages dead-lettered (published to the dead-letter exchange, or rejected into the queue's own).</summary>
    public long DeadLettered => Interlocked.Read(ref _totals.DeadLettered);

    /// <summary>Messages put back on the queue to be handled again after a failure.</summary>
    public long Retried => Interlocked.Read(ref _totals.Retried);

    /// <summary>Handler calls that threw (or whose pending work ended with an exception).</summary>
    public long HandlerErrors => Interlocked.Read(ref _totals.HandlerErrors);

    /// <summary>Messages received from the broker (redeliveries included).</summary>
    public long Received => Interlocked.Read(ref _totals.Received);

    /// <summary>The source's connection (for its state and events; closing it stops the source without settling what it holds).</summary>
    public IConnection Connection => _connection;

    internal static async Task<RabbitMqSource<THandler>> StartAsync(Func<MessageCounters, THandler> handlers, RabbitMqSourceOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var factory = new ConnectionFactory
        {
            Uri = options.Uri,
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            NetworkRecoveryInterval = options.RecoveryInterval,
            ClientProvidedName = options.ConnectionName ?? "hyperroute-source:" + options.Queue,
        };
        var connection = await factory.CreateConnectionAsync(cancellationToken).ConfigureAwait(false);
        var totals = new SourceTotals();
        var consumers = new RabbitMqConsumer<THandler>[options.Consumers];
        try
        {
            for (var i = 0; i < consumers.Length; i++)
            {
                consumers[i] = await RabbitMqConsumer<THandler>.StartAsync(connection, handlers, options, totals, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new RabbitMqSource<THandler>(options, connection, consumers, totals);
    }

    /// <summary>
    /// Stops consuming, settles the messages already taken (their handlers complete, their publishes are confirmed),
    /// and closes the connection. Messages the broker had sent but no handler had taken are requeued by the broker.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        foreach (var consumer in _consumers)
        {
            await consumer.StopAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await _connection.CloseAsync(CloseTimeout).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _options.OnError?.Invoke(e); // already closed by the broker: nothing left to close
        }

        _connection.Dispose();
    }

    /// <inheritdoc cref="StopAsync"/>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}

/// <summary>The counters every consumer of a source adds to.</summary>
internal sealed class SourceTotals
{
    public readonly MessageCounters Outcomes = new(publish: false); // the router's own counters publish each decision
    public long Acknowledged;
    public long DeadLettered;
    public long Retried;
    public long HandlerErrors;
    public long Received;
}
