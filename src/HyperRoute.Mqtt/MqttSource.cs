using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Brokers;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Sources;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace HyperRoute.Mqtt;

/// <summary>Starts <see cref="MqttSource{THandler}"/>s.</summary>
public static class MqttSource
{
    /// <summary>
    /// Connects to the broker, subscribes to <see cref="MqttSourceOptions.Topics"/> with QoS 1, and routes each publish
    /// through the handler <paramref name="handlers"/> makes with the source's <see cref="MessageCounters"/>
    /// (<c>MqttSource.StartAsync(counters => new TelemetryRouter.FrameHandler(counters), options)</c>).
    /// </summary>
    public static Task<MqttSource<THandler>> StartAsync<THandler>(Func<MessageCounters, THandler> handlers, MqttSourceOptions options, CancellationToken cancellationToken = default)
        where THandler : struct, IFrameHandler
        => MqttSource<THandler>.StartAsync(handlers, options, cancellationToken);
}

/// <summary>
/// Feeds MQTT publishes (QoS 1) into a message router: the payload is one frame, and the publish is acknowledged
/// (PUBACK) only after its handler completed and whatever it forwarded to a destination that confirms (a RabbitMQ
/// destination) was confirmed. See docs/brokers.md.
/// </summary>
/// <remarks>
/// MQTTnet hands the publishes of one connection over one at a time, so they are handled in the order they arrived;
/// the wait for the confirmations of what a handler forwarded is not part of that turn (the next publish is routed
/// meanwhile), and the PUBACKs leave in arrival order.
/// A handler that throws is called again (up to <see cref="MqttSourceOptions.MaxRedeliveries"/> times); what is not
/// routed in the end goes to <see cref="MqttSourceOptions.OnDeadLetter"/>, then is acknowledged: MQTT has no negative
/// acknowledgement, and a publish left unacknowledged would stop the session's flow at the receive maximum.
/// </remarks>
public sealed class MqttSource<THandler> : IAsyncDisposable
    where THandler : struct, IFrameHandler
{
    private readonly MqttSourceOptions _options;
    private readonly IMqttClient _client;
    private readonly MqttClientOptions _clientOptions;
    private readonly MqttTopicTemplate[] _templates;
    private readonly InProcessSource<THandler> _source;
    private readonly DeliveryScope _scope = new();
    private readonly MqttDelivery? _delivery;
    private readonly MessageCounters _outcomes = new(publish: false); // the router's own counters publish each decision
    private readonly CancellationTokenSource _stopping = new();
    private OutcomeProbe _probe;
    private long _received;
    private long _acknowledged;
    private long _deadLettered;
    private long _handlerErrors;
    private long _reconnects;
    private Task _acknowledgements = Task.CompletedTask; // the last PUBACK in the chain (only the receive callback writes it)

    private MqttSource(MqttSourceOptions options, THandler handler, MessageCounters counters)
    {
        _options = options;
        _templates = [.. options.Topics.Select(MqttTopicTemplate.Parse)];
        _source = new InProcessSource<THandler>(handler);
        _probe = new OutcomeProbe(counters);
        _delivery = options.ExposeDelivery ? new MqttDelivery() : null;
        _client = new MqttClientFactory().CreateMqttClient();
        _clientOptions = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithClientId(options.ClientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false) // the broker keeps the subscriptions and unacknowledged messages across reconnects
            .WithSessionExpiryInterval((uint)options.SessionExpiry.TotalSeconds)
            .WithReceiveMaximum(options.ReceiveMaximum)
            .Build();
        _client.ApplicationMessageReceivedAsync += OnPublishAsync;
        _client.DisconnectedAsync += OnDisconnectedAsync;
    }

    /// <summary>The final outcome of every acknowledged publish.</summary>
    public MessageCounters Outcomes => _outcomes;

    /// <summary>Publishes received (each handled once or more).</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Publishes acknowledged (PUBACK sent), routed or not.</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>Publishes handed to <see cref="MqttSourceOptions.OnDeadLetter"/>.</summary>
    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    /// <summary>Handler calls that threw.</summary>
    public long HandlerErrors => Interlocked.Read(ref _handlerErrors);

    /// <summary>Times the connection was lost and made again.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Whether the client is connected now.</summary>
    public bool IsConnected => _client.IsConnected;

    internal static async Task<MqttSource<THandler>> StartAsync(Func<MessageCounters, THandler> handlers, MqttSourceOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var counters = new MessageCounters();
        var source = new MqttSource<THandler>(options, handlers(counters), counters);
        try
        {
            await source.ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            source._client.Dispose();
            throw;
        }

        return source;
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var result = await _client.ConnectAsync(_clientOptions, cancellationToken).ConfigureAwait(false);
        if (result.IsSessionPresent)
        {
            return; // the broker kept our subscriptions (and queued what arrived meanwhile)
        }

        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var template in _templates)
        {
            var filter = _options.SharedGroup is { } group ? "$share/" + group + "/" + template.Filter : template.Filter;
            subscribe.WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        var subscribed = await _client.SubscribeAsync(subscribe.Build(), cancellationToken).ConfigureAwait(false);
        foreach (var item in subscribed.Items)
        {
            if (item.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2)
            {
                throw new InvalidOperationException($"The broker refused the subscription to '{item.TopicFilter.Topic}': {item.ResultCode}.");
            }
        }
    }

    // MQTTnet calls this for one publish at a time and the next only once it returns: the handler runs here, in
    // arrival order; the wait for what it forwarded to be confirmed does not. That wait and the PUBACK after it go on
    // a chain of their own, so the next publish is routed while the broker confirms this one, and the PUBACKs still
    // leave in the order the publishes came (MQTT 5 §4.6).
    private async Task OnPublishAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        e.AutoAcknowledge = false;
        var message = e.ApplicationMessage;
        var payload = message.Payload;
        ReadOnlyMemory<byte> body = payload.IsSingleSegment ? payload.First : System.Buffers.BuffersExtensions.ToArray(payload);
        Interlocked.Increment(ref _received);

        for (var attempt = 0; ; attempt++)
        {
            var (outcome, fault, confirmation) = await HandleAsync(message.Topic, body, attempt).ConfigureAwait(false);
            if (fault is null)
            {
                // The payload may be read again after this returns (a dead letter): it is copied when that can happen.
                var kept = confirmation.IsCompleted ? body : body.ToArray();
                _acknowledgements = AcknowledgeInOrderAsync(e, message.Topic, kept, outcome, confirmation.AsTask(), _acknowledgements);
                return;
            }

            Interlocked.Increment(ref _handlerErrors);
            _options.OnError?.Invoke(fault);
            if (attempt < _options.MaxRedeliveries)
            {
                continue;
            }

            DeadLetter(message.Topic, body, "fault", "the handler threw " + fault.GetType().FullName + ": " + fault.Message);
            _acknowledgements = AcknowledgeInOrderAsync(e, message.Topic, body, MessageOutcome.Undelivered, null, _acknowledgements);
            return;
        }
    }

    // Settles one publish once its forwards are confirmed (confirmation null: already settled), then sends its PUBACK
    // after the previous publish's.
    private async Task AcknowledgeInOrderAsync(MqttApplicationMessageReceivedEventArgs e, string topic, ReadOnlyMemory<byte> body, MessageOutcome outcome, Task<bool>? confirmation, Task previous)
    {
        if (confirmation is not null)
        {
            bool delivered;
            try
            {
                delivered = await confirmation.ConfigureAwait(false);
            }
            catch (Exception failure)
            {
                _options.OnError?.Invoke(failure);
                delivered = false;
            }

            if (outcome == MessageOutcome.Routed && delivered)
            {
                _outcomes.Count(MessageOutcome.Routed);
            }
            else
            {
                // Malformed, rejected and unrouted are the message's own doing: handling it again changes nothing.
                outcome = delivered ? outcome : MessageOutcome.Undelivered;
                _outcomes.Count(outcome);
                DeadLetter(topic, body, outcome.ToString().ToLowerInvariant(), ReasonOf(outcome));
            }
        }

        await previous.ConfigureAwait(false); // never faults: each link catches its own failure
        try
        {
            await e.AcknowledgeAsync(_stopping.Token).ConfigureAwait(false); // PUBACK: only now may the broker forget it
            Interlocked.Increment(ref _acknowledged);
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            // Disconnected or stopping: the broker redelivers what was not acknowledged when the session resumes.
            if (!_stopping.IsCancellationRequested)
            {
                _options.OnError?.Invoke(failure);
            }
        }
    }

    // The handler's run for one attempt, in place: its outcome or fault, and what its forwards wait for.
    private async ValueTask<(MessageOutcome Outcome, Exception? Fault, ValueTask<bool> Confirmation)> HandleAsync(string topic, ReadOnlyMemory<byte> body, int attempt)
    {
        Exception? fault = null;
        ValueTask work = default;
        _delivery?.Enter(_templates, topic, attempt);
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
            MqttDelivery.Exit();
        }

        if (fault is null && !work.IsCompletedSuccessfully)
        {
            try
            {
                await work.ConfigureAwait(false);
            }
            catch (Exception e)
            {
                fault = e;
            }
        }

        var confirmation = _scope.Take(); // the confirms of what the handler forwarded, awaited by the caller
        if (fault is not null)
        {
            _ = ObserveAsync(confirmation); // the attempt failed: what it forwarded before throwing is not waited for
            return (MessageOutcome.Undelivered, fault, default);
        }

        return (_probe.Read(), null, confirmation);
    }

    private static async Task ObserveAsync(ValueTask<bool> confirmation)
    {
        try
        {
            await confirmation.ConfigureAwait(false);
        }
        catch (Exception)
        {
        }
    }

    private void DeadLetter(string topic, ReadOnlyMemory<byte> payload, string outcome, string reason)
    {
        Interlocked.Increment(ref _deadLettered);
        _options.OnDeadLetter?.Invoke(new MqttDeadLetter(topic, payload, outcome, reason));
    }

    private async Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs e)
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.ReconnectInterval, _stopping.Token).ConfigureAwait(false);
                await ConnectAsync(_stopping.Token).ConfigureAwait(false);
                Interlocked.Increment(ref _reconnects);
                return;
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure)
            {
                _options.OnError?.Invoke(failure);
            }
        }
    }

    private static string ReasonOf(MessageOutcome outcome) => outcome switch
    {
        MessageOutcome.Malformed => "the payload does not hold exactly one message",
        MessageOutcome.Rejected => "a validator refused the message",
        MessageOutcome.Unrouted => "no handler takes the message",
        _ => "a forward was not confirmed",
    };

    /// <summary>Disconnects (the session stays on the broker for <see cref="MqttSourceOptions.SessionExpiry"/>, with what was not acknowledged).</summary>
    public async Task StopAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        try
        {
            // The PUBACKs of what was handled go out first (bounded: a confirm never comes once its channel closes).
            await _acknowledgements.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }

        _stopping.Cancel();
        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build()).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            _options.OnError?.Invoke(e);
        }

        _client.Dispose();
    }

    /// <inheritdoc cref="StopAsync"/>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
