using System;
using HyperRoute.Routing;

namespace HyperRoute.Http.Proxy;

/// <summary>
/// The request head the backend receives, built on the handler's thread before the first await (the request's bytes
/// are read only there): the request line, every end-to-end field, the forwarding fields, and a
/// <c>Content-Length</c> the proxy derives from the body it holds (or, for a streamed body, from the length the server
/// parsed, or <c>Transfer-Encoding: chunked</c>: <c>ForwardOperation.RequestBody.cs</c>). <c>Host</c> is added per attempt, since it may
/// name the backend.
/// </summary>
internal sealed partial class ForwardOperation
{
    private PooledBuffer _head;
    private PooledBuffer _host;
    private PooledBuffer _incomingFor;
    private PooledBuffer _incomingForwarded;
    private int _requestLineLength;

    private void BuildHead(HttpExchange exchange, BackendGroup group, ReadOnlySpan<byte> path)
    {
        var request = exchange.Request;
        var options = group.Options;
        _head.Clear();
        _host.Clear();
        _incomingFor.Clear();
        _incomingForwarded.Clear();

        // The request line, always HTTP/1.1 and in origin form (an absolute-form target loses its scheme and authority).
        _head.Write(request.Method);
        _head.Write(" "u8);
        if (request.Head.IsAsteriskForm)
        {
            _head.Write("*"u8);
        }
        else
        {
            _head.Write(path.IsEmpty ? request.Path : path);
            if (!request.Query.IsEmpty)
            {
                _head.Write("?"u8);
                _head.Write(request.Query);
            }
        }

        _head.Write(" HTTP/1.1\r\n"u8);
        _requestLineLength = _head.Length;
        _host.Write(request.Host);

        var raw = request.RawHead;
        var fields = raw.Slice(raw.IndexOf("\r\n"u8) + 2);
        var hasConnection = false;
        var lines = new HeaderLines(fields);
        while (lines.MoveNext())
        {
            hasConnection |= HopByHop.NameIs(lines.Name, "Connection"u8);
        }

        var traced = TakeSpan();
        var trust = options.TrustForwardedHeaders;
        var forwardedProto = false;
        var forwardedHost = false;
        lines = new HeaderLines(fields);
        while (lines.MoveNext())
        {
            var name = lines.Name;
            if (HopByHop.Is(name, fields, hasConnection) || IsReframed(name) || (traced && IsTraceField(name)))
            {
                continue;
            }

            if (IsForwarding(name, out var which))
            {
                if (!trust)
                {
                    continue; // a client's claim about itself: dropped, this hop says what it knows
                }

                switch (which)
                {
                    case ForwardedHeaders.XForwardedFor when (options.Forwarded & ForwardedHeaders.XForwardedFor) != 0:
                        Join(ref _incomingFor, lines.Value);
                        continue;
                    case ForwardedHeaders.Forwarded when (options.Forwarded & ForwardedHeaders.Forwarded) != 0:
                        Join(ref _incomingForwarded, lines.Value);
                        continue;
                    case ForwardedHeaders.XForwardedProto:
                        forwardedProto = true;
                        break;
                    case ForwardedHeaders.XForwardedHost:
                        forwardedHost = true;
                        break;
                }
            }

            WriteField(name, lines.Value);
        }

        WriteForwarding(exchange, group, forwardedProto, forwardedHost);
        if (traced)
        {
            WriteTraceContext();
        }

        if (_streamedBody is not null)
        {
            WriteStreamedFraming(request);
        }
        else if (!_body.IsEmpty || request.Head.HasBody || MethodSendsBody(request.Method))
        {
            _head.Write("Content-Length: "u8);
            var digits = _head.GetSpan(20);
            System.Buffers.Text.Utf8Formatter.TryFormat(_body.Length, digits, out var written);
            _head.Advance(written);
            _head.Write("\r\n"u8);
        }
    }

