using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Sources;
using RabbitMQ.Client;

namespace HyperRoute.RabbitMQ;

/// <summary>The settler: acknowledges, retries and dead-letters the consumer's messages in delivery order.</summary>
internal sealed partial class RabbitMqConsumer<THandler>
    where THandler : struct, IFrameHandler
{
    private ulong _unacknowledged; // the last routed message not yet acknowledged; every earlier one is settled

    private async Task SettleAsync()
    {
        var reader = _settlements.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var settlement))
            {
                try
                {
                    await SettleAsync(settlement).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    _options.OnError?.Invoke(e);
                    if (Channel.IsOpen)
                    {
                        await RequeueAfterFailureAsync(settlement).ConfigureAwait(false);
                    }
                    else
                    {
                        // The channel closed (connection lost, broker restarting): the broker requeues whatever was not
                        // acknowledged, and the recovered consumer receives it again.
                        _unacknowledged = 0;
                    }
                }
                finally
                {
                    settlement.ReturnCopy();
                }
            }

            try
            {
                await AcknowledgeAsync().ConfigureAwait(false); // nothing more is ready: what was routed is acknowledged at once
            }
            catch (Exception e)
            {
                _options.OnError?.Invoke(e); // the channel closed: the broker requeues what was not acknowledged
            }
        }
    }

    private async Task SettleAsync(Settlement settlement)
    {
        var outcome = settlement.Outcome;
        string? reason = null;
        if (settlement.Fault is null && outcome == MessageOutcome.Routed)
        {
            if (!settlement.Confirmation.IsCompleted)
            {
                await AcknowledgeAsync().ConfigureAwait(false); // free the prefetch window while the broker confirms
            }

            if (await settlement.Confirmation.ConfigureAwait(false))
            {
                _totals.Outcomes.Count(MessageOutcome.Routed);
                _unacknowledged = settlement.DeliveryTag; // acknowledged with the next ones, in one basic.ack
                System.Threading.Interlocked.Increment(ref _totals.Acknowledged);
                return;
            }

            outcome = MessageOutcome.Undelivered;
            reason = "a forward was not confirmed (returned, nacked, or its connection lost)";
        }

        await AcknowledgeAsync().ConfigureAwait(false); // every message before this one is settled before it
        if (settlement.Fault is { } fault)
        {
            System.Threading.Interlocked.Increment(ref _totals.HandlerErrors);
            _options.OnError?.Invoke(fault);
            reason = "the handler threw " + fault.GetType().FullName + ": " + fault.Message;
        }

        var retryable = settlement.Fault is not null || outcome == MessageOutcome.Undelivered;
        var attempts = settlement.Attempts + (retryable ? 1 : 0);
        try
        {
            if (retryable && attempts <= _options.MaxRedeliveries)
            {
                await RetryAsync(settlement, attempts).ConfigureAwait(false);
                return;
            }

            if (settlement.Fault is null)
            {
                _totals.Outcomes.Count(outcome);
            }

            await DeadLetterAsync(settlement, settlement.Fault is null ? OutcomeName(outcome) : "fault", reason ?? ReasonOf(outcome), attempts).ConfigureAwait(false);
        }
        catch (Exception e) when (Channel.IsOpen)
        {
            // The retry or dead letter was not confirmed: put the message back rather than lose it.
            _options.OnError?.Invoke(e);
            await Channel.BasicNackAsync(settlement.DeliveryTag, multiple: false, requeue: true).ConfigureAwait(false);
        }
    }

    // A settlement that failed while the channel stays open: its message goes back on the queue, to be handled again.
    // Left alone, it would hold a place in the prefetch window, and the next multiple acknowledgement would take it
    // as settled.
    private async Task RequeueAfterFailureAsync(Settlement settlement)
    {
        try
        {
            await Channel.BasicNackAsync(settlement.DeliveryTag, multiple: false, requeue: true).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _options.OnError?.Invoke(e); // the channel closed meanwhile: the broker requeues it with the rest
        }
    }

    // Back on the queue's tail with its attempt counted (a classic queue counts no redeliveries, so the header does);
    // confirmed before the original is acknowledged, so a crash in between duplicates it but never loses it.
    private async Task RetryAsync(Settlement settlement, int attempts)
    {
        var properties = RetryHeaders.With(settlement.Properties, new KeyValuePair<string, object?>(RabbitMqHeaders.Attempts, attempts));
        await _control.BasicPublishAsync("", _options.Queue, mandatory: true, properties, settlement.Body).ConfigureAwait(false);
        await Channel.BasicAckAsync(settlement.DeliveryTag, multiple: false).ConfigureAwait(false);
        System.Threading.Interlocked.Increment(ref _totals.Retried);
    }

    private async Task DeadLetterAsync(Settlement settlement, string outcome, string reason, int attempts)
    {
        if (_options.DeadLetterExchange is not { } exchange)
        {
            // No exchange of ours: the queue's x-dead-letter-exchange (if it has one) takes it, with the broker's x-death.
            await Channel.BasicRejectAsync(settlement.DeliveryTag, requeue: false).ConfigureAwait(false);
            System.Threading.Interlocked.Increment(ref _totals.DeadLettered);
            return;
        }

        var properties = RetryHeaders.With(
            settlement.Properties,
            new(RabbitMqHeaders.Outcome, outcome),
            new(RabbitMqHeaders.Reason, reason),
            new(RabbitMqHeaders.Attempts, attempts),
            new(RabbitMqHeaders.Queue, _options.Queue),
            new(RabbitMqHeaders.OriginalExchange, settlement.Exchange),
            new(RabbitMqHeaders.OriginalRoutingKey, settlement.RoutingKey));
        await _control.BasicPublishAsync(exchange, _options.DeadLetterRoutingKey ?? settlement.RoutingKey, mandatory: true, properties, settlement.Body).ConfigureAwait(false);
        await Channel.BasicAckAsync(settlement.DeliveryTag, multiple: false).ConfigureAwait(false);
        System.Threading.Interlocked.Increment(ref _totals.DeadLettered);
    }

    private async ValueTask AcknowledgeAsync()
    {
        if (_unacknowledged == 0)
        {
            return;
        }

        var tag = _unacknowledged;
        _unacknowledged = 0;
        await Channel.BasicAckAsync(tag, multiple: true).ConfigureAwait(false);
    }

    private static string OutcomeName(MessageOutcome outcome) => outcome switch
    {
        MessageOutcome.Malformed => "malformed",
        MessageOutcome.Rejected => "rejected",
        MessageOutcome.Unrouted => "unrouted",
        MessageOutcome.Undelivered => "undelivered",
        _ => "routed",
    };

    private static string ReasonOf(MessageOutcome outcome) => outcome switch
    {
        MessageOutcome.Malformed => "the body does not hold exactly one message",
        MessageOutcome.Rejected => "a validator refused the message",
        MessageOutcome.Unrouted => "no handler takes the message",
        _ => "no destination took the message",
    };
}
