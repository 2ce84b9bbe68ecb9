namespace HyperRoute.Generators.Routing;

/// <summary>
/// A proxied route: a bodiless partial handler with <c>[Forward]</c>, whose body the generator writes. Value-equatable,
/// no symbols.
/// </summary>
internal sealed record ForwardSpec
{
    /// <summary>The router the handler belongs to.</summary>
    public required TypeDeclaration Type { get; init; }

    /// <summary>The handler's name (escaped when it is a keyword).</summary>
    public required string MethodName { get; init; }

    /// <summary>Its modifiers as the user wrote them on the definition: <c>public static partial</c>.</summary>
    public required string Modifiers { get; init; }

    /// <summary>The name of its <c>HttpExchange</c> parameter (escaped).</summary>
    public required string ExchangeName { get; init; }

    /// <summary>The field or property holding the <c>BackendGroup</c> (escaped).</summary>
    public required string Group { get; init; }

    /// <summary>The patterns of the handler's routes, prefix included, for comments: <c>GET /api/{*rest}</c>.</summary>
    public required EquatableArray<string> Patterns { get; init; }

    /// <summary>The rewrite as the user wrote it (<c>/{rest}</c>); <see langword="null"/> when the path passes unchanged.</summary>
    public string? PathText { get; init; }

    /// <summary>The rewritten path, part by part; empty when the path passes unchanged.</summary>
    public EquatableArray<ForwardPathPart> Path { get; init; }

    /// <summary>The route value hashed as the request's key; <see langword="null"/> for the group's own key.</summary>
    public ForwardPathPart? Key { get; init; }
}

/// <summary>
/// One part of a rewritten path: literal text, or a route value taken from the request's path by position (segment
/// <see cref="Segment"/>, and with <see cref="Rest"/> every segment after it: a catch-all).
/// </summary>
internal sealed record ForwardPathPart(string? Literal, string Name, int Segment, bool Rest);
