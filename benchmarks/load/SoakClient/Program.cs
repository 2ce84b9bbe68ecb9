using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

// The soak's load client: CONNECTIONS keep-alive connections send a mix of requests to the sample server, one at a
// time or pipelined (2–8 in one write), and every answer is checked against the request it answers (status, and the
// body or header that says it is the right answer). Exit code 0 only when every answer was the expected one.
//
// Usage: SoakClient --port 8090 --seconds 60 [--connections 32] [--seed 1] [--orders-per-second 20]
var options = Options.Parse(args);
var load = new Load(options);
return load.Run();

internal sealed record Options(int Port, int Seconds, int Connections, int Seed, int OrdersPerSecond)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, int> { ["--port"] = 8090, ["--seconds"] = 60, ["--connections"] = 32, ["--seed"] = 1, ["--orders-per-second"] = 20 };
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!values.ContainsKey(args[i]) || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                throw new ArgumentException($"Unknown or invalid argument '{args[i]} {args[i + 1]}'. Known: {string.Join(", ", values.Keys)}.");
            }

            values[args[i]] = value;
        }

        return new Options(values["--port"], values["--seconds"], values["--connections"], values["--seed"], values["--orders-per-second"]);
    }
}

/// <summary>What a request is, so its answer can be checked.</summary>
internal enum Kind
{
    Plaintext,
    User,
    Miss,
    WrongMethod,
    ValidOrder,
    InvalidOrder,
    OrderWithoutTenant,
    MalformedOrder,
    Echo,
}

internal readonly record struct Expected(Kind Kind, int Number);

internal sealed class Load(Options options)
{
    private const int EchoSize = 2048;
    private readonly long[] _counts = new long[Enum.GetValues<Kind>().Length];
    private readonly List<string> _failures = [];
    private long _unexpected;
    private long _validOrders;
    private long _reconnects;
    private readonly Stopwatch _clock = new();

