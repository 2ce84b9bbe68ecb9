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
        description: "A handler is an ordinary, non-generic method of the router that does not return by reference; in a static router it is static, and all handlers of one router return the same type (or void).",
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
}
