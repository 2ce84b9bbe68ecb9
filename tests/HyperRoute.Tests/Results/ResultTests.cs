using System;
using System.Text;
using System.Threading.Tasks;
using HyperRoute.Http;
using Xunit;

namespace HyperRoute.Tests.Results;

/// <summary>
/// What each kind of handler result answers, served in-process through the generated endpoint: returned values as JSON
/// (web defaults unless the context has options), strings as text, bytes as bytes, and each typed result its status,
/// headers and body; a <c>Results&lt;…&gt;</c> union the case the handler chose, synchronously or after an await.
/// </summary>
public sealed class ResultTests
{
    [Fact]
    public async Task A_union_answers_the_case_the_handler_returned()
    {
        var found = await Serve("GET /todos/1 HTTP/1.1\r\nHost: x\r\n\r\n");
        var missing = await Serve("GET /todos/2 HTTP/1.1\r\nHost: x\r\n\r\n");

        AssertResponse(found, 200, "application/json", """{"id":1,"title":"cached","done":false}""");
        AssertResponse(missing, 404, null, "");
    }

    [Fact]
    public async Task An_async_union_is_written_once_its_work_completes()
    {
        var ok = await Serve("GET /async/1 HTTP/1.1\r\nHost: x\r\n\r\n");
        var bad = await Serve("GET /async/0 HTTP/1.1\r\nHost: x\r\n\r\n");
        var missing = await Serve("GET /async/5 HTTP/1.1\r\nHost: x\r\n\r\n");

        AssertResponse(ok, 200, "application/json", """{"id":1,"title":"cached","done":false}""");
        AssertResponse(bad, 400, "application/json", """{"message":"zero"}""");
        AssertResponse(missing, 404, null, "");
    }

    [Theory]
    [InlineData("GET /cached", """{"id":1,"title":"cached","done":false}""")]
    [InlineData("GET /list", """[{"id":1,"title":"cached","done":false},{"id":2,"title":"two","done":true}]""")]
    [InlineData("GET /async-todo", """{"id":1,"title":"cached","done":false}""")]
    [InlineData("GET /async-pending", """{"id":1,"title":"cached","done":false}""")]
    public async Task A_returned_value_is_200_json_in_camel_case(string request, string json)
    {
        var exchange = await Serve(request + " HTTP/1.1\r\nHost: x\r\n\r\n");

        AssertResponse(exchange, 200, "application/json", json);
    }

    [Fact]
    public async Task A_camel_case_body_binds_to_a_context_without_options_and_round_trips_as_camel_case()
    {
        const string Body = """{"id":1,"title":"camel","done":true}""";
        var exchange = await Serve($"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {Body.Length}\r\n\r\n{Body}");

        AssertResponse(exchange, 200, "application/json", Body);
    }

    [Fact]
    public async Task Numbers_are_read_from_strings_as_asp_net_core_reads_them()
    {
        const string Body = """{"Id":"7","TITLE":"loose","done":false}""";
        var exchange = await Serve($"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {Body.Length}\r\n\r\n{Body}");

        AssertResponse(exchange, 200, "application/json", """{"id":7,"title":"loose","done":false}""");
    }

    [Fact]
    public void A_context_with_options_of_its_own_keeps_them()
    {
        var exchange = Load<SharedTodoApi.HttpEndpoint>("GET /todo HTTP/1.1\r\nHost: x\r\n\r\n");

        var match = new SharedTodoApi.HttpEndpoint().Serve(exchange);

        Assert.True(match.IsHandled);
        AssertResponse(exchange, 200, "application/json", """{"Id":1,"Title":"cached","Done":false}""");
    }

    [Fact]
    public void A_router_whose_handlers_share_one_type_keeps_dispatch_returning_it()
    {
        var match = SharedTodoApi.Dispatch("GET"u8, "/todo"u8, default, out var todo);

        Assert.True(match.IsHandled);
        Assert.Same(ResultsApi.Cached, todo);
    }

    [Fact]
    public async Task Created_answers_201_with_location_and_the_value()
    {
        const string Body = """{"id":9,"title":"new","done":false}""";
        var exchange = await Serve($"POST /todos HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {Body.Length}\r\n\r\n{Body}");

        AssertResponse(exchange, 201, "application/json", Body);
        AssertHeader(exchange, "Location", "/todos/9");
    }

