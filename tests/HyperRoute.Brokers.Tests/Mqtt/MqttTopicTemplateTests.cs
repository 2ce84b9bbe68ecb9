using System;
using HyperRoute.Mqtt;
using Xunit;

namespace HyperRoute.Brokers.Tests.Mqtt;

/// <summary>Topic templates: named single-level segments bound like route values.</summary>
public sealed class MqttTopicTemplateTests
{
    [Fact]
    public void A_named_segment_subscribes_as_a_single_level_wildcard()
    {
        Assert.Equal("devices/+/telemetry", MqttTopicTemplate.Parse("devices/{deviceId}/telemetry").Filter);
        Assert.Equal("sites/+/+/#", MqttTopicTemplate.Parse("sites/{site}/+/#").Filter);
    }

    [Fact]
    public void A_named_segment_binds_its_part_of_a_matching_topic()
    {
        var template = MqttTopicTemplate.Parse("devices/{deviceId}/telemetry");
        Assert.True(template.TryGetValue("devices/d-42/telemetry", "deviceId", out var value));
        Assert.Equal("d-42", value.ToString());
    }

    [Theory]
    [InlineData("devices/d-42/status")]
    [InlineData("devices/d-42/telemetry/extra")]
    [InlineData("devices/d-42")]
    public void A_topic_that_does_not_match_binds_nothing(string topic)
    {
        var template = MqttTopicTemplate.Parse("devices/{deviceId}/telemetry");
        Assert.False(template.Matches(topic));
        Assert.False(template.TryGetValue(topic, "deviceId", out _));
    }

    [Fact]
    public void A_final_multi_level_wildcard_matches_any_depth()
    {
        var template = MqttTopicTemplate.Parse("sites/{site}/#");
        Assert.True(template.Matches("sites/north/a/b/c"));
        Assert.True(template.TryGetValue("sites/north/a", "site", out var site));
        Assert.Equal("north", site.ToString());
    }

    [Theory]
    [InlineData("a/#/b")]
    [InlineData("a/{x}/{x}")]
    [InlineData("a/pre{x}")]
    [InlineData("a/b+")]
    public void A_malformed_template_is_refused_saying_where(string template) =>
        Assert.Contains(template, Assert.Throws<FormatException>(() => MqttTopicTemplate.Parse(template)).Message);
}