    public int Run()
    {
        var deadline = TimeSpan.FromSeconds(options.Seconds);
        var threads = new Thread[options.Connections];
        _clock.Start();
        for (var i = 0; i < threads.Length; i++)
        {
            var seed = (options.Seed * 1_000_003) + i;
            threads[i] = new Thread(() => Connection(seed, deadline)) { IsBackground = true, Name = "soak " + i };
            threads[i].Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        var seconds = _clock.Elapsed.TotalSeconds;
        long total = 0;
        var parts = new List<string>();
        foreach (var kind in Enum.GetValues<Kind>())
        {
            var count = Interlocked.Read(ref _counts[(int)kind]);
            total += count;
            parts.Add($"{kind} {count}");
        }

        Console.WriteLine($"answers {total} in {seconds:0.0} s ({total / seconds:0} per second), unexpected {_unexpected}, reconnects {_reconnects}");
        Console.WriteLine("by kind: " + string.Join(", ", parts));
        lock (_failures)
        {
            foreach (var failure in _failures)
            {
                Console.WriteLine("UNEXPECTED: " + failure);
            }
        }

        return _unexpected == 0 && total > 0 ? 0 : 1;
    }

    private void Connection(int seed, TimeSpan deadline)
    {
        var random = new Random(seed);
        var echo = new byte[EchoSize];
        var wire = new List<byte>(16 * 1024);
        var expected = new List<Expected>();
        Wire? connection = null;
        try
        {
            while (_clock.Elapsed < deadline)
            {
                connection ??= Wire.Connect(options.Port);
                wire.Clear();
                expected.Clear();
                var batch = random.Next(2) == 0 ? 1 : random.Next(2, 9); // half the writes pipeline 2–8 requests
                for (var i = 0; i < batch; i++)
                {
                    expected.Add(Append(wire, random, echo));
                }

                connection.Send(wire);
                foreach (var want in expected)
                {
                    var answer = connection.Read();
                    Check(want, answer, echo);
                }

                if (random.Next(500) == 0)
                {
                    connection.Dispose(); // now and then a new connection: accepts and closes are part of the soak
                    connection = null;
                    Interlocked.Increment(ref _reconnects);
                }
            }
        }
        catch (Exception e) when (e is SocketException or IOException or InvalidDataException)
        {
            Fail($"connection failed: {e.GetType().Name}: {e.Message}");
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private Expected Append(List<byte> wire, Random random, byte[] echo)
    {
        var roll = random.Next(100);
        var n = random.Next(1, 100_000);
        switch (roll)
        {
            case < 25:
                Add(wire, "GET /plaintext HTTP/1.1\r\nHost: soak\r\n\r\n");
                return new Expected(Kind.Plaintext, 0);
            case < 40:
                Add(wire, $"GET /users/{n} HTTP/1.1\r\nHost: soak\r\n\r\n");
                return new Expected(Kind.User, n);
            case < 50:
                Add(wire, $"GET /nowhere/{n} HTTP/1.1\r\nHost: soak\r\n\r\n");
                return new Expected(Kind.Miss, 0);
            case < 55:
                Add(wire, "DELETE /plaintext HTTP/1.1\r\nHost: soak\r\n\r\n");
                return new Expected(Kind.WrongMethod, 0);
            case < 65 when TakeValidOrder():
                var quantity = random.Next(1, 101);
                AddJson(wire, "X-Tenant: soak\r\n", $"{{\"sku\":\"sku-{n}\",\"quantity\":{quantity}}}");
                return new Expected(Kind.ValidOrder, quantity);
            case < 72:
                AddJson(wire, "X-Tenant: soak\r\n", $"{{\"sku\":\"sku-{n}\",\"quantity\":{(random.Next(2) == 0 ? 0 : 101 + n)}}}");
                return new Expected(Kind.InvalidOrder, 0);
            case < 76:
                AddJson(wire, "", $"{{\"sku\":\"sku-{n}\",\"quantity\":1}}");
                return new Expected(Kind.OrderWithoutTenant, 0);
            case < 80:
                AddJson(wire, "X-Tenant: soak\r\n", "{\"sku\":\"sku-" + n);
                return new Expected(Kind.MalformedOrder, 0);
            default:
                EchoBody(echo, n); // each echo body differs from the last
                Add(wire, $"POST /echo HTTP/1.1\r\nHost: soak\r\nContent-Type: application/octet-stream\r\nContent-Length: {EchoSize}\r\n\r\n");
                wire.AddRange(echo);
                return new Expected(Kind.Echo, n);
        }
    }

    // Valid orders are kept by the sample's in-memory store forever, so they are paced (ORDERS_PER_SECOND in all):
    // the store's deliberate growth stays far below what the soak would call a leak.
    private bool TakeValidOrder()
    {
        var allowed = (long)(_clock.Elapsed.TotalSeconds * options.OrdersPerSecond) + 1;
        while (true)
        {
            var taken = Interlocked.Read(ref _validOrders);
            if (taken >= allowed)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _validOrders, taken + 1, taken) == taken)
            {
                return true;
            }
        }
    }

    // The 2 KiB echo body of request n: a pattern that n shifts, so a body answered to the wrong request differs.
    private static byte[] EchoBody(byte[] buffer, int n)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)((i * 31) + n);
        }

        return buffer;
    }

    private static void Add(List<byte> wire, string ascii) => wire.AddRange(Encoding.ASCII.GetBytes(ascii));

    private static void AddJson(List<byte> wire, string headers, string json)
        => Add(wire, $"POST /orders HTTP/1.1\r\nHost: soak\r\n{headers}Content-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(json)}\r\n\r\n{json}");

    private void Check(Expected want, Answer answer, byte[] echo)
    {
        var body = answer.Body;
        var text = want.Kind == Kind.Echo ? "" : Encoding.UTF8.GetString(body);
        var ok = want.Kind switch
        {
            Kind.Plaintext => answer.Status == 200 && text == "Hello, World!",
            Kind.User => answer.Status == 200 && text == $"{{\"id\":{want.Number}}}",
            Kind.Miss => answer.Status == 404,
            Kind.WrongMethod => answer.Status == 405 && answer.Allow == "GET, HEAD",
            Kind.ValidOrder => answer.Status == 201 && text.Contains("\"status\":\"accepted\"", StringComparison.Ordinal) && text.Contains($"\"quantity\":{want.Number}", StringComparison.Ordinal),
            Kind.InvalidOrder => answer.Status == 400 && text.Contains("\"field\":\"quantity\"", StringComparison.Ordinal),
            Kind.OrderWithoutTenant => answer.Status == 401 && text.Contains("X-Tenant", StringComparison.Ordinal),
            Kind.MalformedOrder => answer.Status == 400 && text.Contains("\"field\":\"order\"", StringComparison.Ordinal),
            Kind.Echo => answer.Status == 200 && body.AsSpan().SequenceEqual(EchoBody(echo, want.Number)),
            _ => false,
        };
        ok &= !answer.Close; // every request keeps the connection

        if (ok)
        {
            Interlocked.Increment(ref _counts[(int)want.Kind]);
        }
        else
        {
            Fail($"{want.Kind}: got {answer.Status}{(answer.Close ? " with Connection: close" : "")}, body {(text.Length > 200 ? text[..200] : text)}");
        }
    }

    private void Fail(string message)
    {
        Interlocked.Increment(ref _unexpected);
        lock (_failures)
        {
            if (_failures.Count < 20)
            {
                _failures.Add(message);
            }
        }
    }
}

