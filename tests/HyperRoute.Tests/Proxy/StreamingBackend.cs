using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Tests.Http.Streaming;

namespace HyperRoute.Tests.Proxy;

/// <summary>One request as <see cref="StreamingBackend"/> received it: its head, and its body's length and hash.</summary>
public sealed record StreamedBackendRequest(string Head, long Length, ulong Hash, int Connection)
{
    public string? Header(string name) => new BackendRequest(Head, [], Connection).Header(name);

    /// <summary>The framing fields as received, "Content-Length: n" or "Transfer-Encoding: chunked" (both when ambiguous).</summary>
    public string Framing => string.Join(", ", new[] { ("Content-Length", Header("Content-Length")), ("Transfer-Encoding", Header("Transfer-Encoding")) }
        .Where(f => f.Item2 is not null).Select(f => f.Item1 + ": " + f.Item2));

    /// <summary>"{length}:{hash}", as the backend answers.</summary>
    public string Summary => $"{Length}:{Hash:x16}";
}

/// <summary>
/// A real HTTP/1.1 backend on 127.0.0.1 in the test process that reads request bodies as they arrive, framed by
/// <c>Content-Length</c> or chunked (strictly: a request with both, or a malformed chunk, is recorded as ambiguous and
/// the connection dropped), without keeping them: it counts and hashes the bytes, so a test sees how far a body has
/// come (<see cref="BodyBytes"/>) and whether a body ended early (<see cref="Truncated"/>). It answers each complete
/// request 200 with <c>{length}:{hash}</c> (a <c>HEAD</c> with its length only).
/// </summary>
public sealed class StreamingBackend : IDisposable
{
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly long _cutAfter;
    private long _bodyBytes;
    private int _connections;
    private int _truncated;
    private int _ambiguous;

    /// <param name="cutAfter">A request body that reaches this many bytes has its connection reset there, unanswered.</param>
    public StreamingBackend(long cutAfter = long.MaxValue)
    {
        _cutAfter = cutAfter;
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(16);
        _ = AcceptLoop();
    }

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndPoint!;

    /// <summary>Body bytes received so far, over every request.</summary>
    public long BodyBytes => Interlocked.Read(ref _bodyBytes);

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Connections that ended in the middle of a request body (closed or reset by the proxy, or cut here).</summary>
    public int Truncated => Volatile.Read(ref _truncated);

    /// <summary>Requests whose framing was not exactly one well-formed Content-Length or chunked body.</summary>
    public int Ambiguous => Volatile.Read(ref _ambiguous);

    public ConcurrentQueue<StreamedBackendRequest> Requests { get; } = new();

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

            _ = Serve(new Connection(socket, Interlocked.Increment(ref _connections), this));
        }
    }

    private async Task Serve(Connection connection)
    {
        using var _ = connection.Socket;
        try
        {
            while (true)
            {
                var head = await connection.ReadHeadAsync();
                if (head is null)
                {
                    return; // closed between requests
                }

                var request = new StreamedBackendRequest(head, 0, StreamedBodyEndpoint.HashSeed, connection.Id);
                connection.RequestBodyBytes = 0;
                var length = request.Header("Content-Length");
                var chunked = request.Header("Transfer-Encoding");
                if ((length is not null && chunked is not null) || (chunked is not null && chunked != "chunked"))
                {
                    Interlocked.Increment(ref _ambiguous);
                    return;
                }

                var body = chunked is not null
                    ? await connection.ReadChunkedAsync()
                    : await connection.ReadExactlyAsync(long.Parse(length ?? "0", NumberStyles.None, CultureInfo.InvariantCulture));
                if (body is not { } read)
                {
                    Interlocked.Increment(ref _truncated); // the connection ended in the middle of the body
                    return;
                }

                request = request with { Length = read.Length, Hash = read.Hash };
                Requests.Enqueue(request);
                var text = request.Summary;
                var answer = head.StartsWith("HEAD ", StringComparison.Ordinal) ? "" : text; // a HEAD response has no body
                await connection.Socket.SendAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {text.Length}\r\n\r\n{answer}"), SocketFlags.None);
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (CutException)
        {
            connection.Socket.LingerState = new LingerOption(true, 0); // a reset, as a backend that crashed
            Interlocked.Increment(ref _truncated);
        }
        catch (System.IO.InvalidDataException)
        {
            Interlocked.Increment(ref _ambiguous);
        }
        catch (SocketException)
        {
            Interlocked.Increment(ref _truncated); // reset in the middle of a request
        }
    }

    private sealed class Connection(Socket socket, int id, StreamingBackend backend)
    {
        private readonly byte[] _buffer = new byte[256 * 1024];
        private int _start;
        private int _end;

        public Socket Socket => socket;

        public int Id => id;

        /// <summary>Body bytes of the request being read.</summary>
        public long RequestBodyBytes { get; set; }

        public async Task<string?> ReadHeadAsync()
        {
            int at;
            while ((at = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8)) < 0)
            {
                if (!await FillAsync())
                {
                    return null;
                }
            }

            var head = Encoding.Latin1.GetString(_buffer, _start, at + 4);
            _start += at + 4;
            return head;
        }

        public async Task<(long Length, ulong Hash)?> ReadExactlyAsync(long length, ulong hash = StreamedBodyEndpoint.HashSeed)
        {
            var total = length;
            while (length > 0)
            {
                if (_start == _end && !await FillAsync())
                {
                    return null;
                }

                var take = (int)Math.Min(length, _end - _start);
                hash = StreamedBodyEndpoint.Hash(hash, _buffer.AsSpan(_start, take));
                Interlocked.Add(ref backend._bodyBytes, take);
                _start += take;
                length -= take;
                RequestBodyBytes += take;
                if (RequestBodyBytes >= backend._cutAfter)
                {
                    throw new CutException();
                }
            }

            return (total, hash);
        }

        public async Task<(long Length, ulong Hash)?> ReadChunkedAsync()
        {
            var hash = StreamedBodyEndpoint.HashSeed;
            long total = 0;
            while (true)
            {
                var line = await ReadLineAsync();
                if (line is null)
                {
                    return null;
                }

                if (line.Length is 0 or > 8 || !long.TryParse(line, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size))
                {
                    throw new System.IO.InvalidDataException($"Malformed chunk size line '{line}'.");
                }

                if (size == 0)
                {
                    break;
                }

                if (await ReadExactlyAsync(size, hash) is not { } piece || await ReadLineAsync() is not { } end)
                {
                    return null;
                }

                if (end.Length != 0)
                {
                    throw new System.IO.InvalidDataException("A chunk's data is not followed by CRLF.");
                }

                total += size;
                hash = piece.Hash; // the running hash, carried over from chunk to chunk
            }

            while (await ReadLineAsync() is { Length: > 0 })
            {
                // trailer fields: none expected, skipped
            }

            return (total, hash);
        }

        private async Task<string?> ReadLineAsync()
        {
            int at;
            while ((at = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8)) < 0)
            {
                if (_end - _start > 1024 || !await FillAsync())
                {
                    return null;
                }
            }

            var line = Encoding.Latin1.GetString(_buffer, _start, at);
            _start += at + 2;
            return line;
        }

        private async Task<bool> FillAsync()
        {
            if (_start > 0)
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                _end -= _start;
                _start = 0;
            }

            var received = await socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None);
            _end += received;
            return received > 0;
        }
    }
}

/// <summary>The backend's cut: it resets the connection in the middle of a request body.</summary>
internal sealed class CutException() : Exception("The backend cut the request body.");
