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
internal sealed record HandlerParameter(string Name, string Identifier, RouteValueType? Type, bool IsNullable, string? DefaultValue, string TypeDisplay);

/// <summary>Where a handler argument comes from.</summary>
internal enum BindingSource
{
    /// <summary>One path segment.</summary>
    Segment,
    /// <summary>The rest of the path (catch-all).</summary>
    CatchAll,
    /// <summary>A query string parameter.</summary>
    Query,
}

/// <summary>How one handler argument is obtained.</summary>
internal sealed record ParameterBinding(
    string Name,
    string Identifier,
    RouteValueType Type,
    bool IsNullable,
    BindingSource Source,
    int SegmentIndex,
    bool IsOptional,
    string? DefaultValue);

/// <summary>Why a handler cannot be bound to its template.</summary>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="ParameterIndex">The handler parameter at fault, or -1.</param>
/// <param name="SegmentIndex">The template segment at fault, or -1.</param>
internal sealed record BindingError(string Message, int ParameterIndex, int SegmentIndex);

/// <summary>
/// The binding rules, shared by the generator and the analyzers: template parameters bind handler
/// parameters by name (case-insensitive); every other handler parameter binds from the query string.
/// </summary>
internal static class RouteBinder
{
    public static bool TryBind(RouteTemplate template, IReadOnlyList<HandlerParameter> parameters, out ImmutableArray<ParameterBinding> bindings, out BindingError? error)
    {
        bindings = ImmutableArray<ParameterBinding>.Empty;
        error = null;
        var builder = ImmutableArray.CreateBuilder<ParameterBinding>(parameters.Count);
        var used = new bool[template.Segments.Count];

        for (var p = 0; p < parameters.Count; p++)
        {
            var parameter = parameters[p];
            if (parameter.Type is not { } type)
            {
                error = new BindingError(
                    $"The parameter '{parameter.Name}' has type '{parameter.TypeDisplay}', which a route or query value cannot bind to; use an integer, bool, Guid, double, float, decimal, string or ReadOnlySpan<byte> (or T? of a value type)",
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

            var source = segment.Kind == SegmentKind.CatchAll ? BindingSource.CatchAll : BindingSource.Segment;
            builder.Add(new ParameterBinding(parameter.Name, parameter.Identifier, type, parameter.IsNullable, source, segmentIndex, segment.IsOptional, parameter.DefaultValue));
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
}
