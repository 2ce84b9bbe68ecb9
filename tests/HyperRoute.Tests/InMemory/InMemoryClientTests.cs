using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Http.InMemory;
using HyperRoute.Samples.Api;
using Xunit;

namespace HyperRoute.Tests.InMemory;

/// <summary>The in-memory client itself: what it sends, what it reads back, and what it never opens.</summary>
public sealed class InMemoryClientTests
{
    [Fact]
    public async Task Get_is_answered_by_the_generated_endpoint()
    {
        using var client = InMemoryServer.CreateClient(new ShopApi.HttpEndpoint());
        using var response = await client.GetAsync("/plaintext");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(13, response.Content.Headers.ContentLength);
        Assert.Equal("Hello, World!", await response.Content.ReadAsStringAsync());
        Assert.Equal("HyperRoute", response.Headers.Server.Single().Product?.Name);
    }

    [Fact]
    public async Task Chunked_response_is_dechunked()
    {
        using var client = InMemoryServer.CreateClient(new ShopApi.HttpEndpoint());
        using var response = await client.GetAsync("/stream/2000");
        Assert.True(response.Headers.TransferEncodingChunked);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2000, lines.Length);
    }

    [Fact]
    public async Task Request_body_and_headers_reach_the_handler()
    {
        using var client = InMemoryServer.CreateClient(new ShopApi.HttpEndpoint());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/echo") { Content = new ByteArrayContent([1, 2, 3, 0, 255]) };
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new byte[] { 1, 2, 3, 0, 255 }, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Chunked_request_body_goes_through_the_chunked_decoder()
    {
        using var client = InMemoryServer.CreateClient(new ShopApi.HttpEndpoint());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/echo") { Content = new StringContent("hello, chunks") };
        request.Headers.TransferEncodingChunked = true;
        using var response = await client.SendAsync(request);
        Assert.Equal("hello, chunks", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Header_value_with_a_line_break_is_refused_before_sending()
    {
        var server = InMemoryServer.Create(new ShopApi.HttpEndpoint());
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/plaintext");
        Assert.True(request.Headers.TryAddWithoutValidation("X-Note", "a\r\nX-Tenant: forged"));
        await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(request));
        Assert.Equal(0, server.ConnectionsOpened);
    }

    [Fact]
    public async Task Async_handler_parks_and_completes()
    {
        using var client = InMemoryServer.CreateClient(new ShopApi.HttpEndpoint());
        using var response = await client.GetAsync("/slow/20");
        Assert.Equal("slept", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Handler_time_limit_answers_504_problem()
    {
        using var client = InMemoryServer.CreateClient(new LimitsApi.HttpEndpoint());
        using var response = await client.GetAsync("/late");
        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.ConnectionClose);
    }

    [Fact]
    public async Task Server_handler_timeout_over_five_seconds_is_kept_without_a_heartbeat()
    {
        // Limits over 5 s are checked by the transport, not by the engine's timer: the in-memory loop keeps them too.
        var options = new HttpServerOptions { HandlerTimeout = TimeSpan.FromMilliseconds(5_500) };
        using var client = InMemoryServer.CreateClient(new ShopApi.HttpEndpoint(), options);
        using var response = await client.GetAsync("/slow/60000");
        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
    }

    [Theory]
    [InlineData("/throws")]
    [InlineData("/throws-later")]
    public async Task Handler_fault_is_a_500_problem_and_reported(string path)
    {
        Exception? reported = null;
        var server = InMemoryServer.Create(new LimitsApi.HttpEndpoint(), new HttpServerOptions { OnHandlerError = e => reported = e });
        using var client = server.CreateClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.IsType<InvalidOperationException>(reported);
        Assert.Equal(0, server.ConnectionFaults);
    }

    [Fact]
    public async Task Cancelling_the_request_cancels_the_pending_handler()
    {
        using var client = InMemoryServer.CreateClient(new LimitsApi.HttpEndpoint());
        using var cancel = new CancellationTokenSource();
        var sent = client.GetAsync("/hang", cancel.Token);
        await Task.Delay(50);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sent);
        await LimitsApi.HangCancelled.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Raw_bytes_get_the_raw_answer_and_pipelined_requests_are_answered_in_order()
    {
        var server = InMemoryServer.Create(new ShopApi.HttpEndpoint());
        var answer = Encoding.ASCII.GetString(await server.SendRawAsync(
            "GET /users/1 HTTP/1.1\r\nHost: t\r\n\r\nGET /users/2 HTTP/1.1\r\nHost: t\r\n\r\n"u8.ToArray()));
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", answer);
        Assert.True(answer.IndexOf("{\"id\":1}", StringComparison.Ordinal) < answer.IndexOf("{\"id\":2}", StringComparison.Ordinal));
        Assert.Equal(2, server.RequestsServed);
    }

    [Fact]
    public async Task Raw_framing_error_gets_the_servers_400_and_close()
    {
        var server = InMemoryServer.Create(new ShopApi.HttpEndpoint());
        var answer = Encoding.ASCII.GetString(await server.SendRawAsync(
            "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"u8.ToArray()));
        Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", answer);
        Assert.Contains("Connection: close\r\n", answer);
        Assert.Equal(1, server.RequestsRejected);
    }

    [Fact]
    public async Task Each_request_gets_a_connection_of_its_own_and_concurrent_requests_work()
    {
        var server = InMemoryServer.Create(new ShopApi.HttpEndpoint());
        using var client = server.CreateClient();
        var bodies = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => client.GetStringAsync($"/users/{i}")));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"{{\"id\":{i}}}"), bodies);
        Assert.Equal(20, server.ConnectionsOpened);
    }

    [Fact]
    public async Task No_port_is_bound_and_no_host_is_dialled()
    {
        // The options name a port something already listens on: a server that bound it would throw
        // HttpServerAddressInUseException. The URI's host does not exist: a handler that dialled it would fail.
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var server = InMemoryServer.Create(new ShopApi.HttpEndpoint(), new HttpServerOptions { Port = port });
        using var client = server.CreateClient();
        using var response = await client.GetAsync($"http://example.invalid:{port}/plaintext");
        Assert.Equal("Hello, World!", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, server.ConnectionsOpened);
    }
}
