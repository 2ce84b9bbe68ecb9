using System;
using System.Diagnostics;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Sources;
using HyperRoute.Samples.Telemetry;

// The IoT telemetry router, its sinks and a device simulator in one process, over loopback TCP:
//   devices ──frames──▶ router (FramedTcpSource → TelemetryRouter.FrameHandler) ──▶ alarms (failover pair)
//                                                                                 ├─▶ climate (round-robin × 2)
//                                                                                 └─▶ power (consistent hash × 2)
var options = SampleOptions.Parse(args);
if (options is null)
{
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var rogueDevice = (uint)options.Devices; // one id past the simulated devices
await using var sinks = SinkSet.Start(options.Devices + 1);
await using var destinations = await Destinations.ConnectAsync(sinks, TimeSpan.FromSeconds(10));
var router = new TelemetryRouter(destinations);
var counters = new MessageCounters();
await using var source = FramedTcpSource.Start(
    new TelemetryRouter.FrameHandler(router, counters),
    new FramedTcpSourceOptions { Address = IPAddress.Loopback, Port = options.Port, Format = Telemetry.Format });

Console.WriteLine($"router  tcp://{source.EndPoint} ({Telemetry.Format})");
for (var i = 0; i < sinks.Count; i++)
{
    Console.WriteLine($"sink    tcp://127.0.0.1:{sinks[i].Port}  {sinks[i].Name}");
}

Console.WriteLine($"devices {options.Devices} × {options.Readings:N0} readings of {Telemetry.FixedSize} B{(options.Faults ? ", 4 bad in every 1,000" : "")}, plus one rogue client");

var clock = Stopwatch.StartNew();
var rogue = DeviceSimulator.RunRogueAsync(source.EndPoint, rogueDevice, stop.Token);
var sent = await DeviceSimulator.RunAsync(source.EndPoint, options.Devices, options.Readings, options.Faults, stop.Token);
await rogue;
var sentTime = clock.Elapsed;

// Every frame the devices sent has an outcome once the router has counted them all; every forward it made has
// arrived once the sinks have received as many as it sent.
var expected = sent.Frames + 2; // the rogue client's two good readings
var drained = await WaitAsync(() => counters.Total >= expected && sinks.Received >= destinations.Sent, TimeSpan.FromSeconds(30), stop.Token);
var elapsed = clock.Elapsed;

var report = new Report(sent, counters, destinations, sinks, source, expected, drained, sentTime, elapsed);
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
