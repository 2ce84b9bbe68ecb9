using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// Reads <c>[OpenApi(Route = "/openapi.json")]</c>: the path at which the router's (or app's) <c>HttpEndpoint</c> serves
/// its document. One reader for the analyzer that reports a bad path (HR0027) and the generator that serves a good one.
/// The path is absolute (a router's <c>Prefix</c> does not apply) and literal: the document is served only when no route
/// answers the path, so it costs a matched request nothing.
/// </summary>
internal static class OpenApiRouteReader
{
    private const string RouteArgument = "Route";

    /// <summary>The path the document is served at; <see langword="null"/> for none, and for one that is not valid (HR0027).</summary>
    public static string? Read(INamedTypeSymbol owner)
        => Argument(owner) is { } route && WhyNot(route) is null ? route : null;

    /// <summary>
    /// The path; <see langword="null"/> for none (no <c>[OpenApi]</c>, no <c>Route</c>, or an empty one) and for one that is
    /// not valid, which sets <paramref name="invalid"/>, <paramref name="error"/> (what is wrong and what to write) and
    /// <paramref name="location"/> (the offending characters of the argument).
    /// </summary>
    public static string? Read(INamedTypeSymbol owner, CancellationToken cancellationToken, out string? invalid, out string? error, out Location? location)
    {
        invalid = null;
        error = null;
        location = null;
        if (Argument(owner) is not { } route)
        {
            return null;
        }

        var templateError = WhyNot(route);
        if (templateError is null)
        {
            return route;
        }

        invalid = route;
        error = templateError.Message;
        var syntax = Attribute(owner)!.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var expression = syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == RouteArgument)?.Expression;
        location = PatternLocator.Locate(expression, templateError.Start, templateError.Length) ?? syntax?.GetLocation();
        return null;
    }

    private static AttributeData? Attribute(INamedTypeSymbol owner)
        => owner.GetAttributes().FirstOrDefault(a => KnownNames.Is(a.AttributeClass, KnownNames.OpenApiAttribute));

    // The Route argument as written; null when there is none, it is null or empty, or it does not compile.
    private static string? Argument(INamedTypeSymbol owner)
        => Attribute(owner)?.NamedArguments
            .FirstOrDefault(a => a.Key == RouteArgument && a.Value.Kind != TypedConstantKind.Error)
            .Value.Value as string is { Length: > 0 } route ? route : null;

    // A literal path the template grammar accepts: '/' and segments without parameters, a query or a method.
    private static TemplateError? WhyNot(string route)
    {
        if (route.IndexOf(' ') is var space and > 0 && route.Substring(space + 1).StartsWith("/", System.StringComparison.Ordinal))
        {
            return new TemplateError($"The document answers GET and HEAD; write the path alone: '{route.Substring(space + 1)}'", 0, space + 1);
        }

        if (route[0] != '/')
        {
            return new TemplateError($"The document's route is a path that starts with '/'; write '/{route}'", 0, 1);
        }

        const string Method = "GET ";
        if (route.IndexOf('?') is var question and >= 0)
        {
            return new TemplateError("The document's route is a path without a query; remove '" + route.Substring(question) + "'", question, route.Length - question);
        }

        if (!RouteTemplateParser.TryParse(Method + route, out var template, out var inner))
        {
            return inner! with { Start = System.Math.Max(0, inner!.Start - Method.Length) };
        }

        var parameter = template!.Segments.FirstOrDefault(s => s.Kind != SegmentKind.Literal);
        return parameter is null
            ? null
            : new TemplateError($"The document's route is a literal path, and '{parameter.Text}' is a parameter; write the path itself, such as '/openapi.json'", parameter.Start - Method.Length, parameter.Text.Length);
    }
}
