using System;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Samples.Api;

/// <summary>
/// The simulated round trip of the sample's in-memory stores, as a database call would take (the sample's
/// <c>--store-latency</c>). With none, the stores' calls complete synchronously, and so do the handlers that await
/// them: the server answers those in place, allocating nothing.
/// </summary>
public static class StoreLatency
{
    /// <summary>How long each store call waits. Default none.</summary>
    public static TimeSpan Value { get; set; } = TimeSpan.Zero;

    /// <summary>Waits <see cref="Value"/>, or completes at once when it is zero.</summary>
    public static ValueTask RoundTrip(CancellationToken cancellationToken)
        => Value > TimeSpan.Zero ? new ValueTask(Task.Delay(Value, cancellationToken)) : default;
}
