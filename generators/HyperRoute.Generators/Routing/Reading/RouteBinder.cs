using HyperRoute.Generators.Steps;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace HyperRoute.Generators.Routing;

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
/// <param name="Kind">What else the parameter's type says: a cancellation token, memory, a span.</param>
internal sealed record HandlerParameter(
    string Name,
    string Identifier,
    RouteValueType? Type,
    bool IsNullable,
    string? DefaultValue,
    string TypeDisplay,
    ContextKind Context = ContextKind.None,
    string? Header = null,
    bool IsBody = false,
    ParameterKind Kind = ParameterKind.Value)
{
    /// <summary>
    /// The parameter type fully qualified, without a nullable reference annotation, when a typed (JSON) body could
    /// hold it; <see langword="null"/> for a ref struct, a pointer or a type that does not resolve.
    /// </summary>
    public string? JsonType { get; init; }

    /// <summary><c>[Body(MaxLength = n)]</c>: the largest body the route reads; 0 leaves it to the server.</summary>
    public long BodyMaxLength { get; init; }

    /// <summary><c>[FromServices]</c> or <c>[FromKeyedServices]</c>: the service the parameter is resolved to; <see langword="null"/> otherwise.</summary>
    public ServiceSpec? Service { get; init; }
}

/// <summary>What a handler parameter's type says beyond the value it binds, for the rules of async handlers.</summary>
internal enum ParameterKind
{
    /// <summary>Anything else.</summary>
    Value,
    /// <summary><c>System.Threading.CancellationToken</c>: binds the request's cancellation.</summary>
    CancellationToken,
    /// <summary><c>ReadOnlyMemory&lt;byte&gt;</c>: a header's value or the body, as memory an async handler can hold.</summary>
    Memory,
    /// <summary>A ref struct (<c>ReadOnlySpan&lt;byte&gt;</c>, <c>Span&lt;T&gt;</c>, …): it cannot cross an <c>await</c>.</summary>
    RefStruct,
}

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
    /// <summary>
    /// The request's <c>CancellationToken</c>: <c>exchange.RequestAborted</c> through the endpoint, the argument of
    /// <c>DispatchAsync</c> in-process. Needs no exchange (so it is before <see cref="Header"/>).
    /// </summary>
    CancellationToken,
    /// <summary>A request header (<c>[Header]</c>); <see cref="ParameterBinding.HeaderName"/> says which.</summary>
    Header,
    /// <summary>The request body as received (<c>[Body] ReadOnlySpan&lt;byte&gt;</c>).</summary>
    Body,
    /// <summary>The request body read as JSON (<c>[Body] T</c>); <see cref="ParameterBinding.JsonType"/> says into what.</summary>
    JsonBody,
    /// <summary>The <c>HttpExchange</c> itself.</summary>
    Exchange,
    /// <summary>The exchange's <c>HttpRequest</c>.</summary>
    Request,
    /// <summary>The exchange's <c>HttpResponse</c>.</summary>
    Response,
    /// <summary>A service from the request's services (<c>[FromServices]</c>, <c>[FromKeyedServices]</c>); <see cref="ParameterBinding.Service"/> says which.</summary>
    Service,
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
    /// <summary>For <see cref="BindingSource.JsonBody"/>: the type the body is read into, fully qualified.</summary>
    public string? JsonType { get; init; }

    /// <summary>For <see cref="BindingSource.Service"/>: the service type and key.</summary>
    public ServiceSpec? Service { get; init; }

    /// <summary>For <see cref="BindingSource.JsonBody"/>: the largest body read, 0 for the server's limit.</summary>
    public long MaxLength { get; init; }

    /// <summary>
    /// For <see cref="BindingSource.Header"/> and <see cref="BindingSource.Body"/>: the bytes as <c>ReadOnlyMemory&lt;byte&gt;</c>
    /// (a view an async handler can hold across an <c>await</c>) rather than a span.
    /// </summary>
    public bool AsMemory { get; init; }

    /// <summary>The parameter's validators and transforms, in declaration order; they run once the argument is bound.</summary>
    public EquatableArray<PipelineStep> Steps { get; init; }

    /// <summary>
    /// The argument comes from the HTTP exchange (a header, the body, the exchange, request or response), not the
    /// request line, or a step on it may answer the request with a problem.
    /// </summary>
    public bool NeedsExchange => Source >= BindingSource.Header || Steps.Count > 0;
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
    /// <summary>A typed <c>[Body]</c> without a JSON context that can read it (HR2005).</summary>
    JsonBody,
    /// <summary><c>[FromServices]</c>/<c>[FromKeyedServices]</c> on a parameter no container can supply (HR0050).</summary>
    Service,
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
/// header and body (the bytes for <c>ReadOnlySpan&lt;byte&gt;</c>, JSON through the router's <c>Json</c> context for any
/// other type); parameters of type <c>HttpExchange</c>, <c>HttpRequest</c> and <c>HttpResponse</c> receive
/// those; every other handler parameter binds from the query string.
/// </summary>
internal static class RouteBinder
{
    // Why a [FromServices]/[FromKeyedServices] parameter cannot be resolved; null when it can.
    private static string? ServiceProblem(HandlerParameter parameter, ServiceSpec service)
    {
        if (parameter.Header is not null || parameter.IsBody)
        {
            return $"The service parameter '{parameter.Name}' also has [Header] or [Body]; a parameter binds from one place: remove one of the attributes";
        }

        if (parameter.Context != ContextKind.None || parameter.Kind == ParameterKind.CancellationToken)
        {
            return $"The parameter '{parameter.Name}' of type '{parameter.TypeDisplay}' comes from the request, not from the services: remove [FromServices]";
        }

        return service.CanResolve
            ? null
            : $"The service parameter '{parameter.Name}' has type '{parameter.TypeDisplay}', which a container cannot hand out (a ref struct, a pointer, or a ref/out parameter): take a class or interface";
    }

