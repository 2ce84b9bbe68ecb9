using System;
using System.Buffers.Text;
using System.Threading;
using HyperRoute.Http;
using HyperRoute.Routing;

namespace HyperRoute.Tests.Http;

/// <summary>
/// A hand-written endpoint (no generator), small enough to read at a glance:
/// <code>
/// GET|HEAD /plaintext      → 200 "Hello, World!" text/plain
/// GET      /users/{int}    → 200 {"id":N} application/json, written with GetSpan/Advance
/// POST     /echo           → 200 the request body, application/octet-stream
/// GET|HEAD /stream/{n}     → 200 chunked, n lines "line {i}\n", flushed every 10 lines; ?fail then throws
/// GET      /held           → 200 "released" once a test calls <see cref="TestEndpoint.Release"/> (at most 10 s)
/// GET      /throw          → the handler throws
/// GET      /tenant         → 200 the bound X-Tenant header ("none" without it)
/// </code>
/// Other paths answer 404; other methods on a known path answer 405.
/// </summary>
public readonly struct TestEndpoint : IHttpEndpoint
{
    /// <summary>The slot of the one bound header, <c>X-Tenant</c>.</summary>
    public const int TenantSlot = 0;

    private static readonly SemaphoreSlim s_held = new(0);
    private static int s_heldRequestsStarted;

    /// <summary>How many /held handlers have started, so a test can wait until one is in flight.</summary>
    public static int HeldRequestsStarted => Volatile.Read(ref s_heldRequestsStarted);

    /// <summary>Lets one /held handler finish.</summary>
    public static void Release() => s_held.Release();

    public static int HeaderSlotCount => 1;

    public static int HeaderSlot(ReadOnlySpan<byte> name)
        => name.Length == 8 && Utf8Literal.EqualsLower(name, "x-tenant"u8) ? TenantSlot : -1;

    public RouteMatch Serve(HttpExchange exchange)
    {
        var request = exchange.Request;
        var response = exchange.Response;
        var path = request.Path;
        var method = request.Method;
        var isGet = method.SequenceEqual("GET"u8);

        if (path.SequenceEqual("/plaintext"u8))
        {
            if (!isGet && !request.IsHead)
            {
                return RouteMatch.MethodNotAllowed(HttpMethods.Get | HttpMethods.Head);
            }

            response.Text("Hello, World!"u8);
            return RouteMatch.Handled(0);
        }

        if (path.StartsWith("/users/"u8))
        {
            if (!isGet)
            {
                return RouteMatch.MethodNotAllowed(HttpMethods.Get);
            }

            if (!Utf8Parser.TryParse(path.Slice(7), out int id, out var consumed) || consumed != path.Length - 7)
            {
                return RouteMatch.BadRequest(1, RouteProblem.InvalidRouteValue, 0);
            }

            response.SetContentType("application/json"u8);
            var span = response.GetSpan(32);
            "{\"id\":"u8.CopyTo(span);
            Utf8Formatter.TryFormat(id, span.Slice(6), out var written);
            span[6 + written] = (byte)'}';
            response.Advance(7 + written);
            return RouteMatch.Handled(1);
        }

        if (path.SequenceEqual("/echo"u8))
        {
            if (!method.SequenceEqual("POST"u8))
            {
                return RouteMatch.MethodNotAllowed(HttpMethods.Post);
            }

            response.SetContentType("application/octet-stream"u8);
            response.Write(request.Body);
            return RouteMatch.Handled(2);
        }

        if (path.StartsWith("/stream/"u8) && (isGet || request.IsHead) && Utf8Parser.TryParse(path.Slice(8), out int lines, out _))
        {
            response.SetContentType("text/plain"u8);
            response.StartChunked();
            Span<byte> line = stackalloc byte[32];
            for (var i = 0; i < lines; i++)
            {
                "line "u8.CopyTo(line);
                Utf8Formatter.TryFormat(i, line.Slice(5), out var digits);
                line[5 + digits] = (byte)'\n';
                response.Write(line.Slice(0, 6 + digits));
                if (i % 10 == 9)
                {
                    response.Flush();
                }
            }

            if (request.Query.SequenceEqual("fail"u8))
            {
                throw new InvalidOperationException("The stream failed after its chunks went out.");
            }

            return RouteMatch.Handled(3);
        }

        if (path.SequenceEqual("/held"u8) && isGet)
        {
            // In flight until the test says so: no sleeping, and bounded so a failed test cannot hang the worker.
            Interlocked.Increment(ref s_heldRequestsStarted);
            response.Text(s_held.Wait(TimeSpan.FromSeconds(10)) ? "released"u8 : "timed out"u8);
            return RouteMatch.Handled(4);
        }

        if (path.SequenceEqual("/throw"u8))
        {
            throw new InvalidOperationException("The /throw handler always fails.");
        }

        if (path.SequenceEqual("/tenant"u8) && isGet)
        {
            response.Text(request.TryGetHeader(TenantSlot, out ReadOnlySpan<byte> tenant) ? tenant : "none"u8);
            return RouteMatch.Handled(5);
        }

        return RouteMatch.NotFound;
    }
}
