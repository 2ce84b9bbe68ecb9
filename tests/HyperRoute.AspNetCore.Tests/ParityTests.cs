using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using HyperRoute.Http.InMemory;
using HyperRoute.Samples.Api;
using Microsoft.AspNetCore.TestHost;
using Xunit;

namespace HyperRoute.AspNetCore.Tests;

/// <summary>
/// The sample API answers every request the same way inside ASP.NET Core as on the built-in engine: routes, binding
/// errors, 404/405, validators, typed bodies, async handlers, results, streamed bodies.
/// </summary>
public sealed class ParityTests
{
    public static TheoryData<string, string, string?, string?> Requests() => new()
    {
        { "GET", "/plaintext", null, null },
        { "GET", "/users/42", null, null },
        { "GET", "/users/abc", null, null },
        { "GET", "/users?page=3&size=5", null, null },
        { "GET", "/users?page=x", null, null },
        { "DELETE", "/users/42", null, null },
        { "PUT", "/users/42", null, null },
        { "GET", "/nowhere", null, null },
        { "POST", "/users", "{\"name\":\"ada\"}", "acme" },
        { "POST", "/orders", "{\"sku\":\"A-1\",\"quantity\":2}", "acme" },
        { "POST", "/orders", "{\"sku\":\"A-1\",\"quantity\":0}", "acme" },
        { "POST", "/orders", "{\"sku\":\"A-1\",\"quantity\":2}", null },
        { "POST", "/orders", "{not json", "acme" },
        { "GET", "/orders/999999", null, null },
        { "POST", "/echo", "bytes in, bytes out", null },
        { "GET", "/stream/3", null, null },
        { "GET", "/yield", null, null },
        { "HEAD", "/plaintext", null, null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Answers_as_the_built_in_engine_does(string method, string target, string? body, string? tenant)
    {
        using var builtIn = InMemoryServer.CreateClient(new ShopApi.HttpEndpoint());
        await using var app = await TestApps.StartAsync(a => a.UseRoutes(new ShopApi.HttpEndpoint()));
        using var hosted = app.GetTestClient();

        var expected = await SendAsync(builtIn, method, target, body, tenant);
        var actual = await SendAsync(hosted, method, target, body, tenant);

        Assert.Equal(expected, actual);
    }

    private static async Task<string> SendAsync(HttpClient client, string method, string target, string? body, string? tenant)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), target);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (tenant is not null)
        {
            request.Headers.Add("X-Tenant", tenant);
        }

        using var response = await client.SendAsync(request);
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key is "Content-Type" or "Allow" or "Location" or "Cache-Control")
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .Select(h => $"{h.Key}: {string.Join(",", h.Value)}".Split("/orders/")[0]);
        // The order store is shared by both hosts: the ids it hands out differ, nothing else may.
        var text = System.Text.RegularExpressions.Regex.Replace(await response.Content.ReadAsStringAsync(), "\"id\":[0-9]+", "\"id\":N");
        return $"{(int)response.StatusCode}\n{string.Join("\n", headers)}\n\n{text}";
    }
}
