using System;
using System.Diagnostics;

namespace HyperRoute.Diagnostics;

/// <summary>
/// W3C Trace Context (<c>traceparent</c>) over UTF-8 bytes: the server continues the trace of a request
/// that carries one, and whatever passes a request or a message on (the reverse proxy, a broker destination) writes the
/// current span's with <see cref="TryFormatTraceParent"/>, next to <see cref="Activity.TraceStateString"/> as
/// <c>tracestate</c> when it has one.
/// </summary>
public static class TraceContext
{
    /// <summary>The header (or message property) that carries the trace context: <c>traceparent</c>.</summary>
    public const string TraceParentName = "traceparent";

    /// <summary>The header that carries vendor trace state: <c>tracestate</c>.</summary>
    public const string TraceStateName = "tracestate";

    /// <summary>The length of a version-00 <c>traceparent</c>: <c>00-{32 hex}-{16 hex}-{2 hex}</c>.</summary>
    public const int TraceParentLength = 55;

    private const string Hex = "0123456789abcdef";

    /// <summary>
    /// Writes the <c>traceparent</c> of <paramref name="context"/> (version 00, lower-case hex) into
    /// <paramref name="destination"/>; false when the context is not valid (no trace) or the destination is shorter than
    /// <see cref="TraceParentLength"/>.
    /// </summary>
    public static bool TryFormatTraceParent(in ActivityContext context, Span<byte> destination, out int written)
    {
        written = 0;
        if (context.TraceId == default || context.SpanId == default || destination.Length < TraceParentLength)
        {
            return false;
        }

        Span<byte> raw = stackalloc byte[16];
        "00-"u8.CopyTo(destination);
        context.TraceId.CopyTo(raw);
        WriteHex(raw, destination.Slice(3, 32));
        destination[35] = (byte)'-';
        context.SpanId.CopyTo(raw.Slice(0, 8));
        WriteHex(raw.Slice(0, 8), destination.Slice(36, 16));
        destination[52] = (byte)'-';
        WriteHex([(byte)context.TraceFlags], destination.Slice(53, 2));
        written = TraceParentLength;
        return true;
    }

    /// <summary>
    /// Writes the <c>traceparent</c> of <see cref="Activity.Current"/> into <paramref name="destination"/>; false when no
    /// activity is current (nothing to pass on) or it is not a W3C one.
    /// </summary>
    public static bool TryFormatCurrent(Span<byte> destination, out int written)
    {
        var current = Activity.Current;
        if (current is null || current.IdFormat != ActivityIdFormat.W3C)
        {
            written = 0;
            return false;
        }

        return TryFormatTraceParent(current.Context, destination, out written);
    }

    /// <summary>
    /// Reads a <c>traceparent</c> value (RFC: W3C Trace Context, level 1): version 00 exactly, or a later version with its
    /// first four fields; ids in lower-case hex, not all zeros. False for anything else, as the specification asks (the
    /// request then starts a new trace). The ids' own hex strings (which <see cref="ActivityTraceId"/> and
    /// <see cref="ActivitySpanId"/> hold) are its only allocation; writing one (<see cref="TryFormatTraceParent"/>) makes none.
    /// </summary>
    public static bool TryParseTraceParent(ReadOnlySpan<byte> value, out ActivityTraceId traceId, out ActivitySpanId spanId, out ActivityTraceFlags flags)
    {
        traceId = default;
        spanId = default;
        flags = ActivityTraceFlags.None;
        if (value.Length < TraceParentLength || value[2] != '-' || value[35] != '-' || value[52] != '-'
            || !IsHex(value.Slice(0, 2)) || value.Slice(0, 2).SequenceEqual("ff"u8)
            || (value.Length > TraceParentLength && (value.Slice(0, 2).SequenceEqual("00"u8) || value[TraceParentLength] != '-')))
        {
            return false;
        }

        var trace = value.Slice(3, 32);
        var span = value.Slice(36, 16);
        var flagBytes = value.Slice(53, 2);
        if (!IsHex(trace) || !IsHex(span) || !IsHex(flagBytes) || IsZeros(trace) || IsZeros(span))
        {
            return false;
        }

        traceId = ActivityTraceId.CreateFromUtf8String(trace);
        spanId = ActivitySpanId.CreateFromUtf8String(span);
        flags = (ActivityTraceFlags)(HexValue(flagBytes[0]) * 16 + HexValue(flagBytes[1]));
        return true;
    }

    private static void WriteHex(ReadOnlySpan<byte> raw, Span<byte> destination)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            destination[2 * i] = (byte)Hex[raw[i] >> 4];
            destination[2 * i + 1] = (byte)Hex[raw[i] & 0xF];
        }
    }

    private static bool IsHex(ReadOnlySpan<byte> text)
    {
        foreach (var b in text)
        {
            if (b is not (>= (byte)'0' and <= (byte)'9') and not (>= (byte)'a' and <= (byte)'f'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsZeros(ReadOnlySpan<byte> text) => !text.ContainsAnyExcept((byte)'0');

    private static int HexValue(byte b) => b <= '9' ? b - '0' : b - 'a' + 10;
}
