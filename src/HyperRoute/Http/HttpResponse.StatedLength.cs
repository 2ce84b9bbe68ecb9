namespace HyperRoute.Http;

/// <summary>
/// The <c>Content-Length</c> of a response sent without its content, stated by code that answers for another server
/// (the reverse proxy): the server otherwise derives the length from the body written here, which for a HEAD or a 304
/// passed on is empty and would say 0.
/// </summary>
public sealed partial class HttpResponse
{
    private long _statedLength = NoStatedLength;

    // No length was stated: the framing is derived from the body (the default).
    private const long NoStatedLength = -2;

    /// <summary>
    /// The head of this bodiless response says <c>Content-Length: <paramref name="length"/></c>, or no length at all
    /// when <paramref name="length"/> is -1, instead of the length of the (empty) body: the answer to a HEAD request
    /// carries the length the GET would have had (RFC 9110 §9.3.2), a 304 the selected representation's (§8.6, §15.4.5).
    /// A 1xx or 204 never says a length. It holds while the body stays empty and until <see cref="Clear"/>; an answer
    /// written over it (a problem) is framed by its own body.
    /// </summary>
    internal void StateBodilessLength(long length) => _statedLength = length < 0 ? -1 : length;

    /// <summary>
    /// The <c>Content-Length</c> the head of the response as it stands says, for a host that frames it itself: the
    /// body's length, or the length stated for a bodiless one; -1 when it says none (a 1xx, a 204, a 304 without one).
    /// </summary>
    internal long HeadContentLength => FramedLength(_body.Length);

    // The Content-Length the head says (-1: none, chunked aside), given the body's.
    private long FramedLength(long bodyLength)
    {
        if (_statedLength == NoStatedLength || bodyLength != 0 || _chunked)
        {
            return HttpStatus.HasNoContent(_status) ? -1 : bodyLength;
        }

        return _status is < 200 or 204 ? -1 : _statedLength;
    }
}
