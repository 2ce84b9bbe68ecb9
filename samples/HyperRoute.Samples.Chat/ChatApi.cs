using System.Threading;
using System.Threading.Tasks;
using HyperRoute;
using HyperRoute.Http;
using HyperRoute.Http.ServerSentEvents;
using HyperRoute.Http.WebSockets;

namespace HyperRoute.Samples.Chat;

/// <summary>
/// The chat sample's routes: the page, a WebSocket chat per room, and an event stream of what happens in all rooms.
/// The room is a typed route value checked by its constraint before the upgrade: a bad name gets a 400, not a socket.
/// </summary>
[Router]
public static partial class ChatApi
{
    [Route("GET /")]
    public static void Page(HttpResponse response)
    {
        response.SetContentType("text/html; charset=utf-8"u8);
        response.Write(ChatRooms.PageHtml);
    }

    [Route("GET /ws/chat/{room:alpha:maxlength(20)}")]
    public static void Chat(string room, HttpExchange exchange)
        => exchange.AcceptWebSocket(ChatRooms.Handler, ChatRooms.Options, state: room);

    [Route("GET /feed")]
    [HandlerTimeout(Timeout.Infinite)]
    public static ValueTask Feed(HttpExchange exchange) => ChatRooms.Feed.ServeAsync(exchange);
}
