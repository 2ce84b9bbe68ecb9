namespace HyperRoute.Generators.Routing;

/// <summary>How the generated code writes what a handler returns.</summary>
internal enum ResultKind
{
    /// <summary>An <c>IHttpResult</c>: <c>result.WriteTo(response)</c>.</summary>
    HttpResult,
    /// <summary>An <c>IValueHttpResult&lt;T&gt;</c> (<c>Ok&lt;T&gt;</c>, …): <c>result.WriteTo(response, typeInfo)</c>.</summary>
    ValueResult,
    /// <summary>A <c>Results&lt;T1, …&gt;</c> union: a switch on its case, each written as above.</summary>
    Union,
    /// <summary>A value the router's JSON context describes: <c>200 application/json</c>.</summary>
    Json,
    /// <summary>A <c>string</c>: <c>200 text/plain; charset=utf-8</c>.</summary>
    Text,
    /// <summary><c>byte[]</c> or <c>ReadOnlyMemory&lt;byte&gt;</c>: <c>200 application/octet-stream</c>.</summary>
    Bytes,
}

/// <summary>
/// One response a route can give, as far as the compiler knows it (for OpenAPI): the status (0 when decided at run
/// time), the content type (<see langword="null"/> when none or decided at run time) and the type written as the body
/// (<see langword="null"/> for none or not JSON).
/// </summary>
internal sealed record ResponseSpec(int Status, string? ContentType, string? BodyType);

/// <summary>What a handler returns and how it is written as the response. Value-equatable, no symbols.</summary>
internal sealed record ResultSpec
{
    /// <summary>How it is written.</summary>
    public required ResultKind Kind { get; init; }

    /// <summary>The type the handler produces (an async handler's <c>T</c>), fully qualified.</summary>
    public required string TypeName { get; init; }

    /// <summary>The type may hold <see langword="null"/> (a reference type): an <c>IHttpResult</c> is then written with <c>?.</c>.</summary>
    public bool MayBeNull { get; init; }

    /// <summary>The type written as JSON (<see cref="ResultKind.Json"/>, <see cref="ResultKind.ValueResult"/>), fully qualified.</summary>
    public string? ValueType { get; init; }

    /// <summary>The cases of a <see cref="ResultKind.Union"/>, in order (case 1 first).</summary>
    public EquatableArray<ResultSpec> Cases { get; init; }

    /// <summary>Every response this result can give, in case order.</summary>
    public required EquatableArray<ResponseSpec> Responses { get; init; }
}
