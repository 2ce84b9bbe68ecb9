using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace HyperRoute.RabbitMQ;

/// <summary>
/// The publishes a consumer's handler made while it handled one delivery: the source acknowledges the delivery only
/// once every one of them is confirmed, and a publish that was returned or nacked makes the delivery
/// <see cref="Messaging.MessageOutcome.Undelivered"/>. One per consumer, reused for every delivery.
/// </summary>
/// <remarks>
/// <see cref="RabbitMqDestination.Send"/> joins the scope current on its thread: the consumer makes its scope current
/// while the handler runs synchronously (generated <c>[To]</c> forwards are synchronous), so what a handler sends to a
/// RabbitMQ destination is tied to the message it is handling without the handler knowing.
/// </remarks>
internal sealed class PublishScope
{
    [ThreadStatic]
    private static PublishScope? t_current;

    private readonly List<ValueTask<PublishStatus>> _pending = [];

    /// <summary>The scope of the delivery being handled on this thread, or <see langword="null"/>.</summary>
    public static PublishScope? Current => t_current;

    public void Enter()
    {
        _pending.Clear();
        t_current = this;
    }

    public static void Exit() => t_current = null;

    public void Add(ValueTask<PublishStatus> confirmation) => _pending.Add(confirmation);

    /// <summary>What the delivery waits for: nothing (default), its one publish, or all of them.</summary>
    public ValueTask<PublishStatus> Take()
    {
        switch (_pending.Count)
        {
            case 0:
                return new ValueTask<PublishStatus>(PublishStatus.Confirmed);
            case 1:
                var only = _pending[0];
                _pending.Clear();
                return only;
            default:
                var all = _pending.ToArray();
                _pending.Clear();
                return WorstOf(all);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<PublishStatus> WorstOf(ValueTask<PublishStatus>[] confirmations)
    {
        var worst = PublishStatus.Confirmed;
        foreach (var confirmation in confirmations)
        {
            var status = await confirmation.ConfigureAwait(false);
            if (status > worst)
            {
                worst = status;
            }
        }

        return worst;
    }
}

/// <summary>What the broker said about one publish.</summary>
public enum PublishStatus : byte
{
    /// <summary>The broker confirmed it: it is in every queue it was routed to (on disk, for a persistent message to a durable queue).</summary>
    Confirmed = 0,

    /// <summary>Published with <c>mandatory</c> and routed to no queue: the broker returned it (<c>basic.return</c>).</summary>
    Returned = 1,

    /// <summary>The broker nacked it: it could not take responsibility for it.</summary>
    Nacked = 2,

    /// <summary>The channel or connection closed before the broker confirmed it: its fate is unknown.</summary>
    Failed = 3,
}
