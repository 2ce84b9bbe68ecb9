using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace HyperRoute.Tests.Messaging;

/// <summary>
/// The IoT telemetry sample end to end, as <c>dotnet run --project samples/HyperRoute.Samples.Telemetry</c> runs it:
/// devices, the router and six sinks over loopback TCP in one process, with known bad frames among the good ones and a
/// rogue client. The process exits 0 only when its books balance (see the sample's <c>Report.Balanced</c>); the test
/// also checks the counts the fault pattern predicts.
/// </summary>
public sealed class SampleTelemetryTests(ITestOutputHelper output)
{
    [Fact(Timeout = 120_000)]
    public async Task Every_reading_is_routed_rejected_or_dropped_as_its_fault_predicts_and_every_forward_reaches_a_sink_in_order()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "HyperRoute.Samples.Telemetry.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: the test project references the sample.");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [dll, "--devices", "4", "--readings", "5000"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        var printed = await stdout;
        output.WriteLine(printed);
        output.WriteLine(await stderr);

        Assert.Equal(0, process.ExitCode);
        // 4 devices × 5,000 readings: each device's readings 500–503 of every thousand are bad, 5 of each per device.
        Assert.Matches(@"devices sent\s+20,000 frames", printed);
        Assert.Contains("router           routed 19,922, undelivered 0, unrouted 20, rejected 40, malformed 20", printed); // 19,920 good + the rogue's 2
        Assert.Contains("1 oversize prefix (connection closed), 5 connections, 0 handler errors, 0 faults", printed);
        Assert.Matches(@"forwarded\s+19,922 in [0-9,]+ socket writes", printed);
        Assert.Matches(@"  alarms-primary\s+200 received, 0 out of order, 0 unreadable", printed); // every 100th good reading
        Assert.Matches(@"  alarms-standby\s+0 received", printed);
        Assert.Contains("balanced         every frame has its expected outcome and every forward arrived, in order", printed);
    }
}
