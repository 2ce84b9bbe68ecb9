extern alias generator;

using System.Linq;
using HyperRoute.Testing;
using Xunit;

using RouterGenerator = generator::HyperRoute.Generators.RouterGenerator;

namespace HyperRoute.Generators.Tests;

/// <summary>
/// Service parameters ([FromServices], ASP.NET Core's [FromServices] by name, [FromKeyedServices]): resolved through
/// generated GetRequiredService calls on the request's services. Each run is also a caching test (GeneratorTestBase).
/// </summary>
public sealed class ServiceParameterSnapshotTests : GeneratorTestBase<RouterGenerator>
{
    [Fact]
    public void Service_parameters_resolve_from_the_request_services_keyed_or_not()
    {
        var result = Generate("""
            using System.Threading.Tasks;
            using HyperRoute;
            using HyperRoute.Http;
            using Microsoft.Extensions.DependencyInjection;

            namespace Shop;

            public interface IClock { long Now(); }
            public enum Store { Primary, Archive }
            public sealed class Orders { }

            [Router]
            public static partial class ServiceApi
            {
                [Route("GET /time")]
                public static void Time([FromServices] IClock clock, HttpResponse response) => response.StatusCode = clock.Now() > 0 ? 200 : 500;

                [Route("GET /orders/{id:int}")]
                public static async ValueTask<string> Order(int id, [FromKeyedServices("primary")] Orders orders, [FromKeyedServices(Store.Archive)] Orders archive)
                {
                    await Task.Yield();
                    return "order";
                }

                [Route("GET /count")]
                public static string Count([FromKeyedServices(42)] Orders orders, int page = 1) => "count";
            }
            """);

        Snapshot.Match(result.Source("Shop.ServiceApi.Dispatch.g.cs"));
    }

    [Fact]
    public void AspNetCore_from_services_attribute_is_recognised_by_name()
    {
        var result = Generate("""
            using HyperRoute;
            using HyperRoute.Http;

            namespace Microsoft.AspNetCore.Mvc
            {
                [System.AttributeUsage(System.AttributeTargets.Parameter)]
                public sealed class FromServicesAttribute : System.Attribute { }
            }

            public interface IGreeter { string Greet(); }

            [Router]
            public static partial class SharedApi
            {
                [Route("GET /hello")]
                public static string Hello([Microsoft.AspNetCore.Mvc.FromServices] IGreeter greeter) => greeter.Greet();
            }
            """);

        var source = result.Source("SharedApi.Dispatch.g.cs").Source;
        Assert.Contains("Http::Hosting.RequestServices.Get<global::IGreeter>(exchange)", source);
    }

    [Fact]
    public void Service_parameter_is_not_a_query_parameter_in_the_openapi_document()
    {
        var result = Generate("""
            using HyperRoute;
            using HyperRoute.Http;

            public interface IClock { long Now(); }

            [Router]
            [OpenApi(Title = "Clock")]
            public static partial class ClockApi
            {
                [Route("GET /now")]
                public static long Now([FromServices] IClock clock, int offset = 0) => clock.Now() + offset;
            }
            """);

        var document = result.Source("ClockApi.OpenApi.g.cs").Source;
        Assert.Contains("offset", document);
        Assert.DoesNotContain("\\\"clock\\\"", document);
    }
}
