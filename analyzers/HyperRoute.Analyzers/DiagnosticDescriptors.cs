using Microsoft.CodeAnalysis;

namespace HyperRoute.Analyzers;

/// <summary>
/// Every diagnostic HyperRoute reports. IDs are fixed and never reused: <c>HR0xxx</c> route declarations,
/// <c>HR1xxx</c> hot-path allocations, <c>HR2xxx</c> validators and transforms, <c>HR3xxx</c> messages and
/// parsers, <c>HR9xxx</c> internal. Each has a page at <c>docs/diagnostics/{Id}.md</c> and a line in
/// <c>AnalyzerReleases.Shipped.md</c> or <c>AnalyzerReleases.Unshipped.md</c>.
/// </summary>
internal static class DiagnosticDescriptors
{
    /// <summary>The category of the route declaration rules.</summary>
    public const string RoutingCategory = "HyperRoute.Routing";

    private const string HelpLinkBase = "https://github.com/hyperroute/hyperroute/blob/main/docs/diagnostics/";

    /// <summary>HR0001: the pattern of a <c>[Route]</c> does not parse. The message is the parser's.</summary>
    public static readonly DiagnosticDescriptor InvalidRouteTemplate = new(
        id: "HR0001",
        title: "Invalid route template",
        messageFormat: "{0}",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A route pattern is an HTTP method, one space and a template such as \"GET /users/{id:int}\". The generator does not compile a route whose pattern does not parse.",
        helpLinkUri: HelpLinkBase + "HR0001.md");

    /// <summary>HR0002: no code can be added to a <c>[Router]</c> type.</summary>
    public static readonly DiagnosticDescriptor RouterCannotBeGenerated = new(
        id: "HR0002",
        title: "Router type cannot be generated",
        messageFormat: "No dispatcher can be generated for the router '{0}': {1}",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generator adds the Dispatch method to the router type itself, so the type and every type it is nested in must be partial and not generic.",
        helpLinkUri: HelpLinkBase + "HR0002.md");

    /// <summary>HR0003: the template and the handler's parameters do not fit together. The message is the binder's.</summary>
    public static readonly DiagnosticDescriptor RouteCannotBind = new(
        id: "HR0003",
        title: "Route cannot bind its handler",
        messageFormat: "{0}",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Template parameters bind handler parameters of the same name (case-insensitive), every other handler parameter binds from the query string, and every parameter must have a type a route value can be parsed as.",
        helpLinkUri: HelpLinkBase + "HR0003.md");

    /// <summary>HR0004: the method carrying <c>[Route]</c> cannot be called by the generated dispatcher.</summary>
    public static readonly DiagnosticDescriptor HandlerCannotBeCompiled = new(
        id: "HR0004",
        title: "Handler cannot be compiled",
        messageFormat: "The handler '{0}' cannot be routed to: {1}",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A handler is an ordinary, non-generic method of the router that does not return by reference; in a static router it is static. What it returns is each route's own (see HR0018 for a result the router cannot write).",
        helpLinkUri: HelpLinkBase + "HR0004.md");

    /// <summary>HR0005: a <c>[Route]</c> that no router will ever serve.</summary>
    public static readonly DiagnosticDescriptor RouteOutsideRouter = new(
        id: "HR0005",
        title: "[Route] outside a [Router] type",
        messageFormat: "The method '{0}' has [Route], but '{1}' has no [Router], so the route is never served",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Only methods declared directly in a type marked [Router] become routes; [Route] anywhere else is ignored by the generator.",
        helpLinkUri: HelpLinkBase + "HR0005.md");

    /// <summary>HR0006: two routes of one method that the dispatcher cannot tell apart by precedence.</summary>
    public static readonly DiagnosticDescriptor RouteConflict = new(
        id: "HR0006",
        title: "Routes conflict",
        messageFormat: "The route '{0}' conflicts with the route '{1}' of '{2}': {3}",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Two routes of one HTTP method conflict when a request matches both with equal precedence (same segment count; at every position equal literals, ignoring ASCII case, or parameters with the same constraints), or when an optional route without its optional segment is exactly another route. The dispatcher then always takes one of them, and the other is never reached for those requests.",
        helpLinkUri: HelpLinkBase + "HR0006.md");

    /// <summary>HR0007: a constraint accepts only values the handler parameter's type cannot hold.</summary>
    public static readonly DiagnosticDescriptor ConstraintContradictsType = new(
        id: "HR0007",
        title: "Route constraint contradicts the parameter type",
        messageFormat: "The template parameter '{0}' is constrained by '{1}', but the handler parameter '{2}' is of type '{3}': {4}",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Constraints decide matching and types decide binding. When no value a constraint accepts converts to the parameter's type, every request the route matches is answered with 400 Bad Request.",
        helpLinkUri: HelpLinkBase + "HR0007.md");

    /// <summary>HR0008: <c>[HotPath]</c> on a member that has no body to check.</summary>
    public static readonly DiagnosticDescriptor HotPathWithoutBody = new(
        id: "HR0008",
        title: "[HotPath] on a member without a body",
        messageFormat: "[HotPath] on '{0}' checks nothing: {1}",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "[HotPath] asks the analyzers to report allocations in a member's body. Abstract, extern and interface members without a default body, and partial methods without an implementation, have no body, so the attribute has no effect there; put it on the implementation.",
        helpLinkUri: HelpLinkBase + "HR0008.md");

    /// <summary>HR0009: <c>[Header]</c> on a parameter whose type a header value cannot bind to.</summary>
    public static readonly DiagnosticDescriptor HeaderCannotBind = new(
        id: "HR0009",
        title: "[Header] parameter type cannot bind",
        messageFormat: "{0}",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A [Header] parameter binds the header's value as ReadOnlySpan<byte>, string, or any type a route value binds to (the integer types, bool, Guid, double, float, decimal, and their nullable forms). The generator does not compile a route with any other [Header] type.",
        helpLinkUri: HelpLinkBase + "HR0009.md");

