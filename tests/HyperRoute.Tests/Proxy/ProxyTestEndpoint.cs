using System;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Http.Proxy;

namespace HyperRoute.Tests.Proxy;

/// <summary>
/// A hand-written endpoint shaped as generated code shapes an async handler: every request is forwarded to the
/// group; <c>/api/…</c> is forwarded with the <c>/api</c> prefix removed (a rewrite); <c>/local</c> is answered here.
/// </summary>
public readonly struct ProxyTestEndpoint(BackendGroup group) : IHttpEndpoint
{
    public static int HeaderSlotCount => 0;

    public static int HeaderSlot(ReadOnlySpan<byte> name) => -1;

    public RouteMatch Serve(HttpExchange exchange)
    {
        var path = exchange.Request.Path;
        if (path.SequenceEqual("/local"u8))
        {
            exchange.Response.Text("local"u8);
            return RouteMatch.Handled(0);
        }

        var work = path.StartsWith("/api/"u8)
            ? exchange.ForwardAsync(group, path.Slice(4), default)
            : exchange.ForwardAsync(group);
        if (work.IsCompletedSuccessfully)
        {
            work.GetAwaiter().GetResult();
            return RouteMatch.Handled(1);
        }

        return exchange.Suspend(1, work);
    }
}
