using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// The one parser of route patterns (<c>"GET /users/{id:int}"</c>), shared by the generator that compiles
/// them and the analyzer that reports them, so the two can never disagree. See <c>docs/routing.md</c>.
/// </summary>
internal static class RouteTemplateParser
{
    /// <summary>The methods a route can declare, as written (method tokens are case-sensitive).</summary>
    public static readonly ImmutableArray<string> Methods = ImmutableArray.Create("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");

    /// <summary>Parses a pattern; on failure <paramref name="error"/> locates the first problem in the pattern string.</summary>
    public static bool TryParse(string? pattern, out RouteTemplate? template, out TemplateError? error)
    {
        template = null;
        error = null;
        if (pattern is null || pattern.Length == 0)
        {
            error = new TemplateError("The route pattern is empty; write a method and a template, such as \"GET /users/{id:int}\"", 0, 0);
            return false;
        }

        var space = pattern.IndexOf(' ');
        if (space < 0)
        {
            var slash = pattern.IndexOf('/');
            error = slash == 0
                ? new TemplateError("The route pattern has no HTTP method; start it with one, as in \"GET " + pattern + "\"", 0, pattern.Length)
                : new TemplateError("The route pattern needs an HTTP method, one space and a template, such as \"GET /users/{id:int}\"", 0, pattern.Length);
            return false;
        }

        var method = pattern.Substring(0, space);
        if (!TryValidateMethod(method, out error))
        {
            return false;
        }

        var pathStart = space + 1;
        if (pathStart < pattern.Length && pattern[pathStart] == ' ')
        {
            var end = pathStart;
            while (end < pattern.Length && pattern[end] == ' ')
            {
                end++;
            }

            error = new TemplateError("Separate the method from the template with exactly one space", space, end - space);
            return false;
        }

        if (pathStart >= pattern.Length || pattern[pathStart] != '/')
        {
            error = new TemplateError("The template must start with '/'", pathStart, Math.Max(0, Math.Min(1, pattern.Length - pathStart)));
            return false;
        }

        var path = pattern.Substring(pathStart);
        if (!TryParseSegments(pattern, pathStart, out var segments, out error))
        {
            return false;
        }

        template = new RouteTemplate(pattern, method, path, new EquatableArray<TemplateSegment>(segments));
        return true;
    }

