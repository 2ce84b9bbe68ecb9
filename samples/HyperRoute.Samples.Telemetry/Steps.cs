using System;

namespace HyperRoute.Samples.Telemetry;

/// <summary>Source end: a layout version this router understands.</summary>
[Validator]
public readonly partial struct SupportedVersion : IValidator<Telemetry>
{
    public static ValidationResult Validate(in Telemetry value) =>
        value.Version == Telemetry.CurrentVersion ? ValidationResult.Ok : ValidationResult.Fail("version"u8, "unsupported layout version"u8);
}

/// <summary>Source end: a reading that is a number.</summary>
[Validator]
public readonly partial struct FiniteReading : IValidator<Telemetry>
{
    public static ValidationResult Validate(in Telemetry value) =>
        float.IsFinite(value.Value) ? ValidationResult.Ok : ValidationResult.Fail("value"u8, "the reading is not a finite number"u8);
}

/// <summary>Source end: enrichment, the time the router took the reading (Unix microseconds).</summary>
[Transform]
public readonly partial struct StampReceiveTime : ITransform<Telemetry>
{
    public static void Transform(ref Telemetry value) =>
        value.ReceivedAt = Clock.UnixMicroseconds();
}

/// <summary>Destination end: an alarm is paged only while it is fresh (sent at most a minute before the router took it).</summary>
[Validator]
public readonly partial struct FreshAlarm : IValidator<Telemetry>
{
    public const long MaxAgeMicroseconds = 60_000_000;

    public static ValidationResult Validate(in Telemetry value) =>
        value.ReceivedAt - value.SentAt <= MaxAgeMicroseconds ? ValidationResult.Ok : ValidationResult.Fail("sentAt"u8, "the alarm is stale"u8);
}
