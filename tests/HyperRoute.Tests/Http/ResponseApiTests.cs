using System;
using System.Text;
using System.Text.Json.Serialization;
using HyperRoute.Http;
using Xunit;

namespace HyperRoute.Tests.Http;

/// <summary>What handlers, validators and transforms can do to a response: headers, problems, JSON.</summary>
public sealed class ResponseApiTests
{
    private readonly HttpResponse _response = new HttpExchange().Response;

    [Fact]
    public void Set_header_replaces_an_earlier_value_of_the_same_name_in_any_case()
    {
        _response.SetHeader("Cache-Control"u8, "no-cache"u8);
        _response.SetHeader("X-Other"u8, "1"u8);
        _response.SetHeader("cache-control"u8, "no-store"u8);

        Assert.True(_response.TryGetHeader("CACHE-CONTROL"u8, out var value));
        Assert.Equal("no-store", Encoding.ASCII.GetString(value));
        Assert.True(_response.TryGetHeader("X-Other"u8, out value));
        Assert.Equal("1", Encoding.ASCII.GetString(value));
    }

    [Fact]
    public void Add_header_keeps_every_value_and_remove_header_drops_them_all()
    {
        _response.AddHeader("Set-Cookie"u8, "a=1"u8);
        _response.AddHeader("Set-Cookie"u8, "b=2"u8);
        Assert.True(_response.TryGetHeader("Set-Cookie"u8, out var first));
        Assert.Equal("a=1", Encoding.ASCII.GetString(first));

        Assert.True(_response.RemoveHeader("set-cookie"u8));
        Assert.False(_response.TryGetHeader("Set-Cookie"u8, out _));
        Assert.False(_response.RemoveHeader("Set-Cookie"u8));
    }

    [Fact]
    public void Header_values_with_line_breaks_and_server_owned_headers_are_refused()
    {
        Assert.Throws<ArgumentException>(() => _response.SetHeader("X-Injected"u8, "a\r\nSet-Cookie: evil"u8));
        Assert.Throws<ArgumentException>(() => _response.SetHeader("Bad Name"u8, "x"u8));
        Assert.Throws<ArgumentException>(() => _response.SetHeader("Content-Length"u8, "5"u8));
    }

    [Fact]
    public void Clear_starts_the_response_over()
    {
        _response.StatusCode = 418;
        _response.SetHeader("X-A"u8, "1"u8);
        _response.Write("body"u8);

        _response.Clear();

        Assert.Equal((200, 0), (_response.StatusCode, _response.BodyLength));
        Assert.False(_response.TryGetHeader("X-A"u8, out _));
    }

    [Fact]
    public void Problem_json_escapes_the_detail_and_names_the_field()
    {
        _response.Write("partial output of a handler"u8);

        ProblemJson.Write(_response, 422, "na\"me"u8, "must not hold \"quotes\", \\ or \n"u8);

        Assert.Equal(422, _response.StatusCode);
        Assert.True(_response.TryGetHeader("Content-Type"u8, out var type));
        Assert.Equal("application/problem+json", Encoding.ASCII.GetString(type));
        Assert.Equal(
            "{\"type\":\"about:blank\",\"title\":\"Unprocessable Content\",\"status\":422,\"field\":\"na\\\"me\",\"detail\":\"must not hold \\\"quotes\\\", \\\\ or \\n\"}",
            Encoding.UTF8.GetString(_response.Body));
    }

    [Fact]
    public void Problem_json_leaves_out_an_empty_field_and_escapes_control_bytes()
    {
        ProblemJson.Write(_response, 400, default, "tab\there\u0001"u8);

        Assert.Equal("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"tab\\there\\u0001\"}", Encoding.UTF8.GetString(_response.Body));
    }

    [Fact]
    public void Json_writes_source_generated_json_and_reuses_its_writer_without_allocating()
    {
        _response.Json(new Order(42, 3), ResponseApiJson.Default.Order);
        Assert.Equal("{\"id\":42,\"quantity\":3}", Encoding.UTF8.GetString(_response.Body));
        Assert.True(_response.TryGetHeader("Content-Type"u8, out var type));
        Assert.Equal("application/json", Encoding.ASCII.GetString(type));

        var order = new Order(7, 1); // the value is the caller's; what is measured is writing it
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            _response.Clear();
            _response.Json(order, ResponseApiJson.Default.Order);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData("application/json", true)]
    [InlineData("Application/JSON; charset=utf-8", true)]
    [InlineData("application/problem+json", true)]
    [InlineData("application/vnd.api+json;x=1", true)]
    [InlineData("text/plain", false)]
    [InlineData("application/jsonx", false)]
    [InlineData("+json", false)]
    [InlineData("", false)]
    public void Json_media_types_are_recognised(string contentType, bool isJson)
        => Assert.Equal(isJson, HttpBody.IsJson(Encoding.ASCII.GetBytes(contentType)));

    [Theory]
    [InlineData("text/plain", "{\"id\":1,\"quantity\":2}", BodyProblem.UnsupportedMediaType, 415)]
    [InlineData("application/json", "", BodyProblem.Missing, 400)]
    [InlineData("application/json", "{\"id\":1,", BodyProblem.Malformed, 400)]
    [InlineData("application/json", "null", BodyProblem.Malformed, 400)]
    [InlineData("application/json", "{\"id\":1,\"quantity\":2,\"note\":\"far too long for this route\"}", BodyProblem.TooLarge, 413)]
    public void Typed_bodies_that_cannot_be_read_say_why(string contentType, string body, BodyProblem problem, int status)
    {
        var request = Load(contentType, body);

        Assert.Equal(problem, HttpBody.ReadJson(request, ResponseApiJson.Default.Order, maxLength: 40, out var order));
        Assert.Equal(status, problem.StatusCode());
        Assert.False(problem.Detail().IsEmpty);
        Assert.Null(order);
    }

    [Fact]
    public void Typed_body_reads_with_source_generated_metadata()
    {
        var request = Load("application/json; charset=utf-8", "{\"id\":7,\"quantity\":2}");

        Assert.Equal(BodyProblem.None, HttpBody.ReadJson(request, ResponseApiJson.Default.Order, maxLength: 0, out var order));
        Assert.Equal(new Order(7, 2), order);
    }

    private static HttpRequest Load(string contentType, string body)
    {
        var request = new HttpExchange().Request;
        var bytes = Encoding.UTF8.GetBytes($"POST /orders HTTP/1.1\r\nHost: t\r\nContent-Type: {contentType}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}");
        Assert.Equal(HttpError.None, request.Load<NoHeaderSlots>(bytes, 0, bytes.Length));
        Assert.Equal(contentType, Encoding.ASCII.GetString(request.ContentType));
        return request;
    }
}

public sealed record Order(int Id, int Quantity);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Order))]
public sealed partial class ResponseApiJson : JsonSerializerContext;
