using System;

namespace HyperRoute.Mqtt;

/// <summary>
/// The publish a handler is handling, when the source was started with <see cref="MqttSourceOptions.ExposeDelivery"/>:
/// its topic, and the values of the topic template's named segments.
/// </summary>
/// <remarks>Per thread, set while the handler runs synchronously (read it before a pending <c>await</c>); one object per source, reused.</remarks>
public sealed class MqttDelivery
{
    [ThreadStatic]
    private static MqttDelivery? t_current;

    private MqttTopicTemplate[] _templates = [];

    /// <summary>The publish being handled on this thread, or <see langword="null"/>.</summary>
    public static MqttDelivery? Current => t_current;

    /// <summary>The topic it was published to.</summary>
    public string Topic { get; private set; } = "";

    /// <summary>How many times it was handled before and failed (a handler that threw).</summary>
    public int Attempt { get; private set; }

    /// <summary>
    /// The value of the named segment <paramref name="name"/> in <see cref="Topic"/> (<c>deviceId</c> of
    /// <c>devices/{deviceId}/telemetry</c>), a slice of the topic; empty when no subscribed template names it.
    /// </summary>
    public ReadOnlySpan<char> Value(string name)
    {
        foreach (var template in _templates)
        {
            if (template.TryGetValue(Topic, name, out var value))
            {
                return value;
            }
        }

        return default;
    }

    internal void Enter(MqttTopicTemplate[] templates, string topic, int attempt)
    {
        _templates = templates;
        Topic = topic;
        Attempt = attempt;
        t_current = this;
    }

    internal static void Exit() => t_current = null;
}
