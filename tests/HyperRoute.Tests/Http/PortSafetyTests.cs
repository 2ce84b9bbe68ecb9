using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using HyperRoute.Http;
using Xunit;

namespace HyperRoute.Tests.Http;

/// <summary>
/// A server refuses a port another socket already listens on — another server of this process or any other socket —
/// unless <see cref="HttpServerOptions.SharePort"/> opts in; its own workers still share their port (these servers
/// run two workers, so two <c>SO_REUSEPORT</c> listeners on Linux).
/// </summary>
public sealed class PortSafetyTests
{
    private const int SolSocket = 1;     // SOL_SOCKET on Linux
    private const int SoReusePort = 15;  // SO_REUSEPORT on Linux

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Second_server_on_a_port_in_use_refuses_to_start_and_the_first_keeps_serving(string transport)
    {
        await using var first = TestServer.Start(transport, o => o with { Workers = 2 });
        var port = first.EndPoint.Port;

        var refused = Assert.Throws<HttpServerAddressInUseException>(() => TestServer.Start(transport, o => o with { Port = port, Workers = 2 }));

        Assert.Equal(SocketError.AddressAlreadyInUse, refused.SocketErrorCode);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, port), refused.EndPoint);
        Assert.StartsWith($"127.0.0.1:{port} is already in use by another listening socket", refused.Message);
        Assert.Contains("HttpServerOptions.SharePort = true", refused.Message);
        AssertServes(first.EndPoint);
        Assert.Equal(OperatingSystem.IsLinux() ? 2 : 1, first.Server.ListenerCount); // its own workers shared the port
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Server_refuses_a_port_a_foreign_socket_listens_on(bool foreignReusesPort)
    {
        using var foreign = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        if (foreignReusesPort && OperatingSystem.IsLinux())
        {
            foreign.SetRawSocketOption(SolSocket, SoReusePort, BitConverter.GetBytes(1)); // could be joined silently without the probe
        }

        foreign.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        foreign.Listen();
        var port = ((IPEndPoint)foreign.LocalEndPoint!).Port;

        var refused = Assert.Throws<HttpServerAddressInUseException>(() => HttpServer.Start(default(TestEndpoint), new HttpServerOptions { Port = port, Workers = 2 }));

        Assert.Contains($"127.0.0.1:{port}", refused.Message);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Share_port_lets_a_second_server_listen_with_the_first(string transport)
    {
        Assert.True(OperatingSystem.IsLinux(), "Sharing a port through SO_REUSEPORT is Linux only.");
        var first = TestServer.Start(transport, o => o with { Workers = 2, SharePort = true });
        await using var second = TestServer.Start(transport, o => o with { Port = first.EndPoint.Port, Workers = 2, SharePort = true });
        Assert.Equal(first.EndPoint, second.EndPoint);
        AssertServes(first.EndPoint); // by either server

        await first.DisposeAsync();

        AssertServes(second.EndPoint); // the second still listens: every new connection is its own
        Assert.True(second.Server.ConnectionsAccepted >= 1);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Port_zero_gives_each_server_a_port_of_its_own(string transport)
    {
        await using var first = TestServer.Start(transport, o => o with { Workers = 2 });
        await using var second = TestServer.Start(transport, o => o with { Workers = 2 });

        Assert.NotEqual(first.EndPoint.Port, second.EndPoint.Port);
        AssertServes(first.EndPoint);
        AssertServes(second.EndPoint);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Server_restarts_on_its_port_while_closed_connections_linger_in_time_wait(string transport)
    {
        var first = TestServer.Start(transport, o => o with { Workers = 2 });
        var port = first.EndPoint.Port;
        using (var client = first.Connect())
        {
            client.Send(Requests.Get("/plaintext", "Connection: close\r\n"));
            Requests.AssertIsHelloWorld(client.Read());
            Assert.True(client.IsClosedByServer()); // the server closed first: its side of the connection is in TIME_WAIT
        }

        await first.DisposeAsync();

        await using var again = TestServer.Start(transport, o => o with { Port = port, Workers = 2 });
        AssertServes(again.EndPoint);
    }

    private static void AssertServes(IPEndPoint endPoint)
    {
        using var client = RawHttpClient.Connect(endPoint);
        client.Send(Requests.Plaintext);
        Requests.AssertIsHelloWorld(client.Read());
    }
}
