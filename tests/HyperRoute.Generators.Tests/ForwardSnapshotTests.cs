extern alias generator;

using HyperRoute.Testing;
using Xunit;

using ForwardGenerator = generator::HyperRoute.Generators.ForwardGenerator;

namespace HyperRoute.Generators.Tests;

/// <summary>
/// The body the generator writes for a <c>[Forward]</c> handler. Each run also proves the output compiles without
/// warnings and that a second run, and one after an unrelated edit, is fully cached.
/// </summary>
public sealed class ForwardSnapshotTests : GeneratorTestBase<ForwardGenerator>
{
    private const string Usings = """
        using System.Threading.Tasks;
        using HyperRoute;
        using HyperRoute.Http;
        using HyperRoute.Http.Proxy;

        namespace Shop;

        """;

    [Fact]
    public void A_forward_without_a_rewrite_passes_the_request_on()
    {
        var result = Generate(Usings + """
            [Router]
            public static partial class Gateway
            {
                public static readonly BackendGroup Backends = null!;

                [Route("POST /orders")]
                [Forward(nameof(Backends))]
                public static partial ValueTask Orders(HttpExchange exchange);
            }
            """);

        Snapshot.Match(result.Source("Shop.Gateway.Orders.Forward.g.cs"));
    }

    [Fact]
    public void A_catch_all_rewrite_under_a_router_prefix_counts_the_prefix_segments()
    {
        var result = Generate(Usings + """
            [Router(Prefix = "/gateway")]
            public static partial class Gateway
            {
                public static BackendGroup Backends { get; } = null!;

                [Route("GET /api/{*rest}")]
                [Forward(nameof(Backends), Path = "/{rest}")]
                internal static partial ValueTask Api(HttpExchange exchange);
            }
            """);

        Snapshot.Match(result.Source("Shop.Gateway.Api.Forward.g.cs"));
    }

    [Fact]
    public void An_instance_handler_hashes_on_a_route_value_and_rewrites_several()
    {
        var result = Generate(Usings + """
            [Router]
            public partial class Gateway
            {
                private readonly BackendGroup _shards = null!;

                [Route("GET /tenants/{tenant}/items/{id:int}")]
                [Forward(nameof(_shards), Path = "/v2/{tenant}/items/{id}", Key = "tenant")]
                public partial ValueTask Item(HttpExchange @event);

                [Route("GET /tenants/{tenant}")]
                [Forward(nameof(_shards), Key = "tenant")]
                public partial ValueTask Tenant(HttpExchange exchange);
            }
            """);

        Snapshot.Match(new[] { result.Source("Shop.Gateway.Item.Forward.g.cs"), result.Source("Shop.Gateway.Tenant.Forward.g.cs") });
    }
}
