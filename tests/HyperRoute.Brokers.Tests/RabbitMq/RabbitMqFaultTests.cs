using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using HyperRoute.RabbitMQ;
using RabbitMQ.Client;
using Xunit;

namespace HyperRoute.Brokers.Tests.RabbitMq;

/// <summary>The RabbitMQ source when things go wrong: a stalled handler, a consumer that dies, a broker that restarts.</summary>
[Collection(RabbitCollection.Name)]
public sealed class RabbitMqFaultTests
{
    [Fact]
    public async Task A_handler_that_stops_completing_stops_the_flow_at_the_prefetch_and_memory_stays_bounded()
    {
        await using var broker = await RabbitBroker.ConnectAsync();
        await using var relay = await Relay.CreateAsync(broker, o => o with { Prefetch = 10 });
        relay.Router.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await broker.PublishAsync(relay.Input, Enumerable.Range(0, 5_000).Select(i => Reading.Encode(2, 1, (uint)i)));

        // One message is in the handler and nine wait in the client: the other 4,990 stay on the broker.
        var source = relay.Source!;
        await RabbitBroker.WaitUntilAsync(async () => await broker.ReadyAsync(relay.Input) == 4_990, "the broker holds back all but the prefetch");
        var memory = GC.GetTotalMemory(forceFullCollection: true);
        await Task.Delay(500); // the flow is stopped: nothing more arrives however long the handler waits
        Assert.Equal(4_990u, await broker.ReadyAsync(relay.Input));
        Assert.Equal(1, relay.Router.Waited);
        Assert.InRange(source.Received, 1, 10);
        Assert.InRange(GC.GetTotalMemory(forceFullCollection: true) - memory, long.MinValue, 1 << 20);

        relay.Router.Gate.SetResult();
        await RabbitBroker.WaitUntilAsync(() => source.Acknowledged == 5_000, "the flow resumes and every message is routed", 60);
        Assert.Equal(5_000, relay.Router.Waited);
    }

    [Fact]
    public async Task A_consumer_whose_connection_dies_has_its_unacknowledged_messages_redelivered_to_another()
    {
        await using var broker = await RabbitBroker.ConnectAsync();
        var doomed = broker.Name("doomed");
        await using var relay = await Relay.CreateAsync(broker, o => o with { Prefetch = 5, ConnectionName = doomed, RecoveryInterval = TimeSpan.FromHours(1) });
        relay.Router.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await broker.PublishAsync(relay.Input, Enumerable.Range(0, 20).Select(i => Reading.Encode(2, 1, (uint)i)));

        var first = relay.Source!;
        await RabbitBroker.WaitUntilAsync(() => relay.Router.Waited == 1, "the first consumer holds a message in its handler");
        await RabbitBroker.WaitUntilAsync(async () => await broker.ReadyAsync(relay.Input) == 15, "the first consumer holds five");

        // A second instance, with its own router, takes over when the first one's connection dies.
        var other = new RelayRouter { Out = relay.Router.Out };
        await using var second = await RabbitMqSource.StartAsync(counters => new RelayRouter.FrameHandler(other, counters), relay.Options());

        // The broker drops the first one's connection, as when its process is killed: nothing it held was acknowledged.
        await RabbitBroker.RunBrokerScriptAsync("kill-connections " + doomed);

        await RabbitBroker.WaitUntilAsync(() => second.Acknowledged == 20, "the second consumer routes all twenty, the five redelivered among them");
        Assert.Equal(0, first.Acknowledged);
        Assert.Equal(20, other.Waited);
        relay.Router.Gate.SetResult();
        Assert.Equal(0u, await broker.ReadyAsync(relay.Input));
    }

