using HyperRoute.Messaging;
using Xunit;

namespace HyperRoute.Tests.Messages;

/// <summary>
/// <c>When</c> predicates and validators/transforms at both ends of a generated message router (<see cref="AlarmRouter"/>):
/// what is tested, in which order, what a handler sees and what the caller keeps.
/// </summary>
public sealed class MessagePredicateTests
{
    public MessagePredicateTests() => MessageTrace.Steps.Clear();

    private static Telemetry Message(ushort kind, double value, uint device = 42) => new() { Kind = kind, DeviceId = device, Value = value, Timestamp = 7 };

    [Fact]
    public void A_value_s_predicates_are_tested_in_declaration_order_and_the_first_that_accepts_takes_the_message()
    {
        Assert.Equal(MessageOutcome.Routed, AlarmRouter.Route(Message(3, 150)));

        Assert.Equal(["KnownDevice", "StampReceived", "IsTestDevice", "IsAlarm", "InRange", "Alarm:150@1000"], MessageTrace.Steps);
    }

    [Fact]
    public void When_an_earlier_predicate_refuses_the_next_is_tested()
    {
        Assert.Equal(MessageOutcome.Routed, AlarmRouter.Route(Message(3, 70)));

        Assert.Equal(["KnownDevice", "StampReceived", "IsTestDevice", "IsAlarm", "IsWarning", "Warning:70"], MessageTrace.Steps);
    }

    [Fact]
    public void When_every_predicate_of_a_value_refuses_its_plain_handler_takes_the_message()
    {
        Assert.Equal(MessageOutcome.Routed, AlarmRouter.Route(Message(3, 20)));

        Assert.Equal(["KnownDevice", "StampReceived", "IsTestDevice", "IsAlarm", "IsWarning", "Calibrate", "Pressure:20.5@1000"], MessageTrace.Steps);
    }

    [Fact]
    public void A_value_with_only_predicated_handlers_falls_through_to_otherwise_when_they_all_refuse()
    {
        Assert.Equal(MessageOutcome.Routed, AlarmRouter.Route(Message(4, 20)));

        Assert.Equal(["KnownDevice", "StampReceived", "IsTestDevice", "IsAlarm", "Unknown:4"], MessageTrace.Steps);
    }

    [Fact]
    public void The_same_handler_takes_each_of_its_values_by_its_predicate()
    {
        Assert.Equal(MessageOutcome.Routed, AlarmRouter.Route(Message(4, 500)));

        Assert.Equal(["KnownDevice", "StampReceived", "IsTestDevice", "IsAlarm", "InRange", "Alarm:500@1000"], MessageTrace.Steps);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(9)]
    public void A_key_less_predicate_is_tested_before_the_key_and_takes_any_kind(ushort kind)
    {
        Assert.Equal(MessageOutcome.Routed, AlarmRouter.Route(Message(kind, 500, device: AlarmRouter.TestDevice)));

        Assert.Equal(["KnownDevice", "StampReceived", "IsTestDevice", "Test:" + kind], MessageTrace.Steps);
    }

    [Fact]
    public void A_source_validator_that_refuses_rejects_the_message_before_any_predicate_or_handler()
    {
        Assert.Equal(MessageOutcome.Rejected, AlarmRouter.Route(Message(3, 150, device: 0)));

        Assert.Equal(["KnownDevice"], MessageTrace.Steps);
    }

    [Fact]
    public void A_handler_validator_that_refuses_rejects_the_message_without_calling_the_handler_or_falling_through()
    {
        Assert.Equal(MessageOutcome.Rejected, AlarmRouter.Route(Message(3, 5000)));

        Assert.Equal(["KnownDevice", "StampReceived", "IsTestDevice", "IsAlarm", "InRange"], MessageTrace.Steps);
    }

    [Fact]
    public void Transforms_are_seen_by_the_handler_and_never_by_the_caller()
    {
        var message = Message(3, 20);

        AlarmRouter.Route(in message);

        Assert.Contains("Pressure:20.5@1000", MessageTrace.Steps); // calibrated at the destination, stamped at the source
        Assert.Equal(20, message.Value);
        Assert.Equal(7, message.Timestamp);
    }

    [Fact]
    public void TryRoute_runs_the_same_steps_and_predicates_on_the_frame_s_message()
    {
        var frame = new byte[Telemetry.FixedSize];
        Assert.True(Message(3, 70).TryWrite(frame, out _));

        Assert.Equal(MessageOutcome.Routed, AlarmRouter.TryRoute(frame, out var consumed));

        Assert.Equal(Telemetry.FixedSize, consumed);
        Assert.Equal(["KnownDevice", "StampReceived", "IsTestDevice", "IsAlarm", "IsWarning", "Warning:70"], MessageTrace.Steps);
    }

    [Fact]
    public void An_instance_predicate_reads_the_router_s_state_and_a_handler_transform_stamps_only_that_handler_s_copy()
    {
        var router = new ThresholdRouter { Threshold = 10 };
        var hot = new Telemetry { Kind = 5, DeviceId = 1, Value = 11, Timestamp = 3 };

        Assert.Equal(MessageOutcome.Routed, router.Route(hot));
        Assert.Equal(MessageOutcome.Unrouted, router.Route(hot with { Value = 9 }));
        Assert.Equal(MessageOutcome.Rejected, router.Route(hot with { DeviceId = 0 }));

        Assert.Equal(1, router.Hot);
        Assert.Equal(StampReceived.Stamp, router.LastStamp);
        Assert.Equal(3, hot.Timestamp);
    }
}
