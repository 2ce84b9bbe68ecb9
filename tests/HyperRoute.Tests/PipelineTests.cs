using System.Text;
using System.Text.Json;
using HyperRoute.Http;
using Xunit;

namespace HyperRoute.Tests;

/// <summary>
/// Validators, transforms and typed bodies compiled into the dispatcher: the order the steps run in, the first failure
/// stopping the rest, the problem+json it answers, and the response transforms on handled requests only.
/// </summary>
public sealed class PipelineTests
{
    private const string Json = "Content-Type: application/json\r\n";
    private readonly HttpExchange _exchange = new();

    public PipelineTests() => PipelineApi.Calls.Clear();

    [Fact]
    public void Steps_run_router_level_then_route_level_then_each_parameter_in_declaration_order_then_the_way_out()
    {
        var match = Post("/orders/5", Json, """{"sku":"tea","quantity":3}""");

        Assert.True(match.IsHandled, match + " " + string.Join(",", PipelineApi.Calls) + " " + Encoding.UTF8.GetString(_exchange.Request.Body));
        Assert.Equal(
            new[] { "router", "route", "positive 5", "double", "quantity", "handler id=10 sku=tea quantity=3", "out router", "out route" },
            PipelineApi.Calls);
        Assert.Equal(201, _exchange.Response.StatusCode);
    }

    [Fact]
    public void Response_transforms_add_a_header_and_replace_the_handlers()
    {
        Post("/orders/5", Json, """{"sku":"tea","quantity":3}""");

        Assert.Equal("pipeline", Header("X-Served-By"));
        Assert.Equal("no-store", Header("Cache-Control"));
    }

    [Fact]
    public void A_failing_router_validator_answers_before_routing_and_stops_everything_else()
    {
        var match = Post("/orders/5?gate=router", Json, """{"sku":"tea","quantity":3}""");

        Assert.Equal(RouteOutcome.Rejected, match.Outcome);
        Assert.True(match.IsAnswered);
        Assert.Equal(-1, match.Route);
        Assert.Equal(new[] { "router" }, PipelineApi.Calls);
        AssertProblem(401, "Unauthorized", "X-Api-Key", "An API key is required.");
    }

    [Fact]
    public void A_failing_router_validator_answers_even_a_path_no_route_matches()
    {
        var match = Serve("GET /nowhere?gate=router HTTP/1.1\r\nHost: x\r\n\r\n");

        Assert.Equal(RouteOutcome.Rejected, match.Outcome);
        Assert.Equal(401, _exchange.Response.StatusCode);
    }

    [Fact]
    public void A_failing_route_validator_answers_before_binding_and_the_handler()
    {
        var match = Post("/orders/5?gate=route", Json, """{"sku":"tea","quantity":3}""");

        Assert.Equal(RouteOutcome.Rejected, match.Outcome);
        Assert.Equal(0, match.Route);
        Assert.Equal(-1, match.ParameterIndex);
        Assert.Equal(new[] { "router", "route" }, PipelineApi.Calls);
        AssertProblem(403, "Forbidden", "gate", "This route is closed.");
    }

    [Fact]
    public void A_failing_parameter_validator_names_the_parameter_and_stops_the_later_steps()
    {
        var match = Post("/orders/0", Json, """{"sku":"tea","quantity":3}""");

        Assert.Equal(RouteOutcome.Rejected, match.Outcome);
        Assert.Equal("id", PipelineApi.ParameterName(match));
        Assert.Equal(new[] { "router", "route", "positive 0" }, PipelineApi.Calls);
        AssertProblem(400, "Bad Request", "id", "must be positive");
    }

    [Fact]
    public void A_parameter_validator_that_names_its_own_field_keeps_it()
    {
        var match = Post("/orders/5", Json, """{"sku":"tea","quantity":500}""");

        Assert.Equal(RouteOutcome.Rejected, match.Outcome);
        Assert.Equal("order", PipelineApi.ParameterName(match));
        Assert.Equal(new[] { "router", "route", "positive 5", "double", "quantity" }, PipelineApi.Calls);
        AssertProblem(400, "Bad Request", "quantity", "must be 1 to 100");
    }

