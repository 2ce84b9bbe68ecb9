using System;
using System.Collections.Generic;

namespace HyperRoute.Diagnostics;

/// <summary>
/// One route of a router as the generator compiled it: its method and path template, the handler it calls, the
/// validators and transforms around the handler, and the responses it declares. The generator emits one per route,
/// once, in the router's <c>Routes</c> table (indexed by <see cref="RouteMatch.Route"/>); <see cref="RouteTable.Format"/>
/// prints them, and the server's telemetry reads <see cref="Template"/> as <c>http.route</c> and <see cref="Pattern"/> as
/// the span name, so no name is built per request.
/// </summary>
public sealed class RouteInfo
{
    /// <summary>Describes one route (called by generated code).</summary>
    /// <param name="index">The route's position in its router's table.</param>
    /// <param name="method">The HTTP method, as in the pattern: <c>GET</c>.</param>
    /// <param name="template">The path template: <c>/users/{id:int}</c>.</param>
    /// <param name="handler">The handler as users read it: <c>ShopApi.GetUser(int id)</c>.</param>
    /// <param name="isAsync">The handler is asynchronous.</param>
    /// <param name="validators">The validators that run before the handler, in order.</param>
    /// <param name="transforms">The transforms that run around the handler, in order.</param>
    /// <param name="responses">The responses the route declares: <c>200 application/json Todo</c>.</param>
    public RouteInfo(int index, string method, string template, string handler, bool isAsync, string[] validators, string[] transforms, string[] responses)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(template);
        Index = index;
        Method = method;
        Template = template;
        Pattern = method + " " + template;
        Handler = handler ?? throw new ArgumentNullException(nameof(handler));
        IsAsync = isAsync;
        Validators = validators ?? throw new ArgumentNullException(nameof(validators));
        Transforms = transforms ?? throw new ArgumentNullException(nameof(transforms));
        Responses = responses ?? throw new ArgumentNullException(nameof(responses));
    }

    /// <summary>The route's position in its router's table (<see cref="RouteMatch.Route"/>).</summary>
    public int Index { get; }

    /// <summary>The HTTP method the route serves: <c>GET</c>.</summary>
    public string Method { get; }

    /// <summary>The path template as written (with the router's prefix): <c>/users/{id:int}</c>; the <c>http.route</c> of its requests.</summary>
    public string Template { get; }

    /// <summary>The route key, method and template: <c>GET /users/{id:int}</c>; the name of its requests' spans.</summary>
    public string Pattern { get; }

    /// <summary>The handler as users read it: <c>ShopApi.GetUser(int id)</c>.</summary>
    public string Handler { get; }

    /// <summary>The handler is asynchronous.</summary>
    public bool IsAsync { get; }

    /// <summary>The validators that run before the handler, in the order they run: <c>PositiveId</c>, <c>PositiveId(id)</c> for a parameter's.</summary>
    public IReadOnlyList<string> Validators { get; }

    /// <summary>The transforms that run around the handler, in the order they run.</summary>
    public IReadOnlyList<string> Transforms { get; }

    /// <summary>The responses the route declares, status first: <c>200 application/json Todo</c>.</summary>
    public IReadOnlyList<string> Responses { get; }

    /// <inheritdoc />
    public override string ToString() => Pattern + " → " + Handler;
}
