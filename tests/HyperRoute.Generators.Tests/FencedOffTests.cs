extern alias generator;

using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using HyperRoute.Testing;
using Microsoft.CodeAnalysis;
using Xunit;

using ReservedNames = generator::HyperRoute.Generators.Routing.ReservedNames;
using RouterGenerator = generator::HyperRoute.Generators.RouterGenerator;

namespace HyperRoute.Generators.Tests;

/// <summary>
/// The dispatcher is fenced off from the router: everything it runs is in one private class nested in the router, the
/// runtime's names are written with namespace aliases no user type can shadow, and the router gains only its entry
/// points, whose names HR0014 reserves.
/// </summary>
public sealed class FencedOffTests : GeneratorTestBase<RouterGenerator>
{
    [Fact]
    public void Types_named_like_the_runtime_types_in_the_routers_namespace_and_in_the_router_shadow_nothing()
    {
        var result = Generate("""
            // A global alias named like one the generated code declares: it cannot clash with it.
            global using Routing = System.Text;

            namespace Shop
            {
                public sealed class RouteMatch { }
                public sealed class RoutePath { }
                public sealed class Utf8Literal { }
                public sealed class Utf8Parse { }
                public readonly struct Span<T> { }
                public sealed class HttpResponse { }
                public sealed class HttpMethods { }
                public sealed class System { }
                public sealed class Http { }
                public sealed class Compiler { }

                [global::HyperRoute.Router]
                public static partial class Api
                {
                    public sealed class ReadOnlySpan<T> { }
                    public sealed class DecodeBuffer { }
                    public sealed class MethodToken { }
                    public sealed class HyperRoute { }
                    public sealed class CompilerServices { }

                    [global::HyperRoute.Route("GET /health")]
                    public static int Health() => 1;

                    [global::HyperRoute.Route("GET /users/{id:int}")]
                    public static int GetUser(int id) => id;

                    [global::HyperRoute.Route("GET /users/{name:alpha}/posts/{slug?}")]
                    public static int Posts(global::System.ReadOnlySpan<byte> name, string? slug) => name.Length + (slug?.Length ?? 0);

                    [global::HyperRoute.Route("POST /pages/{page:int}")]
                    public static int Page(int page, int size = 10) => page * size;
                }
            }
            """);

        var dispatch = Dispatch(Load(result), "Shop.Api");
        Assert.Equal((global::HyperRoute.RouteOutcome.Handled, 1), Run(dispatch, "GET", "/health", ""));
        Assert.Equal((global::HyperRoute.RouteOutcome.Handled, 42), Run(dispatch, "GET", "/users/42", ""));
        Assert.Equal((global::HyperRoute.RouteOutcome.Handled, 9), Run(dispatch, "GET", "/users/ann/posts/hello%21", ""));
        Assert.Equal((global::HyperRoute.RouteOutcome.Handled, 60), Run(dispatch, "POST", "/pages/3", "size=20"));
        Assert.Equal(global::HyperRoute.RouteOutcome.MethodNotAllowed, Run(dispatch, "DELETE", "/health", "").Outcome);
        Assert.Equal(global::HyperRoute.RouteOutcome.NotFound, Run(dispatch, "GET", "/nowhere", "").Outcome);
    }

