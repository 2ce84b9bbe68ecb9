using System.ComponentModel;

namespace HyperRoute.Http;

/// <summary>The route serving the request, as soon as the generated dispatcher matched it.</summary>
public sealed partial class HttpExchange
{
    private int _route = -1;

    /// <summary>
    /// For generated code and hosts: the index of the route serving this request in its router's <c>Routes</c> (the
    /// endpoint's <c>RouteAt</c>), or -1 while none has matched. The generated route writes it first, before its
    /// validators, transforms and handler run, so that a host whose <see cref="IHttpEndpoint.Serve"/> threw, and so
    /// returned no <see cref="RouteMatch"/>, still reports the fault, its metrics and its span under the route. A host
    /// sets it to -1 before each request it serves on a reused exchange; a value left when <c>Serve</c> returned says
    /// nothing the match does not.
    /// </summary>
    /// <remarks>A reference, so that the dispatcher of a router that takes no exchange can be handed the slot itself.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ref int Route => ref _route;
}
