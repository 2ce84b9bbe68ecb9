using System;
using System.IO;

namespace HyperRoute.Samples.Telemetry;

/// <summary>What happened to every reading, and whether the books balance.</summary>
public sealed class Report(DeviceTally sent, RelayStats router, SinkSet sinks, long expected, bool drained, TimeSpan sentTime, TimeSpan elapsed, TimeSpan cpu)
{
    private long ExpectedRouted => sent.Valid + 2; // plus the rogue client's two

    /// <summary>
    /// Every frame has the outcome its fault predicts, every routed reading was taken by a destination and arrived,
    /// in order, and the rogue connection was the only one closed for an oversize frame.
    /// </summary>
    public bool Balanced =>
        drained
        && router.Outcomes == expected
        && router.Routed == ExpectedRouted
        && router.Malformed == sent.Truncated
        && router.Unrouted == sent.Unroutable
        && router.Rejected == sent.BadVersion + sent.NotANumber
        && router.Undelivered == 0
        && sinks.Received == router.Routed
        && SinkErrors == 0
        && router.OversizeClosed == 1
        && router.HandlerErrors == 0
        && router.Faults == 0;

    private long SinkErrors
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
        output.WriteLine($"router           routed {router.Routed:N0}, undelivered {router.Undelivered:N0}, unrouted {router.Unrouted:N0}, rejected {router.Rejected:N0}, malformed {router.Malformed:N0}");
        output.WriteLine($"                 {router.OversizeClosed:N0} oversize prefix (connection closed), {router.Connections:N0} connections, {router.HandlerErrors:N0} handler errors, {router.Faults:N0} faults");
        output.WriteLine($"forwarded        {router.Routed,12:N0} in {router.SinkWrites:N0} socket writes ({(double)router.Routed / Math.Max(1, router.SinkWrites):0.0} per write)");
        for (var i = 0; i < sinks.Count; i++)
        {
            var sink = sinks[i];
            output.WriteLine($"  {sink.Name,-15}{sink.Received,12:N0} received, {sink.OutOfOrder:N0} out of order, {sink.Unreadable:N0} unreadable");
        }

        var latency = sinks.Latency();
        output.WriteLine($"throughput       {router.Outcomes / elapsed.TotalSeconds,12:N0} messages/s ({router.Outcomes:N0} in {elapsed.TotalSeconds:0.00} s, devices to sinks)");
        output.WriteLine($"CPU              {cpu.TotalMicroseconds / Math.Max(1, router.Outcomes),12:0.00} µs per message ({cpu.TotalSeconds:0.00} s of CPU: devices, router and sinks)");
        output.WriteLine($"latency          p50 < {latency.Percentile(50):N0} µs, p99 < {latency.Percentile(99):N0} µs (device to sink)");
        output.WriteLine(Balanced
            ? "balanced         every frame has its expected outcome and every forward arrived, in order"
            : $"NOT BALANCED     expected {expected:N0} outcomes ({ExpectedRouted:N0} routed){(drained ? "" : "; timed out waiting for the sinks")}");
    }
}