    [Theory]
    [InlineData("GET /text", 200, "text/plain; charset=utf-8", "héllo")]
    [InlineData("GET /ok", 200, null, "")]
    [InlineData("GET /ok-value", 200, "application/json", """{"id":1,"title":"cached","done":false}""")]
    [InlineData("GET /accepted", 202, "application/json", """{"id":1,"title":"cached","done":false}""")]
    [InlineData("GET /accepted-empty", 202, null, "")]
    [InlineData("DELETE /todos/1", 204, null, "")]
    [InlineData("GET /bad", 400, "application/json", """{"message":"no"}""")]
    [InlineData("GET /conflict", 409, null, "")]
    [InlineData("GET /missing", 404, "application/json", """{"message":"gone"}""")]
    [InlineData("GET /problem", 409, "application/problem+json", """{"type":"about:blank","title":"Already there","status":409,"detail":"todo 1 exists"}""")]
    [InlineData("GET /validation", 400, "application/problem+json", """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"errors":{"title":["must not be empty"]}}""")]
    [InlineData("GET /redirect", 301, null, "")]
    [InlineData("GET /utf8", 200, "text/html", "<p>hi</p>")]
    public async Task Each_result_answers_its_status_content_type_and_body(string request, int status, string? contentType, string body)
    {
        var exchange = await Serve(request + " HTTP/1.1\r\nHost: x\r\n\r\n");

        AssertResponse(exchange, status, contentType, body);
    }

    [Fact]
    public async Task Redirect_sets_location()
    {
        var exchange = await Serve("GET /redirect HTTP/1.1\r\nHost: x\r\n\r\n");

        AssertHeader(exchange, "Location", "/todos");
    }

    [Fact]
    public async Task Accepted_sets_location()
    {
        var exchange = await Serve("GET /accepted HTTP/1.1\r\nHost: x\r\n\r\n");

        AssertHeader(exchange, "Location", "/jobs/7");
    }

    [Theory]
    [InlineData("GET /bytes", "application/octet-stream", new byte[] { 1, 2, 3 })]
    [InlineData("GET /memory", "application/octet-stream", new byte[] { 2, 3 })]
    [InlineData("GET /file", "image/png", new byte[] { 1, 2, 3 })]
    public async Task Bytes_are_written_as_they_are(string request, string contentType, byte[] body)
    {
        var exchange = await Serve(request + " HTTP/1.1\r\nHost: x\r\n\r\n");

        Assert.Equal(200, exchange.Response.StatusCode);
        AssertHeader(exchange, "Content-Type", contentType);
        Assert.Equal(body, exchange.Response.Body.ToArray());
    }

    [Theory]
    [InlineData("GET /ok-value")]
    [InlineData("GET /cached")]
    [InlineData("GET /todos/1")]
    public void Serving_a_value_as_json_allocates_nothing(string request)
    {
        var exchange = Load<ResultsApi.HttpEndpoint>(request + " HTTP/1.1\r\nHost: x\r\n\r\n");
        var endpoint = new ResultsApi.HttpEndpoint();
        var handled = ServeMany(endpoint, exchange, 10_000); // warm up with the measured loop

        var before = GC.GetAllocatedBytesForCurrentThread();
        handled = ServeMany(endpoint, exchange, 10_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(10_000, handled);
        Assert.Equal(0, allocated);
        AssertResponse(exchange, 200, "application/json", """{"id":1,"title":"cached","done":false}""");
    }

    private static int ServeMany(ResultsApi.HttpEndpoint endpoint, HttpExchange exchange, int count)
    {
        var handled = 0;
        for (var i = 0; i < count; i++)
        {
            exchange.Response.Clear();
            handled += endpoint.Serve(exchange).IsHandled ? 1 : 0;
        }

        return handled;
    }

    private static async Task<HttpExchange> Serve(string request)
    {
        var exchange = Load<ResultsApi.HttpEndpoint>(request);
        var match = await new ResultsApi.HttpEndpoint().ServeAsync(exchange);
        Assert.True(match.IsHandled, $"{request.Split('\r')[0]}: {match}");
        return exchange;
    }

    private static HttpExchange Load<TEndpoint>(string request)
        where TEndpoint : struct, IHttpEndpoint
    {
        var exchange = new HttpExchange();
        var bytes = Encoding.UTF8.GetBytes(request);
        Assert.Equal(HttpError.None, exchange.Request.Load<TEndpoint>(bytes, 0, bytes.Length));
        return exchange;
    }

    private static void AssertResponse(HttpExchange exchange, int status, string? contentType, string body)
    {
        Assert.Equal(status, exchange.Response.StatusCode);
        if (contentType is null)
        {
            Assert.False(exchange.Response.TryGetHeader("Content-Type"u8, out _));
        }
        else
        {
            AssertHeader(exchange, "Content-Type", contentType);
        }

        Assert.Equal(body, Encoding.UTF8.GetString(exchange.Response.Body));
    }

    private static void AssertHeader(HttpExchange exchange, string name, string value)
    {
        Assert.True(exchange.Response.TryGetHeader(Encoding.ASCII.GetBytes(name), out var actual), $"no {name} header");
        Assert.Equal(value, Encoding.UTF8.GetString(actual));
    }
}
