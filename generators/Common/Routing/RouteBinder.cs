using System.Collections.Generic;
using System.Collections.Immutable;

namespace HyperRoute.Common.Routing;

/// <summary>A handler parameter as the binding rules see it (no Roslyn types).</summary>
/// <param name="Name">The C# name.</param>
/// <param name="Identifier">The name as C# code must spell it (<c>@class</c> for a keyword).</param>
/// <param name="Type">The value type, or <see langword="null"/> when the parameter's type cannot be bound.</param>
/// <param name="IsNullable">The type is <c>T?</c>: absent values bind as <see langword="null"/>.</param>
/// <param name="DefaultValue">The C# expression of the parameter's default value, or <see langword="null"/> when it has none.</param>
/// <param name="TypeDisplay">The type as the user wrote it, for messages.</param>
/// <param name="Context">The parameter is the exchange, its request or its response (by type), not a value.</param>
/// <param name="Header">The field name of the parameter's <c>[Header]</c>, as written; <see langword="null"/> without one.</param>
/// <param name="IsBody">The parameter has <c>[Body]</c>.</param>
internal sealed record HandlerParameter(
    string Name,
    string Identifier,
    RouteValueType? Type,
    bool IsNullable,
    string? DefaultValue,
    string TypeDisplay,
    ContextKind Context = ContextKind.None,
    string? Header = null,
    bool IsBody = false);

/// <summary>The HTTP objects a handler parameter can receive by its type.</summary>
internal enum ContextKind
{
    /// <summary>Not one of them: the parameter binds a value.</summary>
    None,
    /// <summary><c>HyperRoute.Http.HttpExchange</c>.</summary>
    Exchange,
    /// <summary><c>HyperRoute.Http.HttpRequest</c>.</summary>
    Request,
    /// <summary><c>HyperRoute.Http.HttpResponse</c>.</summary>
    Response,
}

/// <summary>Where a handler argument comes from.</summary>
internal enum BindingSource
{
    /// <summary>One path segment.</summary>
    Segment,
    /// <summary>The rest of the path (catch-all).</summary>
    CatchAll,
    /// <summary>A query string parameter.</summary>
    Query,
    /// <summary>A request header (<c>[Header]</c>); <see cref="ParameterBinding.HeaderName"/> says which.</summary>
    Header,
    /// <summary>The request body (<c>[Body]</c>).</summary>
    Body,
    /// <summary>The <c>HttpExchange</c> itself.</summary>
    Exchange,
    /// <summary>The exchange's <c>HttpRequest</c>.</summary>
    Request,
    /// <summary>The exchange's <c>HttpResponse</c>.</summary>
    Response,
}

/// <summary>How one handler argument is obtained.</summary>
/// <param name="Type">The value type; <see cref="RouteValueType.Utf8"/> for the body, and meaningless for the exchange, request and response.</param>
/// <param name="HeaderName">The header's field name as written, for <see cref="BindingSource.Header"/>.</param>
internal sealed record ParameterBinding(
    string Name,
    string Identifier,
    RouteValueType Type,
    bool IsNullable,
    BindingSource Source,
    int SegmentIndex,
    bool IsOptional,
    string? DefaultValue,
    string? HeaderName = null)
{
    /// <summary>The argument comes from the HTTP exchange (a header, the body, the exchange, request or response), not the request line.</summary>
    public bool NeedsExchange => Source >= BindingSource.Header;
}

/// <summary>Which rule a binding error breaks; the analyzers report each with its own diagnostic.</summary>
internal enum BindingErrorKind
{
    /// <summary>The template and the parameters do not fit (HR0003).</summary>
    Route,
    /// <summary><c>[Header]</c> on a type no header value converts to (HR0009).</summary>
    HeaderType,
    /// <summary><c>[Header]</c> with a name that is not an HTTP token (HR0010).</summary>
    HeaderName,
    /// <summary><c>[Body]</c> on anything but <c>ReadOnlySpan&lt;byte&gt;</c>, or on two parameters (HR0011).</summary>
    Body,
    /// <summary>A <c>[Header]</c> or <c>[Body]</c> parameter that the template also names (HR0012).</summary>
    NamedInTemplate,
}

/// <summary>Why a handler cannot be bound to its template.</summary>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="ParameterIndex">The handler parameter at fault, or -1.</param>
/// <param name="SegmentIndex">The template segment at fault, or -1.</param>
/// <param name="Kind">The rule broken.</param>
internal sealed record BindingError(string Message, int ParameterIndex, int SegmentIndex, BindingErrorKind Kind = BindingErrorKind.Route);

/// <summary>
/// The binding rules, shared by the generator and the analyzers: template parameters bind handler
/// parameters by name (case-insensitive); <c>[Header]</c> and <c>[Body]</c> parameters bind the request's
/// header and body; parameters of type <c>HttpExchange</c>, <c>HttpRequest</c> and <c>HttpResponse</c> receive
/// those; every other handler parameter binds from the query string.
/// </summary>
internal static class RouteBinder
{
    private const string ValueTypes = "an integer, bool, Guid, double, float, decimal, string or ReadOnlySpan<byte> (or T? of a value type)";

