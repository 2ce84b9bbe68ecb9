using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace HyperRoute.Http.WebSockets;

/// <summary>
/// The opening handshake of RFC 6455 §4.2: checks the client's request and computes what the <c>101</c> carries.
/// A request that is not a valid handshake is answered by the handler's response: 426 (with
/// <c>Sec-WebSocket-Version: 13</c> or <c>Upgrade: websocket</c>) when the client must change protocol or
/// version, 400 otherwise.
/// </summary>
internal static class WebSocketHandshake
{
    /// <summary>The length of <c>Sec-WebSocket-Accept</c>: base64 of a SHA-1 hash.</summary>
    public const int AcceptLength = 28;

    private static ReadOnlySpan<byte> KeyGuid => "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"u8;

    /// <summary>
    /// Checks <paramref name="request"/>; on success fills <paramref name="accept"/> and selects a subprotocol,
    /// otherwise writes the refusal to <paramref name="response"/> and returns <see langword="false"/>.
    /// </summary>
    public static bool TryAccept(HttpRequest request, HttpResponse response, WebSocketOptions options, Span<byte> accept, out string? subProtocol)
    {
        subProtocol = null;
        if (!request.TryFindHeader("Upgrade"u8, out var upgrade) || !HasToken(upgrade, "websocket"u8))
        {
            response.SetHeader("Upgrade"u8, "websocket"u8);
            return Refuse(response, 426, "This resource is a WebSocket: the request must ask for Upgrade: websocket."u8);
        }

        if (!request.Method.SequenceEqual("GET"u8) || request.Version != HttpVersion.Http11)
        {
            return Refuse(response, 400, "A WebSocket handshake is a GET request in HTTP/1.1."u8);
        }

        if (!request.TryFindHeader("Connection"u8, out var connection) || !HasToken(connection, "upgrade"u8))
        {
            return Refuse(response, 400, "A WebSocket handshake carries Connection: Upgrade."u8);
        }

        if (!request.TryFindHeader("Sec-WebSocket-Version"u8, out var version) || !version.SequenceEqual("13"u8))
        {
            response.SetHeader("Sec-WebSocket-Version"u8, "13"u8);
            return Refuse(response, 426, "The server speaks WebSocket version 13 (Sec-WebSocket-Version)."u8);
        }

        if (!request.TryFindHeader("Sec-WebSocket-Key"u8, out var key) || !IsValidKey(key))
        {
            return Refuse(response, 400, "Sec-WebSocket-Key must be the base64 of 16 bytes."u8);
        }

        if (request.Head.HasBody)
        {
            return Refuse(response, 400, "A WebSocket handshake has no body."u8);
        }

        ComputeAccept(key, accept);
        subProtocol = SelectSubProtocol(request, options);
        return true;
    }

    /// <summary><c>Sec-WebSocket-Accept</c>: base64(SHA-1(key + the protocol's GUID)).</summary>
    public static void ComputeAccept(ReadOnlySpan<byte> key, Span<byte> accept)
    {
        Span<byte> input = stackalloc byte[64];
        key.CopyTo(input);
        KeyGuid.CopyTo(input.Slice(key.Length));
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input.Slice(0, key.Length + KeyGuid.Length), hash);
        Base64.EncodeToUtf8(hash, accept, out _, out _);
    }

    private static bool IsValidKey(ReadOnlySpan<byte> key)
    {
        Span<byte> decoded = stackalloc byte[18];
        return key.Length == 24 && Base64.DecodeFromUtf8(key, decoded, out _, out var written) == System.Buffers.OperationStatus.Done && written == 16;
    }

    // The first of the server's subprotocols (in its order) that the client offers, over every Sec-WebSocket-Protocol line.
    private static string? SelectSubProtocol(HttpRequest request, WebSocketOptions options)
    {
        foreach (var candidate in options.SubProtocols)
        {
            var lines = new HttpRequest.HeaderLines(request.RawHead);
            while (lines.MoveNext(out var name, out var value))
            {
                if (Ascii.EqualsIgnoreCase(name, "Sec-WebSocket-Protocol"u8) && HasToken(value, candidate, caseSensitive: true))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    // A comma-separated list holds the token (RFC 9110 §5.6.1), ASCII case-insensitively.
    private static bool HasToken(ReadOnlySpan<byte> list, ReadOnlySpan<byte> token)
    {
        foreach (var range in list.Split((byte)','))
        {
            if (Ascii.EqualsIgnoreCase(list[range].Trim(" \t"u8), token))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasToken(ReadOnlySpan<byte> list, string token, bool caseSensitive)
    {
        foreach (var range in list.Split((byte)','))
        {
            var item = list[range].Trim(" \t"u8);
            if (caseSensitive ? Ascii.Equals(item, token) : Ascii.EqualsIgnoreCase(item, token))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Refuse(HttpResponse response, int status, ReadOnlySpan<byte> detail)
    {
        response.StatusCode = status;
        response.SetContentType("application/problem+json"u8);
        response.Write("{\"type\":\"about:blank\",\"title\":\""u8);
        response.Write(status == 426 ? "Upgrade Required"u8 : "Bad Request"u8);
        response.Write("\",\"status\":"u8);
        response.Write(status == 426 ? "426"u8 : "400"u8);
        response.Write(",\"detail\":\""u8);
        response.Write(detail);
        response.Write("\"}"u8);
        return false;
    }
}
