using System;
using System.Collections.Generic;

namespace HyperRoute.Mqtt;

/// <summary>
/// A topic filter whose single-level segments may be named, as route values are: <c>devices/{deviceId}/telemetry</c>
/// subscribes to <c>devices/+/telemetry</c> and binds the second segment of a matching topic as <c>deviceId</c>.
/// </summary>
/// <remarks>A segment is a literal, <c>{name}</c> (one level, like <c>+</c>), <c>+</c>, or a final <c>#</c>.</remarks>
public sealed class MqttTopicTemplate
{
    private readonly string[] _segments;
    private readonly string?[] _names;

    private MqttTopicTemplate(string template, string[] segments, string?[] names, string filter)
    {
        Template = template;
        _segments = segments;
        _names = names;
        Filter = filter;
    }

    /// <summary>The template as written.</summary>
    public string Template { get; }

    /// <summary>The MQTT topic filter it subscribes to (named segments become <c>+</c>).</summary>
    public string Filter { get; }

    /// <summary>Reads a template; throws <see cref="FormatException"/> for a malformed one (saying which segment).</summary>
    public static MqttTopicTemplate Parse(string template)
    {
        ArgumentException.ThrowIfNullOrEmpty(template);
        var segments = template.Split('/');
        var names = new string?[segments.Length];
        var filter = new string[segments.Length];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.Length > 2 && segment[0] == '{' && segment[^1] == '}')
            {
                var name = segment[1..^1];
                if (name.AsSpan().IndexOfAny("{}/+#") >= 0 || !seen.Add(name))
                {
                    throw new FormatException($"Topic template '{template}': segment {i + 1} ('{segment}') must name a value once, without {{, }}, /, + or #.");
                }

                names[i] = name;
                filter[i] = "+";
            }
            else if (segment == "#" && i != segments.Length - 1)
            {
                throw new FormatException($"Topic template '{template}': '#' must be the last segment.");
            }
            else if (segment != "+" && segment != "#" && segment.AsSpan().IndexOfAny("{}+#") >= 0)
            {
                throw new FormatException($"Topic template '{template}': segment {i + 1} ('{segment}') mixes a literal with {{, }}, + or #.");
            }
            else
            {
                filter[i] = segment;
            }
        }

        return new MqttTopicTemplate(template, segments, names, string.Join('/', filter));
    }

    /// <summary>Whether <paramref name="topic"/> matches the filter (a topic received for this subscription does).</summary>
    public bool Matches(ReadOnlySpan<char> topic)
    {
        var index = 0;
        foreach (var range in topic.Split('/'))
        {
            if (index == _segments.Length)
            {
                return false;
            }

            var segment = _segments[index++];
            if (segment == "#")
            {
                return true;
            }

            if (segment != "+" && _names[index - 1] is null && !topic[range].SequenceEqual(segment))
            {
                return false;
            }
        }

        return index == _segments.Length || (index == _segments.Length - 1 && _segments[^1] == "#");
    }

    /// <summary>
    /// The value of segment <paramref name="name"/> in <paramref name="topic"/> (a slice of it, nothing allocated), or
    /// <see langword="false"/> when the template names no such segment or the topic does not match.
    /// </summary>
    public bool TryGetValue(ReadOnlySpan<char> topic, string name, out ReadOnlySpan<char> value)
    {
        value = default;
        var position = Array.IndexOf(_names, name);
        if (position < 0 || !Matches(topic))
        {
            return false;
        }

        var index = 0;
        foreach (var range in topic.Split('/'))
        {
            if (index++ == position)
            {
                value = topic[range];
                return true;
            }
        }

        return false;
    }
}