    public static bool TryBind(RouteTemplate template, IReadOnlyList<HandlerParameter> parameters, out ImmutableArray<ParameterBinding> bindings, out BindingError? error)
    {
        bindings = ImmutableArray<ParameterBinding>.Empty;
        error = null;
        var builder = ImmutableArray.CreateBuilder<ParameterBinding>(parameters.Count);
        var used = new bool[template.Segments.Count];
        var body = -1;

        for (var p = 0; p < parameters.Count; p++)
        {
            var parameter = parameters[p];
            if (parameter.Header is not null || parameter.IsBody)
            {
                error = BindRequestPart(template, parameter, p, ref body, builder);
                if (error is not null)
                {
                    return false;
                }

                continue;
            }

            if (parameter.Context != ContextKind.None)
            {
                var source = parameter.Context switch
                {
                    ContextKind.Exchange => BindingSource.Exchange,
                    ContextKind.Request => BindingSource.Request,
                    _ => BindingSource.Response,
                };
                builder.Add(new ParameterBinding(parameter.Name, parameter.Identifier, RouteValueType.Utf8, false, source, -1, false, null));
                continue;
            }

            if (parameter.Type is not { } type)
            {
                error = new BindingError(
                    $"The parameter '{parameter.Name}' has type '{parameter.TypeDisplay}', which a route or query value cannot bind to; use {ValueTypes}, or HttpExchange, HttpRequest or HttpResponse",
                    p,
                    -1);
                return false;
            }

            var segmentIndex = template.IndexOfParameter(parameter.Name);
            if (segmentIndex < 0)
            {
                var isOptional = parameter.DefaultValue is not null || parameter.IsNullable;
                builder.Add(new ParameterBinding(parameter.Name, parameter.Identifier, type, parameter.IsNullable, BindingSource.Query, -1, isOptional, parameter.DefaultValue));
                continue;
            }

            used[segmentIndex] = true;
            var segment = template.Segments[segmentIndex];
            if (segment.IsOptional && parameter.DefaultValue is null && !parameter.IsNullable)
            {
                error = new BindingError(
                    $"The template parameter '{segment.Name}' is optional, so the handler parameter '{parameter.Name}' needs a default value or a nullable type",
                    p,
                    segmentIndex);
                return false;
            }

            var segmentSource = segment.Kind == SegmentKind.CatchAll ? BindingSource.CatchAll : BindingSource.Segment;
            builder.Add(new ParameterBinding(parameter.Name, parameter.Identifier, type, parameter.IsNullable, segmentSource, segmentIndex, segment.IsOptional, parameter.DefaultValue));
        }

        for (var s = 0; s < template.Segments.Count; s++)
        {
            var segment = template.Segments[s];
            if (segment.Kind != SegmentKind.Literal && !used[s])
            {
                error = new BindingError(
                    $"The template parameter '{segment.Name}' has no handler parameter of that name; add one or rename the template parameter",
                    -1,
                    s);
                return false;
            }
        }

        bindings = builder.ToImmutable();
        return true;
    }

    /// <summary><see langword="true"/> when <paramref name="name"/> is an HTTP token (RFC 9110 §5.6.2), as a field name must be.</summary>
    public static bool IsToken(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (var c in name!)
        {
            var isTokenChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0;
            if (!isTokenChar)
            {
                return false;
            }
        }

        return true;
    }

    // A [Header] or [Body] parameter: it must not also be a template parameter, and its type must fit.
    private static BindingError? BindRequestPart(RouteTemplate template, HandlerParameter parameter, int p, ref int body, ImmutableArray<ParameterBinding>.Builder builder)
    {
        var attribute = parameter.IsBody ? "[Body]" : "[Header]";
        var segmentIndex = template.IndexOfParameter(parameter.Name);
        if (segmentIndex >= 0)
        {
            return new BindingError(
                $"The parameter '{parameter.Name}' has {attribute}, but the template also names '{template.Segments[segmentIndex].Name}'; a parameter binds from one place: rename it or the template parameter",
                p,
                segmentIndex,
                BindingErrorKind.NamedInTemplate);
        }

        if (parameter.IsBody)
        {
            if (parameter.Header is not null)
            {
                return new BindingError($"The parameter '{parameter.Name}' has both [Body] and [Header]; it binds from one place", p, -1, BindingErrorKind.Body);
            }

            if (parameter.Type != RouteValueType.Utf8 || parameter.Context != ContextKind.None)
            {
                return new BindingError(
                    $"The [Body] parameter '{parameter.Name}' has type '{parameter.TypeDisplay}'; the body binds only to ReadOnlySpan<byte> (the bytes as received, no copy)",
                    p,
                    -1,
                    BindingErrorKind.Body);
            }

            if (body >= 0)
            {
                return new BindingError(
                    $"The parameter '{parameter.Name}' has [Body], but so has '{builder[body].Name}'; a request has one body, so one parameter binds it",
                    p,
                    -1,
                    BindingErrorKind.Body);
            }

            body = p;
            builder.Add(new ParameterBinding(parameter.Name, parameter.Identifier, RouteValueType.Utf8, false, BindingSource.Body, -1, false, null));
            return null;
        }

        if (!IsToken(parameter.Header))
        {
            return new BindingError(
                $"The header name \"{parameter.Header}\" of the parameter '{parameter.Name}' is not an HTTP token; a field name is one or more letters, digits and !#$%&'*+-.^_`|~ (no spaces or colons)",
                p,
                -1,
                BindingErrorKind.HeaderName);
        }

        if (parameter.Type is not { } type || parameter.Context != ContextKind.None)
        {
            return new BindingError(
                $"The [Header] parameter '{parameter.Name}' has type '{parameter.TypeDisplay}', which a header value cannot bind to; use {ValueTypes}",
                p,
                -1,
                BindingErrorKind.HeaderType);
        }

        var isOptional = parameter.DefaultValue is not null || parameter.IsNullable;
        builder.Add(new ParameterBinding(parameter.Name, parameter.Identifier, type, parameter.IsNullable, BindingSource.Header, -1, isOptional, parameter.DefaultValue, parameter.Header));
        return null;
    }
}
