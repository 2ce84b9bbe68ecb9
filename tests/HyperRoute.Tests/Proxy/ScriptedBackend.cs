using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Tests.Proxy;

/// <summary>One request as a backend received it: the head as text and the body (framed by Content-Length).</summary>
public sealed record BackendRequest(string Head, byte[] Body, int Connection)
{
    /// <summary>Its position among the requests of its connection: 1 for the first.</summary>
    public int OnConnection { get; init; } = 1;

    public string RequestLine => Head.Substring(0, Head.IndexOf("\r\n", StringComparison.Ordinal));

    /// <summary>Every value of the header <paramref name="name"/>, in order.</summary>
    public string[] Values(string name)
    {
        var values = new System.Collections.Generic.List<string>();
        foreach (var line in Head.Split("\r\n"))
        {
            var colon = line.IndexOf(':');
            if (colon > 0 && string.Equals(line.Substring(0, colon), name, StringComparison.OrdinalIgnoreCase))
            {
                values.Add(line.Substring(colon + 1).Trim());
            }
        }

        return [.. values];
    }

    public string? Header(string name) => Values(name) is [var first, ..] ? first : null;
}

/// <summary>What the backend does with a request: bytes to send, then whether to close (with a reset when <paramref name="Reset"/>).</summary>
public sealed record BackendReply(byte[] Bytes, bool CloseAfter = false, Func<Task>? Before = null, bool Reset = false)
{
    /// <summary>No answer: the connection is closed (FIN) or reset (RST) with the request unanswered.</summary>
    public static BackendReply Drop(bool reset = false) => new([], CloseAfter: true, Reset: reset);

    public static BackendReply Text(string body, string extraHeaders = "")
        => new(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n{extraHeaders}Content-Length: {body.Length}\r\n\r\n{body}"));

    public static BackendReply Raw(string ascii, bool closeAfter = false) => new(Encoding.Latin1.GetBytes(ascii), closeAfter);
}

/// <summary>
/// A real HTTP/1.1 backend on 127.0.0.1 in the test process, answering with whatever the test scripts: it records each
/// request (head and Content-Length body) and counts the connections it accepted, so keep-alive reuse is visible.
/// </summary>
public sealed class ScriptedBackend : IDisposable
{
    private readonly Socket _listener;
    private readonly Func<BackendRequest, BackendReply> _reply;
    private readonly CancellationTokenSource _stop = new();
    private int _connections;
    private int _closed;

    public ScriptedBackend(Func<BackendRequest, BackendReply> reply)
    {
        _reply = reply;
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(128);
        _ = AcceptLoop();
    }

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndPoint!;

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Connections this backend has closed (its FIN is on the wire).</summary>
    public int Closed => Volatile.Read(ref _closed);

    public ConcurrentQueue<BackendRequest> Requests { get; } = new();

    /// <summary>An answer of "{name}:{path}", so a test sees which backend served.</summary>
    public static ScriptedBackend Named(string name) => new(request => BackendReply.Text($"{name}:{request.RequestLine.Split(' ')[1]}"));

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Dispose();
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            var id = Interlocked.Increment(ref _connections);
            _ = Serve(socket, id);
        }
    }

    private async Task Serve(Socket socket, int id)
    {
        using var _ = socket;
        var buffer = new byte[1 << 20];
        var length = 0;
        var served = 0;
        try
        {
            while (true)
            {
                int end;
                while ((end = IndexOf(buffer, length, "\r\n\r\n"u8)) < 0)
                {
                    var received = await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, _stop.Token);
                    if (received == 0)
                    {
                        return;
                    }

                    length += received;
                }

                var head = Encoding.Latin1.GetString(buffer, 0, end + 4);
                var request = new BackendRequest(head, [], id);
                var bodyLength = int.TryParse(request.Header("Content-Length"), out var n) ? n : 0;
                while (length < end + 4 + bodyLength)
                {
                    var received = await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, _stop.Token);
                    if (received == 0)
                    {
                        return;
                    }

                    length += received;
                }

                request = request with { Body = buffer.AsSpan(end + 4, bodyLength).ToArray(), OnConnection = ++served };
                var consumed = end + 4 + bodyLength;
                buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
                length -= consumed;
                Requests.Enqueue(request);
                var reply = _reply(request);
                if (reply.Before is not null)
                {
                    await reply.Before();
                }

                await socket.SendAsync(reply.Bytes, SocketFlags.None);
                if (reply.Reset)
                {
                    socket.LingerState = new LingerOption(true, 0);
                    socket.Close();
                    return;
                }

                if (reply.CloseAfter)
                {
                    socket.Shutdown(SocketShutdown.Both);
                    socket.Close();
                    return;
                }
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (SocketException)
        {
        }
        finally
        {
            Interlocked.Increment(ref _closed);
        }
    }

    private static int IndexOf(byte[] buffer, int length, ReadOnlySpan<byte> value) => buffer.AsSpan(0, length).IndexOf(value);
}
