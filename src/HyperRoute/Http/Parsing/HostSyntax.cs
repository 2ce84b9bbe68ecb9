using System;
using System.Buffers;

namespace HyperRoute.Http.Parsing;

/// <summary>
/// The grammar of a <c>Host</c> field value and of an absolute-form target's authority (RFC 9110 §7.2, §4.2.1;
/// RFC 3986 §3.2): <c>uri-host [ ":" port ]</c>, where <c>uri-host</c> is a reg-name, an IPv4 address (which
/// reg-name covers) or a bracketed IP literal (IPv6 or IPvFuture), and <c>port</c> is decimal digits.
/// </summary>
/// <remarks>
/// Decisions beyond the grammar, each documented in <c>docs/server.md</c>:
/// <list type="bullet">
/// <item>the host is never empty (RFC 9110 §4.2.1: an empty host in an <c>http</c> URI is invalid);</item>
/// <item>a comma is refused although reg-name allows it: no DNS name holds one, and it is how several field
/// values join into one (RFC 9110 §5.3), so <c>a,b</c> names several hosts;</item>
/// <item>the port is digits only with a value up to 65,535 (leading zeros allowed, as <c>*DIGIT</c> allows); an empty
/// port (<c>host:</c>) is accepted, since RFC 3986 §3.2.3 makes it the same as none.</item>
/// </list>
/// </remarks>
internal static class HostSyntax
{
    // reg-name = *( unreserved / pct-encoded / sub-delims ), without ',' (see above); '%' is checked for its two hex digits.
    private static readonly SearchValues<byte> RegName = SearchValues.Create(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~%!$&'()*+;="u8);

    // IPvFuture's tail: unreserved / sub-delims / ":"
    private static readonly SearchValues<byte> FutureChars = SearchValues.Create(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:"u8);

    /// <summary><see langword="true"/> when <paramref name="value"/> is <c>uri-host [ ":" port ]</c>, with the decisions above.</summary>
    public static bool IsValid(ReadOnlySpan<byte> value)
    {
        ReadOnlySpan<byte> rest;
        if (!value.IsEmpty && value[0] == '[')
        {
            var close = value.IndexOf((byte)']');
            if (close < 0 || !IsIpLiteral(value.Slice(1, close - 1)))
            {
                return false;
            }

            rest = value.Slice(close + 1);
        }
        else
        {
            var colon = value.IndexOf((byte)':');
            var host = colon < 0 ? value : value.Slice(0, colon);
            if (!IsRegName(host))
            {
                return false;
            }

            rest = colon < 0 ? default : value.Slice(colon);
        }

        return rest.IsEmpty || (rest[0] == ':' && IsPort(rest.Slice(1)));
    }

    private static bool IsRegName(ReadOnlySpan<byte> host)
    {
        if (host.IsEmpty || host.IndexOfAnyExcept(RegName) >= 0)
        {
            return false;
        }

        // pct-encoded = "%" HEXDIG HEXDIG
        for (var percent = host.IndexOf((byte)'%'); percent >= 0; percent = host.IndexOf((byte)'%'))
        {
            if (percent + 2 >= host.Length || HttpChars.HexValue(host[percent + 1]) < 0 || HttpChars.HexValue(host[percent + 2]) < 0)
            {
                return false;
            }

            host = host.Slice(percent + 3);
        }

        return true;
    }

    // port = *DIGIT, at most 65535.
    private static bool IsPort(ReadOnlySpan<byte> port)
    {
        var value = 0;
        foreach (var b in port)
        {
            if (!HttpChars.IsDigit(b))
            {
                return false;
            }

            value = (value * 10) + (b - '0');
            if (value > 65535)
            {
                return false;
            }
        }

        return true;
    }

    // IP-literal = "[" ( IPv6address / IPvFuture ) "]", without the brackets.
    private static bool IsIpLiteral(ReadOnlySpan<byte> literal)
    {
        if (!literal.IsEmpty && (literal[0] | 0x20) == 'v')
        {
            // IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
            var i = 1;
            while (i < literal.Length && HttpChars.HexValue(literal[i]) >= 0)
            {
                i++;
            }

            return i > 1 && i + 1 < literal.Length && literal[i] == '.' && literal.Slice(i + 1).IndexOfAnyExcept(FutureChars) < 0;
        }

        return IsIPv6(literal);
    }

    // IPv6address (RFC 3986 §3.2.2): eight groups of 1–4 hex digits, "::" once for one or more zero groups, and the
    // last 32 bits optionally as a dotted IPv4 address.
    private static bool IsIPv6(ReadOnlySpan<byte> address)
    {
        var groups = 0;
        var elided = false;
        var i = 0;
        if (address.StartsWith("::"u8))
        {
            elided = true;
            i = 2;
            if (i == address.Length)
            {
                return true;
            }
        }

        while (true)
        {
            var start = i;
            while (i < address.Length && i - start < 5 && HttpChars.HexValue(address[i]) >= 0)
            {
                i++;
            }

            if (i < address.Length && address[i] == '.')
            {
                // ls32 as an IPv4 address: the last piece
                if (!IsIPv4(address.Slice(start)))
                {
                    return false;
                }

                groups += 2;
                break;
            }

            if (i == start || i - start > 4)
            {
                return false;
            }

            groups++;
            if (i == address.Length)
            {
                break;
            }

            if (address[i] != ':' || groups > 8)
            {
                return false;
            }

            i++;
            if (i < address.Length && address[i] == ':')
            {
                if (elided)
                {
                    return false;
                }

                elided = true;
                i++;
                if (i == address.Length)
                {
                    break;
                }
            }
            else if (i == address.Length)
            {
                return false; // a single trailing colon
            }
        }

        return elided ? groups <= 7 : groups == 8;
    }

    // IPv4address = dec-octet "." dec-octet "." dec-octet "." dec-octet, dec-octet 0–255 without leading zeros.
    private static bool IsIPv4(ReadOnlySpan<byte> address)
    {
        var octets = 0;
        var i = 0;
        while (true)
        {
            var start = i;
            var value = 0;
            while (i < address.Length && i - start < 4 && HttpChars.IsDigit(address[i]))
            {
                value = (value * 10) + (address[i] - '0');
                i++;
            }

            var digits = i - start;
            if (digits == 0 || digits > 3 || value > 255 || (digits > 1 && address[start] == '0'))
            {
                return false;
            }

            if (++octets == 4)
            {
                return i == address.Length;
            }

            if (i == address.Length || address[i] != '.')
            {
                return false;
            }

            i++;
        }
    }
}
