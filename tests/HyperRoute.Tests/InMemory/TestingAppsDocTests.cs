using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using HyperRoute.Http.InMemory;
using HyperRoute.Samples.Api;
using Xunit;

namespace HyperRoute.Tests.InMemory;

/// <summary>The example of docs/testing-apps.md, as written there: it must keep passing.</summary>
public sealed class TestingAppsDocTests
{
    private readonly HttpClient _client = InMemoryServer.CreateClient(new ShopApi.HttpEndpoint());

    [Fact]
    public async Task Created_todo_can_be_read_back()
    {
        using var created = await _client.PostAsJsonAsync("/todos", new { title = "write tests" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var todo = await _client.GetFromJsonAsync<Todo>(created.Headers.Location!);
        Assert.Equal("write tests", todo!.Title);
    }

    [Fact]
    public async Task A_missing_tenant_is_refused_as_a_problem()
    {
        using var response = await _client.PostAsJsonAsync("/orders", new { sku = "A-1", quantity = 2 });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
