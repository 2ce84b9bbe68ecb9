using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Tests.Http;

/// <summary>A response as read off the wire: the status line, the header fields in order, the (de-chunked) body.</summary>
public sealed record RawResponse(string Version, int Status, string Reason, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, bool WasChunked)
{
    public string BodyText => Encoding.ASCII.GetString(Body);

    /// <summary>The value of the only <paramref name="name"/> header; null when absent; fails when repeated.</summary>
    public string? Header(string name)
    {
        string? found = null;
        foreach (var (key, value) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                if (found is not null)
                {
                    throw new InvalidOperationException($"The response repeats {name}.");
                }

                found = value;
            }
        }

        return found;
    }

    public bool SaysClose => string.Equals(Header("Connection"), "close", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The server closed the connection where the client expected (more of) a response.</summary>
public sealed class ConnectionClosedException(string message) : Exception(message);

/// <summary>
/// A raw HTTP/1.1 client over a blocking loopback socket: sends bytes exactly as given and parses responses
/// strictly (status line, headers, Content-Length or chunked body). Every read is bounded by
/// <see cref="Timeout"/>, so a server that hangs fails the test instead of blocking it.
/// </summary>
public sealed class RawHttpClient : IDisposable
{
    private readonly Socket _socket;
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;
    private bool _eof;

    private RawHttpClient(Socket socket, TimeSpan timeout)
    {
        _socket = socket;
        Timeout = timeout;
    }

    /// <summary>The longest any single read may block.</summary>
    public TimeSpan Timeout { get; set; }

    public static RawHttpClient Connect(IPEndPoint endPoint, TimeSpan? timeout = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Connect(endPoint);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new RawHttpClient(socket, timeout ?? TimeSpan.FromSeconds(10));
    }

    public void Send(string ascii) => Send(Encoding.Latin1.GetBytes(ascii));

    public void Send(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            bytes = bytes.Slice(_socket.Send(bytes));
        }
    }

    /// <summary>
    /// Sends <paramref name="ascii"/> in pieces of <paramref name="pieceSize"/> bytes, pausing between them. The pause
    /// is the behaviour under test — a client that trickles its request, so that each piece reaches the server as a
    /// read of its own — not a wait for the server; tests wait on the server through responses and conditions.
    /// </summary>
    public async Task SendInPiecesAsync(string ascii, int pieceSize, TimeSpan pause)
    {
        var bytes = Encoding.Latin1.GetBytes(ascii);
        for (var i = 0; i < bytes.Length; i += pieceSize)
        {
            Send(bytes.AsSpan(i, Math.Min(pieceSize, bytes.Length - i)));
            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause); // the pause is the slow client; awaited, so no test worker thread is held
            }
        }
    }

    /// <summary>Ends the client's side of the connection (FIN): the server sees end of stream after what was sent.</summary>
    public void ShutdownSend() => _socket.Shutdown(SocketShutdown.Send);

    /// <summary>Reads one final response (skipping nothing: a 1xx is returned as such).</summary>
    /// <param name="head">The request was a HEAD: the response has no body whatever its headers say.</param>
    public RawResponse Read(bool head = false)
    {
        var headEnd = IndexOfHeadEnd();
        while (headEnd < 0)
        {
            if (!Fill())
            {
                throw new ConnectionClosedException(_end == _start
                    ? "The server closed the connection before responding."
                    : $"The server closed the connection in a response head: '{Encoding.Latin1.GetString(_buffer, _start, _end - _start)}'.");
            }

            headEnd = IndexOfHeadEnd();
        }

        var lines = Encoding.Latin1.GetString(_buffer, _start, headEnd - _start).Split("\r\n");
        _start = headEnd + 4;
        var statusLine = lines[0];
        var firstSpace = statusLine.IndexOf(' ', StringComparison.Ordinal);
        var secondSpace = statusLine.IndexOf(' ', firstSpace + 1);
        Check(firstSpace == 8 && secondSpace == 12 && statusLine.StartsWith("HTTP/1.", StringComparison.Ordinal), $"Malformed status line '{statusLine}'.");
        var status = int.Parse(statusLine.AsSpan(9, 3), NumberStyles.None, CultureInfo.InvariantCulture);
        var headers = new List<KeyValuePair<string, string>>();
        for (var i = 1; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            Check(colon > 0 && lines[i][colon - 1] != ' ', $"Malformed header line '{lines[i]}'.");
            headers.Add(new(lines[i].Substring(0, colon), lines[i].Substring(colon + 1).Trim()));
        }

        var response = new RawResponse(statusLine.Substring(0, 8), status, statusLine.Substring(13), headers, [], false);
        var contentLength = response.Header("Content-Length");
        var transferEncoding = response.Header("Transfer-Encoding");
        Check(contentLength is null || transferEncoding is null, "The response has both Content-Length and Transfer-Encoding.");
        if (head || status is < 200 or 204 or 304)
        {
            return response;
        }

        if (transferEncoding is not null)
        {
            Check(transferEncoding == "chunked", $"Unexpected Transfer-Encoding '{transferEncoding}'.");
            return response with { Body = ReadChunked(), WasChunked = true };
        }

        Check(contentLength is not null, "The response has neither Content-Length nor Transfer-Encoding.");
        return response with { Body = Take(int.Parse(contentLength!, NumberStyles.None, CultureInfo.InvariantCulture)) };
    }

    /// <summary>Reads a final response, returning any 1xx interim responses before it in <paramref name="interim"/>.</summary>
    public RawResponse ReadFinal(out List<RawResponse> interim, bool head = false)
    {
        interim = [];
        while (true)
        {
            var response = Read(head);
            if (response.Status >= 200)
            {
                return response;
            }

            interim.Add(response);
        }
    }

    /// <summary>
    /// <see langword="true"/> when the server has closed the connection (end of stream or reset) with nothing
    /// more to read, within <see cref="Timeout"/>; fails if more bytes arrive, returns false on timeout.
    /// </summary>
    public bool IsClosedByServer()
    {
        if (_end > _start)
        {
            throw new InvalidOperationException($"Unexpected bytes after the response: '{Encoding.Latin1.GetString(_buffer, _start, _end - _start)}'.");
        }

        try
        {
            if (Fill())
            {
                throw new InvalidOperationException($"Unexpected bytes after the response: '{Encoding.Latin1.GetString(_buffer, _start, _end - _start)}'.");
            }

            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Whether bytes are waiting (received and not yet read), after waiting up to <paramref name="wait"/>.</summary>
    public bool HasDataWithin(TimeSpan wait) => _end > _start || _socket.Poll(wait, SelectMode.SelectRead);

    /// <summary>Drops the connection with a reset (RST) rather than a close (FIN).</summary>
    public void Reset()
    {
        _socket.LingerState = new LingerOption(true, 0);
        _socket.Dispose();
    }

    public void Dispose() => _socket.Dispose();

    private byte[] ReadChunked()
    {
        var body = new List<byte>();
        while (true)
        {
            var line = ReadLine();
            Check(line.Length > 0 && line.AsSpan().IndexOfAnyExcept("0123456789abcdef") < 0, $"Malformed chunk size '{line}'.");
            var size = int.Parse(line, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                Check(ReadLine().Length == 0, "The server sent trailers or garbage after the last chunk.");
                return body.ToArray();
            }

            body.AddRange(Take(size));
            Check(ReadLine().Length == 0, "Chunk data is not followed by CRLF.");
        }
    }

    private string ReadLine()
    {
        while (true)
        {
            var crlf = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8);
            if (crlf >= 0)
            {
                var line = Encoding.Latin1.GetString(_buffer, _start, crlf);
                _start += crlf + 2;
                return line;
            }

            if (!Fill())
            {
                throw new ConnectionClosedException("The server closed the connection inside a chunked body.");
            }
        }
    }

    private byte[] Take(int count)
    {
        while (_end - _start < count)
        {
            if (!Fill())
            {
                throw new ConnectionClosedException($"The server closed the connection {_end - _start} bytes into a {count}-byte body.");
            }
        }

        var bytes = _buffer.AsSpan(_start, count).ToArray();
        _start += count;
        return bytes;
    }

    private int IndexOfHeadEnd()
    {
        var index = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8);
        return index < 0 ? -1 : _start + index;
    }

    // Receives more bytes; false at end of stream (or a reset), TimeoutException when none come in time.
    private bool Fill()
    {
        if (_eof)
        {
            return false;
        }

        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        if (!_socket.Poll(Timeout, SelectMode.SelectRead))
        {
            throw new TimeoutException($"No bytes from the server within {Timeout.TotalSeconds:0.#} s.");
        }

        int received;
        try
        {
            received = _socket.Receive(_buffer, _end, _buffer.Length - _end, SocketFlags.None);
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
        {
            received = 0;
        }

        if (received == 0)
        {
            _eof = true;
            return false;
        }

        _end += received;
        return true;
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
