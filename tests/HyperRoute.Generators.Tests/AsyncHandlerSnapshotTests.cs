extern alias generator;

using HyperRoute.Testing;
using Xunit;

using RouterGenerator = generator::HyperRoute.Generators.RouterGenerator;

namespace HyperRoute.Generators.Tests;

/// <summary>
/// Asynchronous handlers: a completed handler is served in place as a synchronous one is; a pending one's work is handed
/// to the exchange (or, without an exchange, back to <c>DispatchAsync</c> and <c>Serve</c>) with what must follow it.
/// </summary>
public sealed class AsyncHandlerSnapshotTests : GeneratorTestBase<RouterGenerator>
{
    private const string Types = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using HyperRoute;
        using HyperRoute.Http;

        namespace Shop;

        public readonly record struct Text(string Value) : IHttpResult
        {
            public void WriteTo(HttpResponse response) => response.Text(System.Text.Encoding.UTF8.GetBytes(Value));
        }

        [Transform]
        public partial struct NoStore : IResponseTransform
        {
            public static void Transform(HttpRequest request, HttpResponse response) => response.SetHeader("Cache-Control"u8, "no-store"u8);
        }

        """;

    [Fact]
    public void Async_handlers_mixed_with_synchronous_ones_complete_in_place_or_suspend_on_the_exchange()
    {
        var result = Generate(Types + """
            [Router]
            [HandlerTimeout(30_000)]
            public static partial class OrderApi
            {
                [Route("GET /health")]
                public static Text Health() => new("ok");

                [Route("GET /orders/{id:int}")]
                [HandlerTimeout(500)]
                public static async ValueTask<Text> GetOrder(int id, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    return new Text("order");
                }

                [Route("PUT /orders/{id:int}")]
                public static async ValueTask PutOrder(int id, [Header("X-Tenant")] ReadOnlyMemory<byte> tenant, [Body] ReadOnlyMemory<byte> body, HttpResponse response)
                {
                    await Task.Yield();
                    response.StatusCode = 204;
                }

                [Route("DELETE /orders/{id:int}")]
                [HandlerTimeout(HandlerTimeoutAttribute.Infinite)]
                public static Task DeleteOrder(int id) => Task.CompletedTask;

                [Route("GET /orders/{id:int}/receipt")]
                [Transform<NoStore>]
                public static Task<Text> Receipt(int id) => Task.FromResult(new Text("receipt"));

                [Route("GET /orders/{id:int}/status")]
                [Transform<NoStore>]
                public static ValueTask Status(int id, HttpResponse response) => default;
            }
            """);

        Snapshot.Match(result.Source("Shop.OrderApi.Dispatch.g.cs"));
    }

    [Fact]
    public void Async_router_without_exchange_bindings_keeps_dispatch_and_gains_dispatch_async()
    {
        var result = Generate(Types + """
            [Router]
            public static partial class PingApi
            {
                [Route("GET /ping")]
                public static Text Ping() => new("pong");

                [Route("GET /slow/{ms:int}")]
                [HandlerTimeout(2_000)]
                public static async ValueTask<Text> Slow(int ms, CancellationToken cancellationToken)
                {
                    await Task.Delay(ms, cancellationToken);
                    return new Text("slow");
                }

                [Route("POST /fire")]
                public static ValueTask Fire(string? note) => default;
            }
            """);

        Snapshot.Match(result.Source("Shop.PingApi.Dispatch.g.cs"));
    }
}
