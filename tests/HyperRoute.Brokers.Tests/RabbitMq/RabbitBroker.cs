using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using RabbitMQ.Client;
using Xunit;

namespace HyperRoute.Brokers.Tests.RabbitMq;

/// <summary>
/// The RabbitMQ broker of .ci/brokers.sh, on 127.0.0.1:5672 (<c>HYPERROUTE_RABBITMQ_URI</c> overrides), and the queues
/// and exchanges one test declares: uniquely named, deleted when the test ends.
/// </summary>
public sealed class RabbitBroker : IAsyncDisposable
{
    public static Uri Uri { get; } = new(Environment.GetEnvironmentVariable("HYPERROUTE_RABBITMQ_URI") ?? "amqp://guest:guest@127.0.0.1:5672/");

    private readonly List<string> _queues = [];
    private readonly List<string> _exchanges = [];
    private readonly string _prefix = "hr-test-" + Guid.NewGuid().ToString("N")[..8] + "-";

    private RabbitBroker(IConnection connection, IChannel channel)
    {
        Connection = connection;
        Channel = channel;
    }

    /// <summary>A connection of the test's own (declarations, publishing the input, reading the output).</summary>
    public IConnection Connection { get; }

    public IChannel Channel { get; }

    /// <summary>Connects, or fails the test saying how to start the broker.</summary>
    public static async Task<RabbitBroker> ConnectAsync()
    {
        var factory = new ConnectionFactory { Uri = Uri, AutomaticRecoveryEnabled = true, NetworkRecoveryInterval = TimeSpan.FromSeconds(1) };
        IConnection connection;
        try
        {
            connection = await factory.CreateConnectionAsync();
        }
        catch (Exception e)
        {
            Assert.Fail($"RabbitMQ is not reachable at {Uri.Host}:{Uri.Port} ({e.GetBaseException().Message}). These tests need a real broker: run `.ci/brokers.sh start` (CI's .ci/run does).");
            throw;
        }

        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        return new RabbitBroker(connection, channel);
    }

    /// <summary>A fresh queue name of this test.</summary>
    public string Name(string role) => _prefix + role;

    /// <summary>Declares a queue (deleted at the end), with a dead-letter exchange if given.</summary>
    public async Task<string> QueueAsync(string role, bool durable = false, string? deadLetterExchange = null)
    {
        var name = Name(role);
        var arguments = deadLetterExchange is null ? null : new Dictionary<string, object?> { ["x-dead-letter-exchange"] = deadLetterExchange };
        await Channel.QueueDeclareAsync(name, durable, exclusive: false, autoDelete: false, arguments);
        _queues.Add(name);
        return name;
    }

    /// <summary>Declares a fanout exchange (deleted at the end), bound to <paramref name="queues"/>.</summary>
    public async Task<string> FanoutAsync(string role, bool durable = false, params string[] queues)
    {
        var name = Name(role);
        await Channel.ExchangeDeclareAsync(name, ExchangeType.Fanout, durable, autoDelete: false);
        _exchanges.Add(name);
        foreach (var queue in queues)
        {
            await Channel.QueueBindAsync(queue, name, "");
        }

        return name;
    }

    /// <summary>Publishes each body to the queue with confirms (in batches), persistent.</summary>
    public async Task PublishAsync(string queue, IEnumerable<byte[]> bodies, string? routingKeyOverride = null, string exchange = "")
    {
        var properties = new BasicProperties { Persistent = true };
        var pending = new List<ValueTask>();
        foreach (var body in bodies)
        {
            pending.Add(Channel.BasicPublishAsync(exchange, routingKeyOverride ?? queue, mandatory: true, properties, body));
            if (pending.Count == 500)
            {
                foreach (var publish in pending) await publish;
                pending.Clear();
            }
        }

        foreach (var publish in pending) await publish;
    }

    /// <summary>Ready messages in <paramref name="queue"/> (not those delivered and unacknowledged).</summary>
    public async Task<uint> ReadyAsync(string queue) => (await Channel.QueueDeclarePassiveAsync(queue)).MessageCount;

    /// <summary>Takes every ready message of <paramref name="queue"/> (acknowledged as taken).</summary>
    public async Task<List<BasicGetResult>> DrainAsync(string queue)
    {
        var taken = new List<BasicGetResult>();
        while (await Channel.BasicGetAsync(queue, autoAck: true) is { } message)
        {
            taken.Add(message);
        }

        return taken;
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, or fails after <paramref name="seconds"/> saying what was awaited
    /// and, when given, the <paramref name="state"/> things were left in.
    /// </summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, int seconds = 30, Func<string>? state = null)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                Assert.Fail($"Timed out after {seconds} s waiting until {what}." + (state is null ? "" : " State: " + state()));
            }

            await Task.Delay(20);
        }
    }

    /// <inheritdoc cref="WaitUntilAsync(Func{bool}, string, int, Func{string})"/>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                Assert.Fail($"Timed out after {seconds} s waiting until {what}.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The repository's root (where .ci/brokers.sh is).</summary>
    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, ".ci", "brokers.sh")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("The tests run outside the repository: .ci/brokers.sh not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Runs <c>.ci/brokers.sh <paramref name="command"/></c> and fails the test if it fails.</summary>
    public static async Task RunBrokerScriptAsync(string command)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot, ".ci", "brokers.sh"), .. command.Split(' ')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(process.ExitCode == 0, $".ci/brokers.sh {command} failed ({process.ExitCode}): {await output}{await error}");
    }

    /// <summary>Whether something accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static bool Answers(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var queue in _queues) await Channel.QueueDeleteAsync(queue);
            foreach (var exchange in _exchanges) await Channel.ExchangeDeleteAsync(exchange);
        }
        finally
        {
            await Connection.CloseAsync();
            Connection.Dispose();
        }
    }
}
