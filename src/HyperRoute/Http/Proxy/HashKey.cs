using System;
using System.Text;

namespace HyperRoute.Http.Proxy;

/// <summary>Where a consistent-hash group finds each request's key.</summary>
public enum HashKeySource
{
    /// <summary>No key from the request: the caller passes one (a route value) or the group ignores it.</summary>
    None,

    /// <summary>The value of a request header.</summary>
    Header,

    /// <summary>The value of a cookie.</summary>
    Cookie,

    /// <summary>The client's IP address.</summary>
    ClientAddress,
}

/// <summary>The request key a <see cref="BackendGroup"/> hands its strategy (only consistent hashing reads it).</summary>
public sealed class HashKey
{
    private HashKey(HashKeySource source, string? name)
    {
        Source = source;
        Name = name is null ? [] : Encoding.ASCII.GetBytes(name);
    }

    /// <summary>No key from the request.</summary>
    public static HashKey None { get; } = new(HashKeySource.None, null);

    /// <summary>The client's address.</summary>
    public static HashKey ClientAddress { get; } = new(HashKeySource.ClientAddress, null);

    /// <summary>Where the key comes from.</summary>
    public HashKeySource Source { get; }

    internal byte[] Name { get; }

    /// <summary>The value of the request header <paramref name="name"/> (a request without it has an empty key).</summary>
    public static HashKey Header(string name) => new(HashKeySource.Header, Check(name));

    /// <summary>The value of the cookie <paramref name="name"/> (a request without it has an empty key).</summary>
    public static HashKey Cookie(string name) => new(HashKeySource.Cookie, Check(name));

    /// <summary>The key of this request, a view of its bytes (empty when it has none).</summary>
    internal ReadOnlySpan<byte> Of(HttpExchange exchange)
    {
        switch (Source)
        {
            case HashKeySource.Header:
                return FindHeader(exchange.Request.RawHead, Name);
            case HashKeySource.Cookie:
                return FindCookie(exchange.Request.RawHead, Name);
            case HashKeySource.ClientAddress:
                return exchange.ClientAddressText;
            default:
                return default;
        }
    }

    private static ReadOnlySpan<byte> FindHeader(ReadOnlySpan<byte> head, ReadOnlySpan<byte> name)
    {
        var lines = new HeaderLines(head.Slice(head.IndexOf("\r\n"u8) + 2));
        while (lines.MoveNext())
        {
            if (HopByHop.NameIs(lines.Name, name))
            {
                return lines.Value;
            }
        }

        return default;
    }

    // Cookie: a=1; b=2 (RFC 6265 §4.2), over every Cookie field.
    private static ReadOnlySpan<byte> FindCookie(ReadOnlySpan<byte> head, ReadOnlySpan<byte> name)
    {
        var lines = new HeaderLines(head.Slice(head.IndexOf("\r\n"u8) + 2));
        while (lines.MoveNext())
        {
            if (!HopByHop.NameIs(lines.Name, "Cookie"u8))
            {
                continue;
            }

            var pairs = lines.Value;
            while (!pairs.IsEmpty)
            {
                var semicolon = pairs.IndexOf((byte)';');
                var pair = (semicolon < 0 ? pairs : pairs.Slice(0, semicolon)).Trim((byte)' ');
                var equals = pair.IndexOf((byte)'=');
                if (equals > 0 && pair.Slice(0, equals).SequenceEqual(name))
                {
                    return pair.Slice(equals + 1).Trim((byte)'"');
                }

                pairs = semicolon < 0 ? default : pairs.Slice(semicolon + 1);
            }
        }

        return default;
    }

    private static string Check(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return name;
    }
}
