extern alias generator;

using HyperRoute.Testing;
using Xunit;

using RouterGenerator = generator::HyperRoute.Generators.RouterGenerator;

namespace HyperRoute.Generators.Tests;

/// <summary>The nested <c>HttpEndpoint</c> struct and the header, body and exchange bindings it serves.</summary>
public sealed class HttpEndpointSnapshotTests : GeneratorTestBase<RouterGenerator>
{
    [Fact]
    public void Header_bindings_get_slots_and_the_router_is_served_only_through_its_endpoint()
    {
        // Three headers: X-Tenant (slot 0, bound twice in two spellings), X-Request-Id (1), X-Trace (2).
        var result = Generate("""
            using System;
            using HyperRoute;
            using HyperRoute.Http;

            namespace Shop;

            [Router]
            public static partial class TenantApi
            {
                [Route("GET /tenants/{id:int}")]
                public static void GetTenant(int id, [Header("X-Tenant")] ReadOnlySpan<byte> tenant, [Header("X-Request-Id")] long requestId, HttpResponse response)
                    => response.StatusCode = 200;

                [Route("GET /items")]
                public static void ListItems([Header("x-tenant")] string tenant, [Header("X-Trace")] int? trace, [Header("X-Request-Id")] long requestId = -1, int page = 1)
                {
                }

                [Route("GET /health")]
                public static void Health()
                {
                }
            }
            """);

        Snapshot.Match(result.Source("Shop.TenantApi.Dispatch.g.cs"));
    }

    [Fact]
    public void Body_and_exchange_parameters_bind_the_request_body_and_the_exchange()
    {
        var result = Generate("""
            using System;
            using HyperRoute;
            using HyperRoute.Http;

            [Router]
            public static partial class UploadApi
            {
                [Route("POST /upload/{name}")]
                public static void Upload(ReadOnlySpan<byte> name, [Body] ReadOnlySpan<byte> content, HttpResponse response)
                    => response.Write(content);

                [Route("PUT /echo")]
                public static void Echo(HttpExchange exchange, HttpRequest request)
                    => exchange.Response.Write(request.Body);
            }
            """);

        Snapshot.Match(result.Source("UploadApi.Dispatch.g.cs"));
    }

    [Fact]
    public void Void_router_without_exchange_bindings_keeps_dispatch_and_gains_an_endpoint()
    {
        var result = Generate("""
            using HyperRoute;

            [Router]
            public static partial class PingApi
            {
                [Route("GET /ping")]
                public static void Ping()
                {
                }
            }
            """);

        Snapshot.Match(result.Source("PingApi.Dispatch.g.cs"));
    }

    [Fact]
    public void Http_result_router_writes_the_results_of_the_handlers_that_return_one()
    {
        var result = Generate("""
            using System;
            using HyperRoute;
            using HyperRoute.Http;

            public readonly struct Text(string value) : IHttpResult
            {
                public void WriteTo(HttpResponse response) => response.Text(System.Text.Encoding.UTF8.GetBytes(value));
            }

            [Router]
            public static partial class TextApi
            {
                [Route("GET /hello/{name}")]
                public static Text Hello(string name) => new("hello " + name);

                [Route("GET /agent")]
                public static Text Agent([Header("User-Agent")] string? agent) => new(agent ?? "none");

                [Route("DELETE /cache")]
                public static void ClearCache(HttpResponse response) => response.StatusCode = 204;
            }
            """);

        Snapshot.Match(result.Source("TextApi.Dispatch.g.cs"));
    }

    [Fact]
    public void Instance_router_endpoint_takes_the_router_and_calls_its_instance_handlers()
    {
        var result = Generate("""
            using System;
            using HyperRoute;
            using HyperRoute.Http;

            [Router]
            public partial class CounterApi
            {
                public int Hits { get; private set; }

                [Route("POST /hit")]
                public void Hit([Header("X-By")] int by = 1) => Hits += by;

                [Route("GET /hits")]
                public void Get(HttpResponse response) => response.Text("hits"u8);
            }
            """);

        Snapshot.Match(result.Source("CounterApi.Dispatch.g.cs"));
    }

    [Fact]
    public void Router_whose_result_is_not_an_http_result_gets_no_endpoint()
    {
        var result = Generate("""
            using HyperRoute;

            [Router]
            public static partial class Numbers
            {
                [Route("GET /one")]
                public static int One() => 1;
            }
            """);

        Assert.DoesNotContain("HttpEndpoint", SingleSource(result));
    }
}
