using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Destinations;
using Xunit;

namespace HyperRoute.Tests.Messaging;

/// <summary>
/// <see cref="Forwarding"/>: the group's strategy picks, every attempt is reported to its health, a failed send is
/// retried on the next pick, and the frame sent is the message's own layout.
/// </summary>
public sealed class ForwardingTests
{
    [Fact]
    public void A_message_is_written_with_its_layout_and_sent_as_one_frame_to_the_picked_destination()
    {
        var sink = new ScriptedDestination();
        var group = new RoundRobinGroup<ScriptedDestination>([sink]);

        var result = group.Forward(new Reading(7, -12.5f));

        Assert.Equal(SendResult.Sent, result);
        var frame = Assert.Single(sink.Frames);
        Assert.Equal(Reading.Size, frame.Length);
        Assert.Equal(7u, BinaryPrimitives.ReadUInt32BigEndian(frame));
        Assert.Equal(-12.5f, BinaryPrimitives.ReadSingleBigEndian(frame.AsSpan(4)));
    }

    [Fact]
    public void Round_robin_forwarding_spreads_messages_evenly()
    {
        ScriptedDestination[] sinks = [new(), new(), new()];
        var group = new RoundRobinGroup<ScriptedDestination>(sinks);

        for (var i = 0; i < 300; i++)
        {
            Assert.Equal(SendResult.Sent, group.Forward(new Reading((uint)i, i)));
        }

        Assert.All(sinks, sink => Assert.Equal(100, sink.Frames.Count));
    }

    [Fact]
    public void A_failover_group_moves_to_the_standby_within_the_send_that_finds_the_primary_disconnected()
    {
        var primary = new ScriptedDestination { Answer = SendResult.Disconnected };
        var standby = new ScriptedDestination();
        var group = new FailoverGroup<ScriptedDestination>([primary, standby], new HealthPolicy { FailureThreshold = 3, TimeProvider = new FakeClock() });

        var result = group.Forward(new Reading(1, 1));

        Assert.Equal(SendResult.Sent, result);
        Assert.Equal(3, primary.Attempts); // three consecutive failures mark it down
        Assert.False(group.Health.IsUp(0));
        Assert.Single(standby.Frames);

        Assert.Equal(SendResult.Sent, group.Forward(new Reading(2, 2)));
        Assert.Equal(3, primary.Attempts); // down: skipped until its probe is due
        Assert.Equal(2, standby.Frames.Count);
    }

    [Fact]
    public void A_failed_send_is_reported_so_the_next_pick_of_a_round_robin_group_takes_another_destination()
    {
        var broken = new ScriptedDestination { Answer = SendResult.Failed };
        var healthy = new ScriptedDestination();
        var group = new RoundRobinGroup<ScriptedDestination>([broken, healthy]);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(SendResult.Sent, group.Forward(new Reading((uint)i, i)));
        }

