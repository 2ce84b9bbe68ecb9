using System;
using System.Linq;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Http.Proxy;
using HyperRoute.Messaging;
using HyperRoute.Tests.Http;
using Xunit;

namespace HyperRoute.Tests.Proxy;

/// <summary>
/// Routes declared with <c>[Forward]</c>, compiled by the generator and served by the built-in server: the path is
/// rewritten from route values, constraints, validators and transforms apply as for any route, a route value can be
/// the hash key.
/// </summary>
[Collection(nameof(GatewayTests))] // GatewayApi.Backends is shared: these tests run one at a time
public sealed class GatewayTests
{
    private static TestServer<GatewayApi.HttpEndpoint> Start(params ScriptedBackend[] backends)
    {
        var endPoints = backends.Length == 0 ? [ProxyTests.ClosedPort()] : backends.Select(b => b.EndPoint).ToArray();
        GatewayApi.Backends = new BackendGroup(new RoundRobinGroup<HttpBackend>(endPoints.Select(e => new HttpBackend(e))));
        return TestServer<GatewayApi.HttpEndpoint>.Start(default, "epoll");
    }

    [Fact]
    public async Task A_catch_all_is_rewritten_into_the_backend_path()
    {
        using var backend = ScriptedBackend.Named("b");
        await using var server = Start(backend);
        using var client = server.Connect();
        client.Send(Requests.Get("/api/users/7/orders?page=2"));
        var response = client.Read();
        Assert.Equal("b:/users/7/orders?page=2", response.BodyText);
        Assert.Equal("ok", response.Header("X-Gateway"));
    }

    [Fact]
    public async Task Route_values_are_rewritten_as_the_client_sent_them()
    {
        using var backend = ScriptedBackend.Named("b");
        await using var server = Start(backend);
        using var client = server.Connect();
        client.Send(Requests.Get("/tenants/ac%20me/items/42"));
        Assert.Equal("b:/v2/ac%20me/42", client.Read().BodyText);
    }

    [Fact]
    public async Task A_route_constraint_keeps_a_request_from_the_backend()
    {
        using var backend = ScriptedBackend.Named("b");
        await using var server = Start(backend);
        using var client = server.Connect();
        client.Send(Requests.Get("/tenants/acme/items/not-a-number"));
        Assert.Equal(404, client.Read().Status);
        Assert.Empty(backend.Requests);
    }

    [Fact]
    public async Task A_validator_refuses_before_anything_is_forwarded()
    {
        using var backend = ScriptedBackend.Named("b");
        await using var server = Start(backend);
        using var client = server.Connect();
        client.Send(Requests.Get("/api/blocked"));
        Assert.Equal(400, client.Read().Status);
        Assert.Empty(backend.Requests);
    }

    [Fact]
    public async Task A_response_transform_sees_the_failure_answer()
    {
        await using var server = Start(); // its one backend refuses connections
        using var client = server.Connect();
        client.Send(Requests.Get("/api/x"));
        var response = client.Read();
        Assert.Equal(502, response.Status);
        Assert.Equal("failed", response.Header("X-Gateway"));
    }

    [Fact]
    public async Task A_route_value_key_sends_each_tenant_to_one_backend()
    {
        using var a = ScriptedBackend.Named("a");
        using var b = ScriptedBackend.Named("b");
        using var c = ScriptedBackend.Named("c");
        await using var server = TestServer<GatewayApi.HttpEndpoint>.Start(default, "epoll");
        var backends = new[] { a, b, c }.Select(s => new HttpBackend(s.EndPoint)).ToArray();
        GatewayApi.Backends = new BackendGroup(new ConsistentHashGroup<HttpBackend>(backends, backend => backend.Authority));
        using var client = server.Connect();
        foreach (var tenant in new[] { "acme", "globex", "initech", "umbrella" })
        {
            var served = Enumerable.Range(0, 4).Select(i =>
            {
                client.Send(Requests.Get($"/tenants/{tenant}/items/{i}"));
                return client.Read().BodyText.Split(':')[0];
            }).Distinct().ToArray();
            Assert.Single(served);
        }
    }

    [Fact]
    public async Task A_forward_without_a_rewrite_passes_the_path_and_the_body()
    {
        using var backend = new ScriptedBackend(request => BackendReply.Text(request.RequestLine + "|" + System.Text.Encoding.ASCII.GetString(request.Body)));
        await using var server = Start(backend);
        using var client = server.Connect();
        client.Send(Requests.Post("/submit", "payload"));
        Assert.Equal("POST /submit HTTP/1.1|payload", client.Read().BodyText);
    }

    [Fact]
    public async Task A_local_route_of_the_same_router_is_served_locally()
    {
        await using var server = Start();
        using var client = server.Connect();
        client.Send(Requests.Get("/local"));
        Assert.Equal("local", client.Read().BodyText);
    }
}