    [Fact]
    public async Task Two_consumers_share_a_queue_and_every_message_is_routed_once()
    {
        await using var broker = await RabbitBroker.ConnectAsync();
        await using var relay = await Relay.CreateAsync(broker, o => o with { Consumers = 2, Prefetch = 20 });
        await broker.PublishAsync(relay.Input, Enumerable.Range(0, 3_000).Select(i => Reading.Encode(1, 1, (uint)i)));

        await RabbitBroker.WaitUntilAsync(() => relay.Source!.Acknowledged == 3_000, "both consumers routed everything", 60);
        var sequences = (await broker.DrainAsync(relay.Output)).Select(m => Reading.Decode(m.Body.Span).Sequence).ToList();
        Assert.Equal(3_000, sequences.Count);
        Assert.Equal(3_000, sequences.Distinct().Count());
    }

    [Fact]
    public async Task A_broker_restart_mid_run_loses_nothing_the_publisher_had_confirmed()
    {
        await using var broker = await RabbitBroker.ConnectAsync();
        await using var relay = await Relay.CreateAsync(broker, o => o with { Prefetch = 50 }, durable: true);
        var source = relay.Source!;

        // A publisher of its own, confirming each batch, running until told to stop (through the restart): what it
        // saw confirmed must come out at least once.
        var confirmed = new HashSet<uint>();
        var batchesRetried = 0;
        using var stop = new CancellationTokenSource();
        var publisher = Task.Run(async () =>
        {
            var factory = new ConnectionFactory { Uri = RabbitBroker.Uri, AutomaticRecoveryEnabled = true, NetworkRecoveryInterval = TimeSpan.FromMilliseconds(500) };
            await using var connection = await factory.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
            var properties = new BasicProperties { Persistent = true };
            uint next = 0;
            while (!stop.IsCancellationRequested)
            {
                var batch = Enumerable.Range((int)next, 50).Select(i => (uint)i).ToList();
                try
                {
                    var publishes = batch.Select(i => channel.BasicPublishAsync("", relay.Input, true, properties, Reading.Encode(1, 1, i)).AsTask()).ToList();
                    await Task.WhenAll(publishes).WaitAsync(TimeSpan.FromSeconds(10));
                    lock (confirmed) confirmed.UnionWith(batch);
                    next += (uint)batch.Count;
                    await Task.Delay(20);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref batchesRetried); // not confirmed: published again once the connection is back
                    await Task.Delay(200);
                }
            }
        });

        int Confirmed() { lock (confirmed) return confirmed.Count; }
        await RabbitBroker.WaitUntilAsync(() => source.Acknowledged > 500, "the relay is under way");
        var before = Confirmed();
        await RabbitBroker.RunBrokerScriptAsync("restart-rabbitmq");
        await RabbitBroker.WaitUntilAsync(() => Confirmed() > before + 1_000, "the publisher confirms a thousand more after the restart", 120);
        stop.Cancel();
        await publisher.WaitAsync(TimeSpan.FromMinutes(1));

        // Everything confirmed comes out; duplicates only among what was in flight at the restart.
        var delivered = new List<uint>();
        await RabbitBroker.WaitUntilAsync(
            async () =>
            {
                try
                {
                    delivered.AddRange((await broker.DrainAsync(relay.Output)).Select(m => Reading.Decode(m.Body.Span).Sequence));
                }
                catch (Exception)
                {
                    return false; // the test's own connection is still recovering
                }

                lock (confirmed) return confirmed.IsSubsetOf(delivered);
            },
            "every confirmed message is delivered after the restart",
            120);
        var duplicates = delivered.Count - delivered.Distinct().Count();
        Console.WriteLine($"broker restart: {confirmed.Count} confirmed, {delivered.Count} delivered, {duplicates} duplicates, {batchesRetried} publisher batches retried");
        Assert.True(batchesRetried > 0 || source.Retried > 0 || duplicates > 0 || source.Received > source.Acknowledged + source.DeadLettered,
            "the restart happened while messages were in flight");
        Assert.InRange(duplicates, 0, 2 * 50 + 3 * 50); // the prefetch windows and the batches whose confirms were lost
        Assert.Equal(0, source.Outcomes.Malformed);
    }
}
