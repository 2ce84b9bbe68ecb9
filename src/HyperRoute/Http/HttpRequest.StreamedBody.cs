using System;
using System.Threading.Tasks;

namespace HyperRoute.Http;

/// <summary>
/// The request body as a stream of bytes: for a route that opted in with
/// <see cref="IHttpEndpoint.StreamsRequestBody"/>, a body that had not fully arrived with the head is not buffered;
/// the handler reads it with <see cref="ReadBodyAsync"/> while the connection receives it, as fast as the handler
/// consumes it.
/// </summary>
public sealed partial class HttpRequest
{
    private IRequestBodyReader? _bodyReader;
    private int _bodyConsumed;

    /// <summary>
    /// The body is streamed: it is read with <see cref="ReadBodyAsync"/>, and <see cref="Body"/> is empty. Only when the
    /// endpoint's <see cref="IHttpEndpoint.StreamsRequestBody"/> asked for it and the body had not all arrived with
    /// the head.
    /// </summary>
    public bool IsBodyStreamed => _bodyReader is not null;

    /// <summary>
    /// Copies the next bytes of the body, de-chunked, into <paramref name="destination"/> and returns how many; 0 once
    /// the body has ended (at once for a request without one). Works for every request: a buffered body is copied from
    /// <see cref="BodyMemory"/>, a streamed one is received as it is asked for (the connection reads no further ahead
    /// than this), so a large body passes through in pieces of at most <paramref name="destination"/>'s size. One read
    /// at a time: await each before the next, and do not write the response while one is pending.
    /// </summary>
    /// <exception cref="RequestBodyException">
    /// The body is malformed, too large or stopped arriving; the server has answered the request already.
    /// </exception>
    /// <exception cref="ClientDisconnectedException">The client went away before the body ended.</exception>
    /// <exception cref="OperationCanceledException">The request was answered without the handler (its time limit, shutdown).</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is empty.</exception>
    public ValueTask<int> ReadBodyAsync(Memory<byte> destination)
    {
        if (destination.IsEmpty)
        {
            throw new ArgumentException("A body read needs room for at least one byte (0 means the body has ended).", nameof(destination));
        }

        if (_bodyReader is { } reader)
        {
            return reader.ReadBodyAsync(destination);
        }

        var rest = MemoryOf(_body).Slice(_bodyConsumed);
        var count = Math.Min(rest.Length, destination.Length);
        rest.Slice(0, count).CopyTo(destination);
        _bodyConsumed += count;
        return new ValueTask<int>(count);
    }

    /// <summary>The body of the request just <see cref="Set"/> is streamed from <paramref name="reader"/>.</summary>
    internal void StreamBodyFrom(IRequestBodyReader reader) => _bodyReader = reader;
}
