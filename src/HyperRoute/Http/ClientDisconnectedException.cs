using System;
using System.IO;

namespace HyperRoute.Http;

/// <summary>
/// Thrown from <see cref="HttpResponse.Flush"/> (and writes that flush a chunk) when the client has gone away or
/// stopped reading while a streamed response was being sent. The server closes the connection and does not report
/// it as a handler error; a handler may catch it to stop producing output early.
/// </summary>
public sealed class ClientDisconnectedException : IOException
{
    /// <summary>Creates the exception with its explanation.</summary>
    public ClientDisconnectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its explanation and the transport's error.</summary>
    public ClientDisconnectedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
