using System;
using HyperRoute.Http;
using HyperRoute.Http.Proxy;

namespace HyperRoute.Tests.Proxy;

/// <summary>
/// <see cref="ProxyTestEndpoint"/>'s routes, with request bodies streamed (<see cref="StreamsRequestBody"/>): a body
/// that has not all arrived with its head goes to the backend as it arrives.
/// </summary>
public readonly struct StreamingProxyTestEndpoint(BackendGroup group) : IHttpEndpoint
{
    public static int HeaderSlotCount => ProxyTestEndpoint.HeaderSlotCount;

    public static int HeaderSlot(ReadOnlySpan<byte> name) => ProxyTestEndpoint.HeaderSlot(name);

    public static bool StreamsRequestBody(HttpRequest request) => !request.Path.SequenceEqual("/local"u8);

    public RouteMatch Serve(HttpExchange exchange) => new ProxyTestEndpoint(group).Serve(exchange);
}
