using System;
using HyperRoute.Http;
using HyperRoute.Http.WebSockets;
using HyperRoute.Tests.Http;

namespace HyperRoute.Tests.WebSockets;

/// <summary>Starts a <see cref="WebSocketTestEndpoint"/> server with its probe.</summary>
public static class WebSocketServer
{
    public static TestServer<WebSocketTestEndpoint> Start(string transport, out WebSocketProbe probe, WebSocketOptions? options = null, Func<HttpServerOptions, HttpServerOptions>? configure = null)
    {
        probe = new WebSocketProbe();
        return TestServer<WebSocketTestEndpoint>.Start(new WebSocketTestEndpoint(probe, options ?? new WebSocketOptions { SubProtocols = ["chat.v2", "chat.v1"] }), transport, configure);
    }
}
