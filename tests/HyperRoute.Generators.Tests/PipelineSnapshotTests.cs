extern alias generator;

using HyperRoute.Testing;
using Xunit;

using RouterGenerator = generator::HyperRoute.Generators.RouterGenerator;

namespace HyperRoute.Generators.Tests;

/// <summary>Validators, transforms and typed JSON bodies, compiled into the dispatcher as direct static calls.</summary>
public sealed class PipelineSnapshotTests : GeneratorTestBase<RouterGenerator>
{
    // The JSON context is written by hand: these tests run HyperRoute's generator alone, without System.Text.Json's,
    // which would otherwise add Default. Only the generated code's compilation is checked here; the behaviour tests
    // (tests/HyperRoute.Tests) build with the real System.Text.Json generator.
    private const string Steps = """
        using System;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using System.Text.Json.Serialization.Metadata;
        using HyperRoute;
        using HyperRoute.Http;

        namespace Shop;

        public sealed record Order(string Sku, int Quantity);

        [JsonSerializable(typeof(Order))]
        public sealed class ShopJson : JsonSerializerContext
        {
            public ShopJson() : base(null) { }
            public static ShopJson Default { get; } = new();
            protected override JsonSerializerOptions? GeneratedSerializerOptions => null;
            public override JsonTypeInfo? GetTypeInfo(Type type) => null;
        }

        [Validator]
        public partial struct ApiKeyRequired : IRequestValidator
        {
            public static ValidationResult Validate(HttpRequest request) => ValidationResult.Ok;
        }

        [Validator]
        public partial struct TenantOpen : IRequestValidator
        {
            public static ValidationResult Validate(HttpRequest request) => ValidationResult.Ok;
        }

        [Validator]
        public partial struct PositiveId : IValidator<int>
        {
            public static ValidationResult Validate(in int value) => value > 0 ? ValidationResult.Ok : ValidationResult.Fail("must be positive"u8);
        }

        [Validator]
        public partial struct NotEmpty : IValidator<ReadOnlySpan<byte>>
        {
            public static ValidationResult Validate(in ReadOnlySpan<byte> value) => value.IsEmpty ? ValidationResult.Fail("must not be empty"u8) : ValidationResult.Ok;
        }

        [Validator]
        public partial struct QuantityInRange : IValidator<Order>
        {
            public static ValidationResult Validate(in Order value) => value.Quantity is > 0 and <= 100 ? ValidationResult.Ok : ValidationResult.Fail("quantity"u8, "must be 1 to 100"u8);
        }

        [Transform]
        public partial struct Clamp : ITransform<int>
        {
            public static void Transform(ref int value) => value = Math.Min(value, 1000);
        }

        [Transform]
        public partial struct Trim : ITransform<ReadOnlySpan<byte>>
        {
            public static void Transform(ref ReadOnlySpan<byte> value) => value = value.Trim((byte)' ');
        }

        [Transform]
        public partial struct ServerHeader : IResponseTransform
        {
            public static void Transform(HttpRequest request, HttpResponse response) => response.SetHeader("X-Served-By"u8, "shop"u8);
        }

        [Transform]
        public partial struct NoStore : IResponseTransform
        {
            public static void Transform(HttpRequest request, HttpResponse response) => response.SetHeader("Cache-Control"u8, "no-store"u8);
        }

        """;

    [Fact]
    public void Steps_at_every_position_run_in_order_as_direct_static_calls()
    {
        var result = Generate(Steps + """
            [Router(Json = typeof(ShopJson))]
            [Validate<ApiKeyRequired>]
            [Transform<ServerHeader>]
            public static partial class OrderApi
            {
                [Route("POST /orders/{id:int}")]
                [Validate<TenantOpen>]
                [Transform<NoStore>]
                public static void PutOrder(
                    [Validate<PositiveId>, Transform<Clamp>] int id,
                    [Body(MaxLength = 4096), Validate<QuantityInRange>] Order order,
                    [Header("X-Note"), Transform<Trim>, Validate<NotEmpty>] ReadOnlySpan<byte> note,
                    HttpResponse response)
                    => response.StatusCode = 204;

                [Route("GET /health")]
                public static void Health()
                {
                }
            }
            """);

        Snapshot.Match(result.Source("Shop.OrderApi.Dispatch.g.cs"));
    }

    [Fact]
    public void Http_result_routes_with_response_transforms_write_their_result_before_the_transforms()
    {
        var result = Generate(Steps + """
            public readonly record struct Text(string Value) : IHttpResult
            {
                public void WriteTo(HttpResponse response) => response.Text(System.Text.Encoding.UTF8.GetBytes(Value));
            }

            [Router]
            public static partial class TextApi
            {
                [Route("GET /plain")]
                public static Text Plain() => new("plain");

                [Route("GET /private")]
                [Transform<NoStore>]
                public static Text Private() => new("private");

                [Route("POST /raw")]
                public static void Raw([Body, Validate<NotEmpty>] ReadOnlySpan<byte> body, HttpResponse response) => response.Write(body);
            }
            """);

        Snapshot.Match(result.Source("Shop.TextApi.Dispatch.g.cs"));
    }
}
