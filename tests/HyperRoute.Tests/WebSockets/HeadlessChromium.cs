using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace HyperRoute.Tests.WebSockets;

/// <summary>
/// Headless Chromium driven over the DevTools protocol (itself a WebSocket, through .NET's ClientWebSocket): navigate,
/// evaluate JavaScript until a condition holds, take a screenshot. Killed on dispose.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _devTools = new();
    private int _nextId;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        var executable = InteropClients.RequireChromium();
        var profile = Directory.CreateTempSubdirectory("hyperroute-chromium-").FullName;
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", $"--user-data-dir={profile}", "--window-size=1100,700", "about:blank" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var chromium = new HeadlessChromium(process, profile);
        try
        {
            // "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/…": the port of the page list.
            string? line;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while ((line = await process.StandardError.ReadLineAsync(timeout.Token)) is not null && !line.StartsWith("DevTools listening on ", StringComparison.Ordinal))
            {
            }

            Assert.True(line is not null, "Chromium exited before it listened for DevTools.");
            _ = process.StandardError.ReadToEndAsync(); // keep draining
            var browser = new Uri(line!["DevTools listening on ".Length..]);
            using var http = new HttpClient();
            var pages = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{browser.Port}/json/list", timeout.Token))!.AsArray();
            var page = pages.First(p => (string?)p!["type"] == "page")!;
            await chromium._devTools.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), timeout.Token);
            return chromium;
        }
        catch
        {
            await chromium.DisposeAsync();
            throw;
        }
    }

    public Task NavigateAsync(string url) => CallAsync("Page.navigate", new JsonObject { ["url"] = url });

    /// <summary>Evaluates <paramref name="expression"/> in the page and returns its value as JSON.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await CallAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        return result["result"]?["value"];
    }

    /// <summary>Evaluates <paramref name="expression"/> until it is <c>true</c> (bounded), failing with <paramref name="what"/>.</summary>
    public async Task WaitUntilAsync(string expression, string what, TimeSpan? timeout = null)
    {
        var deadline = Environment.TickCount64 + (long)(timeout ?? TimeSpan.FromSeconds(20)).TotalMilliseconds;
        while ((await EvaluateAsync(expression))?.GetValueKind() != JsonValueKind.True)
        {
            Assert.True(Environment.TickCount64 < deadline, $"Chromium: {what} did not happen in time ({expression}).");
            await Task.Delay(50);
        }
    }

    public async Task ScreenshotAsync(string path)
    {
        var result = await CallAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" });
        await File.WriteAllBytesAsync(path, Convert.FromBase64String((string)result["data"]!));
    }

    public async ValueTask DisposeAsync()
    {
        _devTools.Dispose();
        try
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    // One DevTools call: sends it and reads messages until its answer (events in between are skipped).
    private async Task<JsonNode> CallAsync(string method, JsonObject parameters)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var id = ++_nextId;
        var request = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        await _devTools.SendAsync(Encoding.UTF8.GetBytes(request.ToJsonString()), WebSocketMessageType.Text, true, timeout.Token);
        var buffer = new byte[1 << 16];
        while (true)
        {
            using var message = new MemoryStream();
            ValueWebSocketReceiveResult received;
            do
            {
                received = await _devTools.ReceiveAsync(buffer.AsMemory(), timeout.Token);
                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);
            var answer = JsonNode.Parse(message.ToArray())!;
            if ((int?)answer["id"] == id)
            {
                Assert.True(answer["error"] is null, $"DevTools {method} failed: {answer["error"]}");
                return answer["result"]!;
            }
        }
    }
}