    /// <summary>HR0010: the name in <c>[Header("…")]</c> is not an HTTP token, so no request can carry it.</summary>
    public static readonly DiagnosticDescriptor InvalidHeaderName = new(
        id: "HR0010",
        title: "[Header] name is not an HTTP token",
        messageFormat: "{0}",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A header field name is a token (RFC 9110 §5.6.2): one or more letters, digits and !#$%&'*+-.^_`|~. A name with a space, a colon or any other character can never be received, so the parameter could never bind.",
        helpLinkUri: HelpLinkBase + "HR0010.md");

    /// <summary>HR0011: <c>[Body]</c> on a parameter that is not <c>ReadOnlySpan&lt;byte&gt;</c>, or on two parameters of one handler.</summary>
    public static readonly DiagnosticDescriptor InvalidBodyParameter = new(
        id: "HR0011",
        title: "Invalid [Body] parameter",
        messageFormat: "{0}",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "[Body] binds the request body, as received, to one ReadOnlySpan<byte> parameter. The generator does not compile a route with [Body] on another type, on two parameters, or together with [Header].",
        helpLinkUri: HelpLinkBase + "HR0011.md");

    /// <summary>HR0050: <c>[FromServices]</c> or <c>[FromKeyedServices]</c> on a parameter no container can supply.</summary>
    public static readonly DiagnosticDescriptor InvalidServiceParameter = new(
        id: "HR0050",
        title: "Invalid service parameter",
        messageFormat: "{0}",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A [FromServices] or [FromKeyedServices] parameter is resolved with GetRequiredService<T> from the request's services. It cannot be a ref struct or a pointer (not a type argument), a ref or out parameter, the exchange, its request or response, or a CancellationToken (those come from the request), nor also carry [Header] or [Body]. The generator leaves the route out.",
        helpLinkUri: HelpLinkBase + "HR0050.md");

    /// <summary>HR0012: a <c>[Header]</c> or <c>[Body]</c> parameter whose name the template also binds.</summary>
    public static readonly DiagnosticDescriptor RequestPartNamedInTemplate = new(
        id: "HR0012",
        title: "[Header] or [Body] parameter is also a template parameter",
        messageFormat: "{0}",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A handler parameter binds from one place. A parameter with [Header] or [Body] whose name is also a template parameter would bind both from the path and from the request; the generator does not compile the route.",
        helpLinkUri: HelpLinkBase + "HR0012.md");

    /// <summary>HR0013: a route binds the HTTP exchange, but the router's result type cannot be written as a response, so it gets no <c>HttpEndpoint</c>.</summary>
    public static readonly DiagnosticDescriptor ExchangeBindingWithoutEndpoint = new(
        id: "HR0013",
        title: "Route binds the HTTP request, but the router cannot be served over HTTP",
        messageFormat: "The handler '{0}' binds a header, the body or the exchange, but the router's handlers return '{1}', which cannot be written as a response; the router gets no HttpEndpoint and no Dispatch, so the route can never run",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A router whose routes bind headers, the body, HttpExchange, HttpRequest or HttpResponse is served only through its generated HttpEndpoint. The generator emits HttpEndpoint only when the handlers return void or a type implementing HyperRoute.Http.IHttpResult (any other result would be discarded).",
        helpLinkUri: HelpLinkBase + "HR0013.md");

    /// <summary>HR0014: a member of a router has a name the generator declares on the router.</summary>
    public static readonly DiagnosticDescriptor ReservedMemberName = new(
        id: "HR0014",
        title: "Router member has a name the generator declares",
        messageFormat: "A member of router '{0}' is named '{1}', which the generator declares; rename it",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generator adds Dispatch, DispatchAsync, HttpEndpoint, ParameterName, RoutePatterns, Routes and the nested class HyperRouteDispatcher to every [Router] type. A member of the router with one of these names would collide with them, so the generator leaves the router out until it is renamed.",
        helpLinkUri: HelpLinkBase + "HR0014.md");

    /// <summary>HR0015: a ref struct parameter (<c>ReadOnlySpan&lt;byte&gt;</c>) on an asynchronous handler.</summary>
    public static readonly DiagnosticDescriptor SpanOnAsyncHandler = new(
        id: "HR0015",
        title: "Asynchronous handler takes a span",
        messageFormat: "The parameter '{0}' of the asynchronous handler '{1}' is a {2}, which cannot be held across an await; {3}",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A span points into the request's bytes for the synchronous call only. An asynchronous handler (one that returns ValueTask, ValueTask<T>, Task or Task<T>) binds a header or the body as ReadOnlyMemory<byte>, and a route or query value as string or a typed value. The generator leaves the route out.",
        helpLinkUri: HelpLinkBase + "HR0015.md");

    /// <summary>HR0016: an <c>async void</c> handler.</summary>
    public static readonly DiagnosticDescriptor AsyncVoidHandler = new(
        id: "HR0016",
        title: "Handler is async void",
        messageFormat: "The handler '{0}' is async void, which nothing can await: the response would be sent before it finishes, and an exception it throws would end the process; return ValueTask",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An asynchronous handler returns ValueTask (or ValueTask<T>, Task, Task<T>): the server waits for it, answers 500 when it fails and 504 past its time limit. The generator leaves an async void handler's routes out.",
        helpLinkUri: HelpLinkBase + "HR0016.md");

