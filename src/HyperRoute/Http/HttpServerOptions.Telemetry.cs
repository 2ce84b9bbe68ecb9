using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace HyperRoute.Http;

/// <summary>Where the server's logs and metrics go (docs/observability.md).</summary>
public sealed partial record HttpServerOptions
{
    /// <summary>
    /// The logger factory the server logs through (category <c>HyperRoute.Http.HttpServer</c>: start, stop, handler faults,
    /// protocol errors by category, connection faults). Default: none, and nothing is logged. A host passes its own
    /// (the Generic Host's <c>ILoggerFactory</c>); <see cref="OnHandlerError"/> and <see cref="OnConnectionFault"/> are still
    /// called as well.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>
    /// The factory the server's meter (<c>HyperRoute.Http</c>) is created from, so its instruments are scoped to a host's
    /// container (the Generic Host's <c>IMeterFactory</c>). Default: none, and the server uses a meter shared by the servers of
    /// the process under the same name. Either way, nothing is measured until a listener enables an instrument.
    /// </summary>
    public IMeterFactory? MeterFactory { get; init; }
}