    private void WriteForwarding(HttpExchange exchange, BackendGroup group, bool protoPassed, bool hostPassed)
    {
        var forwarded = group.Options.Forwarded;
        if ((forwarded & ForwardedHeaders.Via) != 0)
        {
            WriteField("Via"u8, group.ViaLine);
        }

        var client = exchange.ClientAddressText;
        if ((forwarded & ForwardedHeaders.XForwardedFor) != 0 && (!client.IsEmpty || _incomingFor.Length > 0))
        {
            _head.Write("X-Forwarded-For: "u8);
            _head.Write(_incomingFor.Written);
            if (!client.IsEmpty)
            {
                _head.Write(_incomingFor.Length > 0 ? ", "u8 : default);
                _head.Write(client);
            }

            _head.Write("\r\n"u8);
        }

        if ((forwarded & ForwardedHeaders.XForwardedProto) != 0 && !protoPassed)
        {
            WriteField("X-Forwarded-Proto"u8, "http"u8);
        }

        if ((forwarded & ForwardedHeaders.XForwardedHost) != 0 && !hostPassed && _host.Length > 0)
        {
            WriteField("X-Forwarded-Host"u8, _host.Written);
        }

        if ((forwarded & ForwardedHeaders.Forwarded) != 0)
        {
            // RFC 7239: for= an IPv6 address is quoted and bracketed; host= is quoted (it may hold a colon).
            _head.Write("Forwarded: "u8);
            if (_incomingForwarded.Length > 0)
            {
                _head.Write(_incomingForwarded.Written);
                _head.Write(", "u8);
            }

            if (!client.IsEmpty)
            {
                var v6 = client.IndexOf((byte)':') >= 0;
                _head.Write(v6 ? "for=\"["u8 : "for="u8);
                _head.Write(client);
                _head.Write(v6 ? "]\";"u8 : ";"u8);
            }

            if (_host.Length > 0)
            {
                _head.Write("host=\""u8);
                _head.Write(_host.Written);
                _head.Write("\";"u8);
            }

            _head.Write("proto=http\r\n"u8);
        }
    }

    // One attempt's head: the request line, Host for this backend, the rest, the empty line (and a small body).
    private void Compose(HttpBackend backend, BackendGroup group)
    {
        _send.Clear();
        var head = _head.Written;
        _send.Write(head.Slice(0, _requestLineLength));
        _send.Write("Host: "u8);
        _send.Write(group.Options.Host == HostHeaderMode.Pass && _host.Length > 0 ? _host.Written : backend.AuthorityBytes);
        _send.Write("\r\n"u8);
        _send.Write(head.Slice(_requestLineLength));
        _send.Write("\r\n"u8);
        if (_body.Length <= InlineBodyLimit)
        {
            _send.Write(_body.Span);
        }
    }

    private void WriteField(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        _head.Write(name);
        _head.Write(": "u8);
        _head.Write(value);
        _head.Write("\r\n"u8);
    }

    private static void Join(ref PooledBuffer list, ReadOnlySpan<byte> value)
    {
        if (list.Length > 0)
        {
            list.Write(", "u8);
        }

        list.Write(value);
    }

    // Fields the proxy writes itself from what it knows: the framing it derives, the target's Host, and Expect
    // (the server already answered 100-continue and holds the body).
    private static bool IsReframed(ReadOnlySpan<byte> name) =>
        HopByHop.NameIs(name, "Host"u8) || HopByHop.NameIs(name, "Content-Length"u8) || HopByHop.NameIs(name, "Expect"u8);

    private static bool IsForwarding(ReadOnlySpan<byte> name, out ForwardedHeaders which)
    {
        which = name.Length switch
        {
            9 when Utf8Literal.EqualsIgnoreCase(name, "Forwarded"u8) => ForwardedHeaders.Forwarded,
            15 when Utf8Literal.EqualsIgnoreCase(name, "X-Forwarded-For"u8) => ForwardedHeaders.XForwardedFor,
            16 when Utf8Literal.EqualsIgnoreCase(name, "X-Forwarded-Host"u8) => ForwardedHeaders.XForwardedHost,
            17 when Utf8Literal.EqualsIgnoreCase(name, "X-Forwarded-Proto"u8) => ForwardedHeaders.XForwardedProto,
            _ => ForwardedHeaders.None,
        };
        return which != ForwardedHeaders.None;
    }

    private static bool MethodSendsBody(ReadOnlySpan<byte> method) =>
        method.SequenceEqual("POST"u8) || method.SequenceEqual("PUT"u8) || method.SequenceEqual("PATCH"u8);
}
