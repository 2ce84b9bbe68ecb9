using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using HyperRoute.Samples.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace HyperRoute.AspNetCore.Tests;

/// <summary>The router inside a pipeline: what runs before it, what it passes on, what it answers itself.</summary>
public sealed class PipelineTests
{
    [Fact]
    public async Task Unmatched_path_is_answered_404_problem_by_default()
    {
        await using var app = await TestApps.StartAsync(a =>
        {
            a.UseRoutes(new ShopApi.HttpEndpoint());
            a.MapGet("/minimal", () => "from a minimal API");
        });
        using var client = app.GetTestClient();

        using var response = await client.GetAsync("/minimal");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unmatched_path_falls_through_to_endpoints_when_asked()
    {
        await using var app = await TestApps.StartAsync(a =>
        {
            a.UseRoutes(new ShopApi.HttpEndpoint(), o => o.PassUnmatched = true);
            a.MapGet("/minimal", () => "from a minimal API");
        });
        using var client = app.GetTestClient();

        Assert.Equal("from a minimal API", await client.GetStringAsync("/minimal"));
        Assert.Equal("Hello, World!", await client.GetStringAsync("/plaintext"));
    }

    [Fact]
    public async Task Method_not_allowed_falls_through_to_endpoints_when_asked()
    {
        await using var app = await TestApps.StartAsync(a =>
        {
            a.UseRoutes(new ShopApi.HttpEndpoint(), o => o.PassUnmatched = true);
            a.MapPut("/users/{id:int}", (int id) => $"minimal put {id}");
        });
        using var client = app.GetTestClient();

        using var response = await client.PutAsync("/users/7", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("minimal put 7", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Request_body_passed_on_is_read_again_by_the_endpoint()
    {
        await using var app = await TestApps.StartAsync(a =>
        {
            a.UseRoutes(new ShopApi.HttpEndpoint(), o => o.PassUnmatched = true);
            a.MapPost("/minimal/echo", async (HttpRequest request) => await new System.IO.StreamReader(request.Body).ReadToEndAsync());
        });
        using var client = app.GetTestClient();

        using var response = await client.PostAsync("/minimal/echo", new StringContent("the body, twice read"));

        Assert.Equal("the body, twice read", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Binding_error_is_never_passed_on()
    {
        await using var app = await TestApps.StartAsync(a =>
        {
            a.UseRoutes(new ShopApi.HttpEndpoint(), o => o.PassUnmatched = true);
            a.MapGet("/users", () => "minimal");
        });
        using var client = app.GetTestClient();

        using var response = await client.GetAsync("/users?page=x");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"field\":\"page\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Authentication_middleware_runs_before_the_router()
    {
        await using var app = await TestApps.StartAsync(
            a =>
            {
                a.UseAuthentication();
                a.Use(async (context, next) =>
                {
                    if (context.User.Identity?.IsAuthenticated != true)
                    {
                        context.Response.StatusCode = 401;
                        return;
                    }

                    await next(context);
                });
                a.UseRoutes(new ShopApi.HttpEndpoint());
            },
            b => b.Services.AddAuthentication("Test").AddScheme<AuthenticationSchemeOptions, TestAuthentication>("Test", null));
        using var client = app.GetTestClient();

        using var anonymous = await client.GetAsync("/plaintext");
        using var signedIn = new HttpRequestMessage(HttpMethod.Get, "/plaintext") { Headers = { { "X-Test-User", "ada" } } };
        using var authenticated = await client.SendAsync(signedIn);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Hello, World!", await authenticated.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Rate_limiter_before_the_router_rejects_what_exceeds_its_window()
    {
        await using var app = await TestApps.StartAsync(
            a =>
            {
                a.UseRateLimiter();
                a.UseRoutes(new ShopApi.HttpEndpoint());
            },
            b => b.Services.AddRateLimiter(limiter =>
            {
                limiter.RejectionStatusCode = 429;
                limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(_ => RateLimitPartition.GetFixedWindowLimiter("all", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = 1,
                    Window = TimeSpan.FromHours(1),
                    QueueLimit = 0,
                }));
            }));
        using var client = app.GetTestClient();

        using var first = await client.GetAsync("/plaintext");
        using var second = await client.GetAsync("/plaintext");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((HttpStatusCode)429, second.StatusCode);
    }

    [Fact]
    public async Task Cors_middleware_answers_the_preflight_and_marks_the_router_s_answer()
    {
        await using var app = await TestApps.StartAsync(
            a =>
            {
                a.UseCors();
                a.UseRoutes(new ShopApi.HttpEndpoint());
            },
            b => b.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy.WithOrigins("https://shop.example").AllowAnyHeader().AllowAnyMethod())));
        using var client = app.GetTestClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/users/42")
        {
            Headers = { { "Origin", "https://shop.example" }, { "Access-Control-Request-Method", "GET" } },
        };
        using var simple = new HttpRequestMessage(HttpMethod.Get, "/users/42") { Headers = { { "Origin", "https://shop.example" } } };

        using var preflightResponse = await client.SendAsync(preflight);
        using var response = await client.SendAsync(simple);

        Assert.Equal(HttpStatusCode.NoContent, preflightResponse.StatusCode);
        Assert.Equal("https://shop.example", Assert.Single(preflightResponse.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("{\"id\":42}", await response.Content.ReadAsStringAsync());
        Assert.Equal("https://shop.example", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Theory]
    [InlineData("/hosted/fail")] // throws before it returns
    [InlineData("/hosted/fail-later")] // throws after an await
    public async Task Handler_fault_is_a_500_problem_and_is_reported_and_logged_under_its_route(string path)
    {
        var reported = new ConcurrentQueue<Exception>();
        var logged = new ConcurrentQueue<string>();
        await using var app = await TestApps.StartAsync(
            a => a.UseRoutes(new HostedRoutes.HttpEndpoint(), o => o.OnHandlerError = reported.Enqueue),
            b => b.Logging.AddProvider(new ListLoggerProvider(logged)));
        using var client = app.GetTestClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("handler fault for the test", Assert.Single(reported).Message);
        Assert.Contains(
            $"HyperRoute.AspNetCore HandlerFailed The HyperRoute handler of GET {path} threw; the client was answered 500. handler fault for the test",
            logged);
    }

    [Fact]
    public async Task Async_handler_past_its_time_limit_is_answered_504()
    {
        await using var app = await TestApps.StartAsync(a => a.UseRoutes(new HostedRoutes.HttpEndpoint()));
        using var client = app.GetTestClient();

        using var response = await client.GetAsync("/hosted/late");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Contains("time limit", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bound_header_reaches_the_handler()
    {
        await using var app = await TestApps.StartAsync(a => a.UseRoutes(new HostedRoutes.HttpEndpoint()));
        using var client = app.GetTestClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hosted/echo-header") { Headers = { { "X-Probe", "probe-value" } } };

        using var response = await client.SendAsync(request);

        Assert.Equal("probe-value", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Router_under_a_mapped_base_path_sees_the_path_below_it()
    {
        await using var app = await TestApps.StartAsync(a => a.Map("/api", branch => branch.UseHyperRoute(new HostedRoutes.HttpEndpoint())));
        using var client = app.GetTestClient();

        using var response = await client.GetAsync("/api/hosted/target/a%20b?x=1");

        Assert.Equal("/hosted/target/a%20b?x=1", await response.Content.ReadAsStringAsync());
        Assert.Equal("a b", Assert.Single(response.Headers.GetValues("X-Rest")));
    }

    [Fact]
    public async Task Body_over_the_limit_is_answered_413_problem()
    {
        await using var app = await TestApps.StartAsync(a => a.UseRoutes(new ShopApi.HttpEndpoint(), o => o.Limits = o.Limits with { MaxRequestBodySize = 8 }));
        using var client = app.GetTestClient();

        using var response = await client.PostAsync("/echo", new StringContent("more than eight bytes"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private sealed class TestAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue("X-Test-User", out var user))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.ToString())], "Test");
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), "Test")));
        }
    }
}
