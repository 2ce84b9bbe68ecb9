using System;

namespace HyperRoute;

/// <summary>
/// The verdict of a validator: valid, or invalid with a UTF-8 reason (and, for request validators, the field it
/// concerns). A <c>ref struct</c> over spans, so failing with a <c>"…"u8</c> literal allocates nothing.
/// </summary>
public readonly ref struct ValidationResult
{
    private ValidationResult(bool isValid, ReadOnlySpan<byte> field, ReadOnlySpan<byte> reason)
    {
        IsValid = isValid;
        Field = field;
        Reason = reason;
    }

    /// <summary>The value is acceptable.</summary>
    public static ValidationResult Ok => new(true, default, default);

    /// <summary><see langword="true"/> when the value is acceptable.</summary>
    public bool IsValid { get; }

    /// <summary>The field at fault, as UTF-8; empty when the validator left it to the route (a parameter validator's field is the parameter's name).</summary>
    public ReadOnlySpan<byte> Field { get; }

    /// <summary>Why the value is not acceptable, as UTF-8; sent as the problem's <c>detail</c>.</summary>
    public ReadOnlySpan<byte> Reason { get; }

    /// <summary>The value is not acceptable, because of <paramref name="reason"/>.</summary>
    public static ValidationResult Fail(ReadOnlySpan<byte> reason) => new(false, default, reason);

    /// <summary>The request is not acceptable: <paramref name="field"/> (a header, say) fails because of <paramref name="reason"/>.</summary>
    public static ValidationResult Fail(ReadOnlySpan<byte> field, ReadOnlySpan<byte> reason) => new(false, field, reason);
}