        Assert.Equal(10, healthy.Frames.Count);
        Assert.InRange(broken.Attempts, 1, 10);
    }

    [Fact]
    public void When_every_destination_fails_the_last_failure_is_returned_after_a_bounded_number_of_attempts()
    {
        ScriptedDestination[] sinks = [new() { Answer = SendResult.Failed }, new() { Answer = SendResult.Disconnected }];
        var group = new FailoverGroup<ScriptedDestination>(sinks, new HealthPolicy { FailureThreshold = 2, TimeProvider = new FakeClock() });

        var result = group.Forward(new Reading(1, 1));

        Assert.Equal(SendResult.Disconnected, result);
        Assert.Equal(2, sinks[0].Attempts);
        Assert.Equal(2, sinks[1].Attempts);

        Assert.Equal(SendResult.NoDestination, group.Forward(new Reading(2, 2))); // both down, no probe due yet
        Assert.Equal(4, sinks[0].Attempts + sinks[1].Attempts);
    }

    [Fact]
    public void A_frame_too_large_is_not_retried_elsewhere_and_does_not_count_against_the_destination()
    {
        var primary = new ScriptedDestination { Answer = SendResult.FrameTooLarge };
        var standby = new ScriptedDestination();
        var group = new FailoverGroup<ScriptedDestination>([primary, standby], new HealthPolicy { FailureThreshold = 1, TimeProvider = new FakeClock() });

        Assert.Equal(SendResult.FrameTooLarge, group.Forward(new Reading(1, 1)));
        Assert.True(group.Health.IsUp(0));
        Assert.Empty(standby.Frames);
    }

    [Fact]
    public void Consistent_hash_forwarding_sends_every_message_of_a_key_to_the_same_destination()
    {
        ScriptedDestination[] sinks = [new(), new(), new()];
        var group = new ConsistentHashGroup<ScriptedDestination>(sinks, sink => $"sink-{Array.IndexOf(sinks, sink)}");
        Span<byte> key = stackalloc byte[4];

        for (var device = 0u; device < 50; device++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(key, device);
            var owner = sinks[group.OwnerOf(key)];
            var before = owner.Frames.Count;
            for (var i = 0; i < 4; i++)
            {
                Assert.Equal(SendResult.Sent, group.Forward(new Reading(device, i), key));
            }

            Assert.Equal(before + 4, owner.Frames.Count);
        }
    }

    [Fact]
    public void Messages_larger_than_the_stack_limit_are_written_to_pooled_memory()
    {
        var sink = new ScriptedDestination();
        var group = new RoundRobinGroup<ScriptedDestination>([sink]);

        Assert.Equal(SendResult.Sent, group.Forward(new Blob(Forwarding.StackLimit + 1)));

        var frame = Assert.Single(sink.Frames);
        Assert.Equal(Forwarding.StackLimit + 1, frame.Length);
        Assert.All(frame, b => Assert.Equal(0xAB, b));
    }

    [Fact]
    public void Forwarding_a_message_allocates_nothing()
    {
        var sink = new CountingDestination();
        var group = new FailoverGroup<CountingDestination>([sink, new CountingDestination()]);
        var message = new Reading(42, 21.5f);
        for (var i = 0; i < 100; i++)
        {
            group.Forward(message);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            group.Forward(message);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(10_100, sink.Frames);
    }

    /// <summary>A hand-written <see cref="IMessage{TSelf}"/>: a big-endian device id and a reading, 8 bytes.</summary>
    private readonly record struct Reading(uint Device, float Value) : IMessage<Reading>
    {
        public const int Size = 8;

        public static bool TryRead(ReadOnlySpan<byte> source, out Reading message, out int consumed)
        {
            if (source.Length < Size)
            {
                (message, consumed) = (default, 0);
                return false;
            }

            message = new Reading(BinaryPrimitives.ReadUInt32BigEndian(source), BinaryPrimitives.ReadSingleBigEndian(source.Slice(4)));
            consumed = Size;
            return true;
        }

        public bool TryWrite(Span<byte> destination, out int written)
        {
            if (destination.Length < Size)
            {
                written = 0;
                return false;
            }

            BinaryPrimitives.WriteUInt32BigEndian(destination, Device);
            BinaryPrimitives.WriteSingleBigEndian(destination.Slice(4), Value);
            written = Size;
            return true;
        }

        public int GetSize() => Size;
    }

    /// <summary>A message of any size, every byte 0xAB.</summary>
    private readonly record struct Blob(int Length) : IMessage<Blob>
    {
        public static bool TryRead(ReadOnlySpan<byte> source, out Blob message, out int consumed) =>
            throw new NotSupportedException("only written in these tests");

        public bool TryWrite(Span<byte> destination, out int written)
        {
            destination.Slice(0, Length).Fill(0xAB);
            written = Length;
            return true;
        }

        public int GetSize() => Length;
    }

    /// <summary>Answers every send with <see cref="Answer"/> and keeps the frames it accepted.</summary>
    private sealed class ScriptedDestination : IFrameDestination
    {
        public SendResult Answer { get; init; } = SendResult.Sent;

        public List<byte[]> Frames { get; } = [];

        public int Attempts { get; private set; }

        public SendResult Send(ReadOnlySpan<byte> frame)
        {
            Attempts++;
            if (Answer == SendResult.Sent)
            {
                Frames.Add(frame.ToArray());
            }

            return Answer;
        }
    }

    /// <summary>Counts frames without keeping them.</summary>
    private sealed class CountingDestination : IFrameDestination
    {
        public int Frames { get; private set; }

        public SendResult Send(ReadOnlySpan<byte> frame)
        {
            Frames++;
            return SendResult.Sent;
        }
    }
}
