using System.Runtime.CompilerServices;

namespace HyperRoute;

/// <summary>
/// The result of a generated <c>Dispatch</c>: handled (with the index of the route that served the request),
/// not found (404), method not allowed (405, with the allowed methods) or bad request (400, with the reason
/// and the parameter at fault). A small value type: returning it allocates nothing.
/// </summary>
public readonly struct RouteMatch
{
    // One 64-bit word, so that it is built and returned in a register through the generated layers. Separate
    // narrow fields were written to the stack one by one and read back as a word: a store-forwarding stall
    // at every layer, which cost more than the routing decision itself.
    //   bits  0..31  route index (-1: none)
    //   bits 32..47  the Allow flags of a 405, or the parameter index of a 400
    //   bits 48..55  outcome
    //   bits 56..63  problem
    private const ushort NoParameter = ushort.MaxValue;
    private readonly ulong _bits;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private RouteMatch(RouteOutcome outcome, int route, ushort detail, RouteProblem problem)
        => _bits = (uint)route | ((ulong)detail << 32) | ((ulong)outcome << 48) | ((ulong)problem << 56);

    private RouteOutcome OutcomeBits => (RouteOutcome)(byte)(_bits >> 48);

    private ushort DetailBits => (ushort)(_bits >> 32);

    private RouteProblem ProblemBits => (RouteProblem)(byte)(_bits >> 56);

    /// <summary>What happened.</summary>
    public RouteOutcome Outcome => OutcomeBits;

    /// <summary>
    /// The index of the route in the router's <c>RoutePatterns</c> table that handled the request or whose
    /// argument could not be bound; -1 when no route matched.
    /// </summary>
    public int Route => (int)(uint)_bits;

    /// <summary>For <see cref="RouteOutcome.MethodNotAllowed"/>: the methods the path accepts (the <c>Allow</c> header).</summary>
    public HttpMethods Allow => OutcomeBits == RouteOutcome.MethodNotAllowed ? (HttpMethods)DetailBits : HttpMethods.None;

    /// <summary>For <see cref="RouteOutcome.BadRequest"/>: why.</summary>
    public RouteProblem Problem => ProblemBits;

    /// <summary>
    /// For a binding failure: the position of the handler parameter at fault, -1 otherwise. The router's
    /// generated <c>ParameterName(RouteMatch)</c> turns it into the parameter's name.
    /// </summary>
    public int ParameterIndex => OutcomeBits is RouteOutcome.BadRequest or RouteOutcome.Rejected && DetailBits != NoParameter ? DetailBits : -1;

    /// <summary><see langword="true"/> when a handler ran.</summary>
    public bool IsHandled => OutcomeBits == RouteOutcome.Handled;

    /// <summary><see langword="true"/> when an asynchronous handler started and has not completed yet.</summary>
    public bool IsPending => OutcomeBits == RouteOutcome.Pending;

    /// <summary><see langword="true"/> when the response is written: a handler ran, or a validator rejected the request.</summary>
    public bool IsAnswered => OutcomeBits is RouteOutcome.Handled or RouteOutcome.Rejected;

    /// <summary>The HTTP status this outcome maps to for a failure (400, 404, 405); 0 when handled, since the handler decides.</summary>
    /// <remarks>
    /// Always inlined: as a call it takes the match by reference, which sends the match through the stack and makes
    /// every other read of it wait for that store (1–2 ns on a dispatch of 10).
    /// </remarks>
    public int StatusCode
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => OutcomeBits switch
        {
            RouteOutcome.NotFound => 404,
            RouteOutcome.MethodNotAllowed => 405,
            RouteOutcome.BadRequest => 400,
            _ => 0,
        };
    }

    /// <summary>
    /// A validator (or the body binding) of route <paramref name="route"/> refused the request and wrote the
    /// response; <paramref name="parameterIndex"/> is the handler parameter concerned, or -1 for the request.
    /// </summary>
    public static RouteMatch Rejected(int route, int parameterIndex = -1)
        => new(RouteOutcome.Rejected, route, parameterIndex < 0 ? NoParameter : (ushort)parameterIndex, RouteProblem.None);

    /// <summary>A handler ran for route <paramref name="route"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static RouteMatch Handled(int route) => new(RouteOutcome.Handled, route, 0, RouteProblem.None);

    /// <summary>The asynchronous handler of route <paramref name="route"/> started and has not completed yet.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static RouteMatch Pending(int route) => new(RouteOutcome.Pending, route, 0, RouteProblem.None);

    /// <summary>No route matches the path.</summary>
    public static RouteMatch NotFound
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(RouteOutcome.NotFound, -1, 0, RouteProblem.None);
    }

    /// <summary>The path matches routes of other methods only.</summary>
    public static RouteMatch MethodNotAllowed(HttpMethods allow) => new(RouteOutcome.MethodNotAllowed, -1, (ushort)allow, RouteProblem.None);

    /// <summary>The request is malformed before any route could be tried.</summary>
    public static RouteMatch BadRequest(RouteProblem problem) => new(RouteOutcome.BadRequest, -1, NoParameter, problem);

    /// <summary>Route <paramref name="route"/> matched but its handler parameter at <paramref name="parameterIndex"/> could not be bound.</summary>
    public static RouteMatch BadRequest(int route, RouteProblem problem, int parameterIndex) => new(RouteOutcome.BadRequest, route, (ushort)parameterIndex, problem);

    /// <inheritdoc />
    public override string ToString() => OutcomeBits switch
    {
        RouteOutcome.Handled => $"Handled (route {Route})",
        RouteOutcome.Pending => $"Pending (route {Route})",
        RouteOutcome.MethodNotAllowed => $"MethodNotAllowed (Allow: {Routing.MethodToken.FormatAllow(Allow)})",
        RouteOutcome.BadRequest when ParameterIndex >= 0 => $"BadRequest ({Problem}: route {Route}, parameter {ParameterIndex})",
        RouteOutcome.BadRequest => $"BadRequest ({Problem})",
        RouteOutcome.Rejected when ParameterIndex >= 0 => $"Rejected (route {Route}, parameter {ParameterIndex})",
        RouteOutcome.Rejected => $"Rejected (route {Route})",
        _ => OutcomeBits.ToString(),
    };
}
