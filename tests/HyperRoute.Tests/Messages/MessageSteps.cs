using System.Collections.Generic;

namespace HyperRoute.Tests.Messages;

/// <summary>What the predicates, validators, transforms and handlers of <see cref="AlarmRouter"/> did on this thread, in order.</summary>
public static class MessageTrace
{
    [System.ThreadStatic] private static List<string>? _steps;

    public static List<string> Steps => _steps ??= new List<string>();
}

/// <summary>Source end: a message from device 0 is refused.</summary>
[Validator]
public readonly partial struct KnownDevice : IValidator<Telemetry>
{
    public static ValidationResult Validate(in Telemetry value) => value.DeviceId != 0 ? ValidationResult.Ok : ValidationResult.Fail("device 0 is not a device"u8);
}

/// <summary><see cref="KnownDevice"/>, traced.</summary>
[Validator]
public readonly partial struct TracedKnownDevice : IValidator<Telemetry>
{
    public static ValidationResult Validate(in Telemetry value)
    {
        MessageTrace.Steps.Add("KnownDevice");
        return KnownDevice.Validate(in value);
    }
}

/// <summary>Source end: stamps the receive time (here a constant, so tests can see it).</summary>
[Transform]
public readonly partial struct StampReceived : ITransform<Telemetry>
{
    public const long Stamp = 1_000;

    public static void Transform(ref Telemetry value) => value.Timestamp = Stamp;
}

/// <summary><see cref="StampReceived"/>, traced.</summary>
[Transform]
public readonly partial struct TracedStampReceived : ITransform<Telemetry>
{
    public static void Transform(ref Telemetry value)
    {
        MessageTrace.Steps.Add("StampReceived");
        StampReceived.Transform(ref value);
    }
}

/// <summary>Destination end: a reading above 1000 is refused (traced).</summary>
[Validator]
public readonly partial struct InRange : IValidator<Telemetry>
{
    public static ValidationResult Validate(in Telemetry value)
    {
        MessageTrace.Steps.Add("InRange");
        return value.Value <= 1000 ? ValidationResult.Ok : ValidationResult.Fail("out of range"u8);
    }
}

/// <summary>Destination end: adds a calibration offset of 0.5 to the reading (traced).</summary>
[Transform]
public readonly partial struct Calibrate : ITransform<Telemetry>
{
    public static void Transform(ref Telemetry value)
    {
        MessageTrace.Steps.Add("Calibrate");
        value.Value += 0.5;
    }
}
