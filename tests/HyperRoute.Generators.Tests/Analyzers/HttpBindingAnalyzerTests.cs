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

/// <summary>HR0009–HR0012: [Header], [Body] and exchange parameters the binder rejects, reported where they are written.</summary>
public sealed class HttpBindingAnalyzerTests
{
    private static Task Verify(string markup) => CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(markup);

    [Fact]
    public async Task Header_body_and_exchange_bindings_that_fit_report_nothing()
    {
        await Verify("""
            using System;
            using HyperRoute;
            using HyperRoute.Http;

            [Router]
            public static partial class Api
            {
                [Route("GET /tenants/{id:int}")]
                public static void Get(int id, [Header("X-Tenant")] ReadOnlySpan<byte> tenant, [Header("X-Count")] int? count, [Header("X-Id")] Guid requestId, [Header("X-Name")] string name = "", [Header("X-Flag")] bool flag = false, HttpResponse response = null!)
                {
                }

                [Route("POST /upload")]
                public static void Upload([Body] ReadOnlySpan<byte> body, HttpExchange exchange, HttpRequest request, [Header("Content-Type")] ReadOnlySpan<byte> type = default)
                {
                }
            }
            """);
    }

    [Fact]
    public async Task Header_on_a_type_a_header_cannot_bind_to_is_reported_on_the_parameter()
    {
        await Verify("""
            using System;
            using HyperRoute;

            [Router]
            public static partial class Api
            {
                [Route("GET /report")]
                public static void Report([Header("If-Modified-Since")] DateTime {|HR0009:since|}) { }
            }
            """);
    }

    [Fact]
    public async Task Header_on_an_exchange_parameter_is_reported()
    {
        await Verify("""
            using HyperRoute;
            using HyperRoute.Http;

            [Router]
            public static partial class Api
            {
                [Route("GET /report")]
                public static void Report([Header("X-Request")] HttpRequest {|HR0009:request|}) { }
            }
            """);
    }

    [Theory]
    [InlineData("X Tenant")]
    [InlineData("X-Tenant:")]
    [InlineData("")]
    [InlineData("Ténant")]
    public async Task Header_name_that_is_not_a_token_is_reported_on_the_name(string name)
    {
        await Verify($$"""
            using System;
            using HyperRoute;

            [Router]
            public static partial class Api
            {
                [Route("GET /items")]
                public static void Items([Header({|HR0010:"{{name}}"|})] ReadOnlySpan<byte> tenant) { }
            }
            """);
    }

    [Fact]
    public async Task Body_on_the_exchange_or_a_ref_struct_is_reported_on_the_parameter()
    {
        await Verify("""
            using System;
            using HyperRoute;
            using HyperRoute.Http;

            [Router]
            public static partial class Api
            {
                [Route("POST /notes")]
                public static void Create([Body] HttpRequest {|HR0011:request|}) { }

                [Route("POST /bytes")]
                public static void Bytes([Body] Span<byte> {|HR0011:bytes|}) { }
            }
            """);
    }

    [Fact]
    public async Task A_second_body_parameter_is_reported_on_the_second()
    {
        await Verify("""
            using System;
            using HyperRoute;

            [Router]
            public static partial class Api
            {
                [Route("POST /pairs")]
                public static void Pair([Body] ReadOnlySpan<byte> a, [Body] ReadOnlySpan<byte> {|HR0011:b|}) { }
            }
            """);
    }

    [Fact]
    public async Task Body_and_header_on_one_parameter_is_reported()
    {
        await Verify("""
            using System;
            using HyperRoute;

            [Router]
            public static partial class Api
            {
                [Route("POST /both")]
                public static void Both([Body, Header("X-A")] ReadOnlySpan<byte> {|HR0011:a|}) { }
            }
            """);
    }

    [Fact]
    public async Task Header_parameter_also_named_in_the_template_is_reported_on_the_parameter()
    {
        await Verify("""
            using System;
            using HyperRoute;

            [Router]
            public static partial class Api
            {
                [Route("GET /tenants/{tenant}")]
                public static void Get([Header("X-Tenant")] ReadOnlySpan<byte> {|HR0012:tenant|}) { }
            }
            """);
    }

    [Fact]
    public async Task Body_parameter_also_named_in_the_template_is_reported_on_the_parameter()
    {
        await Verify("""
            using System;
            using HyperRoute;

            [Router]
            public static partial class Api
            {
                [Route("PUT /files/{*content}")]
                public static void Put([Body] ReadOnlySpan<byte> {|HR0012:content|}) { }
            }
            """);
    }

    [Fact]
    public async Task Exchange_binding_in_a_router_whose_result_is_not_an_http_result_is_reported_on_the_handler()
    {
        await Verify("""
            using System;
            using HyperRoute;

            [Router]
            public static partial class Api
            {
                [Route("GET /health")]
                public static int Health() => 200;

                [Route("GET /me")]
                public static int {|HR0013:Me|}([Header("X-User")] ReadOnlySpan<byte> user) => 200;
            }
            """);
    }

    [Fact]
    public async Task Exchange_binding_in_a_router_of_http_results_reports_nothing()
    {
        await Verify("""
            using System;
            using HyperRoute;
            using HyperRoute.Http;

            public sealed class Ok : IHttpResult
            {
                public void WriteTo(HttpResponse response) => response.StatusCode = 200;
            }

            [Router]
            public static partial class Api
            {
                [Route("GET /me")]
                public static Ok Me([Header("X-User")] ReadOnlySpan<byte> user) => new();

                [Route("POST /ping")]
                public static void Ping(HttpResponse response) { }
            }
            """);
    }

    [Fact]
    public async System.Threading.Tasks.Task The_generator_skips_exactly_the_routes_reported()
    {
        var source = """
            using System;
            using HyperRoute;
            using HyperRoute.Http;

            [Router]
            public static partial class Api
            {
                [Route("GET /a")]
                public static void HeaderType([Header("X-A")] DateTime a) { }

                [Route("GET /b")]
                public static void HeaderName([Header("X:B")] ReadOnlySpan<byte> b) { }

                [Route("POST /c")]
                public static void BodyType([Body] Span<byte> c) { }

                [Route("GET /d/{d}")]
                public static void NamedInTemplate([Header("X-D")] ReadOnlySpan<byte> d) { }

                [Route("GET /ok")]
                public static void Fine([Header("X-A")] int a, [Body] ReadOnlySpan<byte> body, HttpResponse response) { }
            }
            """;
        var compilation = CompilationFactory.Create(source);

        var generated = GeneratorHarness.Run(new RouterGenerator(), compilation);
        GeneratorHarness.AssertCompilesCleanly(generated);
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RouteAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();

        var text = generated.Sources.Single().Source;
        Assert.Equal(new[] { "HR0009", "HR0010", "HR0011", "HR0012" }, diagnostics.Select(d => d.Id).OrderBy(id => id, System.StringComparer.Ordinal));
        Assert.Contains("Not compiled: <c>GET /a</c> on HeaderType", text);
        Assert.Contains("Not compiled: <c>GET /b</c> on HeaderName", text);
        Assert.Contains("Not compiled: <c>POST /c</c> on BodyType", text);
        Assert.Contains("Not compiled: <c>GET /d/{d}</c> on NamedInTemplate", text);
        Assert.Contains("Fine(aArg, exchange.Request.Body, exchange.Response);", text);
    }
}
