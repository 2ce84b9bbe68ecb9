using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace HyperRoute.Tests.Messaging.Destinations;

/// <summary>Bounded waits for a condition that becomes true in the background.</summary>
internal static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> every few milliseconds; throws when it is still false after <paramref name="within"/>. Returns the time it took.</summary>
    public static async Task<TimeSpan> TrueAsync(Func<bool> condition, TimeSpan within, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > within)
            {
                throw new TimeoutException($"Not true after {within}: {what}.");
            }

            await Task.Delay(2);
        }

        return watch.Elapsed;
    }
}