    /// <summary>
    /// Checks a router's prefix (<c>[Router(Prefix = "/api/v1")]</c>): it starts with <c>/</c>, does not end with one, and
    /// holds literal segments only (a segment of the template grammar each). On failure <paramref name="error"/> locates
    /// the problem in the prefix string and says what to write instead.
    /// </summary>
    public static bool TryParsePrefix(string prefix, out TemplateError? error)
    {
        error = null;
        if (prefix.Length == 0 || prefix[0] != '/')
        {
            error = new TemplateError($"A prefix starts with '/'; write '/{prefix}'", 0, Math.Min(1, prefix.Length));
            return false;
        }

        var trimmed = prefix.TrimEnd('/');
        if (trimmed.Length == 0)
        {
            error = new TemplateError("The prefix '" + prefix + "' adds nothing to the routes; remove Prefix, or name a path such as '/api'", 0, prefix.Length);
            return false;
        }

        if (trimmed.Length < prefix.Length)
        {
            error = new TemplateError($"Remove the trailing '/': write '{trimmed}' (the routes' templates start with '/')", trimmed.Length, prefix.Length - trimmed.Length);
            return false;
        }

        const string Method = "GET ";
        if (!TryParse(Method + prefix, out var template, out var inner))
        {
            error = inner! with { Start = Math.Max(0, inner!.Start - Method.Length) };
            return false;
        }

        foreach (var segment in template!.Segments)
        {
            if (segment.Kind != SegmentKind.Literal)
            {
                error = new TemplateError(
                    $"A prefix holds literal segments only, and '{segment.Text}' is a parameter; write it in each route's template instead",
                    segment.Start - Method.Length,
                    segment.Text.Length);
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <paramref name="template"/> served under <paramref name="prefix"/> (one <see cref="TryParsePrefix"/> accepts):
    /// <c>GET /todos/{id:int}</c> under <c>/api/v1</c> is <c>GET /api/v1/todos/{id:int}</c>, and <c>GET /</c> is
    /// <c>GET /api/v1</c>. Segment offsets are in the prefixed pattern: a segment of the route's own template starts
    /// <c>prefix.Length</c> characters later than in the pattern the route declares.
    /// </summary>
    public static RouteTemplate? WithPrefix(RouteTemplate template, string prefix)
        => TryParse(template.Method + " " + (template.Path == "/" ? prefix : prefix + template.Path), out var prefixed, out _) ? prefixed : null;

    private static bool TryValidateMethod(string method, out TemplateError? error)
    {
        error = null;
        if (method.Length == 0)
        {
            error = new TemplateError("The route pattern starts with a space; write the HTTP method first", 0, 1);
            return false;
        }

        foreach (var known in Methods)
        {
            if (known == method)
            {
                return true;
            }
        }

        foreach (var known in Methods)
        {
            if (string.Equals(known, method, StringComparison.OrdinalIgnoreCase))
            {
                error = new TemplateError($"HTTP methods are case-sensitive; write '{known}' instead of '{method}'", 0, method.Length);
                return false;
            }
        }

        error = new TemplateError($"'{method}' is not an HTTP method a router can declare; use one of {string.Join(", ", Methods)}", 0, method.Length);
        return false;
    }

    private static bool TryParseSegments(string pattern, int pathStart, out ImmutableArray<TemplateSegment> segments, out TemplateError? error)
    {
        segments = ImmutableArray<TemplateSegment>.Empty;
        error = null;
        var builder = ImmutableArray.CreateBuilder<TemplateSegment>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        if (pattern.Length == pathStart + 1)
        {
            segments = builder.ToImmutable(); // "/": the root, no segments
            return true;
        }

        var position = pathStart + 1;
        while (true)
        {
            var end = FindSegmentEnd(pattern, position);
            if (end == position)
            {
                error = end == pattern.Length
                    ? new TemplateError("Remove the trailing '/': requests with and without it match the same route", end - 1, 1)
                    : new TemplateError("The template has an empty segment ('//')", position - 1, 2);
                return false;
            }

            if (!TryParseSegment(pattern, position, end, names, out var segment, out error))
            {
                return false;
            }

            builder.Add(segment!);
            if (end >= pattern.Length)
            {
                break;
            }

            position = end + 1;
        }

        for (var i = 0; i < builder.Count - 1; i++)
        {
            if (builder[i].Kind == SegmentKind.CatchAll)
            {
                error = new TemplateError($"The catch-all parameter '{builder[i].Name}' must be the last segment", builder[i].Start, builder[i].Text.Length);
                return false;
            }

            if (builder[i].IsOptional)
            {
                error = new TemplateError($"The optional parameter '{builder[i].Name}' must be the last segment", builder[i].Start, builder[i].Text.Length);
                return false;
            }
        }

        segments = builder.ToImmutable();
        return true;
    }

    // A segment ends at the next '/' outside braces (constraint arguments never contain '/', but a brace
    // that is never closed must not swallow the rest of the template silently).
    private static int FindSegmentEnd(string pattern, int position)
    {
        var depth = 0;
        for (var i = position; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '{':
                    depth++;
                    break;
                case '}':
                    depth--;
                    break;
                case '/' when depth <= 0:
                    return i;
            }
        }

        return pattern.Length;
    }

    private static bool TryParseSegment(string pattern, int start, int end, HashSet<string> names, out TemplateSegment? segment, out TemplateError? error)
    {
        segment = null;
        var text = pattern.Substring(start, end - start);
        var open = text.IndexOf('{');
        var close = text.IndexOf('}');
        if (open < 0 && close < 0)
        {
            return TryParseLiteral(text, start, out segment, out error);
        }

        if (open != 0 || text[text.Length - 1] != '}')
        {
            error = open < 0
                ? new TemplateError("'}' has no matching '{'", start + close, 1)
                : text.IndexOf('}', open) < 0
                    ? new TemplateError("'{' is never closed; add '}'", start + open, text.Length - open)
                    : new TemplateError("A parameter must be a whole segment; mixing text and a parameter ('" + text + "') is not supported", start, text.Length);
            return false;
        }

        var inner = text.Substring(1, text.Length - 2);
        var innerStart = start + 1;
        if (inner.IndexOf('{') >= 0 || inner.IndexOf('}') >= 0)
        {
            var offset = inner.IndexOfAny(new[] { '{', '}' });
            error = new TemplateError("A segment can hold one parameter; unexpected '" + inner[offset] + "'", innerStart + offset, 1);
            return false;
        }

        return TryParseParameter(inner, innerStart, text, start, names, out segment, out error);
    }

    private static bool TryParseLiteral(string text, int start, out TemplateSegment? segment, out TemplateError? error)
    {
        segment = null;
        error = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '?' or '#' or '%' or ' ' or '\\' || c < 0x20 || c == 0x7F)
            {
                var shown = c < 0x20 || c == 0x7F ? $"U+{(int)c:X4}" : "'" + c + "'";
                error = new TemplateError($"{shown} cannot appear in a literal segment; routes match decoded paths, so write the character itself, and query strings bind to handler parameters", start + i, 1);
                return false;
            }
        }

        segment = new TemplateSegment(SegmentKind.Literal, text, string.Empty, EquatableArray<RouteConstraint>.Empty, false, start);
        return true;
    }

