using System;
using System.Diagnostics;
using HyperRoute.Diagnostics;
using HyperRoute.Routing;

namespace HyperRoute.Http.Proxy;

/// <summary>
/// W3C Trace Context on the forwarded request: when a span is current for the request (the server starts one when a
/// listener samples it), the backend's <c>traceparent</c> names that span as its parent, and <c>tracestate</c> is the
/// span's (the client's, which the span continued, or none); the client's own fields are not forwarded. With no span
/// current, the client's <c>traceparent</c> and <c>tracestate</c> pass through as any end-to-end field, and the only
/// cost is reading <see cref="Activity.Current"/>.
/// </summary>
internal sealed partial class ForwardOperation
{
    private Activity? _span;

    // Called before the fields are copied: whether this request's trace context is the proxy's to write.
    private bool TakeSpan()
    {
        var current = Activity.Current;
        _span = current is { IdFormat: ActivityIdFormat.W3C } && current.TraceId != default && current.SpanId != default ? current : null;
        return _span is not null;
    }

    private static bool IsTraceField(ReadOnlySpan<byte> name) => name.Length switch
    {
        10 => Utf8Literal.EqualsIgnoreCase(name, "tracestate"u8),
        11 => Utf8Literal.EqualsIgnoreCase(name, "traceparent"u8),
        _ => false,
    };

    // traceparent: 00-{trace}-{this span}-{flags}, then tracestate when the span has one that is plain visible ASCII.
    private void WriteTraceContext()
    {
        var span = _span!;
        _span = null;
        _head.Write("traceparent: "u8);
        TraceContext.TryFormatTraceParent(span.Context, _head.GetSpan(TraceContext.TraceParentLength), out var written);
        _head.Advance(written);
        _head.Write("\r\n"u8);

        var state = span.TraceStateString;
        if (string.IsNullOrEmpty(state) || state.Length > 512 || !IsVisibleAscii(state))
        {
            return; // W3C: at most 512 characters; anything else would not be a valid field value
        }

        _head.Write("tracestate: "u8);
        var destination = _head.GetSpan(state.Length);
        for (var i = 0; i < state.Length; i++)
        {
            destination[i] = (byte)state[i];
        }

        _head.Advance(state.Length);
        _head.Write("\r\n"u8);
    }

    private static bool IsVisibleAscii(string text)
    {
        foreach (var c in text)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }
}
