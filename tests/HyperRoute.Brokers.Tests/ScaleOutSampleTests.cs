using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using HyperRoute.Brokers.Tests.RabbitMq;
using Xunit;

namespace HyperRoute.Brokers.Tests;

/// <summary>The scale-out sample, short: two router processes on one MQTT shared subscription, books checked by the sample.</summary>
[Collection(RabbitCollection.Name)]
public sealed class ScaleOutSampleTests
{
    [Fact]
    public async Task Two_router_processes_split_the_devices_stream_and_the_books_balance()
    {
        // Built with this project (a build-order reference), in the same configuration.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var sample = Path.Combine(RabbitBroker.RepositoryRoot, "samples", "HyperRoute.Samples.ScaleOut", "bin", configuration, "net10.0", "HyperRoute.Samples.ScaleOut.dll");
        Assert.True(File.Exists(sample), "the sample is not built: " + sample);

        var start = new ProcessStartInfo("dotnet", [sample, "2", "1000", "20"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));

        var report = await output + await error;
        Assert.True(process.ExitCode == 0, "the sample's books do not balance (or it failed):\n" + report);
        Assert.Contains("the books balance", report);
        Assert.Contains("routed             980", report);
        Assert.Contains("dead-letter queue 20 of 20", report);
    }
}
