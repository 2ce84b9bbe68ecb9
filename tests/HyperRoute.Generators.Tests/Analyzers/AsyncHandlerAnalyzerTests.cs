using System.Threading.Tasks;
using HyperRoute.Analyzers;
using HyperRoute.Analyzers.HotPath;
using HyperRoute.Testing;
using Xunit;

using MemoryFix = HyperRoute.Testing.CSharpCodeFixVerifier<HyperRoute.Analyzers.RouteAnalyzer, HyperRoute.Analyzers.CodeFixes.SpanToMemoryCodeFix>;
using ValueTaskFix = HyperRoute.Testing.CSharpCodeFixVerifier<HyperRoute.Analyzers.RouteAnalyzer, HyperRoute.Analyzers.CodeFixes.AsyncVoidHandlerCodeFix>;

namespace HyperRoute.Generators.Tests.Analyzers;

/// <summary>
/// HR0015–HR0017 and HR1014: the rules of asynchronous handlers, from the generator's own reading of the router; and the
/// hot-path rules, which hold nothing against a correct async handler.
/// </summary>
public sealed class AsyncHandlerAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using HyperRoute;
        using HyperRoute.Http;

        public readonly record struct Text(string Value) : IHttpResult
        {
            public void WriteTo(HttpResponse response) => response.StatusCode = 200;
        }

        public static class Store
        {
            public static ValueTask<int> CountAsync(int id, CancellationToken cancellationToken) => new(id);
        }

        """;

    private const string CleanRouter = Usings + """
        [Router]
        [HandlerTimeout(5_000)]
        public static partial class Api
        {
            [Route("GET /health")]
            public static Text Health() => new("ok");

            [Route("GET /orders/{id:int}")]
            [HandlerTimeout(500)]
            public static async ValueTask<Text> GetOrder(int id, CancellationToken cancellationToken)
            {
                var count = await Store.CountAsync(id, cancellationToken).ConfigureAwait(false);
                return new Text(count > 0 ? "order" : "none");
            }

            [Route("PUT /orders/{id:int}")]
            public static async ValueTask PutOrder(int id, [Header("X-Tenant")] ReadOnlyMemory<byte> tenant, [Body] ReadOnlyMemory<byte> body, HttpResponse response)
            {
                await Task.Yield();
                response.StatusCode = body.Length > 0 && !tenant.IsEmpty ? 204 : 400;
            }

            [Route("DELETE /orders/{id:int}")]
            public static ValueTask DeleteOrder(int id, CancellationToken cancellationToken) => default;
        }
        """;

    [Fact]
    public Task Correct_async_value_task_handlers_report_no_route_diagnostic()
        => CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(CleanRouter);

    [Fact]
    public Task Correct_async_value_task_handlers_report_no_hot_path_allocation()
        => CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync(CleanRouter);

    [Fact]
    public Task A_span_on_an_async_handler_is_reported_on_the_parameter_with_the_memory_advice()
        => CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(
            Usings + """
            [Router]
            public static partial class Api
            {
                [Route("POST /upload")]
                public static ValueTask Upload([Body] ReadOnlySpan<byte> {|#0:body|}) => default;
            }
            """,
            CSharpAnalyzerVerifier<RouteAnalyzer>.Diagnostic("HR0015").WithLocation(0).WithArguments(
                "body",
                "Upload",
                "ReadOnlySpan<byte>",
                "use ReadOnlyMemory<byte>, a view of the request's bytes that an async handler can hold"));

    [Fact]
    public Task A_span_route_value_on_an_async_handler_is_told_to_bind_as_a_string_or_typed_value()
        => CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(
            Usings + """
            [Router]
            public static partial class Api
            {
                [Route("GET /files/{name}")]
                public static Task Get(ReadOnlySpan<byte> {|#0:name|}) => Task.CompletedTask;
            }
            """,
            CSharpAnalyzerVerifier<RouteAnalyzer>.Diagnostic("HR0015").WithLocation(0).WithArguments(
                "name",
                "Get",
                "ReadOnlySpan<byte>",
                "use ReadOnlyMemory<byte> for a [Header] or the [Body]; a route or query value binds as string or a typed value"));

    [Fact]
    public Task An_async_void_handler_is_an_error_on_its_name()
        => CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(
            Usings + """
            [Router]
            public static partial class Api
            {
                [Route("POST /orders")]
                public static async void {|#0:Save|}() => await Task.Yield();
            }
            """,
            CSharpAnalyzerVerifier<RouteAnalyzer>.Diagnostic("HR0016").WithLocation(0).WithArguments("Save"));

    [Fact]
    public Task An_async_task_handler_gets_the_value_task_suggestion_and_no_state_machine_warning()
        => CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(
            Usings + """
            [Router]
            public static partial class Api
            {
                [Route("GET /a")]
                public static async Task<Text> {|#0:A|}()
                {
                    await Task.Yield();
                    return new Text("a");
                }

                [Route("GET /b")]
                public static Task<Text> B() => Task.FromResult(new Text("b"));
            }
            """,
            CSharpAnalyzerVerifier<RouteAnalyzer>.Diagnostic("HR1014").WithLocation(0).WithArguments("A", "Task<Text>"));

    [Fact]
    public Task Async_handlers_report_no_state_machine_allocation_while_iterators_and_other_hot_methods_still_do()
        => CSharpAnalyzerVerifier<AllocationAnalyzer>.VerifyAnalyzerAsync(
            Usings + """
            [Router]
            public static partial class Api
            {
                [Route("GET /a")]
                public static async Task<Text> A()
                {
                    await Task.Yield();
                    return new Text("a");
                }

                [HotPath]
                public static async Task<string> {|HR1012:Helper|}() { await Task.Yield(); return "helper"; }
            }
            """);

    [Fact]
    public Task Handler_timeout_on_a_synchronous_handler_or_without_a_limit_is_a_warning_on_the_attribute()
        => CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(
            Usings + """
            [Router]
            [{|#2:HandlerTimeout(0)|}]
            public static partial class Api
            {
                [Route("GET /health")]
                [{|#0:HandlerTimeout(500)|}]
                public static Text Health() => new("ok");

                [Route("GET /slow")]
                [{|#1:HandlerTimeout(-5)|}]
                public static ValueTask<Text> Slow() => new(new Text("slow"));
            }
            """,
            CSharpAnalyzerVerifier<RouteAnalyzer>.Diagnostic("HR0017").WithLocation(0).WithArguments(
                "Health", "has no effect: the handler is synchronous, and only an asynchronous handler's wait is limited"),
            CSharpAnalyzerVerifier<RouteAnalyzer>.Diagnostic("HR0017").WithLocation(1).WithArguments(
                "Slow", "is -5 ms, which is no time limit: give a positive number of milliseconds, or HandlerTimeoutAttribute.Infinite (-1) for none; the server's default applies instead"),
            CSharpAnalyzerVerifier<RouteAnalyzer>.Diagnostic("HR0017").WithLocation(2).WithArguments(
                "Api", "is 0 ms, which is no time limit: give a positive number of milliseconds, or HandlerTimeoutAttribute.Infinite (-1) for none; the server's default applies instead"));

    [Fact]
    public Task Value_task_of_t_is_written_as_t_and_reported_as_t_when_it_cannot_be()
        => CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(
            Usings + """
            [Router]
            public static partial class Api
            {
                [Route("GET /a")]
                public static Text A() => new("a");

                [Route("GET /b")]
                public static ValueTask<Text> B() => new(new Text("b"));

                [Route("GET /c")]
                public static Task C() => Task.CompletedTask;

                [Route("GET /d")]
                public static {|#0:ValueTask<int>|} D() => new(1);
            }
            """,
            CSharpAnalyzerVerifier<RouteAnalyzer>.Diagnostic("HR0018").WithLocation(0).WithArguments(
                "D",
                "int",
                "would be written as JSON, but the router names no JSON context; add [Router(Json = typeof(AppJson))] with a System.Text.Json JsonSerializerContext that lists it: [JsonSerializable(typeof(int))] partial class AppJson : JsonSerializerContext"));

    [Fact]
    public Task Async_void_becomes_async_value_task()
        => ValueTaskFix.VerifyCodeFixAsync(
            """
            using System.Threading.Tasks;
            using HyperRoute;

            [Router]
            public static partial class Api
            {
                [Route("POST /orders")]
                public static async void {|HR0016:Save|}() => await Task.Yield();
            }
            """,
            """
            using System.Threading.Tasks;
            using HyperRoute;

            [Router]
            public static partial class Api
            {
                [Route("POST /orders")]
                public static async ValueTask Save() => await Task.Yield();
            }
            """);

    [Fact]
    public Task A_span_header_or_body_of_an_async_handler_becomes_read_only_memory()
        => MemoryFix.VerifyCodeFixAsync(
            """
            using System;
            using System.Threading.Tasks;
            using HyperRoute;

            [Router]
            public static partial class Api
            {
                [Route("POST /upload")]
                public static ValueTask Upload([Header("X-Name")] ReadOnlySpan<byte> {|HR0015:name|}, [Body] System.ReadOnlySpan<byte> {|HR0015:body|}) => default;
            }
            """,
            """
            using System;
            using System.Threading.Tasks;
            using HyperRoute;

            [Router]
            public static partial class Api
            {
                [Route("POST /upload")]
                public static ValueTask Upload([Header("X-Name")] ReadOnlyMemory<byte> name, [Body] System.ReadOnlyMemory<byte> body) => default;
            }
            """);
}