    /// <summary>HR0017: a <c>[HandlerTimeout]</c> that changes nothing.</summary>
    public static readonly DiagnosticDescriptor TimeoutHasNoEffect = new(
        id: "HR0017",
        title: "HandlerTimeout has no effect",
        messageFormat: "[HandlerTimeout] on '{0}' {1}",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "[HandlerTimeout(ms)] limits how long the server waits for an asynchronous handler (on a router: for each of its asynchronous handlers without one of its own). A synchronous handler is not limited, and a limit is a positive number of milliseconds or HandlerTimeoutAttribute.Infinite.",
        helpLinkUri: HelpLinkBase + "HR0017.md");

    /// <summary>HR0018: a handler's result that cannot be written as a response.</summary>
    public static readonly DiagnosticDescriptor ResultCannotBeWritten = new(
        id: "HR0018",
        title: "Handler result cannot be written as a response",
        messageFormat: "The handler '{0}' returns '{1}', which {2}",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A router whose handlers return different types writes each result in its route: a value its JSON context lists ([Router(Json = typeof(AppJson))] with [JsonSerializable(typeof(T))]) as application/json, a string as text/plain, byte[] or ReadOnlyMemory<byte> as application/octet-stream, an IHttpResult or a typed result (Ok<T>, Results<…>) as it says. The generator leaves a route whose result is none of these out.",
        helpLinkUri: HelpLinkBase + "HR0018.md");

    /// <summary>HR0019: a router that gets no <c>HttpEndpoint</c>, and why.</summary>
    public static readonly DiagnosticDescriptor NoHttpEndpoint = new(
        id: "HR0019",
        title: "Router gets no HttpEndpoint",
        messageFormat: "The router '{0}' gets no HttpEndpoint: {1}",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "HttpEndpoint is generated when every handler result can be written as a response and the endpoint can call the handlers. The router keeps its in-process Dispatch.",
        helpLinkUri: HelpLinkBase + "HR0019.md");

    /// <summary>HR0020: a router that gets neither <c>HttpEndpoint</c> nor <c>Dispatch</c>.</summary>
    public static readonly DiagnosticDescriptor NoEntryPoint = new(
        id: "HR0020",
        title: "Router gets neither HttpEndpoint nor Dispatch",
        messageFormat: "The router '{0}' gets no HttpEndpoint and no Dispatch, so none of its routes can run: {1}",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A router whose routes bind the HTTP request is served only through HttpEndpoint; when it cannot get one, nothing calls its handlers.",
        helpLinkUri: HelpLinkBase + "HR0020.md");

    /// <summary>HR0021: a query in a route template.</summary>
    public static readonly DiagnosticDescriptor QueryInTemplate = new(
        id: "HR0021",
        title: "Route template has a query",
        messageFormat: "The template '{0}' has a query, but query values bind by name: {1}",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A template is a method and a path. Every handler parameter the path does not name binds from the query string by its name, as in ASP.NET Core: 'GET /todos' with a parameter 'bool? done' reads '?done=true'. The generator leaves the route out.",
        helpLinkUri: HelpLinkBase + "HR0021.md");

    /// <summary>HR0022: a handler parameter of a service type.</summary>
    public static readonly DiagnosticDescriptor ServiceParameter = new(
        id: "HR0022",
        title: "Handler parameter is a service",
        messageFormat: "The parameter '{0}' has type '{1}', which no part of the request binds to; if it is a service, mark it [FromServices] (resolved from the request's services) or make '{2}' an instance router that holds it (a constructor taking it, non-static handlers) and serve 'new {2}.HttpEndpoint(router)'; if it is the request body, mark it [Body]",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Handlers bind route, query and header values, the body and the exchange by default. A service parameter says where it comes from: [FromServices] or [FromKeyedServices] resolves it from the request's services (docs/dependency-injection.md); or an instance router is constructed with what its handlers need, and the endpoint runs them on it. The generator leaves the route out.",
        helpLinkUri: HelpLinkBase + "HR0022.md");

    /// <summary>HR0023: a router prefix that is not a path of literal segments.</summary>
    public static readonly DiagnosticDescriptor InvalidRouterPrefix = new(
        id: "HR0023",
        title: "Router prefix is not valid",
        messageFormat: "The prefix '{0}' of the router '{1}' is not valid: {2}",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "[Router(Prefix = \"/api/v1\")] serves every route of the router under the prefix. A prefix starts with '/', does not end with one, and holds literal segments only, spelled as in a route template; route parameters belong in each route's template. The generator leaves every route of the router out until the prefix is fixed.",
        helpLinkUri: HelpLinkBase + "HR0023.md");

    /// <summary>HR0024: routes of two routers of one app conflict.</summary>
    public static readonly DiagnosticDescriptor AppRouteConflict = new(
        id: "HR0024",
        title: "Routes of two routers of one app conflict",
        messageFormat: "The route '{0}' of '{1}' conflicts with the route '{2}' of '{3}' in the app '{4}': {5}",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An app serves the routes of all its routers through one decision tree, with their prefixes. Two routes of different routers conflict there as two routes of one router do (HR0006): a request matches both with equal precedence, or an optional route without its optional segment is exactly the other route. The app's dispatcher then always takes the route of the router listed first.",
        helpLinkUri: HelpLinkBase + "HR0024.md");

    /// <summary>HR0025: a type an app lists that it cannot serve.</summary>
    public static readonly DiagnosticDescriptor AppMemberCannotBeComposed = new(
        id: "HR0025",
        title: "App cannot serve a router it lists",
        messageFormat: "'{0}' cannot be served by the app '{1}': {2}",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An app calls the handlers of its routers by their routers' names, with no router instance, and writes their results as responses. So each type it lists must be a [Router] that gets an HttpEndpoint, with static handlers the app can call (not private or protected), listed once. The generator leaves a router it cannot serve out of the app.",
        helpLinkUri: HelpLinkBase + "HR0025.md");

