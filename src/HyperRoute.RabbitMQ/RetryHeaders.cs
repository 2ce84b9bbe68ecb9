using System;
using System.Collections.Generic;
using System.Text;
using RabbitMQ.Client;

namespace HyperRoute.RabbitMQ;

/// <summary>Reads and writes the <see cref="RabbitMqHeaders"/> of retried and dead-lettered messages.</summary>
internal static class RetryHeaders
{
    /// <summary>How many times the message failed before (0 for a message the source never retried).</summary>
    public static int AttemptsOf(IReadOnlyBasicProperties properties)
    {
        if (properties.Headers is not { } headers || !headers.TryGetValue(RabbitMqHeaders.Attempts, out var value))
        {
            return 0;
        }

        return value switch
        {
            int i => i,
            long l => (int)Math.Min(l, int.MaxValue),
            byte b => b,
            short s => s,
            byte[] text when int.TryParse(Encoding.UTF8.GetString(text), out var parsed) => parsed,
            _ => 0,
        };
    }

    /// <summary>The original's properties with <paramref name="extra"/> headers added (the original's are kept).</summary>
    public static BasicProperties With(IReadOnlyBasicProperties original, params ReadOnlySpan<KeyValuePair<string, object?>> extra)
    {
        var properties = new BasicProperties(original);
        var headers = original.Headers is { } existing ? new Dictionary<string, object?>(existing) : new Dictionary<string, object?>(extra.Length);
        foreach (var (name, value) in extra)
        {
            headers[name] = value;
        }

        properties.Headers = headers;
        return properties;
    }
}
