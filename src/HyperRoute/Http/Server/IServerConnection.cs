namespace HyperRoute.Http.Server;

/// <summary>What the server needs of a connection, whatever its transport.</summary>
internal interface IServerConnection
{
    /// <summary>Ends a wait that outlived its deadline (heartbeat, once a second).</summary>
    void CheckTimeout(long now);

    /// <summary>Close after the response in progress, or now if idle.</summary>
    void BeginClose();

    /// <summary>Drop the connection (shutdown deadline passed).</summary>
    void Abort();
}
