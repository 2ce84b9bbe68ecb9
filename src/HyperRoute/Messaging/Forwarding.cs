using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using HyperRoute.Messaging.Destinations;

namespace HyperRoute.Messaging;

/// <summary>
/// Sends messages and frames to a <see cref="DestinationGroup{TDestination}"/>: the group's strategy picks the
/// destination, the outcome is reported to the group's health, and a failed send is retried on the next pick, so a
/// failover group moves to its standby within the send that found the primary down.
/// </summary>
/// <remarks>
/// <para>A message is written with its generated <see cref="IMessage{TSelf}.TryWrite"/> into stack memory (pooled
/// memory above <see cref="StackLimit"/> bytes) and sent as one frame: 0 B per send.</para>
/// <para><b>Attempts.</b> A send is tried at most <c>Count × FailureThreshold</c> times (<c>Count</c> without a health
/// tracker): enough for every destination to be marked down in turn, so a group with any destination that works
/// reaches it. Sends to a disconnected TCP peer fail fast (no system call), so the retries cost nanoseconds.
/// <see cref="SendResult.FrameTooLarge"/> is returned at once: the destinations of a group are expected to share one frame format.</para>
/// </remarks>
public static class Forwarding
{
    /// <summary>Messages up to this many bytes are written on the stack; larger ones into a pooled array.</summary>
    public const int StackLimit = 1024;

    /// <summary>
    /// Writes <paramref name="message"/> and sends it to a destination of <paramref name="group"/> picked for
    /// <paramref name="key"/> (only consistent hashing reads it). Returns <see cref="SendResult.Sent"/>, or the last
    /// failure, or <see cref="SendResult.NoDestination"/> when the group had nothing to offer.
    /// </summary>
    [HotPath]
    public static SendResult Forward<TDestination, TMessage>(this DestinationGroup<TDestination> group, in TMessage message, ReadOnlySpan<byte> key = default)
        where TDestination : IFrameDestination
        where TMessage : struct, IMessage<TMessage>
    {
        ArgumentNullException.ThrowIfNull(group);

        // Calls through the interface on an `in` value of a generic struct would each copy the message first (the
        // compiler cannot see that they are readonly); IMessage's readers of the message do not change it (generated
        // messages declare them readonly), so they are called on the caller's message itself.
        ref var source = ref Unsafe.AsRef(in message);
        var size = source.GetSize();
        if (size <= StackLimit)
        {
            Span<byte> frame = stackalloc byte[size];
            return source.TryWrite(frame, out var written)
                ? group.Forward(frame.Slice(0, written), key)
                : throw Unwritable<TMessage>(size);
        }

        var rented = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            return source.TryWrite(rented, out var written)
                ? group.Forward(rented.AsSpan(0, written), key)
                : throw Unwritable<TMessage>(size);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Sends <paramref name="frame"/> to a destination of <paramref name="group"/> picked for <paramref name="key"/>,
    /// reporting each attempt to the group's health and retrying a failed send on the next pick (see the remarks).
    /// </summary>
    [HotPath]
    public static SendResult Forward<TDestination>(this DestinationGroup<TDestination> group, ReadOnlySpan<byte> frame, ReadOnlySpan<byte> key = default)
        where TDestination : IFrameDestination
    {
        ArgumentNullException.ThrowIfNull(group);
        var attempts = group.Count * (group.Health?.FailureThreshold ?? 1);
        var result = SendResult.NoDestination;
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            if (!group.TryPick(key, out var lease))
            {
                return result; // every destination is down: the last failure, or NoDestination if none was tried
            }

            using (lease)
            {
                result = lease.Destination.Send(frame);
                if (result == SendResult.Sent)
                {
                    lease.Succeeded();
                    return result;
                }

                if (result == SendResult.FrameTooLarge)
                {
                    return result; // the frame, not the destination, is at fault: not retried, and not held against the destination
                }

                lease.Failed();
            }
        }

        return result;
    }

    private static InvalidOperationException Unwritable<TMessage>(int size) =>
        new($"{typeof(TMessage).Name}.TryWrite did not fit the {size} bytes its GetSize() asked for; the generated layout and its size disagree.");
}