internal sealed record Answer(int Status, byte[] Body, string? Allow, bool Close);

/// <summary>A blocking keep-alive connection that reads Content-Length responses (every route of the mix sends one).</summary>
internal sealed class Wire : IDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    private Wire(Socket socket) => _socket = socket;

    public static Wire Connect(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveTimeout = 10_000, SendTimeout = 10_000 };
        socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
        return new Wire(socket);
    }

    public void Send(List<byte> bytes)
    {
        var array = bytes.ToArray();
        for (var sent = 0; sent < array.Length;)
        {
            sent += _socket.Send(array, sent, array.Length - sent, SocketFlags.None);
        }
    }

    public Answer Read()
    {
        int headEnd;
        while ((headEnd = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8)) < 0)
        {
            Fill();
        }

        var head = Encoding.ASCII.GetString(_buffer, _start, headEnd);
        _start += headEnd + 4;
        var lines = head.Split("\r\n");
        var status = lines[0].Length >= 12 && lines[0].StartsWith("HTTP/1.1 ", StringComparison.Ordinal) ? int.Parse(lines[0].AsSpan(9, 3), CultureInfo.InvariantCulture) : throw new InvalidDataException("Not a status line: " + lines[0]);
        var length = -1;
        string? allow = null;
        var close = false;
        foreach (var line in lines[1..])
        {
            var colon = line.IndexOf(':');
            var name = line[..colon];
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) length = int.Parse(value, CultureInfo.InvariantCulture);
            else if (name.Equals("Allow", StringComparison.OrdinalIgnoreCase)) allow = value;
            else if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase)) close = value.Equals("close", StringComparison.OrdinalIgnoreCase);
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)) throw new InvalidDataException("Unexpected Transfer-Encoding: " + value);
        }

        if (length < 0)
        {
            throw new InvalidDataException($"A {status} without Content-Length.");
        }

        while (_end - _start < length)
        {
            Fill();
        }

        var body = _buffer.AsSpan(_start, length).ToArray();
        _start += length;
        return new Answer(status, body, allow, close);
    }

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            throw new InvalidDataException("An answer larger than the client's buffer.");
        }

        var count = _socket.Receive(_buffer, _end, _buffer.Length - _end, SocketFlags.None);
        if (count == 0)
        {
            throw new IOException("The server closed the connection.");
        }

        _end += count;
    }

    public void Dispose() => _socket.Dispose();
}