    private static bool TryParseParameter(string inner, int innerStart, string text, int start, HashSet<string> names, out TemplateSegment? segment, out TemplateError? error)
    {
        segment = null;
        error = null;
        var kind = SegmentKind.Parameter;
        var position = 0;
        if (inner.StartsWith("**", StringComparison.Ordinal))
        {
            kind = SegmentKind.CatchAll;
            position = 2;
        }
        else if (inner.StartsWith("*", StringComparison.Ordinal))
        {
            kind = SegmentKind.CatchAll;
            position = 1;
        }

        var optional = false;
        var body = inner;
        if (body.EndsWith("?", StringComparison.Ordinal))
        {
            optional = true;
            body = body.Substring(0, body.Length - 1);
            if (kind == SegmentKind.CatchAll)
            {
                error = new TemplateError("A catch-all parameter is already optional (it matches an empty rest); remove '?'", innerStart + inner.Length - 1, 1);
                return false;
            }
        }

        var colon = body.IndexOf(':', position);
        var nameEnd = colon < 0 ? body.Length : colon;
        var name = body.Substring(position, nameEnd - position);
        var nameStart = innerStart + position;

        var equals = name.IndexOf('=');
        if (equals >= 0)
        {
            error = new TemplateError("Default values are not written in the template; give the handler parameter a default value (int page = 1) and mark the segment optional ({page?})", nameStart + equals, name.Length - equals);
            return false;
        }

        if (!TryValidateName(name, nameStart, text, start, out error))
        {
            return false;
        }

        if (!names.Add(name))
        {
            error = new TemplateError($"The parameter name '{name}' is used twice in this template (names compare case-insensitively)", nameStart, name.Length);
            return false;
        }

        var constraints = ImmutableArray.CreateBuilder<RouteConstraint>();
        while (colon >= 0)
        {
            var next = body.IndexOf(':', colon + 1);
            var constraintEnd = next < 0 ? body.Length : next;
            var constraintText = body.Substring(colon + 1, constraintEnd - colon - 1);
            if (!RouteConstraintParser.TryParse(constraintText, innerStart + colon + 1, out var constraint, out error))
            {
                return false;
            }

            constraints.Add(constraint!);
            colon = next;
        }

        segment = new TemplateSegment(kind, text, name, new EquatableArray<RouteConstraint>(constraints.ToImmutable()), optional, start);
        return true;
    }

    private static bool TryValidateName(string name, int nameStart, string text, int start, out TemplateError? error)
    {
        error = null;
        if (name.Length == 0)
        {
            error = new TemplateError("The parameter has no name; write one, as in {id}", start, text.Length);
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var valid = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
            if (!valid)
            {
                error = new TemplateError($"'{c}' cannot appear in a parameter name; names bind to C# parameters, so use letters, digits and '_'", nameStart + i, 1);
                return false;
            }
        }

        return true;
    }
}
