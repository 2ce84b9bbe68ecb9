using System.Threading.Tasks;
using HyperRoute.Analyzers;
using HyperRoute.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace HyperRoute.Generators.Tests.Analyzers;

/// <summary>
/// HR0030 (a <c>[Forward]</c> handler the generator cannot complete, on its name), HR0031 (a group that is no readable
/// <c>BackendGroup</c> of the router, on the argument), HR0032 (a bad rewrite path, on <c>Path = …</c>) and HR0033 (a key
/// that names no route value, on <c>Key = …</c>), and nothing for a handler that forwards.
/// </summary>
public sealed class ForwardAnalyzerTests
{
    private const string Usings = """
        using System.Threading.Tasks;
        using HyperRoute;
        using HyperRoute.Http;
        using HyperRoute.Http.Proxy;

        """;

    // The generator writes no body for a handler with a problem, so the compiler reports the missing implementation too.
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult NoImplementation(int location)
        => Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerError("CS8795").WithLocation(location);

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Expect(string id, int location, string message)
        => CSharpAnalyzerVerifier<ForwardAnalyzer>.Diagnostic(id).WithLocation(location).WithSeverity(DiagnosticSeverity.Error).WithArguments(message);

    [Fact]
    public Task A_well_formed_forward_has_no_diagnostic()
        => CSharpAnalyzerVerifier<ForwardAnalyzer>.VerifyAnalyzerAsync(Usings + """
            [Router]
            public static partial class Gateway
            {
                public static BackendGroup Backends = null!;

                [Route("GET /api/{*rest}")]
                [Forward(nameof(Backends), Path = "/{rest}")]
                public static partial ValueTask Api(HttpExchange exchange);
            }

            public static partial class Gateway
            {
                [System.CodeDom.Compiler.GeneratedCode("HyperRoute.Generators", "0.1.0")]
                public static partial ValueTask Api(HttpExchange exchange) => default;
            }
            """);

    [Fact]
    public Task A_forward_that_is_not_partial_is_HR0030()
        => CSharpAnalyzerVerifier<ForwardAnalyzer>.VerifyAnalyzerAsync(
            Usings + """
            [Router]
            public static partial class Gateway
            {
                public static BackendGroup Backends = null!;

                [Route("GET /api")]
                [Forward(nameof(Backends))]
                public static ValueTask {|#0:Api|}(HttpExchange exchange) => default;
            }
            """,
            Expect("HR0030", 0, "'Api' has [Forward], so the generator writes its body, but it is not a partial method: declare it 'public static partial ValueTask Name(HttpExchange exchange);' (static or instance, any accessibility)"));

    [Fact]
    public Task A_forward_that_takes_other_parameters_is_HR0030()
        => CSharpAnalyzerVerifier<ForwardAnalyzer>.VerifyAnalyzerAsync(
            Usings + """
            [Router]
            public static partial class Gateway
            {
                public static BackendGroup Backends = null!;

                [Route("GET /api/{id:int}")]
                [Forward(nameof(Backends))]
                public static partial ValueTask {|#0:Api|}(HttpExchange exchange, int id);
            }
            """,
            NoImplementation(0),
            Expect("HR0030", 0, "The [Forward] handler 'Api' is not 'public static partial ValueTask Name(HttpExchange exchange);' (static or instance, any accessibility): it returns the forward's task and forwards the exchange it serves"));

    [Fact]
    public Task A_forward_without_a_route_is_HR0030()
        => CSharpAnalyzerVerifier<ForwardAnalyzer>.VerifyAnalyzerAsync(
            Usings + """
            [Router]
            public static partial class Gateway
            {
                public static BackendGroup Backends = null!;

                [Forward(nameof(Backends))]
                public static partial ValueTask {|#0:Api|}(HttpExchange exchange);
            }
            """,
            NoImplementation(0),
            Expect("HR0030", 0, "'Api' has [Forward] but no [Route]: add the route it serves, such as [Route(\"GET /api/{*rest}\")]"));

    [Fact]
    public Task A_group_of_the_wrong_type_is_HR0031()
        => CSharpAnalyzerVerifier<ForwardAnalyzer>.VerifyAnalyzerAsync(
            Usings + """
            [Router]
            public static partial class Gateway
            {
                public static string Backends = "";

                [Route("GET /api")]
                [Forward({|#0:nameof(Backends)|})]
                public static partial ValueTask {|#1:Api|}(HttpExchange exchange);
            }
            """,
            Expect("HR0031", 0, "'Backends' is a string, not a BackendGroup: declare the backends as a BackendGroup field or property of the router and name it with nameof"),
            NoImplementation(1));

    [Fact]
    public Task An_instance_group_for_a_static_handler_is_HR0031()
        => CSharpAnalyzerVerifier<ForwardAnalyzer>.VerifyAnalyzerAsync(
            Usings + """
            [Router]
            public partial class Gateway
            {
                public BackendGroup Backends = null!;

                [Route("GET /api")]
                [Forward({|#0:nameof(Backends)|})]
                public static partial ValueTask {|#1:Api|}(HttpExchange exchange);
            }
            """,
            Expect("HR0031", 0, "'Backends' is an instance member and the handler 'Api' is static: declare the backends as a BackendGroup field or property of the router and name it with nameof"),
            NoImplementation(1));

    [Fact]
    public Task A_rewrite_naming_an_unknown_value_is_HR0032()
        => CSharpAnalyzerVerifier<ForwardAnalyzer>.VerifyAnalyzerAsync(
            Usings + """
            [Router]
            public static partial class Gateway
            {
                public static BackendGroup Backends = null!;

                [Route("GET /api/{*rest}")]
                [Forward(nameof(Backends), {|#0:Path = "/v2/{path}"|})]
                public static partial ValueTask {|#1:Api|}(HttpExchange exchange);
            }
            """,
            Expect("HR0032", 0, "The rewrite path \"/v2/{path}\" of 'Api' names '{path}', which is no value of the route 'GET /api/{*rest}': name one of its parameters, such as 'rest'"),
            NoImplementation(1));

    [Fact]
    public Task A_rewrite_that_is_not_a_path_is_HR0032()
        => CSharpAnalyzerVerifier<ForwardAnalyzer>.VerifyAnalyzerAsync(
            Usings + """
            [Router]
            public static partial class Gateway
            {
                public static BackendGroup Backends = null!;

                [Route("GET /api/{*rest}")]
                [Forward(nameof(Backends), {|#0:Path = "v2/{rest}"|})]
                public static partial ValueTask {|#1:Api|}(HttpExchange exchange);
            }
            """,
            Expect("HR0032", 0, "The rewrite path \"v2/{rest}\" of 'Api' must start with '/'"),
            NoImplementation(1));

    [Fact]
    public Task A_key_naming_no_route_value_is_HR0033()
        => CSharpAnalyzerVerifier<ForwardAnalyzer>.VerifyAnalyzerAsync(
            Usings + """
            [Router]
            public static partial class Gateway
            {
                public static BackendGroup Backends = null!;

                [Route("GET /tenants/{tenant}")]
                [Forward(nameof(Backends), {|#0:Key = "user"|})]
                public static partial ValueTask {|#1:Api|}(HttpExchange exchange);
            }
            """,
            Expect("HR0033", 0, "The key \"user\" of 'Api' names no value of the route 'GET /tenants/{tenant}': name one of its parameters, such as 'tenant'"),
            NoImplementation(1));
}
