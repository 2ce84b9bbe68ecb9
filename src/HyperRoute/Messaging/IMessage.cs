using System;

namespace HyperRoute.Messaging;

/// <summary>
/// The binary layout the generator emits for a <see cref="MessageAttribute"/> struct: every <c>[Message]</c> implements it,
/// so runtime code generic over <typeparamref name="TSelf"/> (a destination that writes messages, a frame handler that
/// reads them) calls the generated code directly, without boxing or virtual calls.
/// </summary>
/// <typeparam name="TSelf">The message struct itself.</typeparam>
public interface IMessage<TSelf>
    where TSelf : struct, IMessage<TSelf>
{
    /// <summary>Reads one message from the start of <paramref name="source"/>; <see langword="false"/> with <paramref name="consumed"/> 0 when it does not hold one.</summary>
    static abstract bool TryRead(ReadOnlySpan<byte> source, out TSelf message, out int consumed);

    /// <summary>
    /// Writes the message at the start of <paramref name="destination"/>; <see langword="false"/> with
    /// <paramref name="written"/> 0 when it does not fit. Must not change the message (generated messages declare it
    /// <c>readonly</c>): <see cref="Forwarding"/> calls it on the caller's <c>in</c> message without copying it.
    /// </summary>
    bool TryWrite(Span<byte> destination, out int written);

    /// <summary>The number of bytes <see cref="TryWrite"/> writes. Must not change the message, as for <see cref="TryWrite"/>.</summary>
    int GetSize();
}
