using System;

namespace HyperRoute;

/// <summary>
/// The verdict of a validator: valid, or invalid with a UTF-8 reason (and, for request validators, the field it
/// concerns, and the status to answer). A <c>ref struct</c> over spans, so failing with a <c>"…"u8</c> literal
/// allocates nothing.
/// </summary>
public readonly ref struct ValidationResult
{
    private ValidationResult(bool isValid, ReadOnlySpan<byte> field, ReadOnlySpan<byte> reason, int status)
    {
        IsValid = isValid;
        Field = field;
        Reason = reason;
        Status = status;
    }

    /// <summary>The value is acceptable.</summary>
    public static ValidationResult Ok => new(true, default, default, 200);

    /// <summary><see langword="true"/> when the value is acceptable.</summary>
    public bool IsValid { get; }

    /// <summary>The field at fault, as UTF-8; empty when the validator left it to the route (a parameter validator's field is the parameter's name).</summary>
    public ReadOnlySpan<byte> Field { get; }

    /// <summary>Why the value is not acceptable, as UTF-8; sent as the problem's <c>detail</c>.</summary>
    public ReadOnlySpan<byte> Reason { get; }

    /// <summary>The status of the problem response: 400 unless the validator chose another (401 for a missing credential, say).</summary>
    public int Status { get; }

    /// <summary>The value is not acceptable, because of <paramref name="reason"/> (400).</summary>
    public static ValidationResult Fail(ReadOnlySpan<byte> reason) => new(false, default, reason, 400);

    /// <summary>
    /// The request is not acceptable: <paramref name="field"/> (a header, say) fails because of
    /// <paramref name="reason"/>, answered with <paramref name="status"/> (a 4xx).
    /// </summary>
    public static ValidationResult Fail(ReadOnlySpan<byte> field, ReadOnlySpan<byte> reason, int status = 400)
    {
        if (status is < 400 or > 499)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A validation failure answers a 4xx status.");
        }

        return new(false, field, reason, status);
    }
}
