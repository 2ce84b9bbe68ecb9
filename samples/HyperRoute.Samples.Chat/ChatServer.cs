using System;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http;

namespace HyperRoute.Samples.Chat;

/// <summary>Starts the chat sample: the server and the once-a-second stats on the feed.</summary>
public sealed class ChatServer : IAsyncDisposable
{
    private readonly Timer _stats;

    private ChatServer(HttpServer<ChatApi.HttpEndpoint> server)
    {
        Server = server;
        _stats = new Timer(static _ => ChatRooms.PublishStats(), null, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    public HttpServer<ChatApi.HttpEndpoint> Server { get; }

    public static ChatServer Start(HttpServerOptions options) => new(HttpServer.Start(new ChatApi.HttpEndpoint(), options));

    public async ValueTask DisposeAsync()
    {
        await _stats.DisposeAsync();
        await Server.StopAsync(TimeSpan.FromSeconds(5));
    }
}
