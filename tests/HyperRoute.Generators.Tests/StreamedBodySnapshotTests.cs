extern alias generator;

using HyperRoute.Testing;
using Xunit;

using RouterGenerator = generator::HyperRoute.Generators.RouterGenerator;

namespace HyperRoute.Generators.Tests;

/// <summary>
/// A router's own <c>StreamsRequestBody</c> hook, which its <c>HttpEndpoint</c> implements
/// <c>IHttpEndpoint.StreamsRequestBody</c> with: the routes it names read their bodies as streams.
/// </summary>
public sealed class StreamedBodySnapshotTests : GeneratorTestBase<RouterGenerator>
{
    [Fact]
    public void A_router_that_declares_StreamsRequestBody_has_its_endpoint_ask_it()
    {
        var result = Generate("""
            using System;
            using System.Threading.Tasks;
            using HyperRoute;
            using HyperRoute.Http;
            using HyperRoute.Http.Proxy;

            namespace Shop;

            [Router]
            public static partial class UploadGateway
            {
                public static readonly BackendGroup Backends = null!;

                private static bool StreamsRequestBody(HttpRequest request) => request.Path.StartsWith("/files/"u8);

                [Route("PUT /files/upload")]
                public static ValueTask Upload(HttpExchange exchange) => exchange.ForwardAsync(Backends);

                [Route("POST /notes")]
                public static string Note([Body] ReadOnlySpan<byte> body) => body.IsEmpty ? "empty" : "noted";
            }
            """);

        Snapshot.Match(result.Source("Shop.UploadGateway.Dispatch.g.cs"));
    }

    [Fact]
    public void A_StreamsRequestBody_of_another_shape_is_not_the_hook()
    {
        var result = Generate("""
            using HyperRoute;
            using HyperRoute.Http;

            namespace Shop;

            [Router]
            public partial class Notes
            {
                public bool StreamsRequestBody(HttpRequest request) => true;

                [Route("POST /notes")]
                public static string Note() => "ok";
            }
            """);

        Assert.DoesNotContain("StreamsRequestBody", result.Source("Shop.Notes.Dispatch.g.cs").Source);
    }
}
