using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Samples.Telemetry;
using HyperRoute.Samples.Telemetry.Conventional;

// The IoT telemetry router, its sinks and a device simulator in one process, over loopback TCP:
//   devices ──frames──▶ router ──▶ alarms  (failover: primary, standby)
//                              ├─▶ climate (round-robin over two sinks)
//                              └─▶ power   (consistent hash by device over two sinks)
// The router is the generated TelemetryRouter behind a FramedTcpSource, or with --router conventional the same
// rules written without HyperRoute (the end-to-end benchmark's peer).
var options = SampleOptions.Parse(args);
if (options is null)
{
    return 2;
}

// Devices, router and sinks share this process's thread pool. A router thread that forwards to a sink whose socket
// buffer is full blocks in `send` until the sink reads, and the sink reads on a pool thread: with one pool thread per
// core, a burst can leave none to read and stall every sender until the pool grows (about two threads a second).
// Separate processes, as in production, do not have this coupling; here, start with a thread for every connection.
ThreadPool.GetMinThreads(out var workers, out var completions);
ThreadPool.SetMinThreads(Math.Max(workers, options.Devices + SinkSet.Names.Length + 4), completions);

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var rogueDevice = (uint)options.Devices; // one id past the simulated devices
await using var sinks = SinkSet.Start(options.Devices + 1);
await using IRelay relay = options.Conventional
    ? await ConventionalRelay.StartAsync(sinks, options.Port)
    : await HyperRouteRelay.StartAsync(sinks, options.Port, options.Batching);

Console.WriteLine($"router  tcp://{relay.EndPoint}  {(options.Conventional ? "conventional (no HyperRoute)" : options.Batching ? "HyperRoute TelemetryRouter" : "HyperRoute TelemetryRouter, a write per forward")}, frames: {Telemetry.Format}");
for (var i = 0; i < sinks.Count; i++)
{
    Console.WriteLine($"sink    tcp://127.0.0.1:{sinks[i].Port}  {sinks[i].Name}");
}

Console.WriteLine($"devices {options.Devices} × {options.Readings:N0} readings of {Telemetry.FixedSize} B{(options.Rate > 0 ? $" at {options.Rate:N0}/s each" : ", as fast as the router takes them")}{(options.Faults ? ", 4 bad in every 1,000" : "")}, plus one rogue client");

var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var clock = Stopwatch.StartNew();
var rogue = DeviceSimulator.RunRogueAsync(relay.EndPoint, rogueDevice, stop.Token);
var sent = await DeviceSimulator.RunAsync(relay.EndPoint, options.Devices, options.Readings, options.Rate, options.Faults, stop.Token);
await rogue;
var sentTime = clock.Elapsed;

// Every frame has an outcome once the router has counted as many as the devices sent (plus the rogue client's two
// good ones); a frame counts as routed once it has been forwarded, and every forward has arrived once the sinks have
// received as many as the router routed.
var expected = sent.Frames + 2;
var drained = await WaitAsync(
    () => relay.Stats is var stats && stats.Outcomes >= expected && sinks.Received >= stats.Routed,
    TimeSpan.FromSeconds(30),
    stop.Token);
var elapsed = clock.Elapsed;
var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

var report = new Report(sent, relay.Stats, sinks, expected, drained, sentTime, elapsed, cpu);
report.Print(Console.Out);
return report.Balanced ? 0 : 1;

static async Task<bool> WaitAsync(Func<bool> condition, TimeSpan timeout, CancellationToken cancellation)
{
    var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
    while (!condition())
    {
        if (Stopwatch.GetTimestamp() > deadline || cancellation.IsCancellationRequested)
        {
            return false;
        }

        await Task.Delay(1, CancellationToken.None);
    }

    return true;
}
