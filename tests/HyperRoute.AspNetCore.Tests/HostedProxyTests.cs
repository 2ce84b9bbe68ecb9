using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Http.Proxy;
using HyperRoute.Messaging;
using Microsoft.AspNetCore.TestHost;
using Xunit;

namespace HyperRoute.AspNetCore.Tests;

/// <summary>
/// The reverse proxy hosted in ASP.NET Core: a response passed on without its content keeps the backend's
/// <c>Content-Length</c> there too (a HEAD's is the GET's, a 304's the representation's), not the empty body's.
/// </summary>
public sealed class HostedProxyTests
{
    [Theory]
    [InlineData("HEAD", "/doc", 200, 31L)]
    [InlineData("GET", "/cached", 304, 31L)]
    [InlineData("GET", "/done", 204, null)]
    [InlineData("GET", "/doc", 200, 31L)]
    public async Task A_forwarded_response_keeps_the_backend_s_length(string method, string path, int status, long? length)
    {
        using var backend = new DocumentBackend();
        var group = new BackendGroup(new RoundRobinGroup<HttpBackend>([new HttpBackend(backend.EndPoint)]));
        await using var app = await TestApps.StartAsync(a => a.UseRoutes(new ForwardEverything(group)));
        using var client = app.GetTestClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(status, (int)response.StatusCode);
        var stated = response.Content.Headers.NonValidated.TryGetValues("Content-Length", out var values)
            ? long.Parse(values.ToString(), System.Globalization.CultureInfo.InvariantCulture)
            : (long?)null; // the field as sent (HttpContent's ContentLength would compute 0 for an empty body)
        Assert.Equal(length, stated);
        Assert.Equal(method == "GET" && status == 200 ? DocumentBackend.Document : "", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Every request forwarded to the group.</summary>
    private readonly struct ForwardEverything(BackendGroup group) : IHttpEndpoint
    {
        public static int HeaderSlotCount => 0;

        public static int HeaderSlot(ReadOnlySpan<byte> name) => -1;

        public RouteMatch Serve(HttpExchange exchange)
        {
            var work = exchange.ForwardAsync(group);
            if (work.IsCompletedSuccessfully)
            {
                work.GetAwaiter().GetResult();
                return RouteMatch.Handled(0);
            }

            return exchange.Suspend(0, work);
        }
    }

    /// <summary>A loopback backend: <c>/doc</c> (GET and HEAD), <c>/cached</c> (304 with a length), <c>/done</c> (204).</summary>
    private sealed class DocumentBackend : IDisposable
    {
        public const string Document = "a representation of 31 bytes...";

        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();

        public DocumentBackend()
        {
            _listener.Start();
            _ = Task.Run(AcceptAsync);
        }

        public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }

        private static string Answer(string requestLine)
        {
            var parts = requestLine.Split(' ');
            return parts[1] switch
            {
                "/cached" => $"HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\nContent-Length: {Document.Length}\r\n\r\n",
                "/done" => "HTTP/1.1 204 No Content\r\n\r\n",
                _ when parts[0] == "HEAD" => $"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {Document.Length}\r\n\r\n",
                _ => $"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {Document.Length}\r\n\r\n{Document}",
            };
        }

        private async Task AcceptAsync()
        {
            while (true)
            {
                Socket socket;
                try
                {
                    socket = await _listener.AcceptSocketAsync(_stop.Token);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }

                _ = Task.Run(() => ServeAsync(socket));
            }
        }

        private async Task ServeAsync(Socket socket)
        {
            using var _ = socket;
            var pending = new StringBuilder();
            var buffer = new byte[4096];
            try
            {
                while (true)
                {
                    var count = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                    if (count == 0)
                    {
                        return;
                    }

                    pending.Append(Encoding.Latin1.GetString(buffer, 0, count));
                    int end;
                    while ((end = pending.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) >= 0)
                    {
                        var head = pending.ToString(0, end + 4);
                        pending.Remove(0, end + 4); // bodiless requests only
                        await socket.SendAsync(Encoding.ASCII.GetBytes(Answer(head.Substring(0, head.IndexOf("\r\n", StringComparison.Ordinal)))), SocketFlags.None);
                    }
                }
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
            }
            catch (SocketException)
            {
            }
        }
    }
}
