extern alias generator;

using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using HyperRoute.Analyzers;
using HyperRoute.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

using RouterGenerator = generator::HyperRoute.Generators.RouterGenerator;

namespace HyperRoute.Generators.Tests.Analyzers;

/// <summary>HR2001–HR2005: validators, transforms and typed bodies the generator cannot compile, reported where they are written.</summary>
public sealed class StepAnalyzerTests
{
    private const string Types = """
        using System;
        using System.Text.Json.Serialization;
        using HyperRoute;
        using HyperRoute.Http;

        [Validator]
        public partial struct PositiveId : IValidator<int>
        {
            public static ValidationResult Validate(in int value) => ValidationResult.Ok;
        }

        [Validator]
        public partial struct ApiKey : IRequestValidator
        {
            public static ValidationResult Validate(HttpRequest request) => ValidationResult.Ok;
        }

        [Transform]
        public partial struct Clamp : ITransform<int>
        {
            public static void Transform(ref int value) { }
        }

        [Transform]
        public partial struct NoStore : IResponseTransform
        {
            public static void Transform(HttpRequest request, HttpResponse response) { }
        }

        public sealed record Order(string Sku);

        [Validator]
        public partial struct NotBlank : IValidator<string>
        {
            public static ValidationResult Validate(in string value) => ValidationResult.Ok;
        }

        [Validator]
        public partial struct NotBlankIfPresent : IValidator<string?>
        {
            public static ValidationResult Validate(in string? value) => ValidationResult.Ok;
        }

        """;

    private static Task Verify<TAnalyzer>(string markup)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => CSharpAnalyzerVerifier<TAnalyzer>.VerifyAnalyzerAsync(Types + markup);

    [Fact]
    public async Task Steps_that_fit_their_positions_report_nothing()
    {
        await Verify<StepAnalyzer>("""
            [Router]
            [Validate<ApiKey>, Transform<NoStore>]
            public static partial class Api
            {
                [Route("GET /users/{id:int}")]
                [Validate<ApiKey>, Transform<NoStore>]
                public static void Get([Validate<PositiveId>, Transform<Clamp>] int id) { }
            }
            """);
    }

    [Fact]
    public async Task A_type_argument_without_the_marker_is_reported_on_the_type_argument()
    {
        await Verify<StepAnalyzer>("""
            public partial struct Unmarked : IValidator<int>
            {
                public static ValidationResult Validate(in int value) => ValidationResult.Ok;
            }

            [Router]
            public static partial class Api
            {
                [Route("GET /users/{id:int}")]
                public static void Get([Validate<{|HR2001:Unmarked|}>] int id) { }
            }
            """);
    }

    [Fact]
    public async Task A_validator_that_is_not_partial_is_reported_on_the_type_argument()
    {
        await Verify<StepAnalyzer>("""
            [Transform]
            public struct Sealed : IResponseTransform
            {
                public static void Transform(HttpRequest request, HttpResponse response) { }
            }

            [Router]
            [Transform<{|HR2001:Sealed|}>]
            public static partial class Api
            {
                [Route("GET /ping")]
                public static void Ping() { }
            }
            """);
    }

    [Fact]
    public async Task A_validator_of_another_type_or_position_is_reported_on_the_type_argument()
    {
        await Verify<StepAnalyzer>("""
            [Router]
            [Validate<{|HR2002:PositiveId|}>]
            public static partial class Api
            {
                [Route("GET /users/{id:long}")]
                public static void Get([Validate<{|HR2002:PositiveId|}>] long id, [Validate<{|HR2002:ApiKey|}>] int page = 1) { }
            }
            """);
    }

    [Fact]
    public async Task A_nullable_parameter_needs_a_validator_of_the_nullable_type()
    {
        await Verify<StepAnalyzer>("""
            #nullable enable
            [Router]
            public static partial class Api
            {
                [Route("GET /search")]
                public static void Search([Validate<{|HR2002:NotBlank|}>] string? q = null, [Validate<NotBlankIfPresent>] string? tag = null, [Validate<NotBlank>] string sort = "name") { }
            }
            """);
    }