    [Theory]
    [InlineData(Json, """{"sku":"tea",""", 400, "The request body is not valid JSON for this route.")]
    [InlineData(Json, "null", 400, "The request body is not valid JSON for this route.")]
    [InlineData("Content-Type: text/plain\r\n", """{"sku":"tea","quantity":3}""", 415, "The request body must be application/json.")]
    [InlineData("", """{"sku":"tea","quantity":3}""", 415, "The request body must be application/json.")]
    [InlineData(Json, """{"sku":"a very long stock keeping unit indeed","quantity":3,"pad":"xxxxxxxxxx"}""", 413, "The request body is larger than this route accepts.")]
    [InlineData(Json, "", 400, "The request body is empty; this route needs a JSON body.")]
    public void A_body_that_cannot_be_read_answers_its_problem_and_stops_the_later_steps(string contentType, string body, int status, string detail)
    {
        var match = Post("/orders/5", contentType, body);

        Assert.Equal(RouteOutcome.Rejected, match.Outcome);
        Assert.Equal("order", PipelineApi.ParameterName(match));
        Assert.Equal(new[] { "router", "route", "positive 5", "double" }, PipelineApi.Calls);
        AssertProblem(status, HttpStatusTitle(status), "order", detail);
    }

    [Fact]
    public void Response_transforms_do_not_run_for_requests_no_handler_served()
    {
        var notFound = Serve("GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n");
        var rejected = Post("/orders/0", Json, """{"sku":"tea","quantity":3}""");

        Assert.Equal(RouteOutcome.NotFound, notFound.Outcome);
        Assert.Equal(RouteOutcome.Rejected, rejected.Outcome);
        Assert.DoesNotContain("out router", PipelineApi.Calls);
        Assert.False(_exchange.Response.TryGetHeader("X-Served-By"u8, out _));
    }

    [Fact]
    public void Router_level_steps_apply_to_every_route()
    {
        var match = Serve("GET /ping HTTP/1.1\r\nHost: x\r\n\r\n");

        Assert.True(match.IsHandled);
        Assert.Equal(new[] { "router", "handler ping", "out router" }, PipelineApi.Calls);
        Assert.Equal("pipeline", Header("X-Served-By"));
    }

    [Fact]
    public void A_response_transform_sees_the_result_the_handler_returned_already_written()
    {
        var bytes = Encoding.ASCII.GetBytes("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
        Assert.Equal(HttpError.None, _exchange.Request.Load<PipelineResultApi.HttpEndpoint>(bytes, 0, bytes.Length));

        var match = new PipelineResultApi.HttpEndpoint().Serve(_exchange);

        Assert.True(match.IsHandled);
        Assert.Equal(new[] { "out body=5" }, PipelineApi.Calls);
        Assert.Equal(5, _exchange.Response.BodyLength); // written once, not again by Serve
    }

    private RouteMatch Post(string target, string headers, string body)
        => Serve($"POST {target} HTTP/1.1\r\nHost: x\r\n{headers}Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}");

    private RouteMatch Serve(string request)
    {
        var bytes = Encoding.UTF8.GetBytes(request);
        Assert.Equal(HttpError.None, _exchange.Request.Load<PipelineApi.HttpEndpoint>(bytes, 0, bytes.Length));
        return new PipelineApi.HttpEndpoint().Serve(_exchange);
    }

    private string? Header(string name)
        => _exchange.Response.TryGetHeader(Encoding.ASCII.GetBytes(name), out var value) ? Encoding.UTF8.GetString(value) : null;

    // The problem as the server would send it: complete the response, then parse its body.
    private void AssertProblem(int status, string title, string field, string detail)
    {
        Assert.Equal(status, _exchange.Response.StatusCode);
        Assert.Equal("application/problem+json", Header("Content-Type"));
        _exchange.Response.Complete();
        var sent = Encoding.UTF8.GetString(_exchange.Response.Output.Written);
        var body = sent.Substring(sent.IndexOf("\r\n\r\n", System.StringComparison.Ordinal) + 4);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("about:blank", problem.RootElement.GetProperty("type").GetString());
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(field, problem.RootElement.GetProperty("field").GetString());
        Assert.Equal(detail, problem.RootElement.GetProperty("detail").GetString());
    }

    private static string HttpStatusTitle(int status) => status switch
    {
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        _ => "Bad Request",
    };
}
