using System;

namespace HyperRoute.Http;

/// <summary>
/// Progress of the search for the end of a request head across reads, so that bytes arriving one at a time
/// are scanned once: where the current, still incomplete line starts, and where the request line ended.
/// </summary>
public struct HeadScan
{
    private int _lineStart;
    private int _requestLineEnd;

    /// <summary>Starts over for a new request.</summary>
    public void Reset() => this = default;

    /// <summary>
    /// Finds the end of the request head in <paramref name="buffer"/> (the received bytes of this request, from
    /// its first byte): returns the head's length including the empty line that ends it, or -1 when more bytes
    /// are needed. Leading empty lines (RFC 9112 §2.2) are part of the head. Reports 414 and 431 as soon as the
    /// received bytes exceed the limits, without waiting for the rest.
    /// </summary>
    public int FindEnd(ReadOnlySpan<byte> buffer, HttpLimits limits, out HttpError error)
    {
        error = HttpError.None;
        if (_requestLineEnd == 0)
        {
            // Skip the empty lines some clients send between requests (after a body, for instance).
            while (_lineStart + 1 < buffer.Length && buffer[_lineStart] == '\r' && buffer[_lineStart + 1] == '\n')
            {
                _lineStart += 2;
            }

            if (_lineStart > limits.MaxRequestLineSize)
            {
                // Tolerated, not without end: an endless stream of empty lines would otherwise be buffered whole.
                error = HttpError.InvalidRequestLine;
                return -1;
            }

            if (_lineStart + 1 >= buffer.Length && _lineStart < buffer.Length && buffer[_lineStart] == '\r')
            {
                return -1; // a CR that may begin another empty line
            }
        }

        while (true)
        {
            var lf = buffer.Slice(_lineStart).IndexOf((byte)'\n');
            if (lf < 0)
            {
                error = Overflow(buffer.Length, limits);
                return -1;
            }

            var lineEnd = _lineStart + lf + 1;
            if (_requestLineEnd == 0)
            {
                _requestLineEnd = lineEnd;
                if (lineEnd - _lineStart > limits.MaxRequestLineSize)
                {
                    error = HttpError.RequestLineTooLong;
                    return -1;
                }
            }
            else if (lf == 0 || (lf == 1 && buffer[_lineStart] == '\r'))
            {
                // The empty line: the head ends here.
                if (lineEnd - _requestLineEnd > limits.MaxRequestHeadersTotalSize)
                {
                    error = HttpError.HeadersTooLarge;
                    return -1;
                }

                return lineEnd;
            }

            _lineStart = lineEnd;
        }
    }

    private readonly HttpError Overflow(int received, HttpLimits limits)
    {
        if (_requestLineEnd == 0)
        {
            return received - _lineStart > limits.MaxRequestLineSize ? HttpError.RequestLineTooLong : HttpError.None;
        }

        return received - _requestLineEnd > limits.MaxRequestHeadersTotalSize ? HttpError.HeadersTooLarge : HttpError.None;
    }
}
