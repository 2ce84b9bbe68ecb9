namespace HyperRoute.Http;

/// <summary>
/// One request and its response. The server keeps one per connection and reuses it for every request on that
/// connection, so serving a request allocates nothing. Handlers receive it, or its
/// <see cref="Request"/> and <see cref="Response"/>, as parameters; neither may be kept after the handler returns.
/// </summary>
public sealed class HttpExchange
{
    /// <summary>Creates an exchange with its own buffers, for servers and for tests that serve requests in-process.</summary>
    public HttpExchange()
    {
        Request = new HttpRequest();
        Response = new HttpResponse();
    }

    /// <summary>The request being served.</summary>
    public HttpRequest Request { get; }

    /// <summary>The response the handler writes.</summary>
    public HttpResponse Response { get; }
}
