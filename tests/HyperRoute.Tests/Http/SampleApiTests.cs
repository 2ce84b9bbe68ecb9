using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace HyperRoute.Tests.Http;

/// <summary>
/// The README's main job, end to end: the sample API started as its own process (as
/// <c>dotnet run --project samples/HyperRoute.Samples.Api</c> does) prints its routes and a curl line, serves the
/// documented routes over loopback (the order routes awaiting a store that takes 5 ms per call), and stops cleanly
/// on SIGTERM.
/// </summary>
public sealed class SampleApiTests
{
    [Fact]
    public async Task Sample_process_serves_its_routes_and_stops_on_sigterm()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "HyperRoute.Samples.Api.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: the test project references the sample.");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [dll, "--port", "0", "--store-latency", "5"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        try
        {
            var banner = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            var match = Regex.Match(banner ?? "", @"listening on http://127\.0\.0\.1:(\d+) ");
            Assert.True(match.Success, $"Unexpected first line: '{banner}'.");
            var endPoint = new IPEndPoint(IPAddress.Loopback, int.Parse(match.Groups[1].Value));
            var printed = "";
            string? line;
            while ((line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10))) is not null && !line.StartsWith("Ctrl+C", StringComparison.Ordinal))
            {
                printed += line + "\n";
            }

            Assert.Matches(@"(?m)^  GET +/plaintext +(async )?ShopApi\.", printed); // the route table: method, template, handler
            Assert.Matches(@"(?m)^  GET +/users/\{id:int\} +(async )?ShopApi\.", printed); // the route table: method, template, handler
            Assert.Matches(@"(?m)^  POST +/users +(async )?ShopApi\.", printed); // the route table: method, template, handler
            Assert.Matches(@"(?m)^  POST +/orders +(async )?ShopApi\.", printed); // the route table: method, template, handler
            Assert.Matches(@"(?m)^  GET +/orders/\{id:int\} +(async )?ShopApi\.", printed); // the route table: method, template, handler
            Assert.Contains($"Try: curl -i http://127.0.0.1:{endPoint.Port}/users/42", printed);

            using var client = RawHttpClient.Connect(endPoint);
            client.Send(Requests.Get("/plaintext"));
            var plaintext = client.Read();
            Assert.Equal((200, "text/plain", "Hello, World!"), (plaintext.Status, plaintext.Header("Content-Type"), plaintext.BodyText));

            client.Send(Requests.Get("/users/42"));
            var user = client.Read();
            Assert.Equal((200, "application/json", "{\"id\":42}"), (user.Status, user.Header("Content-Type"), user.BodyText));

            client.Send("POST /users HTTP/1.1\r\nHost: t\r\nX-Tenant: acme\r\nContent-Type: application/json\r\nContent-Length: 14\r\n\r\n{\"name\":\"Ada\"}");
            var created = client.Read();
            Assert.Equal((201, "/users/1", "{\"received\":14,\"tenant\":\"acme\"}"), (created.Status, created.Header("Location"), created.BodyText));

            client.Send("POST /orders HTTP/1.1\r\nHost: t\r\nX-Tenant: acme\r\nContent-Type: application/json\r\nContent-Length: 26\r\n\r\n{\"sku\":\"A-1\",\"quantity\":3}");
            var order = client.Read();
            Assert.Equal((201, "no-store", "/orders/1", "{\"id\":1,\"sku\":\"A-1\",\"quantity\":3,\"status\":\"accepted\"}"), (order.Status, order.Header("Cache-Control"), order.Header("Location"), order.BodyText));

            client.Send(Requests.Get("/orders/1") + Requests.Get("/orders/2") + Requests.Get("/yield"));
            var stored = client.Read();
            Assert.Equal((200, "application/json", "{\"id\":1,\"sku\":\"A-1\",\"quantity\":3}"), (stored.Status, stored.Header("Content-Type"), stored.BodyText));
            var missing = client.Read();
            Assert.Equal((404, 0), (missing.Status, missing.Body.Length));
            Assert.Equal("yielded", client.Read().BodyText);

            client.Send("POST /orders HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 26\r\n\r\n{\"sku\":\"A-1\",\"quantity\":3}");
            var refused = client.Read();
            Assert.Equal((401, "application/problem+json"), (refused.Status, refused.Header("Content-Type")));
            Assert.Contains("\"field\":\"X-Tenant\"", refused.BodyText);

            // The todo resource: values and typed results as JSON with web defaults (camelCase out, any case in).
            client.Send(Json("POST", "/todos", "{\"title\":\"milk\"}"));
            var createdTodo = client.Read();
            Assert.Equal((201, "/todos/1", "{\"id\":1,\"title\":\"milk\",\"done\":false}"), (createdTodo.Status, createdTodo.Header("Location"), createdTodo.BodyText));
            client.Send(Json("PUT", "/todos/1", "{\"Title\":\"oat milk\",\"DONE\":true}"));
            Assert.Equal("{\"id\":1,\"title\":\"oat milk\",\"done\":true}", client.Read().BodyText);
            client.Send(Requests.Get("/todos?done=true"));
            Assert.Equal("[{\"id\":1,\"title\":\"oat milk\",\"done\":true}]", client.Read().BodyText);
            client.Send(Json("POST", "/todos", "{\"title\":\" \"}"));
            var untitled = client.Read();
            Assert.Equal((400, "application/problem+json"), (untitled.Status, untitled.Header("Content-Type")));
            Assert.Contains("\"title\":[\"a todo has a title\"]", untitled.BodyText);
            client.Send("DELETE /todos/1 HTTP/1.1\r\nHost: t\r\n\r\n");
            Assert.Equal(204, client.Read().Status);
            client.Send(Requests.Get("/todos/1"));
            Assert.Equal(404, client.Read().Status);

            client.Send(Requests.Get("/users/abc"));
            Assert.Equal(404, client.Read().Status);
        }
        finally
        {
            if (!process.HasExited)
            {
                Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            }
        }

        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(15)), "The sample did not stop within 15 s of SIGTERM.");
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("Stopped after 15 requests.", await process.StandardOutput.ReadToEndAsync());
    }

    private static string Json(string method, string path, string json)
        => $"{method} {path} HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: {System.Text.Encoding.UTF8.GetByteCount(json)}\r\n\r\n{json}";
}
