using HyperRoute.Messaging.Sources;

namespace HyperRoute.Hosting;

/// <summary>
/// A message source's settings as configuration holds them, for example
/// <c>"Telemetry": { "Port": 9000, "Address": "0.0.0.0", "SendAcknowledgements": true }</c>. Whatever is left out keeps
/// the source's default. The frame format is set in code (the <c>configure</c> callback).
/// </summary>
public sealed class HyperRouteSourceSettings
{
    /// <summary>The address to listen on (an IP address); default loopback.</summary>
    public string? Address { get; set; }

    /// <summary>The port; 0 picks a free one.</summary>
    public int? Port { get; set; }

    /// <summary>TCP: the listen backlog.</summary>
    public int? Backlog { get; set; }

    /// <summary>TCP: each connection's first receive buffer size.</summary>
    public int? InitialBufferSize { get; set; }

    /// <summary>TCP: answer every frame with its acknowledgement.</summary>
    public bool? SendAcknowledgements { get; set; }

    /// <summary>UDP: the largest datagram received.</summary>
    public int? MaxDatagramSize { get; set; }

    /// <summary>Applies these settings over <paramref name="options"/>.</summary>
    public FramedTcpSourceOptions ApplyTo(FramedTcpSourceOptions options)
    {
        System.ArgumentNullException.ThrowIfNull(options);
        return options with
        {
            Address = Address is null ? options.Address : HyperRouteServerSettings.ParseAddress(Address),
            Port = Port ?? options.Port,
            Backlog = Backlog ?? options.Backlog,
            InitialBufferSize = InitialBufferSize ?? options.InitialBufferSize,
            SendAcknowledgements = SendAcknowledgements ?? options.SendAcknowledgements,
        };
    }

    /// <summary>Applies these settings over <paramref name="options"/>.</summary>
    public UdpSourceOptions ApplyTo(UdpSourceOptions options)
    {
        System.ArgumentNullException.ThrowIfNull(options);
        return options with
        {
            Address = Address is null ? options.Address : HyperRouteServerSettings.ParseAddress(Address),
            Port = Port ?? options.Port,
            MaxDatagramSize = MaxDatagramSize ?? options.MaxDatagramSize,
        };
    }
}
