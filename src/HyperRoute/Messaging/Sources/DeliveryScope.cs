using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace HyperRoute.Messaging.Sources;

/// <summary>
/// The confirmations a frame's handling is waiting for: a source that acknowledges frames to a broker (RabbitMQ, MQTT)
/// makes a scope current while its handler runs, a destination that learns later whether a send arrived (a RabbitMQ
/// publish and its confirm) joins it, and the source acknowledges the frame only once every confirmation came back
/// positive. Sources and destinations that know nothing of each other meet here; the core defines only the meeting point.
/// </summary>
/// <remarks>
/// One scope per consumer, reused for every frame (<see cref="Enter"/> empties it): nothing is allocated for a frame
/// whose handler sent nothing that needs confirming. The scope is per thread and current only while the handler runs
/// synchronously, as generated <c>[To]</c> forwards do; a send after an asynchronous handler's pending <c>await</c> is
/// not part of it.
/// </remarks>
public sealed class DeliveryScope
{
    [ThreadStatic]
    private static DeliveryScope? t_current;

    private readonly List<ValueTask<bool>> _pending = [];

    /// <summary>The scope of the frame being handled on this thread, or <see langword="null"/> outside one.</summary>
    public static DeliveryScope? Current => t_current;

    /// <summary>For a source: starts the scope of the next frame on this thread (empty).</summary>
    public void Enter()
    {
        _pending.Clear();
        t_current = this;
    }

    /// <summary>For a source: ends the current scope on this thread (its confirmations stay, for <see cref="Take"/>).</summary>
    public static void Exit() => t_current = null;

    /// <summary>For a destination: the frame is delivered only if <paramref name="confirmation"/> completes with <see langword="true"/>.</summary>
    public void Add(ValueTask<bool> confirmation) => _pending.Add(confirmation);

    /// <summary>
    /// For a source: what the frame waits for, which empties the scope. Completed with <see langword="true"/> when
    /// nothing was added; otherwise <see langword="true"/> once every confirmation is, <see langword="false"/> if any is not.
    /// Await it once.
    /// </summary>
    public ValueTask<bool> Take()
    {
        switch (_pending.Count)
        {
            case 0:
                return new ValueTask<bool>(true);
            case 1:
                var only = _pending[0];
                _pending.Clear();
                return only;
            default:
                var all = _pending.ToArray();
                _pending.Clear();
                return AllOf(all);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<bool> AllOf(ValueTask<bool>[] confirmations)
    {
        var delivered = true;
        foreach (var confirmation in confirmations)
        {
            delivered &= await confirmation.ConfigureAwait(false); // every one awaited, so none is left unobserved
        }

        return delivered;
    }
}
