using System.Threading.Tasks;
using HyperRoute.Analyzers;
using HyperRoute.Testing;
using Xunit;

namespace HyperRoute.Generators.Tests.Analyzers;

/// <summary>HR0050 and HR0022: service parameters the binder accepts, rejects, or cannot tell from a request value.</summary>
public sealed class ServiceParameterAnalyzerTests
{
    private static Task Verify(string markup) => CSharpAnalyzerVerifier<RouteAnalyzer>.VerifyAnalyzerAsync(markup);

    [Fact]
    public async Task Service_parameters_of_classes_and_interfaces_report_nothing()
    {
        await Verify("""
            using System;
            using HyperRoute;
            using HyperRoute.Http;
            using Microsoft.Extensions.DependencyInjection;

            public interface IClock { long Now(); }

            [Router]
            public static partial class Api
            {
                [Route("GET /time/{zone}")]
                public static void Time(string zone, [FromServices] IClock clock, [FromKeyedServices("utc")] IClock utc, [FromServices] IServiceProvider services, HttpResponse response) { }
            }
            """);
    }

    [Fact]
    public async Task Service_parameter_of_a_ref_struct_is_reported_on_the_parameter()
    {
        await Verify("""
            using System;
            using HyperRoute;

            [Router]
            public static partial class Api
            {
                [Route("GET /items")]
                public static void Items([FromServices] ReadOnlySpan<byte> {|HR0050:cache|}) { }
            }
            """);
    }

    [Fact]
    public async Task Service_parameter_that_comes_from_the_request_is_reported()
    {
        await Verify("""
            using System.Threading;
            using HyperRoute;
            using HyperRoute.Http;

            [Router]
            public static partial class Api
            {
                [Route("GET /orders")]
                public static void Orders([FromServices] CancellationToken {|HR0050:aborted|}) { }

                [Route("GET /exchange")]
                public static void Exchange([FromServices] HttpExchange {|HR0050:exchange|}) { }
            }
            """);
    }

    [Fact]
    public async Task Service_parameter_with_body_is_reported()
    {
        await Verify("""
            using HyperRoute;

            public sealed class Store { }

            [Router]
            public static partial class Api
            {
                [Route("POST /orders")]
                public static void Orders([FromServices, Body] Store {|HR0050:store|}) { }
            }
            """);
    }

    [Fact]
    public async Task Unmarked_service_parameter_still_reports_HR0022_naming_FromServices()
    {
        await Verify("""
            using HyperRoute;

            public interface IClock { long Now(); }

            [Router]
            public static partial class Api
            {
                [Route("GET /time")]
                public static void Time(IClock {|HR0022:clock|}) { }
            }
            """);
    }
}
