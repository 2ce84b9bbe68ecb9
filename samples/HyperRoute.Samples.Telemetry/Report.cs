using System;
using System.IO;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Sources;

namespace HyperRoute.Samples.Telemetry;

/// <summary>What happened to every reading, and whether the books balance.</summary>
public sealed class Report(
    DeviceTally sent,
    MessageCounters router,
    Destinations destinations,
    SinkSet sinks,
    FramedTcpSource<TelemetryRouter.FrameHandler> source,
    long expected,
    bool drained,
    TimeSpan sentTime,
    TimeSpan elapsed)
{
    private long ExpectedRouted => sent.Valid + 2; // plus the rogue client's two

    /// <summary>
    /// Every frame has the outcome its fault predicts, every forward was taken and arrived, in order, and the rogue
    /// connection was the only one closed.
    /// </summary>
    public bool Balanced =>
        drained
        && router.Total == expected
        && router.Routed == ExpectedRouted
        && router.Malformed == sent.Truncated
        && router.Unrouted == sent.Unroutable
        && router.Rejected == sent.BadVersion + sent.NotANumber
        && destinations.Failed == 0
        && destinations.Sent == router.Routed
        && sinks.Received == destinations.Sent
        && OutOfOrder == 0
        && source.FramesRejected == 1
        && source.HandlerErrors == 0
        && source.ConnectionFaults == 0;

    private long OutOfOrder
    {
        get
        {
            long total = 0;
            for (var i = 0; i < sinks.Count; i++)
            {
                total += sinks[i].OutOfOrder + sinks[i].Unreadable;
            }

            return total;
        }
    }

    /// <summary>Writes the report.</summary>
    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"devices sent     {sent.Frames,12:N0} frames in {sentTime.TotalSeconds:0.00} s ({sent.Alarms:N0} alarms; bad: {sent.Truncated:N0} truncated, {sent.Unroutable:N0} unroutable, {sent.BadVersion:N0} bad version, {sent.NotANumber:N0} NaN)");
        output.WriteLine($"router           {router}");
        output.WriteLine($"                 {source.FramesRejected:N0} oversize prefix (connection closed), {source.ConnectionsAccepted:N0} connections, {source.HandlerErrors:N0} handler errors, {source.ConnectionFaults:N0} faults");
        output.WriteLine($"forwarded        {destinations.Sent,12:N0} sent, {destinations.Failed:N0} failed");
        for (var i = 0; i < sinks.Count; i++)
        {
            var sink = sinks[i];
            output.WriteLine($"  {sink.Name,-15}{sink.Received,12:N0} received, {sink.OutOfOrder:N0} out of order, {sink.Unreadable:N0} unreadable");
        }

        var latency = sinks.Latency();
        var rate = router.Total / elapsed.TotalSeconds;
        output.WriteLine($"throughput       {rate,12:N0} messages/s ({router.Total:N0} in {elapsed.TotalSeconds:0.00} s, devices to sinks)");
        output.WriteLine($"latency          p50 < {latency.Percentile(50):N0} µs, p99 < {latency.Percentile(99):N0} µs (device to sink)");
        output.WriteLine(Balanced
            ? "balanced         every frame has its expected outcome and every forward arrived, in order"
            : $"NOT BALANCED     expected {expected:N0} outcomes ({ExpectedRouted:N0} routed){(drained ? "" : "; timed out waiting for the sinks")}");
    }
}
