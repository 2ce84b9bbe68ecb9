using System.IO;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Samples.Chat;
using Xunit;

namespace HyperRoute.Tests.WebSockets;

/// <summary>The chat sample's page in headless Chromium: a WebSocket chat message goes round trip, the SSE feed shows it.</summary>
public sealed class ChatSampleInChromiumTests
{
    [Fact]
    public async Task Sample_page_sends_a_chat_message_round_trip_and_its_feed_announces_it()
    {
        await using var chat = ChatServer.Start(new HttpServerOptions { Port = 0, Workers = 1 });
        await using var chromium = await HeadlessChromium.LaunchAsync();
        await chromium.NavigateAsync($"http://{chat.Server.EndPoint}/?room=lobby");
        await chromium.WaitUntilAsync("window.chatReady === true", "the chat WebSocket opening");
        await chromium.WaitUntilAsync("window.feedReady === true", "the feed's EventSource opening"); // a fresh feed gets no replay
        await chromium.EvaluateAsync("send('hello from chromium')");
        await chromium.WaitUntilAsync("[...document.querySelectorAll('#chat li')].some(li => li.textContent === 'hello from chromium')", "the message coming back through the room");
        await chromium.WaitUntilAsync("[...document.querySelectorAll('#feed li')].some(li => li.textContent === '#lobby: hello from chromium')", "the feed announcing the message");
        await chromium.WaitUntilAsync("window.statsSeen >= 1", "a stats event on the feed");
        var screenshot = Path.Combine(InteropClients.Artifacts, "chat-page.png");
        await chromium.ScreenshotAsync(screenshot);
        Assert.True(new FileInfo(screenshot).Length > 1000, "The screenshot is empty.");
    }
}
