using System;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Http.Proxy;

/// <summary>Active health checks of a <see cref="BackendGroup"/>'s members.</summary>
public sealed record ActiveHealthCheckOptions
{
    /// <summary>The path requested with <c>GET</c> (default <c>/health</c>).</summary>
    public string Path { get; init; } = "/health";

    /// <summary>How often each member is checked.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one check may take, connect included (then the member is down).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Checks the options.</summary>
    public void Validate()
    {
        if (string.IsNullOrEmpty(Path) || Path[0] != '/' || Path.AsSpan().IndexOfAny(" \r\n\t") >= 0)
        {
            throw new ArgumentException("Path must start with '/' and hold no whitespace.", nameof(Path));
        }

        if (Interval <= TimeSpan.Zero || Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("Interval and Timeout must be positive.");
        }
    }
}

/// <summary>
/// Every interval, a <c>GET</c> of the configured path on each member of the group, on a connection of its own
/// (<c>Connection: close</c>, never the pool's): a 2xx status line within the time limit restores the member, anything
/// else marks it down. Members are read afresh each round, so a membership change takes effect at the next.
/// </summary>
internal sealed class ActiveHealthCheck : IDisposable
{
    private readonly BackendGroup _group;
    private readonly ActiveHealthCheckOptions _options;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public ActiveHealthCheck(BackendGroup group, ActiveHealthCheckOptions options)
    {
        _group = group;
        _options = options;
    }

    public void Start() => _loop = RunAsync();

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _loop?.Wait(_options.Timeout + TimeSpan.FromSeconds(1));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(_options.Interval);
        do
        {
            var members = _group.Members;
            if (members.Health is not { } health)
            {
                continue;
            }

            var checks = new Task<bool>[members.Count];
            for (var i = 0; i < checks.Length; i++)
            {
                checks[i] = CheckAsync(members[i]);
            }

            for (var i = 0; i < checks.Length; i++)
            {
                if (await checks[i].ConfigureAwait(false))
                {
                    health.Restore(i);
                }
                else
                {
                    health.MarkDown(i);
                }
            }
        }
        while (await WaitAsync(timer).ConfigureAwait(false));
    }

    private async Task<bool> WaitAsync(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<bool> CheckAsync(HttpBackend backend)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        limit.CancelAfter(_options.Timeout);
        using var socket = new Socket(backend.EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(backend.EndPoint, limit.Token).ConfigureAwait(false);
            var request = Encoding.ASCII.GetBytes($"GET {_options.Path} HTTP/1.1\r\nHost: {backend.Authority}\r\nConnection: close\r\nUser-Agent: hyperroute-health\r\n\r\n");
            await socket.SendAsync(request, SocketFlags.None, limit.Token).ConfigureAwait(false);
            var buffer = new byte[64];
            var length = 0;
            while (length < 12)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, limit.Token).ConfigureAwait(false);
                if (received == 0)
                {
                    return false;
                }

                length += received;
            }

            // "HTTP/1.x 2xx"
            return buffer.AsSpan(0, 9).SequenceEqual("HTTP/1.1 "u8) || buffer.AsSpan(0, 9).SequenceEqual("HTTP/1.0 "u8)
                ? buffer[9] == '2' && char.IsAsciiDigit((char)buffer[10]) && char.IsAsciiDigit((char)buffer[11])
                : false;
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}
