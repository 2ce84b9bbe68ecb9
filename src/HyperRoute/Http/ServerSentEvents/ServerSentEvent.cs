using System;
using System.Buffers;
using System.Globalization;
using System.Text;

namespace HyperRoute.Http.ServerSentEvents;

/// <summary>
/// One event of a <c>text/event-stream</c> (HTML Living Standard §9.2), encoded once when created, so a
/// broadcast to many streams writes the same bytes to each: <c>id</c>, <c>event</c>, <c>retry</c> and one
/// <c>data</c> line per line of <see cref="Data"/> (split at CR LF, CR or LF).
/// </summary>
public sealed class ServerSentEvent
{
    private readonly byte[] _encoded;

    /// <summary>Creates an event.</summary>
    /// <param name="data">The payload; several lines become several <c>data</c> fields, which the client joins with LF.</param>
    /// <param name="eventType">The <c>event</c> field (the client's listener name); <see langword="null"/> for <c>message</c>.</param>
    /// <param name="id">The <c>id</c> field, which the client sends back as <c>Last-Event-ID</c> when it reconnects; no CR, LF or NUL.</param>
    /// <param name="retry">The <c>retry</c> field: how long the client waits before reconnecting.</param>
    public ServerSentEvent(string data, string? eventType = null, string? id = null, TimeSpan? retry = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckField(eventType, nameof(eventType));
        CheckField(id, nameof(id));
        if (retry is { } r && r < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(retry), retry, "The retry time cannot be negative.");
        }

        Data = data;
        EventType = eventType;
        Id = id;
        Retry = retry;
        _encoded = Encode(data, eventType, id, retry);
    }

    /// <summary>The payload.</summary>
    public string Data { get; }

    /// <summary>The <c>event</c> field; <see langword="null"/> for the default (<c>message</c>).</summary>
    public string? EventType { get; }

    /// <summary>The <c>id</c> field; <see langword="null"/> for none.</summary>
    public string? Id { get; }

    /// <summary>The <c>retry</c> field; <see langword="null"/> for none.</summary>
    public TimeSpan? Retry { get; }

    /// <summary>The event as it goes on the wire, blank line included.</summary>
    public ReadOnlySpan<byte> Encoded => _encoded;

    private static void CheckField(string? value, string name)
    {
        if (value is not null && value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
        {
            throw new ArgumentException("An event field cannot hold CR, LF or NUL.", name);
        }
    }

    private static byte[] Encode(string data, string? eventType, string? id, TimeSpan? retry)
    {
        var writer = new ArrayBufferWriter<byte>(data.Length + 32);
        if (id is not null)
        {
            Field(writer, "id: "u8, id);
        }

        if (eventType is not null)
        {
            Field(writer, "event: "u8, eventType);
        }

        if (retry is { } r)
        {
            Field(writer, "retry: "u8, ((long)r.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
        }

        var rest = data.AsSpan();
        while (true)
        {
            var end = rest.IndexOfAny('\r', '\n');
            Field(writer, "data: "u8, end < 0 ? rest : rest[..end]);
            if (end < 0)
            {
                break;
            }

            rest = rest[(end + (rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1))..];
        }

        writer.Write("\n"u8);
        return writer.WrittenSpan.ToArray();
    }

    private static void Field(ArrayBufferWriter<byte> writer, ReadOnlySpan<byte> name, ReadOnlySpan<char> value)
    {
        writer.Write(name);
        var span = writer.GetSpan(Encoding.UTF8.GetMaxByteCount(value.Length) + 1);
        var written = Encoding.UTF8.GetBytes(value, span);
        span[written] = (byte)'\n';
        writer.Advance(written + 1);
    }
}
