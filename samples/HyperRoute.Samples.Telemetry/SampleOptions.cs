using System;
using System.Globalization;

namespace HyperRoute.Samples.Telemetry;

/// <summary>The sample's command line: <c>--devices 8 --readings 50000 --port 0 --rate 0 --no-faults --router hyperroute|conventional --no-batching</c>.</summary>
public sealed record SampleOptions(int Devices, int Readings, int Port, bool Faults, bool Conventional, bool Batching, int Rate)
{
    private const string Usage = "Usage: --devices <1-1024> --readings <per device, ≥ 1> --port <router port, 0 picks a free one> --rate <readings/s per device, 0 = as fast as the router takes them> --no-faults --router <hyperroute (default) | conventional> --no-batching";

    /// <summary>Parses the arguments, or prints what is wrong and returns <see langword="null"/>.</summary>
    public static SampleOptions? Parse(string[] args)
    {
        var options = new SampleOptions(Devices: 8, Readings: 50_000, Port: 0, Faults: true, Conventional: false, Batching: true, Rate: 0);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--devices" when TryInt(value, 1, 1024, out var devices):
                    options = options with { Devices = devices };
                    i++;
                    break;
                case "--readings" when TryInt(value, 1, int.MaxValue, out var readings):
                    options = options with { Readings = readings };
                    i++;
                    break;
                case "--port" when TryInt(value, 0, 65_535, out var port):
                    options = options with { Port = port };
                    i++;
                    break;
                case "--router" when value is "hyperroute" or "conventional":
                    options = options with { Conventional = value == "conventional" };
                    i++;
                    break;
                case "--rate" when TryInt(value, 0, 10_000_000, out var rate):
                    options = options with { Rate = rate };
                    i++;
                    break;
                case "--no-batching":
                    options = options with { Batching = false };
                    break;
                case "--no-faults":
                    options = options with { Faults = false };
                    break;
                default:
                    Console.Error.WriteLine($"Unknown or invalid argument '{args[i]}'{(value is null ? "" : $" (then '{value}')")}. {Usage}");
                    return null;
            }
        }

        return options;
    }

    private static bool TryInt(string? text, int min, int max, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
}