    /// <summary>HR0026: no code can be added to the app type.</summary>
    public static readonly DiagnosticDescriptor AppCannotBeGenerated = new(
        id: "HR0026",
        title: "App type cannot be generated",
        messageFormat: "The app '{0}' cannot get its generated HttpEndpoint: {1}",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generator adds HttpEndpoint, RoutePatterns, Routes, ParameterName and a nested HyperRouteDispatcher to the [App] type, which must therefore be a non-generic partial class, nested only in partial types, that declares none of those names and is not a [Router] itself.",
        helpLinkUri: HelpLinkBase + "HR0026.md");

    /// <summary>HR0027: an OpenAPI document route that is not a literal path.</summary>
    public static readonly DiagnosticDescriptor InvalidOpenApiRoute = new(
        id: "HR0027",
        title: "OpenAPI document route is not valid",
        messageFormat: "The route '{0}' at which '{1}' would serve its OpenAPI document is not valid: {2}",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "[OpenApi(Route = \"/openapi.json\")] makes the HttpEndpoint answer GET and HEAD at that path with the generated document, when no route of the router or app answers the path. The route is an absolute path (a router's Prefix does not apply) of literal segments spelled as in a route template: it starts with '/', and holds no parameter, query or method. The generator serves no document until the route is fixed.",
        helpLinkUri: HelpLinkBase + "HR0027.md");
    /// <summary>HR0030: a <c>[Forward]</c> method is not a bodiless partial route handler the generator can complete.</summary>
    public static readonly DiagnosticDescriptor ForwardHandlerShape = new(
        id: "HR0030",
        title: "[Forward] handler has the wrong shape",
        messageFormat: "{0}",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generator writes the body of a [Forward] handler, so it is a route ([Route]) of a [Router] declared as a partial method without a body, returning ValueTask and taking the HttpExchange: 'public static partial ValueTask Api(HttpExchange exchange);'.",
        helpLinkUri: HelpLinkBase + "HR0030.md");

    /// <summary>HR0031: <c>[Forward]</c> names no <c>BackendGroup</c> the handler can read.</summary>
    public static readonly DiagnosticDescriptor ForwardGroupInvalid = new(
        id: "HR0031",
        title: "[Forward] group is not a BackendGroup of the router",
        messageFormat: "{0}",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "[Forward(nameof(Backends))] names a readable field or property of the router whose type is BackendGroup; a static handler needs a static one.",
        helpLinkUri: HelpLinkBase + "HR0031.md");

    /// <summary>HR0032: the rewrite path of a <c>[Forward]</c> is not valid.</summary>
    public static readonly DiagnosticDescriptor ForwardPathInvalid = new(
        id: "HR0032",
        title: "[Forward] rewrite path is not valid",
        messageFormat: "{0}",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Path = \"/v2/{id}\" starts with '/', holds only path characters, and names in braces values of the route's single template (a rewrite needs exactly one [Route]).",
        helpLinkUri: HelpLinkBase + "HR0032.md");

    /// <summary>HR0033: the hash key of a <c>[Forward]</c> names no value of its route.</summary>
    public static readonly DiagnosticDescriptor ForwardKeyInvalid = new(
        id: "HR0033",
        title: "[Forward] key names no route value",
        messageFormat: "{0}",
        category: RoutingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Key = \"tenant\" names a parameter of the route's single template; its bytes are the request's hash key for a consistent-hash group.",
        helpLinkUri: HelpLinkBase + "HR0033.md");

    /// <summary>The category of the hot-path allocation rules.</summary>
    public const string HotPathCategory = "HyperRoute.HotPath";

    /// <summary>HR1001: Heap allocation on a hot path.</summary>
    public static readonly DiagnosticDescriptor ExplicitAllocation = new(
        id: "HR1001",
        title: "Heap allocation on a hot path",
        messageFormat: "{0} allocates on the heap on every call",
        category: HotPathCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An object of a reference type, an array, an anonymous object, new T() for a T that may be a class, or a collection expression that becomes an array, a list or an interface is allocated on every call. Reuse an instance, use Array.Empty<T>(), a span, stackalloc or a pooled buffer.",
        helpLinkUri: HelpLinkBase + "HR1001.md");

    /// <summary>HR1002: Boxing on a hot path.</summary>
    public static readonly DiagnosticDescriptor Boxing = new(
        id: "HR1002",
        title: "Boxing on a hot path",
        messageFormat: "{0}",
        category: HotPathCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Converting a value type to object, System.ValueType, System.Enum or an interface copies it into a new heap object; so does calling Equals, GetHashCode or ToString on a struct that does not override it. Use generic methods constrained to the interface, or override the method.",
        helpLinkUri: HelpLinkBase + "HR1002.md");

    /// <summary>HR1003: Capturing lambda on a hot path.</summary>
    public static readonly DiagnosticDescriptor Closure = new(
        id: "HR1003",
        title: "Capturing lambda on a hot path",
        messageFormat: "{0} captures {1}: a closure and a delegate are allocated on every call",
        category: HotPathCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A lambda, anonymous method or local function turned into a delegate that captures locals, parameters or 'this' makes the compiler allocate a display class instance and a delegate each time the code runs. Pass the state explicitly and make the lambda static.",
        helpLinkUri: HelpLinkBase + "HR1003.md");

    /// <summary>HR1004: Delegate allocated on a hot path.</summary>
    public static readonly DiagnosticDescriptor DelegateAllocation = new(
        id: "HR1004",
        title: "Delegate allocated on a hot path",
        messageFormat: "{0} allocates a new delegate on every call: {1}",
        category: HotPathCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The compiler caches delegates for lambdas that capture nothing and, since C# 11, for method groups of static methods. A method group of an instance or extension method, a local function, or an explicit new D(...) creates a new delegate every time. Cache the delegate in a field or use a static method.",
        helpLinkUri: HelpLinkBase + "HR1004.md");