    [Fact]
    public async Task A_transform_of_another_type_or_position_is_reported_on_the_type_argument()
    {
        await Verify<StepAnalyzer>("""
            [Router]
            public static partial class Api
            {
                [Route("GET /users/{id:int}")]
                [Transform<{|HR2003:Clamp|}>]
                public static void Get([Transform<{|HR2003:NoStore|}>] int id) { }
            }
            """);
    }

    [Fact]
    public async Task A_validator_or_transform_without_an_interface_is_reported_on_its_marker()
    {
        await Verify<StepAnalyzer>("""
            [{|HR2004:Validator|}]
            public partial struct Nothing
            {
            }

            [{|HR2004:Transform|}]
            public partial struct Nothing2
            {
            }
            """);
    }

    [Fact]
    public async Task A_typed_body_without_a_json_context_is_reported_on_the_body_attribute()
    {
        await Verify<RouteAnalyzer>("""
            [Router]
            public static partial class Api
            {
                [Route("POST /orders")]
                public static void Create([{|HR2005:Body|}] Order order) { }
            }
            """);
    }

    [Fact]
    public async Task A_json_context_that_is_not_one_or_does_not_list_the_body_is_reported()
    {
        await Verify<RouteAnalyzer>("""
            [JsonSerializable(typeof(string))]
            public partial class OtherJson : JsonSerializerContext
            {
                public OtherJson() : base(null) { }
                protected override System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions => null;
                public override System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(Type type) => null;
            }

            [Router(Json = typeof(OtherJson))]
            public static partial class Api
            {
                [Route("POST /orders")]
                public static void Create([{|HR2005:Body|}] Order order) { }
            }

            [Router(Json = typeof(string))]
            public static partial class Api2
            {
                [Route("POST /orders")]
                public static void Create([{|HR2005:Body|}] Order order) { }
            }
            """);
    }

    [Fact]
    public async System.Threading.Tasks.Task The_generator_skips_exactly_the_routes_reported()
    {
        var source = Types + """
            [JsonSerializable(typeof(Order))]
            public partial class ShopJson : JsonSerializerContext
            {
                public ShopJson() : base(null) { }
                public static ShopJson Default { get; } = new();
                protected override System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions => null;
                public override System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(Type type) => null;
            }

            [Router(Json = typeof(ShopJson))]
            public static partial class Api
            {
                [Route("GET /a/{id:long}")]
                public static void WrongValidator([Validate<PositiveId>] long id) { }

                [Route("GET /b/{id:int}")]
                public static void WrongTransform([Transform<NoStore>] int id) { }

                [Route("GET /c")]
                [Validate<PositiveId>]
                public static void WrongPosition() { }

                [Route("POST /d")]
                public static void UnlistedBody([Body] string note) { }

                [Route("POST /ok/{id:int}")]
                [Validate<ApiKey>]
                public static void Fine([Validate<PositiveId>] int id, [Body] Order order) { }
            }
            """;
        var compilation = CompilationFactory.Create(source);

        var generated = GeneratorHarness.Run(new RouterGenerator(), compilation);
        GeneratorHarness.AssertCompilesCleanly(generated);
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RouteAnalyzer(), new StepAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();

        var text = generated.Sources.Single().Source;
        Assert.Equal(new[] { "HR2002", "HR2002", "HR2003", "HR2005" }, diagnostics.Select(d => d.Id).OrderBy(id => id, System.StringComparer.Ordinal));
        Assert.Contains("Not compiled: <c>GET /a/{id:long}</c> on WrongValidator", text);
        Assert.Contains("Not compiled: <c>GET /b/{id:int}</c> on WrongTransform", text);
        Assert.Contains("Not compiled: <c>GET /c</c> on WrongPosition", text);
        Assert.Contains("Not compiled: <c>POST /d</c> on UnlistedBody", text);
        Assert.Contains("Fine(idArg, orderArg);", text);
    }
}