    [Fact]
    public void The_router_gains_only_its_entry_points_and_one_private_class_that_holds_the_rest()
    {
        var result = Generate("""
            using HyperRoute;

            [Router]
            public static partial class Api
            {
                [Route("GET /health")]
                public static void Health() { }

                [Route("GET /users/{id:int}")]
                public static void GetUser(int id) { }

                [Route("GET /slow")]
                public static System.Threading.Tasks.ValueTask Slow() => default;
            }
            """);

        var api = result.Output.GetTypeByMetadataName("Api")!;
        var generated = api.GetMembers()
            .Where(m => m.CanBeReferencedByName && m.Locations.All(l => l.SourceTree!.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)))
            .ToList();
        Assert.Equal(
            new[] { "Dispatch", "Dispatch", "DispatchAsync", "DispatchAsync", "HttpEndpoint", "HyperRouteDispatcher", "ParameterName", "RoutePatterns", "Routes" },
            generated.Select(m => m.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(ReservedNames.Members.OrderBy(n => n, StringComparer.Ordinal), generated.Select(m => m.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(Accessibility.Private, api.GetTypeMembers(ReservedNames.Machinery).Single().DeclaredAccessibility);
        Assert.All(api.GetTypeMembers(ReservedNames.Machinery).Single().GetMembers().Where(m => !m.IsImplicitlyDeclared), m => Assert.True(m.IsStatic, m.Name));
    }

    [Fact]
    public void A_struct_routers_instance_handlers_run_on_the_instance_dispatch_is_called_on()
    {
        var result = Generate("""
            using HyperRoute;

            [Router]
            public partial struct Counter
            {
                public int Hits;

                [Route("POST /hit/{by:int}")]
                public int Hit(int by) => Hits += by;

                public static int HitTwice()
                {
                    var counter = new Counter();
                    counter.Dispatch("POST"u8, "/hit/2"u8, default, out _);
                    counter.Dispatch("POST"u8, "/hit/3"u8, default, out _);
                    return counter.Hits;
                }
            }
            """);

        var hitTwice = Load(result).GetType("Counter", throwOnError: true)!.GetMethod("HitTwice")!;
        Assert.Equal(5, (int)hitTwice.Invoke(null, null)!);
    }

    [Fact]
    public void A_readonly_struct_router_passes_itself_by_readonly_reference()
    {
        var result = Generate("""
            using HyperRoute;

            [Router]
            public readonly partial record struct Scaled(int Factor)
            {
                [Route("GET /scale/{value:int}")]
                public int Scale(int value) => value * Factor;

                public static int ScaleSeven() => new Scaled(6).Dispatch("GET"u8, "/scale/7"u8, default, out var result).IsHandled ? result : -1;
            }
            """);

        Assert.Contains("in global::Scaled router", SingleSource(result));
        var scaleSeven = Load(result).GetType("Scaled", throwOnError: true)!.GetMethod("ScaleSeven")!;
        Assert.Equal(42, (int)scaleSeven.Invoke(null, null)!);
    }

    [Theory]
    [InlineData("public static void Dispatch() { }")]
    [InlineData("public int RoutePatterns => 0;")]
    [InlineData("public static string ParameterName = \"\";")]
    [InlineData("public sealed class HttpEndpoint { }")]
    [InlineData("private static class HyperRouteDispatcher { }")]
    public void A_router_with_a_member_named_like_a_generated_one_gets_no_source_so_no_error_in_generated_code(string member)
    {
        var result = GeneratorHarness.Run(new RouterGenerator(), CompilationFactory.Create($$"""
            using HyperRoute;

            [Router]
            public partial class Api
            {
                [Route("GET /health")]
                public static int Health() => 200;

                {{member}}
            }
            """));

        Assert.Empty(result.Sources);
        GeneratorHarness.AssertCompilesCleanly(result);
    }

    [Fact]
    public void Members_named_like_the_dispatchers_own_methods_are_the_routers_business()
    {
        var result = Generate("""
            using HyperRoute;

            [Router]
            public static partial class Api
            {
                [Route("GET /health")]
                public static int DispatchCore() => 1;

                [Route("GET /users/{id:int}")]
                public static int MatchGetParameters(int id) => id;

                [Route("DELETE /users/{id:int}")]
                public static int AllowedMethods(int id) => -id;
            }
            """);

        var dispatch = Dispatch(Load(result), "Api");
        Assert.Equal((global::HyperRoute.RouteOutcome.Handled, 1), Run(dispatch, "GET", "/health", ""));
        Assert.Equal((global::HyperRoute.RouteOutcome.Handled, 7), Run(dispatch, "GET", "/users/7", ""));
        Assert.Equal((global::HyperRoute.RouteOutcome.Handled, -7), Run(dispatch, "DELETE", "/users/7", ""));
        Assert.Equal(global::HyperRoute.RouteOutcome.MethodNotAllowed, Run(dispatch, "PUT", "/users/7", "").Outcome);
    }

    // The compilation with the generated code, emitted and loaded on its own.
    private static Assembly Load(GeneratorResult result)
    {
        using var image = new MemoryStream();
        var emitted = result.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        return new AssemblyLoadContext(nameof(FencedOffTests), isCollectible: true).LoadFromStream(image);
    }

    // A static router's Dispatch(method, path, query, out int result), as a delegate: reflection cannot pass spans.
    private static DispatchFunc Dispatch(Assembly assembly, string router)
        => assembly.GetType(router, throwOnError: true)!
            .GetMethods()
            .Single(m => m.Name == "Dispatch" && m.GetParameters().Length == 4)
            .CreateDelegate<DispatchFunc>();

    private static (global::HyperRoute.RouteOutcome Outcome, int Result) Run(DispatchFunc dispatch, string method, string path, string query)
    {
        var match = dispatch(Encoding.ASCII.GetBytes(method), Encoding.ASCII.GetBytes(path), Encoding.ASCII.GetBytes(query), out var result);
        return (match.Outcome, result);
    }

    private delegate global::HyperRoute.RouteMatch DispatchFunc(ReadOnlySpan<byte> method, ReadOnlySpan<byte> path, ReadOnlySpan<byte> query, out int result);
}
