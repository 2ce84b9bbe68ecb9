using System;
using System.Collections.Concurrent;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using HyperRoute.Http.ServerSentEvents;
using HyperRoute.Http.WebSockets;

namespace HyperRoute.Samples.Chat;

/// <summary>
/// The rooms (a <see cref="WebSocketHub"/> each) and the feed (an <see cref="EventStreamChannel"/>): every chat
/// message is broadcast to its room and announced on the feed, and the feed carries a <c>stats</c> event every second.
/// </summary>
public static class ChatRooms
{
    private static readonly ConcurrentDictionary<string, WebSocketHub> s_rooms = new(StringComparer.Ordinal);
    private static long s_messages;
    private static long s_eventId;
    private static int s_connections;

    public static WebSocketHandler Handler { get; } = new ChatHandler();

    /// <summary>Chat messages are small; a client that stops reading is dropped rather than buffered for.</summary>
    public static WebSocketOptions Options { get; } = new() { MaxMessageSize = 16 * 1024, MaxQueuedBytes = 256 * 1024, SubProtocols = ["chat"] };

    public static EventStreamChannel Feed { get; } = new(replay: 100);

    public static byte[] PageHtml { get; } = LoadPage();

    /// <summary>Publishes the counters on the feed (the program calls it every second).</summary>
    public static void PublishStats()
        => Publish("stats", JsonSerializer.Serialize(new Stats(Volatile.Read(ref s_connections), Interlocked.Read(ref s_messages), s_rooms.Count), StatsContext.Default.Stats));

    private static void Publish(string type, string data)
        => Feed.Publish(new ServerSentEvent(data, eventType: type, id: Interlocked.Increment(ref s_eventId).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static byte[] LoadPage()
    {
        using var stream = typeof(ChatRooms).Assembly.GetManifestResourceStream("index.html") ?? throw new InvalidOperationException("index.html is not embedded.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private sealed class ChatHandler : WebSocketHandler
    {
        public override void OnOpen(WebSocketConnection connection)
        {
            var room = (string)connection.State!;
            s_rooms.GetOrAdd(room, _ => new WebSocketHub()).Add(connection);
            Interlocked.Increment(ref s_connections);
            Publish("presence", $"someone joined #{room}");
        }

        public override void OnMessage(WebSocketConnection connection, WebSocketMessageType type, ReadOnlySpan<byte> payload)
        {
            if (type != WebSocketMessageType.Text)
            {
                connection.Close(WebSocketCloseCode.UnsupportedData, "The chat takes text.");
                return;
            }

            var room = (string)connection.State!;
            Interlocked.Increment(ref s_messages);
            s_rooms[room].Broadcast(WebSocketMessageType.Text, payload); // encoded once for the whole room
            Publish("chat", $"#{room}: {Encoding.UTF8.GetString(payload)}");
        }

        public override void OnClose(WebSocketConnection connection, WebSocketCloseCode code, string reason)
        {
            Interlocked.Decrement(ref s_connections);
            Publish("presence", $"someone left #{(string)connection.State!} ({(int)code})");
        }
    }
}

/// <summary>The <c>stats</c> event's data.</summary>
public sealed record Stats(int Connections, long Messages, int Rooms);

[System.Text.Json.Serialization.JsonSerializable(typeof(Stats))]
[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
internal sealed partial class StatsContext : System.Text.Json.Serialization.JsonSerializerContext;
