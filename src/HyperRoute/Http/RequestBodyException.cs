using System.IO;

namespace HyperRoute.Http;

/// <summary>
/// Thrown from <see cref="HttpRequest.ReadBodyAsync"/> when a streamed request body cannot be read to its end: its
/// framing is malformed (400), it exceeds <see cref="HttpLimits.MaxRequestBodySize"/> (413), or the client stopped
/// sending it for longer than <see cref="HttpServerOptions.RequestBodyTimeout"/> (408). The server has already
/// answered the request with <see cref="StatusCode"/> (or, when the response head went out, closes the connection);
/// the handler only has to stop. It is not reported as a handler error.
/// </summary>
public sealed class RequestBodyException : IOException
{
    /// <summary>Creates the exception for the status the server answers.</summary>
    public RequestBodyException(int statusCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
    }

    /// <summary>The status the server answered the request with: 400, 408 or 413.</summary>
    public int StatusCode { get; }
}