    /// <summary>HR1005: params array allocated on a hot path.</summary>
    public static readonly DiagnosticDescriptor ParamsArray = new(
        id: "HR1005",
        title: "params array allocated on a hot path",
        messageFormat: "The call to '{0}' allocates {1} for its params parameter '{2}'",
        category: HotPathCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A call that passes arguments to a params T[] parameter (or a params collection that is not a span) allocates the collection on every call; a call without any argument uses Array.Empty<T>() and params ReadOnlySpan<T> (C# 13) lives on the stack. Call an overload with fixed parameters or a span.",
        helpLinkUri: HelpLinkBase + "HR1005.md");

    /// <summary>HR1006: String built on a hot path.</summary>
    public static readonly DiagnosticDescriptor StringBuilding = new(
        id: "HR1006",
        title: "String built on a hot path",
        messageFormat: "{0} builds a new string on every call",
        category: HotPathCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "String concatenation and interpolation into a string allocate the result (constant strings are folded at compile time and do not). Write into a span, a pooled buffer or an interpolated string handler such as TryWrite, or use UTF-8 literals.",
        helpLinkUri: HelpLinkBase + "HR1006.md");

    /// <summary>HR1007: Enumerator allocated on a hot path.</summary>
    public static readonly DiagnosticDescriptor EnumeratorAllocation = new(
        id: "HR1007",
        title: "Enumerator allocated on a hot path",
        messageFormat: "{0} allocates an enumerator: {1}",
        category: HotPathCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "foreach over an interface (IEnumerable<T>, IList<T>, ...) or a type whose GetEnumerator returns a class boxes or allocates the enumerator; calling a method that hands out an IEnumerator does the same. Enumerate the concrete type (arrays, List<T>, spans) whose enumerator is a struct.",
        helpLinkUri: HelpLinkBase + "HR1007.md");

    /// <summary>HR1008: LINQ on a hot path.</summary>
    public static readonly DiagnosticDescriptor Linq = new(
        id: "HR1008",
        title: "LINQ on a hot path",
        messageFormat: "The LINQ call '{0}' allocates iterators, delegates or results",
        category: HotPathCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "LINQ operators allocate iterator objects, often delegates and closures, and materializing operators allocate the result. Write the loop over the concrete collection or span.",
        helpLinkUri: HelpLinkBase + "HR1008.md");

    /// <summary>HR1009: Call to a method known to allocate on a hot path.</summary>
    public static readonly DiagnosticDescriptor AllocatingCall = new(
        id: "HR1009",
        title: "Call to a method known to allocate on a hot path",
        messageFormat: "'{0}' allocates: {1}",
        category: HotPathCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Some BCL methods always (or almost always) return a freshly allocated object: ToString, Substring, Split, string.Format/Concat/Join, ToArray, ToList, Encoding.GetBytes/GetString, Task.FromResult and others listed on the docs page. Use span-based or Try* alternatives.",
        helpLinkUri: HelpLinkBase + "HR1009.md");

    /// <summary>HR1010: 'with' on a record class on a hot path.</summary>
    public static readonly DiagnosticDescriptor RecordWith = new(
        id: "HR1010",
        title: "'with' on a record class on a hot path",
        messageFormat: "The 'with' expression copies the record class '{0}' into a new heap object",
        category: HotPathCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A with expression on a record class calls its clone method, which allocates a copy. Use a record struct, or mutate a reused instance.",
        helpLinkUri: HelpLinkBase + "HR1010.md");

    /// <summary>HR1011: Range slice copies on a hot path.</summary>
    public static readonly DiagnosticDescriptor RangeSlice = new(
        id: "HR1011",
        title: "Range slice copies on a hot path",
        messageFormat: "The range '{0}' on {1} copies the elements into a new {2}",
        category: HotPathCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A range applied to an array (RuntimeHelpers.GetSubArray) or a string (Substring) allocates a copy. Slice a span instead: AsSpan(range).",
        helpLinkUri: HelpLinkBase + "HR1011.md");

    /// <summary>HR1012: Iterator or async state machine on a hot path.</summary>
    public static readonly DiagnosticDescriptor StateMachine = new(
        id: "HR1012",
        title: "Iterator or async state machine on a hot path",
        messageFormat: "'{0}' is {1}: every call allocates {2}",
        category: HotPathCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Calling an iterator allocates its enumerator object; an async method returning Task or Task<T> (or void) allocates its state machine box and task when it does not complete synchronously, and often the task even when it does. Return a ValueTask, or write the enumerator as a struct.",
        helpLinkUri: HelpLinkBase + "HR1012.md");

    /// <summary>HR1013: a lambda on a hot path that captures nothing but is not marked static.</summary>
    public static readonly DiagnosticDescriptor LambdaCouldBeStatic = new(
        id: "HR1013",
        title: "Mark a non-capturing lambda on a hot path 'static'",
        messageFormat: "{0} captures nothing: mark it 'static' so that a capture added later, which would allocate a closure on every call, is a compile error",
        category: HotPathCategory,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "A lambda that captures nothing is cached by the compiler and allocates nothing, so it is not an allocation today. Marking it static keeps it that way: the compiler then rejects any capture instead of silently turning the lambda into a closure allocated on every call.",
        helpLinkUri: HelpLinkBase + "HR1013.md");

    /// <summary>HR1014: an <c>async Task</c> route handler, which could return <c>ValueTask</c>.</summary>
    public static readonly DiagnosticDescriptor TaskHandler = new(
        id: "HR1014",
        title: "Asynchronous handler returns a Task",
        messageFormat: "The handler '{0}' returns {1}: return ValueTask instead, which allocates nothing when the handler completes synchronously",
        category: HotPathCategory,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "An async method returning Task<T> allocates its task for most results even when it completes synchronously, and either form allocates a task and a state machine box when it awaits. An async ValueTask handler completes in place without allocating; the generated code wraps a Task in a ValueTask either way.",
        helpLinkUri: HelpLinkBase + "HR1014.md");

    /// <summary>The category of the validator and transform rules.</summary>
    public const string ValidationCategory = "HyperRoute.Validation";

    /// <summary>HR2001: the type argument of a <c>[Validate&lt;V&gt;]</c>/<c>[Transform&lt;X&gt;]</c> is not a partial <c>[Validator]</c>/<c>[Transform]</c> type.</summary>
    public static readonly DiagnosticDescriptor StepTypeNotMarked = new(
        id: "HR2001",
        title: "Validator or transform type is not marked",
        messageFormat: "{0}",
        category: ValidationCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "[Validate<V>] takes a partial type marked [Validator], [Transform<X>] a partial type marked [Transform]. The generator leaves out every route the step applies to.",
        helpLinkUri: HelpLinkBase + "HR2001.md");

    /// <summary>HR2002: a validator whose interface does not fit where it is applied.</summary>
    public static readonly DiagnosticDescriptor ValidatorDoesNotFit = new(
        id: "HR2002",
        title: "Validator does not fit its position",
        messageFormat: "{0}",
        category: ValidationCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "On a handler parameter, the validator implements IValidator<T> for exactly the parameter's type; on a router or a route method, it implements IRequestValidator. The dispatcher calls its static Validate directly.",
        helpLinkUri: HelpLinkBase + "HR2002.md");

    /// <summary>HR2003: a transform whose interface does not fit where it is applied.</summary>
    public static readonly DiagnosticDescriptor TransformDoesNotFit = new(
        id: "HR2003",
        title: "Transform does not fit its position",
        messageFormat: "{0}",
        category: ValidationCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "On a handler parameter, the transform implements ITransform<T> for exactly the parameter's type; on a router or a route method, it implements IResponseTransform. The dispatcher calls its static Transform directly.",
        helpLinkUri: HelpLinkBase + "HR2003.md");

    /// <summary>HR2004: a <c>[Validator]</c>/<c>[Transform]</c> type that implements none of the interfaces.</summary>
    public static readonly DiagnosticDescriptor StepWithoutInterface = new(
        id: "HR2004",
        title: "Validator or transform implements no interface",
        messageFormat: "{0}",
        category: ValidationCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A [Validator] implements IValidator<T> or IRequestValidator, a [Transform] ITransform<T> or IResponseTransform; without one, no [Validate<V>] or [Transform<X>] can apply it.",
        helpLinkUri: HelpLinkBase + "HR2004.md");

    /// <summary>HR2005: a typed <c>[Body]</c> without a JSON context that can read it.</summary>
    public static readonly DiagnosticDescriptor JsonBodyWithoutContext = new(
        id: "HR2005",
        title: "Typed body has no JSON context",
        messageFormat: "{0}",
        category: ValidationCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A [Body] parameter of any type but ReadOnlySpan<byte> is read as JSON with System.Text.Json source-generated metadata: the router names a JsonSerializerContext with [Router(Json = typeof(Ctx))], and the context lists the body type with [JsonSerializable(typeof(T))].",
        helpLinkUri: HelpLinkBase + "HR2005.md");

    /// <summary>The category of the message layout rules.</summary>
    public const string MessagesCategory = "HyperRoute.Messages";

    /// <summary>HR3001: a <c>[Field]</c> member whose type or kind the layout cannot support.</summary>
    public static readonly DiagnosticDescriptor MessageFieldUnsupported = new(
        id: "HR3001",
        title: "Message field cannot be laid out",
        messageFormat: "{0}",
        category: MessagesCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A [Field] is an instance field or a property with a 'set' accessor of an integer, float, double, bool, enum, ReadOnlyMemory<byte> or [Message] struct type of the same assembly. The generator emits nothing for the message.",
        helpLinkUri: HelpLinkBase + "HR3001.md");

    /// <summary>HR3002: two <c>[Field]</c>s of one message with the same order.</summary>
    public static readonly DiagnosticDescriptor MessageFieldOrderDuplicate = new(
        id: "HR3002",
        title: "Duplicate message field order",
        messageFormat: "{0}",
        category: MessagesCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The order of a [Field] is its position on the wire, so each field of a message has an order of its own. The generator emits nothing for the message.",
        helpLinkUri: HelpLinkBase + "HR3002.md");

    /// <summary>HR3003: a byte string with neither or both of Length and Prefix, or either on another type.</summary>
    public static readonly DiagnosticDescriptor MessageByteStringShape = new(
        id: "HR3003",
        title: "Byte string needs exactly one of Length and Prefix",
        messageFormat: "{0}",
        category: MessagesCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A ReadOnlyMemory<byte> field is either of a fixed, positive Length or length-prefixed with a Prefix of Byte, UInt16 or UInt32; Length and Prefix mean nothing on any other field type. The generator emits nothing for the message.",
        helpLinkUri: HelpLinkBase + "HR3003.md");

    /// <summary>HR3004: <c>[Message]</c> on a type the generator cannot add to.</summary>
    public static readonly DiagnosticDescriptor MessageNotPartialStruct = new(
        id: "HR3004",
        title: "Message is not a partial struct",
        messageFormat: "{0}",
        category: MessagesCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generator adds TryRead, TryWrite and GetSize to the message itself, so it is a partial, non-generic struct (not ref, not readonly), and every type it is nested in is partial and not generic.",
        helpLinkUri: HelpLinkBase + "HR3004.md");

    /// <summary>HR3005: a message that contains itself.</summary>
    public static readonly DiagnosticDescriptor MessageNestsItself = new(
        id: "HR3005",
        title: "Message nests itself",
        messageFormat: "{0}",
        category: MessagesCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A nested [Message] is read and written inline, so a message that contains itself, directly or through other messages, would have no end. The generator emits nothing for the message.",
        helpLinkUri: HelpLinkBase + "HR3005.md");

    /// <summary>HR3006: a message router whose type is not a <c>[Message]</c> struct.</summary>
    public static readonly DiagnosticDescriptor MessageRouterNotMessage = new(
        id: "HR3006",
        title: "Message router type is not a message",
        messageFormat: "{0}",
        category: MessagesCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A [MessageRouter] routes the messages the generator reads, so its type is a [Message] struct. The generator emits nothing for the router.",
        helpLinkUri: HelpLinkBase + "HR3006.md");

    /// <summary>HR3007: a message router key that is not an integer or enum field of its message.</summary>
    public static readonly DiagnosticDescriptor MessageRouterKeyInvalid = new(
        id: "HR3007",
        title: "Message router key is not an integer or enum field",
        messageFormat: "{0}",
        category: MessagesCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The router switches on the key, so it names an integer or enum [Field] of the message. The generator emits nothing for the router.",
        helpLinkUri: HelpLinkBase + "HR3007.md");

    /// <summary>HR3008: two handlers for the same key value.</summary>
    public static readonly DiagnosticDescriptor MessageRouterDuplicateValue = new(
        id: "HR3008",
        title: "Two handlers for one key value",
        messageFormat: "{0}",
        category: MessagesCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Each key value has one handler: the router's switch has one case per value. Reported on the second [On]. The generator emits nothing for the router.",
        helpLinkUri: HelpLinkBase + "HR3008.md");

    /// <summary>HR3009: an <c>[On]</c> value the key field cannot hold.</summary>
    public static readonly DiagnosticDescriptor MessageRouterValueOutOfRange = new(
        id: "HR3009",
        title: "Key value out of range",
        messageFormat: "{0}",
        category: MessagesCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An [On] value outside the range of the key's type, or not a member of a key enum without [Flags], would never be read, so its handler would never run. The generator emits nothing for the router.",
        helpLinkUri: HelpLinkBase + "HR3009.md");

    /// <summary>HR3010: a handler that is not <c>void X(in TMessage)</c>, <c>void X(TMessage)</c> or <c>ValueTask X(TMessage[, CancellationToken])</c>.</summary>
    public static readonly DiagnosticDescriptor MessageRouterHandlerSignature = new(
        id: "HR3010",
        title: "Message handler has the wrong signature",
        messageFormat: "{0}",
        category: MessagesCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The router calls each handler with the message it routes and ignores nothing it returns, so a handler is a non-generic 'void X(in TMessage message)' or 'void X(TMessage message)', or async 'ValueTask X(TMessage message)' with an optional CancellationToken after the message. The generator emits nothing for the router.",
        helpLinkUri: HelpLinkBase + "HR3010.md");

    /// <summary>HR3011: more than one <c>[Otherwise]</c> in a router.</summary>
    public static readonly DiagnosticDescriptor MessageRouterOtherwiseDuplicate = new(
        id: "HR3011",
        title: "More than one fallback handler",
        messageFormat: "{0}",
        category: MessagesCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The [Otherwise] handler takes every key value no [On] matches, so a router has at most one. The generator emits nothing for the router.",
        helpLinkUri: HelpLinkBase + "HR3011.md");

    /// <summary>HR3012: <c>[MessageRouter]</c> on a class the generator cannot add to.</summary>
    public static readonly DiagnosticDescriptor MessageRouterNotPartialClass = new(
        id: "HR3012",
        title: "Message router is not a partial class",
        messageFormat: "{0}",
        category: MessagesCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generator adds Route, TryRoute and FrameHandler to the router itself, so it is a partial, non-generic class, and every type it is nested in is partial and not generic.",
        helpLinkUri: HelpLinkBase + "HR3012.md");

    /// <summary>HR3013: a <c>When</c> that names no method of the router.</summary>
    public static readonly DiagnosticDescriptor MessageRouterPredicateMissing = new(
        id: "HR3013",
        title: "When names no method",
        messageFormat: "{0}",
        category: MessagesCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "When names a method of the router that decides, for each message, whether the handler takes it. The generator emits nothing for the router.",
        helpLinkUri: HelpLinkBase + "HR3013.md");

    /// <summary>HR3014: a <c>When</c> that names several overloads.</summary>
    public static readonly DiagnosticDescriptor MessageRouterPredicateAmbiguous = new(
        id: "HR3014",
        title: "When names several overloads",
        messageFormat: "{0}",
        category: MessagesCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The router calls the predicate directly, so When names exactly one method. The generator emits nothing for the router.",
        helpLinkUri: HelpLinkBase + "HR3014.md");

    /// <summary>HR3015: a <c>When</c> method that is not <c>bool P(in TMessage)</c> or <c>bool P(TMessage)</c>.</summary>
    public static readonly DiagnosticDescriptor MessageRouterPredicateSignature = new(
        id: "HR3015",
        title: "Predicate has the wrong signature",
        messageFormat: "{0}",
        category: MessagesCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The router calls the predicate with the message it routes and takes the handler when it returns true, so it is bool P(in TMessage message) or bool P(TMessage message), not generic. The generator emits nothing for the router.",
        helpLinkUri: HelpLinkBase + "HR3015.md");

    /// <summary>HR3016: an instance <c>When</c> method on a router whose handlers are all static.</summary>
    public static readonly DiagnosticDescriptor MessageRouterPredicateInstance = new(
        id: "HR3016",
        title: "Instance predicate on a static router",
        messageFormat: "{0}",
        category: MessagesCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A router whose handlers are all static gets a static Route, which has no instance to call an instance predicate on. The generator emits nothing for the router.",
        helpLinkUri: HelpLinkBase + "HR3016.md");

    /// <summary>HR3017: an <c>[On]</c> with neither a value nor <c>When</c>.</summary>
    public static readonly DiagnosticDescriptor MessageRouterOnWithoutKey = new(
        id: "HR3017",
        title: "[On] without a value or When",
        messageFormat: "{0}",
        category: MessagesCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A key-less [On] is tested before the switch and takes the messages its When predicate accepts; without When it would take every message, which is what [Otherwise] is for. The generator emits nothing for the router.",
        helpLinkUri: HelpLinkBase + "HR3017.md");

    /// <summary>HR3018: an <c>[On]</c> no message can reach.</summary>
    public static readonly DiagnosticDescriptor MessageRouterUnreachable = new(
        id: "HR3018",
        title: "Unreachable handler",
        messageFormat: "{0}",
        category: MessagesCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Predicates are tested in a fixed order (key-less ones first, then a value's own in declaration order); an [On] whose When was already tested on every path to it takes nothing. The generator emits nothing for the router.",
        helpLinkUri: HelpLinkBase + "HR3018.md");

    /// <summary>HR3019: a <c>[To]</c> group that names no field or property of the router.</summary>
    public static readonly DiagnosticDescriptor MessageRouterToGroupMissing = new(
        id: "HR3019",
        title: "[To] names no member of the router",
        messageFormat: "{0}",
        category: MessagesCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "[To] names the field or property of the router that holds the destination group the handler forwards to. Reported on the group argument. The generator emits nothing for the router.",
        helpLinkUri: HelpLinkBase + "HR3019.md");

    /// <summary>HR3020: a <c>[To]</c> member that is not a <c>DestinationGroup&lt;T&gt;</c> of an <c>IFrameDestination</c>.</summary>
    public static readonly DiagnosticDescriptor MessageRouterToGroupType = new(
        id: "HR3020",
        title: "[To] member is not a destination group",
        messageFormat: "{0}",
        category: MessagesCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "[To] forwards with Forwarding.Forward, which takes a DestinationGroup<T> whose destinations are IFrameDestinations; the member's type is, or derives from, one (RoundRobinGroup<TcpPeer>, ConsistentHashGroup<UdpPeer>, …), and a property has a getter. Reported on the group argument. The generator emits nothing for the router.",
        helpLinkUri: HelpLinkBase + "HR3020.md");

    /// <summary>HR3021: a <c>[To]</c> group that is an instance member, on a static handler.</summary>
    public static readonly DiagnosticDescriptor MessageRouterToGroupInstance = new(
        id: "HR3021",
        title: "Instance destination group on a static handler",
        messageFormat: "{0}",
        category: MessagesCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generated forward runs in the handler's body and in Route; a static handler (and the static Route of a router whose handlers are all static) has no instance to read an instance group from. Reported on the group argument. The generator emits nothing for the router.",
        helpLinkUri: HelpLinkBase + "HR3021.md");

    /// <summary>HR3022: a <c>[To]</c> handler that is not a bodiless <c>partial MessageOutcome X(in TMessage)</c>.</summary>
    public static readonly DiagnosticDescriptor MessageRouterToHandlerShape = new(
        id: "HR3022",
        title: "[To] handler is not a bodiless partial method",
        messageFormat: "{0}",
        category: MessagesCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generator writes a [To] handler's body, so the handler is a partial method without one, 'partial MessageOutcome X(in TMessage message)' or 'partial MessageOutcome X(TMessage message)' with an accessibility modifier, not generic. Reported on the method's name. The generator emits nothing for the router.",
        helpLinkUri: HelpLinkBase + "HR3022.md");

    /// <summary>HR3023: a <c>[To]</c> key that is not an integer or enum <c>[Field]</c> of the message.</summary>
    public static readonly DiagnosticDescriptor MessageRouterToKeyInvalid = new(
        id: "HR3023",
        title: "[To] key is not an integer or enum field",
        messageFormat: "{0}",
        category: MessagesCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Key names the message field whose bytes are the routing key (consistent hashing reads it), so it is an integer or enum [Field] of the message. Reported on the Key argument. The generator emits nothing for the router.",
        helpLinkUri: HelpLinkBase + "HR3023.md");

    /// <summary>HR3024: <c>[To]</c> on a method that is not an <c>[On]</c>/<c>[Otherwise]</c> handler.</summary>
    public static readonly DiagnosticDescriptor MessageRouterToNotHandler = new(
        id: "HR3024",
        title: "[To] on a method that is not a handler",
        messageFormat: "{0}",
        category: MessagesCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "[To] makes a message router's [On] or [Otherwise] handler a forward; on any other method nothing routes messages to it. Reported on the attribute. The generator emits nothing for a router with one.",
        helpLinkUri: HelpLinkBase + "HR3024.md");

    /// <summary>HR3025: an async message handler with a span (<c>ref struct</c>) parameter.</summary>
    public static readonly DiagnosticDescriptor MessageRouterAsyncHandlerSpan = new(
        id: "HR3025",
        title: "Async message handler takes a span",
        messageFormat: "{0}",
        category: MessagesCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An async handler's work may go on after the frame it was called for is gone, and a span (any ref struct) cannot live across an await. The handler takes the message by value instead: a copy, read out of the frame, whose byte strings are ReadOnlyMemory<byte>. Reported on the parameter. The generator emits nothing for the router.",
        helpLinkUri: HelpLinkBase + "HR3025.md");
}
