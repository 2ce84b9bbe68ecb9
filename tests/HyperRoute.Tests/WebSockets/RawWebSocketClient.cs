using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HyperRoute.Tests.WebSockets;

/// <summary>A frame as the client read it.</summary>
public sealed record RawFrame(bool Fin, int Opcode, byte[] Payload, bool Masked)
{
    public string Text => Encoding.UTF8.GetString(Payload);

    public int CloseCode => Payload.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(Payload) : 1005;
}

/// <summary>
/// A WebSocket client over a raw loopback socket that sends frames exactly as told (masked or not, any bits,
/// any opcode, split anywhere), so the tests can break every rule; every read is bounded in time.
/// </summary>
public sealed class RawWebSocketClient : IDisposable
{
    public const string SampleKey = "dGhlIHNhbXBsZSBub25jZQ==";

    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[1 << 21];
    private int _start;
    private int _end;

    private RawWebSocketClient(Socket socket) => _socket = socket;

    public static RawWebSocketClient Connect(IPEndPoint endPoint)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveTimeout = 10_000 };
        socket.Connect(endPoint);
        return new RawWebSocketClient(socket);
    }

    /// <summary>Connects and completes a handshake on <paramref name="path"/>, asserting the 101.</summary>
    public static RawWebSocketClient Open(IPEndPoint endPoint, string path = "/ws/echo")
    {
        var client = Connect(endPoint);
        var (status, _) = client.Handshake(path);
        if (status != 101)
        {
            throw new InvalidOperationException($"Expected 101, got {status}.");
        }

        return client;
    }

    /// <summary>Sends a handshake request (the standard headers unless replaced) and reads the response head.</summary>
    public (int Status, Dictionary<string, string> Headers) Handshake(string path, params string[] headers)
    {
        var lines = new StringBuilder($"GET {path} HTTP/1.1\r\nHost: localhost\r\n");
        var defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Upgrade"] = "websocket",
            ["Connection"] = "Upgrade",
            ["Sec-WebSocket-Key"] = SampleKey,
            ["Sec-WebSocket-Version"] = "13",
        };
        foreach (var header in headers)
        {
            var colon = header.IndexOf(':');
            var name = header[..colon];
            var value = header[(colon + 1)..].Trim();
            if (value.Length == 0)
            {
                defaults.Remove(name);
            }
            else
            {
                defaults[name] = value;
            }
        }

        foreach (var (name, value) in defaults)
        {
            lines.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        Send(Encoding.ASCII.GetBytes(lines.Append("\r\n").ToString()));
        return ReadResponseHead();
    }

    public void Send(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            bytes = bytes[_socket.Send(bytes)..];
        }
    }

    /// <summary>Encodes a client frame: masked with a fixed key unless told otherwise.</summary>
    public static byte[] Frame(int opcode, ReadOnlySpan<byte> payload, bool fin = true, bool masked = true, int reserved = 0)
    {
        var header = new List<byte> { (byte)((fin ? 0x80 : 0) | (reserved << 4) | opcode) };
        var maskBit = masked ? 0x80 : 0;
        if (payload.Length < 126)
        {
            header.Add((byte)(maskBit | payload.Length));
        }
        else if (payload.Length <= ushort.MaxValue)
        {
            header.Add((byte)(maskBit | 126));
            header.Add((byte)(payload.Length >> 8));
            header.Add((byte)payload.Length);
        }
        else
        {
            header.Add((byte)(maskBit | 127));
            for (var shift = 56; shift >= 0; shift -= 8)
            {
                header.Add((byte)((long)payload.Length >> shift));
            }
        }

        byte[] key = [0x37, 0xFA, 0x21, 0x3D];
        if (masked)
        {
            header.AddRange(key);
        }

        var frame = new byte[header.Count + payload.Length];
        header.CopyTo(frame);
        for (var i = 0; i < payload.Length; i++)
        {
            frame[header.Count + i] = masked ? (byte)(payload[i] ^ key[i & 3]) : payload[i];
        }

        return frame;
    }

    public void SendFrame(int opcode, ReadOnlySpan<byte> payload, bool fin = true, bool masked = true, int reserved = 0)
        => Send(Frame(opcode, payload, fin, masked, reserved));

    public void SendText(string text) => SendFrame(1, Encoding.UTF8.GetBytes(text));

    public void SendClose(int code, string reason = "")
    {
        var payload = new byte[2 + Encoding.UTF8.GetByteCount(reason)];
        BinaryPrimitives.WriteUInt16BigEndian(payload, (ushort)code);
        Encoding.UTF8.GetBytes(reason, payload.AsSpan(2));
        SendFrame(8, payload);
    }

    /// <summary>Reads the next frame; fails when the connection ends first or nothing comes within 10 s.</summary>
    public RawFrame ReadFrame()
    {
        Fill(2);
        var first = _buffer[_start];
        var second = _buffer[_start + 1];
        long length = second & 0x7F;
        var at = 2;
        if (length == 126)
        {
            Fill(4);
            length = BinaryPrimitives.ReadUInt16BigEndian(_buffer.AsSpan(_start + 2));
            at = 4;
        }
        else if (length == 127)
        {
            Fill(10);
            length = (long)BinaryPrimitives.ReadUInt64BigEndian(_buffer.AsSpan(_start + 2));
            at = 10;
        }

        var masked = (second & 0x80) != 0;
        if (masked)
        {
            at += 4;
        }

        Fill(at + (int)length);
        var payload = _buffer.AsSpan(_start + at, (int)length).ToArray();
        _start += at + (int)length;
        return new RawFrame((first & 0x80) != 0, first & 0x0F, payload, masked);
    }

    /// <summary>Reads frames until a close frame, answering nothing; returns it.</summary>
    public RawFrame ReadUntilClose()
    {
        while (true)
        {
            var frame = ReadFrame();
            if (frame.Opcode == 8)
            {
                return frame;
            }
        }
    }

    /// <summary>True when the server closed the connection (end of stream or reset) with nothing more to read.</summary>
    public bool ReadsEndOfStream()
    {
        if (_end > _start)
        {
            return false;
        }

        try
        {
            return _socket.Receive(_buffer, 0, 1, SocketFlags.None) == 0;
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionReset)
        {
            return true;
        }
    }

    public void Dispose() => _socket.Dispose();

    /// <summary>Drops the connection without a close frame (a reset).</summary>
    public void Vanish()
    {
        _socket.LingerState = new LingerOption(true, 0);
        _socket.Close();
    }

    public (int Status, Dictionary<string, string> Headers) ReadResponseHead()
    {
        while (true)
        {
            var text = Encoding.ASCII.GetString(_buffer, _start, _end - _start);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                var lines = text[..end].Split("\r\n");
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var line in lines[1..])
                {
                    var colon = line.IndexOf(':');
                    headers[line[..colon]] = line[(colon + 1)..].Trim();
                }

                _start += end + 4;
                if (headers.TryGetValue("Content-Length", out var length))
                {
                    Fill(int.Parse(length));
                    _start += int.Parse(length);
                }

                return (int.Parse(lines[0].Split(' ')[1]), headers);
            }

            Fill(_end - _start + 1);
        }
    }

    private void Fill(int count)
    {
        if (_start + count > _buffer.Length)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        while (_end - _start < count)
        {
            var n = _socket.Receive(_buffer, _end, _buffer.Length - _end, SocketFlags.None);
            if (n == 0)
            {
                throw new InvalidOperationException("The server closed the connection.");
            }

            _end += n;
        }
    }
}
