using System;
using System.Runtime.CompilerServices;

namespace HyperRoute.Routing;

/// <summary>
/// The route constraints that are not a type (<c>alpha</c>, the <c>length</c> family, and the numeric
/// bounds when no <c>int</c> or <c>long</c> constraint parsed the value already). Lengths count UTF-16
/// code units of the decoded value, as ASP.NET Core does.
/// </summary>
public static class RouteConstraints
{
    /// <summary><c>alpha</c>: one or more ASCII letters.</summary>
    public static bool IsAlpha(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        foreach (var b in value)
        {
            if ((uint)((b | 0x20) - 'a') > 'z' - 'a')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The length of a value as <c>length</c>, <c>minlength</c> and <c>maxlength</c> count it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Length(ReadOnlySpan<byte> value)
        => System.Text.Ascii.IsValid(value) ? value.Length : System.Text.Encoding.UTF8.GetCharCount(value);
}
