using System;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Messaging.Sources;

namespace HyperRoute.Samples.Telemetry;

/// <summary>
/// A destination service: a framed TCP source that reads every frame back as a <see cref="Telemetry"/>, counts it,
/// checks that each device's readings arrive in order, and records the latency from the device to here.
/// </summary>
public sealed class Sink : IAsyncDisposable
{
    private readonly FramedTcpSource<Handler> _source;
    private readonly uint[] _nextSequence;
    private long _received;
    private long _outOfOrder;
    private long _unreadable;

    private Sink(string name, int devices, bool acknowledge)
    {
        Name = name;
        Acknowledges = acknowledge;
        _nextSequence = new uint[devices];
        Latency = new LatencyHistogram();
        _source = FramedTcpSource.Start(new Handler(this), new FramedTcpSourceOptions { Port = 0, Format = Telemetry.Format, SendAcknowledgements = acknowledge });
    }

    /// <summary>The sink's role, for the report.</summary>
    public string Name { get; }

    /// <summary>Whether it acknowledges what it has handled, so its sender can deliver at least once.</summary>
    public bool Acknowledges { get; }

    /// <summary>The loopback port it listens on.</summary>
    public int Port => _source.EndPoint.Port;

    /// <summary>Readings received.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Readings that arrived before an earlier reading of the same device, or twice.</summary>
    public long OutOfOrder => Interlocked.Read(ref _outOfOrder);

    /// <summary>Frames that did not read as a reading.</summary>
    public long Unreadable => Interlocked.Read(ref _unreadable);

    /// <summary>Device-to-sink latency of the readings received.</summary>
    public LatencyHistogram Latency { get; }

    /// <summary>Starts a sink that tracks the order of <paramref name="devices"/> devices (and acknowledges what it handled, if asked).</summary>
    public static Sink Start(string name, int devices, bool acknowledge) => new(name, devices, acknowledge);

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _source.DisposeAsync();

    private void Take(ReadOnlySpan<byte> frame)
    {
        if (!Telemetry.TryRead(frame, out var reading, out var consumed) || consumed != frame.Length || reading.DeviceId >= _nextSequence.Length)
        {
            Interlocked.Increment(ref _unreadable);
            return;
        }

        // The router forwards over one connection per sink, so frames arrive here one at a time, in its send order.
        ref var next = ref _nextSequence[reading.DeviceId];
        if (reading.Sequence < next)
        {
            Interlocked.Increment(ref _outOfOrder);
        }

        next = reading.Sequence + 1;
        Latency.Record(Clock.UnixMicroseconds() - reading.SentAt);
        Interlocked.Increment(ref _received);
    }

    private readonly struct Handler(Sink sink) : IFrameHandler
    {
        public void OnFrame(ReadOnlySpan<byte> frame, in FrameContext context) => sink.Take(frame);
    }
}
