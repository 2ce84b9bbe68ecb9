using HyperRoute.Messaging;

namespace HyperRoute.Telemetry.Tests;

/// <summary>A two-field message: a kind the router switches on and a value its validator checks.</summary>
[Message(Endian.Big)]
public partial struct Reading
{
    [Field(0)] public byte Kind;
    [Field(1)] public int Value;

    public static byte[] Frame(byte kind, int value)
    {
        var frame = new byte[FixedSize];
        new Reading { Kind = kind, Value = value }.TryWrite(frame, out _);
        return frame;
    }
}

[Validator]
public partial struct NonNegative : IValidator<Reading>
{
    public static ValidationResult Validate(in Reading reading) => reading.Value >= 0 ? ValidationResult.Ok : ValidationResult.Fail("negative"u8);
}

/// <summary>Routes kind 1; refuses negative values; drops every other kind.</summary>
[MessageRouter(typeof(Reading), nameof(Reading.Kind))]
public static partial class ReadingRouter
{
    public static int Taken;

    [On(1)]
    [Validate<NonNegative>]
    private static void Take(in Reading reading) => Taken++;
}

/// <summary>Routes kind 1 to an async handler that waits: its frames are pending work the source completes later.</summary>
[MessageRouter(typeof(Reading), nameof(Reading.Kind))]
public static partial class SlowReadingRouter
{
    public const int DelayMilliseconds = 50;

    [On(1)]
    private static async System.Threading.Tasks.ValueTask Take(Reading reading) => await System.Threading.Tasks.Task.Delay(DelayMilliseconds);
}
