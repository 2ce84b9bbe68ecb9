namespace HyperRoute.Http.Server;

/// <summary>
/// How a connection whose handler is pending is woken: from any thread (the handler's completion, a flush it
/// asks for, its time limit), the transport hands the connection back to the thread that owns it, which then
/// calls <see cref="Http1Connection{TEndpoint}.Run"/>.
/// </summary>
internal interface IConnectionWaker
{
    /// <summary>Schedules the connection on its owner's thread; spurious wakes are harmless.</summary>
    void Wake();
}
