using System;
using System.Collections.Generic;

namespace HyperRoute.Mqtt;

/// <summary>How an <see cref="MqttSource{THandler}"/> connects, subscribes and acknowledges.</summary>
public sealed record MqttSourceOptions
{
    /// <summary>The broker's host; loopback by default.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The broker's port; 1883 by default.</summary>
    public int Port { get; init; } = 1883;

    /// <summary>
    /// The client id: the broker keeps this client's session (its subscriptions and the QoS 1 messages not yet
    /// acknowledged) under it across reconnects. Each instance needs its own; a fresh one by default.
    /// </summary>
    public string ClientId { get; init; } = "hyperroute-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>
    /// The topics, as templates (<see cref="MqttTopicTemplate"/>): <c>devices/{deviceId}/telemetry</c> subscribes to
    /// <c>devices/+/telemetry</c> and makes <c>deviceId</c> readable through <see cref="MqttDelivery.Value"/>.
    /// </summary>
    public required IReadOnlyList<string> Topics { get; init; }

    /// <summary>
    /// Subscribe as a member of this shared-subscription group (<c>$share/{group}/{filter}</c>): the broker gives each
    /// message to one member, so several instances split the stream. <see langword="null"/>: every message to this client.
    /// </summary>
    public string? SharedGroup { get; init; }

    /// <summary>
    /// QoS 1 messages the broker may send before this client acknowledged them (MQTT 5 receive maximum): what bounds the
    /// messages in flight. 64 by default.
    /// </summary>
    public ushort ReceiveMaximum { get; init; } = 64;

    /// <summary>How many times a message whose handler threw is handled again before it is given up. 3 by default.</summary>
    public int MaxRedeliveries { get; init; } = 3;

    /// <summary>How long the broker keeps the session while the client is away (MQTT 5 session expiry). 1 hour by default.</summary>
    public TimeSpan SessionExpiry { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long to wait between reconnection attempts. 1 s by default.</summary>
    public TimeSpan ReconnectInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Makes the topic and its named segments readable through <see cref="MqttDelivery.Current"/> while a message is handled.</summary>
    public bool ExposeDelivery { get; init; }

    /// <summary>
    /// Told about each message that was not routed (malformed, rejected, unrouted, undelivered, or a handler that failed
    /// every attempt): MQTT has no dead-letter queue, so this is where one is kept (publish it somewhere durable). The
    /// message is acknowledged once this returns.
    /// </summary>
    public Action<MqttDeadLetter>? OnDeadLetter { get; init; }

    /// <summary>Told about failures that do not stop the source: handler exceptions, lost connections, failed reconnects.</summary>
    public Action<Exception>? OnError { get; init; }

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(Host);
        ArgumentException.ThrowIfNullOrEmpty(ClientId);
        ArgumentNullException.ThrowIfNull(Topics);
        ArgumentOutOfRangeException.ThrowIfZero(Topics.Count);
        ArgumentOutOfRangeException.ThrowIfZero(ReceiveMaximum);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRedeliveries);
    }
}

/// <summary>A message the MQTT source could not route: its topic, its payload (valid during the callback), and why.</summary>
public readonly record struct MqttDeadLetter(string Topic, ReadOnlyMemory<byte> Payload, string Outcome, string Reason);
