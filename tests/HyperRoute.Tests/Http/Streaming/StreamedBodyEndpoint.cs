using System;
using System.Collections.Concurrent;
using System.Text;
using System.Threading.Tasks;
using HyperRoute.Http;

namespace HyperRoute.Tests.Http.Streaming;

/// <summary>
/// A hand-written endpoint that takes request bodies as streams (every path but <c>/buffered</c>): <c>/sum</c> reads the
/// body with <see cref="HttpRequest.ReadBodyAsync"/> in pieces of 1000 bytes and answers
/// <c>{streamed|buffered}:{length}:{hash}</c>; <c>/ignore</c> answers without reading it; <c>/buffered</c> answers
/// the length of its buffered <see cref="HttpRequest.Body"/>; anything else answers its path. Each failed read is
/// recorded in <see cref="ReadFailures"/> (the tests of one class run one at a time).
/// </summary>
public readonly struct StreamedBodyEndpoint : IHttpEndpoint
{
    public static ConcurrentQueue<Exception> ReadFailures { get; } = new();

    public static int HeaderSlotCount => 0;

    public static int HeaderSlot(ReadOnlySpan<byte> name) => -1;

    public static bool StreamsRequestBody(HttpRequest request) => !request.Path.SequenceEqual("/buffered"u8);

    public RouteMatch Serve(HttpExchange exchange)
    {
        var request = exchange.Request;
        var path = request.Path;
        if (path.SequenceEqual("/ignore"u8))
        {
            exchange.Response.Text("ignored"u8);
            return RouteMatch.Handled(0);
        }

        if (path.SequenceEqual("/buffered"u8))
        {
            exchange.Response.Text(Encoding.ASCII.GetBytes($"{(request.IsBodyStreamed ? "streamed" : "buffered")}:{request.Body.Length}"));
            return RouteMatch.Handled(1);
        }

        if (!path.SequenceEqual("/sum"u8))
        {
            exchange.Response.Text(path);
            return RouteMatch.Handled(2);
        }

        var work = SumAsync(exchange);
        if (work.IsCompletedSuccessfully)
        {
            work.GetAwaiter().GetResult();
            return RouteMatch.Handled(3);
        }

        return exchange.Suspend(3, work);
    }

    /// <summary>FNV-1a over the bytes, as the tests compute it over what they sent.</summary>
    public static ulong Hash(ulong hash, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    public const ulong HashSeed = 14695981039346656037UL;

    public static string Summary(bool streamed, ReadOnlySpan<byte> body)
        => $"{(streamed ? "streamed" : "buffered")}:{body.Length}:{Hash(HashSeed, body):x16}";

    private static async ValueTask SumAsync(HttpExchange exchange)
    {
        var request = exchange.Request;
        var streamed = request.IsBodyStreamed;
        var piece = new byte[1000];
        long length = 0;
        var hash = HashSeed;
        try
        {
            int count;
            while ((count = await request.ReadBodyAsync(piece)) > 0)
            {
                length += count;
                hash = Hash(hash, piece.AsSpan(0, count));
            }
        }
        catch (Exception exception)
        {
            ReadFailures.Enqueue(exception);
            throw;
        }

        exchange.Response.Text(Encoding.ASCII.GetBytes($"{(streamed ? "streamed" : "buffered")}:{length}:{hash:x16}"));
    }
}
