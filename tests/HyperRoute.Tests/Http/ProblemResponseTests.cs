using System.Threading.Tasks;
using HyperRoute.Http;
using Xunit;

namespace HyperRoute.Tests.Http;

/// <summary>A generated router whose routes fail in each way the server answers for: 404, 405, and 400s that name a parameter.</summary>
[Router]
public static partial class ProblemApi
{
    [Route("GET /items/{id}")]                       // no constraint: "abc" matches, then does not convert (400)
    public static void GetItem(int id, HttpResponse response) => response.Text("item"u8);

    [Route("GET /search")]
    public static void Search(int page, HttpResponse response) => response.Text("found"u8);

    [Route("GET /limited")]
    public static void Limited([Header("X-Limit")] int limit, HttpResponse response) => response.Text("limited"u8);
}

/// <summary>
/// Every error the server answers after the head parsed is RFC 9457 <c>application/problem+json</c> with the same
/// fields (<c>type</c>, <c>title</c>, <c>status</c>, <c>field</c> when a parameter is at fault, <c>detail</c>), and a
/// routing or binding error keeps the connection: the request pipelined behind it is served.
/// </summary>
public sealed class ProblemResponseTests
{
    private const string ProblemJson = "application/problem+json";

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Not_found_is_a_problem_and_keeps_the_connection(string transport)
    {
        await using var server = TestServer<ProblemApi.HttpEndpoint>.Start(default, transport);

        var response = SendThenSearch(server, Requests.Get("/nowhere"));

        Assert.Equal((404, ProblemJson), (response.Status, response.Header("Content-Type")));
        Assert.Equal("""{"type":"about:blank","title":"Not Found","status":404,"detail":"No route matches the path."}""", response.BodyText);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Method_not_allowed_is_a_problem_with_allow(string transport)
    {
        await using var server = TestServer<ProblemApi.HttpEndpoint>.Start(default, transport);

        var response = SendThenSearch(server, Requests.Post("/items/7", "x"));

        Assert.Equal((405, ProblemJson, "GET, HEAD"), (response.Status, response.Header("Content-Type"), response.Header("Allow")));
        Assert.Equal(
            """{"type":"about:blank","title":"Method Not Allowed","status":405,"detail":"The path does not accept this method; the Allow header lists the methods it does."}""",
            response.BodyText);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Route_value_of_the_wrong_format_is_a_400_naming_the_parameter(string transport)
    {
        await using var server = TestServer<ProblemApi.HttpEndpoint>.Start(default, transport);

        var response = SendThenSearch(server, Requests.Get("/items/abc"));

        Assert.Equal((400, ProblemJson), (response.Status, response.Header("Content-Type")));
        Assert.Equal("""{"type":"about:blank","title":"Bad Request","status":400,"field":"id","detail":"The route value id has the wrong format."}""", response.BodyText);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Missing_query_value_is_a_400_naming_the_parameter(string transport)
    {
        await using var server = TestServer<ProblemApi.HttpEndpoint>.Start(default, transport);

        var response = SendThenSearch(server, Requests.Get("/search?q=tea"));

        Assert.Equal((400, ProblemJson), (response.Status, response.Header("Content-Type")));
        Assert.Equal("""{"type":"about:blank","title":"Bad Request","status":400,"field":"page","detail":"The query parameter page is required."}""", response.BodyText);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Query_value_of_the_wrong_format_is_a_400_naming_the_parameter(string transport)
    {
        await using var server = TestServer<ProblemApi.HttpEndpoint>.Start(default, transport);

        var response = SendThenSearch(server, Requests.Get("/search?page=two"));

        Assert.Equal((400, ProblemJson), (response.Status, response.Header("Content-Type")));
        Assert.Equal(
            """{"type":"about:blank","title":"Bad Request","status":400,"field":"page","detail":"The query value page has the wrong format (or a malformed percent-escape)."}""",
            response.BodyText);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Header_value_of_the_wrong_format_is_a_400_naming_the_parameter(string transport)
    {
        await using var server = TestServer<ProblemApi.HttpEndpoint>.Start(default, transport);

        var response = SendThenSearch(server, Requests.Get("/limited", "X-Limit: many\r\n"));

        Assert.Equal((400, ProblemJson), (response.Status, response.Header("Content-Type")));
        Assert.Equal("""{"type":"about:blank","title":"Bad Request","status":400,"field":"limit","detail":"The header bound to limit has the wrong format."}""", response.BodyText);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Missing_header_is_a_400_naming_the_parameter(string transport)
    {
        await using var server = TestServer<ProblemApi.HttpEndpoint>.Start(default, transport);

        var response = SendThenSearch(server, Requests.Get("/limited"));

        Assert.Equal((400, ProblemJson), (response.Status, response.Header("Content-Type")));
        Assert.Equal("""{"type":"about:blank","title":"Bad Request","status":400,"field":"limit","detail":"The header bound to limit is required."}""", response.BodyText);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Hand_written_endpoint_answers_its_400_as_a_problem_without_a_field(string transport)
    {
        await using var server = TestServer.Start(transport); // TestEndpoint keeps IHttpEndpoint's ParameterName: null
        using var client = server.Connect();

        client.Send(Requests.Get("/users/abc") + Requests.Plaintext);

        var response = client.Read();
        Assert.Equal((400, ProblemJson), (response.Status, response.Header("Content-Type")));
        Assert.Equal("""{"type":"about:blank","title":"Bad Request","status":400,"detail":"A route value has the wrong format."}""", response.BodyText);
        Requests.AssertIsHelloWorld(client.Read());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Body_over_the_server_limit_is_a_413_problem_and_closes(string transport)
    {
        await using var server = TestServer.Start(transport, o => o with { Limits = o.Limits with { MaxRequestBodySize = 10 } });

        var response = Requests.AssertRejected(server, Requests.Post("/echo", "more than ten bytes"), 413);

        Assert.Equal(ProblemJson, response.Header("Content-Type"));
        Assert.Equal(
            """{"type":"about:blank","title":"Content Too Large","status":413,"detail":"The request body is larger than the server accepts (MaxRequestBodySize)."}""",
            response.BodyText);
    }

    // Sends the failing request with a valid one behind it in the same write; returns the first response after
    // checking the second was served on the same connection.
    private static RawResponse SendThenSearch(TestServer<ProblemApi.HttpEndpoint> server, string request)
    {
        using var client = server.Connect();
        client.Send(request + Requests.Get("/search?page=1"));

        var response = client.Read();
        Assert.Null(response.Header("Connection"));
        Assert.Equal(response.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Header("Content-Length"));
        var next = client.Read();
        Assert.Equal((200, "found"), (next.Status, next.BodyText));
        Assert.Empty(server.HandlerErrors);
        return response;
    }
}
