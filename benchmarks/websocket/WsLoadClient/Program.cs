using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;

// WsLoadClient echo      <ws://host:port> <connections> <seconds> <size>  → "messages <n> seconds <s> p99_ms <p>"
// WsLoadClient broadcast <ws://host:port> <connections> <rounds>          → "broadcast_ms <median> max_ms <max>"
// WsLoadClient idle      <ws://host:port> <connections>                   → prints "ready", holds until stdin closes
var mode = args[0];
var baseUrl = args[1].TrimEnd('/');
var connections = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);

switch (mode)
{
    case "echo":
        await Echo(int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture));
        break;
    case "broadcast":
        await Broadcast(int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
        break;
    case "idle":
        await Idle();
        break;
    default:
        throw new ArgumentException($"unknown mode {mode}");
}

async Task<ClientWebSocket[]> ConnectAll(string path, int count)
{
    var sockets = new ClientWebSocket[count];
    var gate = new SemaphoreSlim(256); // connect in waves: the listen backlog is finite
    await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
    {
        await gate.WaitAsync();
        try
        {
            var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            await socket.ConnectAsync(new Uri(baseUrl + path), CancellationToken.None);
            sockets[i] = socket;
        }
        finally
        {
            gate.Release();
        }
    }));
    return sockets;
}

async Task Echo(int seconds, int size)
{
    var sockets = await ConnectAll("/ws/echo", connections);
    var payload = new byte[size];
    Random.Shared.NextBytes(payload);
    var stop = Stopwatch.StartNew();
    var latencies = new List<double>[connections];
    long total = 0;
    await Task.WhenAll(sockets.Select(async (socket, index) =>
    {
        var buffer = new byte[size + 64];
        var mine = latencies[index] = new List<double>(1 << 16);
        var clock = new Stopwatch();
        while (stop.Elapsed.TotalSeconds < seconds)
        {
            clock.Restart();
            await socket.SendAsync(payload, WebSocketMessageType.Binary, true, CancellationToken.None);
            var received = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(received), CancellationToken.None);
                received += result.Count;
            }
            while (!result.EndOfMessage);
            mine.Add(clock.Elapsed.TotalMilliseconds);
            Interlocked.Increment(ref total);
        }
    }));
    var elapsed = stop.Elapsed.TotalSeconds;
    var all = latencies.SelectMany(l => l).Order().ToArray();
    Console.WriteLine($"messages {total} seconds {elapsed:F2} p99_ms {all[(int)(all.Length * 0.99)]:F3}");
    await CloseAll(sockets);
}

async Task Broadcast(int rounds)
{
    var sockets = await ConnectAll("/ws/hub", connections);
    await Task.Delay(500); // every member has joined the hub
    var times = new List<double>();
    for (var round = 0; round < rounds; round++)
    {
        var marker = $"round-{round}";
        var clock = Stopwatch.StartNew();
        var receives = sockets.Select(async socket =>
        {
            var buffer = new byte[256];
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                if (Encoding.ASCII.GetString(buffer, 0, result.Count) == marker)
                {
                    return;
                }
            }
        }).ToArray();
        await sockets[0].SendAsync(Encoding.ASCII.GetBytes("broadcast:" + marker), WebSocketMessageType.Text, true, CancellationToken.None);
        await Task.WhenAll(receives);
        times.Add(clock.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    Console.WriteLine($"broadcast_ms {times[times.Count / 2]:F1} max_ms {times[^1]:F1}");
    await CloseAll(sockets);
}

async Task Idle()
{
    var sockets = await ConnectAll("/ws/echo", connections);
    Console.WriteLine("ready");
    await Console.In.ReadToEndAsync(); // the script measures the server, then closes our stdin
    await CloseAll(sockets);
}

static async Task CloseAll(ClientWebSocket[] sockets)
{
    await Task.WhenAll(sockets.Select(async socket =>
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
        }

        socket.Dispose();
    }));
}
