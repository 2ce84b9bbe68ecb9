using System;
using System.Buffers.Text;
using System.Runtime.CompilerServices;

namespace HyperRoute.Routing;

/// <summary>
/// Converts route and query values from UTF-8 to handler parameter types. Every overload accepts the whole
/// value or nothing: <c>12a</c> is not an <c>int</c>, an overflowing number is not a number, and leading or
/// trailing spaces are not accepted. Numbers use the invariant format. The generated code picks the overload
/// by the type of its <c>out</c> argument.
/// </summary>
public static class Utf8Parse
{
    /// <summary>Parses a 32-bit integer (<c>-12</c>, <c>+7</c>, <c>007</c>); overflow is a failure.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParse(ReadOnlySpan<byte> value, out int result)
        => Utf8Parser.TryParse(value, out result, out var consumed) && consumed == value.Length;

    /// <summary>Parses a 64-bit integer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParse(ReadOnlySpan<byte> value, out long result)
        => Utf8Parser.TryParse(value, out result, out var consumed) && consumed == value.Length;

    /// <summary>Parses a 16-bit integer.</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out short result)
        => Utf8Parser.TryParse(value, out result, out var consumed) && consumed == value.Length;

    /// <summary>Parses an unsigned 8-bit integer.</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out byte result)
        => Utf8Parser.TryParse(value, out result, out var consumed) && consumed == value.Length;

    /// <summary>Parses a signed 8-bit integer.</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out sbyte result)
        => Utf8Parser.TryParse(value, out result, out var consumed) && consumed == value.Length;

    /// <summary>Parses an unsigned 16-bit integer.</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out ushort result)
        => Utf8Parser.TryParse(value, out result, out var consumed) && consumed == value.Length;

    /// <summary>Parses an unsigned 32-bit integer.</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out uint result)
        => Utf8Parser.TryParse(value, out result, out var consumed) && consumed == value.Length;

    /// <summary>Parses an unsigned 64-bit integer.</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out ulong result)
        => Utf8Parser.TryParse(value, out result, out var consumed) && consumed == value.Length;

    /// <summary>Parses a double (<c>1.5</c>, <c>-2e3</c>); not <c>NaN</c> or infinities spelled out.</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out double result)
        => Utf8Parser.TryParse(value, out result, out var consumed) && consumed == value.Length;

    /// <summary>Parses a single-precision float.</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out float result)
        => Utf8Parser.TryParse(value, out result, out var consumed) && consumed == value.Length;

    /// <summary>Parses a decimal.</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out decimal result)
        => Utf8Parser.TryParse(value, out result, out var consumed) && consumed == value.Length;

    /// <summary>Parses <c>true</c> or <c>false</c>, ASCII case-insensitive.</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out bool result)
    {
        if (Utf8Literal.EqualsLower(value, "true"u8))
        {
            result = true;
            return true;
        }

        result = false;
        return Utf8Literal.EqualsLower(value, "false"u8);
    }

    /// <summary>Parses a GUID in any of the formats <see cref="Guid.TryParse(ReadOnlySpan{byte}, out Guid)"/> accepts (<c>D</c>, <c>N</c>, <c>B</c>, <c>P</c>).</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out Guid result)
        => Guid.TryParse(value, out result);

    /// <summary>The raw UTF-8 value, already decoded; always succeeds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParse(ReadOnlySpan<byte> value, out ReadOnlySpan<byte> result)
    {
        result = value;
        return true;
    }

    /// <summary>The value as a <see cref="string"/>. This allocates: prefer <see cref="ReadOnlySpan{T}"/> of <see cref="byte"/> parameters on hot paths.</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out string result)
    {
        result = System.Text.Encoding.UTF8.GetString(value);
        return true;
    }
}
