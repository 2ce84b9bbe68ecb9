using System;
using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using HyperRoute.Messaging;

namespace HyperRoute.Http.Proxy;

/// <summary>
/// One request on its way through the proxy: pick a backend, take a pooled connection, send the re-framed request,
/// read the response head, pass it and the body on, and give the connection back only when the response was complete
/// and both sides keep it open. Operations are pooled and their async state machines too, so a forwarded request on
/// kept-alive connections allocates nothing.
/// </summary>
internal sealed partial class ForwardOperation
{
    private const int InlineBodyLimit = 16 * 1024; // a body up to this size goes out in the same send as the head
    private const int PoolCapacity = 256;

    private static readonly ForwardOperation?[] s_pool = new ForwardOperation?[PoolCapacity];
    private static int s_pooled;

    private PooledBuffer _send;
    private ReadOnlyMemory<byte> _body;
    private byte[] _key = new byte[64];
    private int _keyLength;
    private bool _idempotent;
    private bool _isHead;
    private bool _streaming;
    private bool _responseStarted; // a byte of the backend's response arrived on this attempt

    /// <summary>
    /// Forwards the request of <paramref name="exchange"/> to a member of <paramref name="group"/>; the returned task
    /// completes when the response is written (or the failure answered). Runs synchronously up to the first wait.
    /// </summary>
    public static ValueTask Start(HttpExchange exchange, BackendGroup group, ReadOnlySpan<byte> path, ReadOnlySpan<byte> key)
    {
        var members = group.Members;
        if (key.IsEmpty)
        {
            key = group.Key.Of(exchange);
        }

        if (!members.TryPick(key, out var lease))
        {
            Answer(exchange.Response, 503, "No backend is available for this request."u8);
            return default;
        }

        var operation = Rent();
        var request = exchange.Request;
        operation._body = request.BodyMemory;
        operation.TakeStreamedBody(request);
        operation._idempotent = IsIdempotent(request.Method);
        operation._isHead = request.IsHead;
        operation._streaming = false;
        operation.KeepKey(key);
        operation.BuildHead(exchange, group, path);
        return operation.RunAsync(exchange.Response, group, members, lease);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask RunAsync(HttpResponse response, BackendGroup group, DestinationGroup<HttpBackend> members, DestinationLease<HttpBackend> lease)
    {
        try
        {
            var tried = 0UL;
            var staleRetried = false;
            var fresh = false; // this attempt is the stale retry's: a new connection, not another pooled one
            while (true)
            {
                var backend = lease.Destination;
                tried |= 1UL << (lease.Index & 63);
                BackendConnection connection;
                try
                {
                    var renting = fresh ? RentNewAsync(backend.Pool) : backend.Pool.RentAsync();
                    fresh = false; // only for this backend: a retry elsewhere takes its pooled connections
                    connection = await renting.ConfigureAwait(false);
                }
                catch (PoolExhaustedException)
                {
                    lease.Dispose();
                    Answer(response, 503, "Every connection to the backend stayed busy; try again later."u8);
                    return;
                }
                catch (Exception exception) when (exception is SocketException or TimeoutException or ObjectDisposedException)
                {
                    // Nothing reached the backend: an idempotent request may go to another one.
                    backend.Counters.Started();
                    backend.Counters.Failed();
                    lease.Failed();
                    lease.Dispose();
                    if (_idempotent && TryPickAnother(members, ref tried, out lease))
                    {
                        continue;
                    }

                    if (exception is TimeoutException)
                    {
                        Answer(response, 504, "The backend did not accept the connection in time."u8);
                    }
                    else
                    {
                        Answer(response, 502, "The backend refused the connection."u8);
                    }

                    return;
                }

                if (await ExchangeAsync(response, group, backend, connection, lease, _idempotent && !staleRetried).ConfigureAwait(false))
                {
                    staleRetried = true; // the pooled connection was dead: once more, on a new connection
                    fresh = true;
                    continue;
                }

                return;
            }
        }
        finally
        {
            Return(this);
        }
    }

    // One request/response on a connection; the connection is settled here whatever happens, and so is the lease
    // unless the answer is true: a kept-alive connection turned out closed before any of the response arrived (the
    // backend closed it as the request went out, a race every keep-alive client meets), and the idempotent request
    // goes out once more on another connection.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> ExchangeAsync(HttpResponse response, BackendGroup group, HttpBackend backend, BackendConnection connection, DestinationLease<HttpBackend> lease, bool mayRetryStale)
    {
        var options = group.Options;
        var timeout = (int)options.ResponseTimeout.TotalMilliseconds;
        var started = Stopwatch.GetTimestamp();
        var reusable = false;
        var backendFault = true;
        var retry = false;
        _responseStarted = false;
        backend.Counters.Started();
        try
        {
            Compose(backend, group);
            await connection.SendAsync(_send.WrittenMemory, timeout).ConfigureAwait(false);
            if (_streamedBody is not null)
            {
                await SendStreamedBodyAsync(connection, timeout).ConfigureAwait(false);
            }
            else if (_body.Length > InlineBodyLimit)
            {
                await connection.SendAsync(_body, timeout).ConfigureAwait(false);
            }

            var head = await ReadHeadAsync(connection, timeout, options.MaxResponseHeadSize).ConfigureAwait(false);
            CopyHead(response, connection, head, group);
            backendFault = false;
            await CopyBodyAsync(response, connection, head, timeout, options.StreamThreshold).ConfigureAwait(false);
            reusable = head.KeepAlive && head.Framing is BodyFraming.None or BodyFraming.Length or BodyFraming.Chunked
                && connection.Start == connection.End;
            backend.Counters.Completed(started);
            lease.Succeeded();
        }
        catch (Exception exception) when (mayRetryStale && connection.Reused && !_responseStarted && !_streamedBodyStarted
            && exception is SocketException or BackendClosedException)
        {
            backend.Counters.Abandoned(); // not the backend's failure: it closed an idle connection, as it may
            retry = true;
        }
        catch (Exception exception) when (exception is SocketException or TimeoutException or BackendProtocolException or BackendClosedException)
        {
            backend.Counters.Failed();
            lease.Failed();
            if (response.HeadWritten)
            {
                throw; // part of the response went out: closing the client's connection is the only honest end
            }

            response.Clear();
            if (exception is TimeoutException)
            {
                Answer(response, 504, backendFault ? "The backend did not answer in time."u8 : "The backend stopped sending the response."u8);
            }
            else if (exception is BackendProtocolException)
            {
                Answer(response, 502, "The backend's response is not valid HTTP/1.1."u8);
            }
            else
            {
                Answer(response, 502, backendFault ? "The backend closed the connection without answering."u8 : "The backend closed the connection before the response was complete."u8);
            }
        }
        catch
        {
            backend.Counters.Abandoned(); // the client left (or its flush failed): not the backend's failure, no verdict on it
            throw;
        }
        finally
        {
            BackendPool.Return(connection, reusable);
            if (!retry)
            {
                lease.Dispose();
            }
        }

        return retry;
    }

    // The first final (non-1xx) response head; interim ones are dropped (the client's 100-continue was answered).
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ResponseHead> ReadHeadAsync(BackendConnection connection, int timeout, int maxHead)
    {
        while (true)
        {
            if (ResponseHead.TryParse(connection.Unread, _isHead, out var head, out var invalid))
            {
                if (head.Status == 101)
                {
                    throw new BackendProtocolException("The backend switched protocols, which the proxy did not ask for.");
                }

                if (head.Status >= 200)
                {
                    return head;
                }

                connection.Start += head.Length;
                continue;
            }

            if (invalid)
            {
                throw new BackendProtocolException("The backend's response head is malformed.");
            }

            if (await connection.FillAsync(timeout, maxHead).ConfigureAwait(false) == 0)
            {
                throw new BackendClosedException();
            }

            _responseStarted = true;
        }
    }

    // Status and end-to-end fields; the server writes the framing (for a bodiless response, the length the backend
    // stated), Date, Server and Connection itself.
    private static void CopyHead(HttpResponse response, BackendConnection connection, in ResponseHead head, BackendGroup group)
    {
        var bytes = connection.Unread.Slice(0, head.Length);
        var fields = bytes.Slice(head.FieldsStart);
        response.StatusCode = head.Status;
        var lines = new HeaderLines(fields);
        while (lines.MoveNext())
        {
            var name = lines.Name;
            if (HopByHop.Is(name, fields, head.HasConnection) || HopByHop.NameIs(name, "Content-Length"u8)
                || HopByHop.NameIs(name, "Date"u8) || HopByHop.NameIs(name, "Server"u8))
            {
                continue;
            }

            response.AddHeader(name, lines.Value);
        }

        if ((group.Options.Forwarded & ForwardedHeaders.Via) != 0)
        {
            response.AddHeader("Via"u8, group.ViaLine);
        }

        if (head.Framing == BodyFraming.None)
        {
            response.StateBodilessLength(head.ContentLength); // a HEAD's or a 304's length is the backend's, not 0
        }

        connection.Start += head.Length;
    }

    private void KeepKey(ReadOnlySpan<byte> key)
    {
        if (key.Length > _key.Length)
        {
            _key = new byte[key.Length];
        }

        key.CopyTo(_key);
        _keyLength = key.Length;
    }

    // Another member than those tried, by the group's own strategy (a few picks: each strategy moves on, or skips the
    // failed member once its health marks it down).
    private bool TryPickAnother(DestinationGroup<HttpBackend> members, ref ulong tried, out DestinationLease<HttpBackend> lease)
    {
        for (var i = 0; i < members.Count * 2; i++)
        {
            if (!members.TryPick(_key.AsSpan(0, _keyLength), out lease))
            {
                return false;
            }

            if ((tried & (1UL << (lease.Index & 63))) == 0)
            {
                return true;
            }

            lease.Dispose();
        }

        lease = default;
        return false;
    }

    private static void Answer(HttpResponse response, int status, ReadOnlySpan<byte> detail)
    {
        response.Clear();
        ProblemJson.Write(response, status, default, detail);
    }

    private static bool IsIdempotent(ReadOnlySpan<byte> method) =>
        method.SequenceEqual("GET"u8) || method.SequenceEqual("HEAD"u8) || method.SequenceEqual("OPTIONS"u8)
        || method.SequenceEqual("PUT"u8) || method.SequenceEqual("DELETE"u8) || method.SequenceEqual("TRACE"u8);

    private static ForwardOperation Rent()
    {
        lock (s_pool)
        {
            if (s_pooled > 0)
            {
                var operation = s_pool[--s_pooled]!;
                s_pool[s_pooled] = null;
                return operation;
            }
        }

        return new ForwardOperation();
    }

    private static void Return(ForwardOperation operation)
    {
        operation._body = default;
        operation._streamedBody = null;
        lock (s_pool)
        {
            if (s_pooled < PoolCapacity)
            {
                s_pool[s_pooled++] = operation;
            }
        }
    }
}

/// <summary>The backend closed the connection (or reset it) before the response was complete.</summary>
internal sealed class BackendClosedException() : Exception("The backend closed the connection before the response was complete.");