    private const string ValueTypes = "an integer, bool, Guid, double, float, decimal, string or ReadOnlySpan<byte> (or T? of a value type)";

    public static bool TryBind(RouteTemplate template, IReadOnlyList<HandlerParameter> parameters, out ImmutableArray<ParameterBinding> bindings, out BindingError? error)
        => TryBind(template, parameters, JsonBodyContext.None, out bindings, out error);

    /// <summary>
    /// Binds with <paramref name="json"/>, the router's JSON context, for typed <c>[Body]</c> parameters. With
    /// <paramref name="valuesMayBeUnbound"/> (a <c>[Forward]</c> handler, whose generated body reads the values from the
    /// path itself), a template parameter needs no handler parameter.
    /// </summary>
    public static bool TryBind(RouteTemplate template, IReadOnlyList<HandlerParameter> parameters, JsonBodyContext json, out ImmutableArray<ParameterBinding> bindings, out BindingError? error, bool valuesMayBeUnbound = false)
    {
        bindings = ImmutableArray<ParameterBinding>.Empty;
        error = null;
        var builder = ImmutableArray.CreateBuilder<ParameterBinding>(parameters.Count);
        var used = new bool[template.Segments.Count];
        var body = -1;

        for (var p = 0; p < parameters.Count; p++)
        {
            var parameter = parameters[p];
            if (parameter.Service is { } service)
            {
                if (ServiceProblem(parameter, service) is { } problem)
                {
                    error = new BindingError(problem, p, -1, BindingErrorKind.Service);
                    return false;
                }

                builder.Add(new ParameterBinding(parameter.Name, parameter.Identifier, RouteValueType.Utf8, false, BindingSource.Service, -1, false, null) { Service = service });
                continue;
            }

            if (parameter.Header is not null || parameter.IsBody)
            {
                error = BindRequestPart(template, parameter, p, json, ref body, builder);
                if (error is not null)
                {
                    return false;
                }

                continue;
            }

            if (parameter.Kind == ParameterKind.CancellationToken)
            {
                builder.Add(new ParameterBinding(parameter.Name, parameter.Identifier, RouteValueType.Utf8, false, BindingSource.CancellationToken, -1, false, null));
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
                    $"The parameter '{parameter.Name}' has type '{parameter.TypeDisplay}', which a route or query value cannot bind to; use {ValueTypes}, or HttpExchange, HttpRequest, HttpResponse or CancellationToken",
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
            if (segment.Kind != SegmentKind.Literal && !used[s] && !valuesMayBeUnbound)
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
    private static BindingError? BindRequestPart(RouteTemplate template, HandlerParameter parameter, int p, JsonBodyContext json, ref int body, ImmutableArray<ParameterBinding>.Builder builder)
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

            if (parameter.Context != ContextKind.None || parameter.Kind == ParameterKind.CancellationToken
                || (parameter.Type != RouteValueType.Utf8 && parameter.Kind != ParameterKind.Memory && parameter.JsonType is null))
            {
                return new BindingError(
                    $"The [Body] parameter '{parameter.Name}' has type '{parameter.TypeDisplay}'; the body binds to ReadOnlySpan<byte> or ReadOnlyMemory<byte> (the bytes as received, no copy) or to a type read as JSON, not to a ref struct, a pointer, the exchange or a CancellationToken",
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
            if (parameter.Type == RouteValueType.Utf8 || parameter.Kind == ParameterKind.Memory)
            {
                builder.Add(new ParameterBinding(parameter.Name, parameter.Identifier, RouteValueType.Utf8, false, BindingSource.Body, -1, false, null)
                {
                    AsMemory = parameter.Kind == ParameterKind.Memory,
                });
                return null;
            }

            if (WhyNotJson(parameter, json) is { } whyNot)
            {
                return new BindingError(whyNot, p, -1, BindingErrorKind.JsonBody);
            }

            builder.Add(new ParameterBinding(parameter.Name, parameter.Identifier, RouteValueType.Utf8, false, BindingSource.JsonBody, -1, false, null)
            {
                JsonType = parameter.JsonType,
                MaxLength = parameter.BodyMaxLength,
            });
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

        var isMemory = parameter.Kind == ParameterKind.Memory;
        if ((parameter.Type is null && !isMemory) || parameter.Context != ContextKind.None)
        {
            return new BindingError(
                $"The [Header] parameter '{parameter.Name}' has type '{parameter.TypeDisplay}', which a header value cannot bind to; use {ValueTypes}, or ReadOnlyMemory<byte>",
                p,
                -1,
                BindingErrorKind.HeaderType);
        }

        var isOptional = parameter.DefaultValue is not null || parameter.IsNullable;
        var type = parameter.Type ?? RouteValueType.Utf8;
        builder.Add(new ParameterBinding(parameter.Name, parameter.Identifier, type, parameter.IsNullable, BindingSource.Header, -1, isOptional, parameter.DefaultValue, parameter.Header)
        {
            AsMemory = isMemory,
        });
        return null;
    }

    // HR2005: a typed body is read with the router's JSON context, which must exist, be a JsonSerializerContext
    // and list the type with [JsonSerializable(typeof(T))].
    private static string? WhyNotJson(HandlerParameter parameter, JsonBodyContext json)
    {
        var prefix = $"The [Body] parameter '{parameter.Name}' has type '{parameter.TypeDisplay}', which is read as JSON";
        if (json.TypeName is null)
        {
            return prefix + ", but the router names no JSON context; add [Router(Json = typeof(YourJsonContext))] with a System.Text.Json JsonSerializerContext that lists the type";
        }

        if (json.WhyNot is not null)
        {
            return $"{prefix}, but the router's Json type '{json.Display}' {json.WhyNot}";
        }

        foreach (var serializable in json.Serializable)
        {
            if (serializable == parameter.JsonType)
            {
                return null;
            }
        }

        return $"{prefix}, but the router's JSON context '{json.Display}' does not list it; add [JsonSerializable(typeof({parameter.TypeDisplay.TrimEnd('?')}))] to '{json.Display}'";
    }
}
