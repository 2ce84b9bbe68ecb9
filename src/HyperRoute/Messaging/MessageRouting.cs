using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace HyperRoute.Messaging;

/// <summary>
/// For generated message routers with <c>async ValueTask</c> handlers: the outcome of a handler's task, and the count
/// of a frame's outcome once its routing completed. Synchronously completed work takes no allocation; the
/// continuations of pending work come from a pool.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class MessageRouting
{
    /// <summary>
    /// <see cref="MessageOutcome.Routed"/> once <paramref name="handler"/> (an async handler's task) completed: at once,
    /// without allocating, when it already has (its exception is thrown here); otherwise when it does.
    /// </summary>
    [HotPath]
    public static ValueTask<MessageOutcome> Routed(ValueTask handler)
    {
        if (handler.IsCompleted)
        {
            handler.GetAwaiter().GetResult(); // a fault is thrown as a synchronous handler's would be
            return new ValueTask<MessageOutcome>(MessageOutcome.Routed);
        }

        return RoutedAsync(handler);
    }

    /// <summary>
    /// For a frame handler whose routing has not completed: counts its outcome in <paramref name="counters"/> (when
    /// given) once it does. The returned task is the work the frame handler hands its source. Called during the source's
    /// call of the handler, it takes the frame's start stamp there, so <c>messaging.process.duration</c> measures until
    /// the work completed, on whatever thread that is.
    /// </summary>
    public static ValueTask CountWhenDone(ValueTask<MessageOutcome> routing, MessageCounters? counters) =>
        CountAsync(routing, counters, MessageCounters.TakeStarted());

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<MessageOutcome> RoutedAsync(ValueTask handler)
    {
        await handler.ConfigureAwait(false);
        return MessageOutcome.Routed;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private static async ValueTask CountAsync(ValueTask<MessageOutcome> routing, MessageCounters? counters, long started)
    {
        var outcome = await routing.ConfigureAwait(false);
        counters?.Count(outcome, started);
    }
}
