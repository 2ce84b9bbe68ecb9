using System;

namespace HyperRoute.Messaging;

/// <summary>
/// Reassembles acknowledgements from the bytes a sender reads, which may cut one anywhere. A mutable struct held in a
/// field (or a local of the reading loop) and called in place.
/// </summary>
internal struct AcknowledgementReader
{
    private ulong _partial;
    private int _bytes;

    /// <summary>
    /// Consumes <paramref name="received"/>; returns the number of complete acknowledgements in it (with the previous
    /// partial one) and the last of them in <paramref name="latest"/> (only the latest matters: they are cumulative).
    /// </summary>
    public int Read(ReadOnlySpan<byte> received, out ulong latest)
    {
        var complete = 0;
        latest = 0;
        foreach (var b in received)
        {
            _partial = (_partial << 8) | b;
            if (++_bytes == Acknowledgement.Size)
            {
                latest = _partial;
                complete++;
                _partial = 0;
                _bytes = 0;
            }
        }

        return complete;
    }
}
