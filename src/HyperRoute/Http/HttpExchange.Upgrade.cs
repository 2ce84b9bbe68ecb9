using HyperRoute.Http.Server;

namespace HyperRoute.Http;

/// <summary>A protocol switch the handler accepted (a WebSocket handshake), taken by the connection when the request is answered.</summary>
public sealed partial class HttpExchange
{
    private IUpgradedProtocol? _upgrade;

    /// <summary>Answers this request with a switch to <paramref name="protocol"/> (the server writes the <c>101</c>).</summary>
    internal void Upgrade(IUpgradedProtocol protocol) => _upgrade = protocol;

    /// <summary>Takes the protocol switch the handler accepted, leaving none; <see langword="null"/> when there is none.</summary>
    internal IUpgradedProtocol? TakeUpgrade()
    {
        var protocol = _upgrade;
        _upgrade = null;
        return protocol;
    }
}
