using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HyperRoute.Generators.Routing;

/// <summary>What is wrong with a <c>[Forward]</c>, for the analyzer: HR0030–HR0033.</summary>
internal enum ForwardRule
{
    /// <summary>HR0030: the method is not a bodiless partial <c>ValueTask M(HttpExchange)</c> route handler of a router.</summary>
    HandlerShape,

    /// <summary>HR0031: the group names no readable <c>BackendGroup</c> field or property the handler can reach.</summary>
    Group,

    /// <summary>HR0032: the rewrite path is not valid, or names a value the route does not have.</summary>
    Path,

    /// <summary>HR0033: the key names a value the route does not have.</summary>
    Key,
}

/// <summary>A problem with a <c>[Forward]</c>: the rule, the message, where to report it.</summary>
internal sealed record ForwardProblem(ForwardRule Rule, string Message, Location? Location);

/// <summary>
/// Reads a <c>[Forward]</c> handler: symbols → <see cref="ForwardSpec"/> and the problems that keep it from being
/// generated. The generator and <c>ForwardAnalyzer</c> both call it, so what is reported is exactly what is skipped.
/// </summary>
internal static class ForwardReader
{
    /// <summary>The attribute's metadata name.</summary>
    public const string ForwardAttribute = "HyperRoute.Http.Proxy.ForwardAttribute";

    private const string BackendGroup = "HyperRoute.Http.Proxy.BackendGroup";
    private const string HttpExchange = "HyperRoute.Http.HttpExchange";
    private const string ValueTask = "System.Threading.Tasks.ValueTask";
    private const string Expected = "'public static partial ValueTask Name(HttpExchange exchange);' (static or instance, any accessibility)";

    /// <summary>Whether <paramref name="method"/> has <c>[Forward]</c>: its route values need no handler parameters.</summary>
    public static bool IsForward(IMethodSymbol method)
        => method.GetAttributes().Any(a => KnownNames.Is(a.AttributeClass, ForwardAttribute));

    /// <summary>The spec of <paramref name="method"/>, or <see langword="null"/> with the problems that prevent it.</summary>
    public static ForwardSpec? Read(IMethodSymbol method, CancellationToken cancellationToken, out ImmutableArray<ForwardProblem> problems)
    {
        var found = ImmutableArray.CreateBuilder<ForwardProblem>();
        problems = ImmutableArray<ForwardProblem>.Empty;
        var forward = method.GetAttributes().FirstOrDefault(a => KnownNames.Is(a.AttributeClass, ForwardAttribute));
        if (forward is null)
        {
            return null;
        }

        var declaration = GeneratedPartialMethods.Definition(method, cancellationToken);
        if (WhyNotShape(method, declaration, cancellationToken) is { } why)
        {
            found.Add(new ForwardProblem(ForwardRule.HandlerShape, why, method.Locations.FirstOrDefault()));
            problems = found.ToImmutable();
            return null;
        }

        var group = Group(method, forward, found, cancellationToken);
        var templates = Templates(method);
        var path = Named(forward, "Path");
        var key = Named(forward, "Key");
        var parts = ImmutableArray<ForwardPathPart>.Empty;
        ForwardPathPart? keyPart = null;
        if (path is not null || key is not null)
        {
            if (templates.Count != 1)
            {
                var which = path is not null ? ForwardRule.Path : ForwardRule.Key;
                var argument = path is not null ? "Path" : "Key";
                found.Add(new ForwardProblem(which, $"'{method.Name}' rewrites its path or hashes a route value, so it needs exactly one [Route] whose pattern parses; it has {templates.Count}", NamedLocation(forward, argument, cancellationToken)));
            }
            else
            {
                if (path is not null)
                {
                    parts = ParsePath(path, templates[0], out var pathError);
                    if (pathError is not null)
                    {
                        found.Add(new ForwardProblem(ForwardRule.Path, $"The rewrite path \"{path}\" of '{method.Name}' {pathError}", NamedLocation(forward, "Path", cancellationToken)));
                    }
                }

                if (key is not null)
                {
                    keyPart = Value(key, templates[0]);
                    if (keyPart is null)
                    {
                        found.Add(new ForwardProblem(ForwardRule.Key, $"The key \"{key}\" of '{method.Name}' names no value of the route '{templates[0].Pattern}': name one of its parameters, such as {Parameters(templates[0])}", NamedLocation(forward, "Key", cancellationToken)));
                    }
                }
            }
        }

        problems = found.ToImmutable();
        if (problems.Length > 0 || group is null)
        {
            return null;
        }

        return new ForwardSpec
        {
            Type = TypeDeclarationReader.Read(method.ContainingType, method.Name + ".Forward"),
            MethodName = Escape(method.Name),
            Modifiers = string.Join(" ", declaration!.Modifiers.Select(m => m.Text)),
            ExchangeName = Escape(method.Parameters[0].Name),
            Group = Escape(group),
            Patterns = templates.Select(t => t.Method + " " + t.Path).ToEquatableArray(),
            PathText = path,
            Path = parts.ToEquatableArray(),
            Key = keyPart,
        };
    }

    private static string? WhyNotShape(IMethodSymbol method, MethodDeclarationSyntax? declaration, CancellationToken cancellationToken)
    {
        var router = method.ContainingType;
        if (!router.GetAttributes().Any(a => KnownNames.Is(a.AttributeClass, KnownNames.RouterAttribute)))
        {
            return $"'{method.Name}' has [Forward], but '{router.Name}' is no [Router]: only a router's routes forward";
        }

        if (!method.GetAttributes().Any(a => KnownNames.Is(a.AttributeClass, KnownNames.RouteAttribute)))
        {
            return $"'{method.Name}' has [Forward] but no [Route]: add the route it serves, such as [Route(\"GET /api/{{*rest}}\")]";
        }

        if (GeneratedPartialMethods.WhyNotCompletable(method, declaration, "[Forward]", Expected, cancellationToken) is { } why)
        {
            return why;
        }

        var fits = method.MethodKind == MethodKind.Ordinary && !method.IsGenericMethod
            && KnownNames.Is(method.ReturnType, ValueTask) && method.ReturnType is INamedTypeSymbol { IsGenericType: false }
            && method.Parameters.Length == 1 && method.Parameters[0].RefKind == RefKind.None
            && KnownNames.Is(method.Parameters[0].Type, HttpExchange);
        return fits ? null : $"The [Forward] handler '{method.Name}' is not {Expected}: it returns the forward's task and forwards the exchange it serves";
    }

    // HR0031: a field or property of the router, of type BackendGroup, readable, static when the handler is.
    private static string? Group(IMethodSymbol method, AttributeData forward, ImmutableArray<ForwardProblem>.Builder problems, CancellationToken cancellationToken)
    {
        var location = ArgumentLocation(forward, cancellationToken);
        if (forward.ConstructorArguments.Length != 1 || forward.ConstructorArguments[0].Value is not string { Length: > 0 } name)
        {
            problems.Add(new ForwardProblem(ForwardRule.Group, "[Forward] names no member: use [Forward(nameof(Backends))], a field or property of the router that holds a BackendGroup", location));
            return null;
        }

        var router = method.ContainingType;
        var member = router.GetMembers(name).FirstOrDefault(m => m is IFieldSymbol || m is IPropertySymbol { IsIndexer: false });
        var type = member switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };
        string? why = null;
        if (member is null)
        {
            why = $"[Forward(\"{name}\")] names no field or property of '{router.Name}'";
        }
        else if (type!.TypeKind == TypeKind.Error)
        {
            return null; // the compiler reports the type
        }
        else if (!KnownNames.Is(type, BackendGroup))
        {
            why = $"'{name}' is a {type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}, not a BackendGroup";
        }
        else if (member is IPropertySymbol { GetMethod: null })
        {
            why = $"the property '{name}' cannot be read";
        }
        else if (method.IsStatic && !member.IsStatic)
        {
            why = $"'{name}' is an instance member and the handler '{method.Name}' is static";
        }

        if (why is not null)
        {
            problems.Add(new ForwardProblem(ForwardRule.Group, why + ": declare the backends as a BackendGroup field or property of the router and name it with nameof", location));
            return null;
        }

        return name;
    }

    // The handler's route templates, the router's prefix applied; those that do not parse are left out (HR0001).
    private static List<RouteTemplate> Templates(IMethodSymbol method)
    {
        var prefix = PrefixReader.Read(method.ContainingType, CancellationToken.None, out _, out _, out _);
        var templates = new List<RouteTemplate>();
        foreach (var route in method.GetAttributes().Where(a => KnownNames.Is(a.AttributeClass, KnownNames.RouteAttribute)))
        {
            if (route.ConstructorArguments.Length == 1 && route.ConstructorArguments[0].Value is string pattern
                && RouteTemplateParser.TryParse(pattern, out var template, out _))
            {
                templates.Add(prefix is null ? template! : RouteTemplateParser.WithPrefix(template!, prefix) ?? template!);
            }
        }

        return templates;
    }

    // "/v2/{id}/{rest}": literal text (path characters only) and {name} for a route value.
    private static ImmutableArray<ForwardPathPart> ParsePath(string path, RouteTemplate template, out string? error)
    {
        error = null;
        var parts = ImmutableArray.CreateBuilder<ForwardPathPart>();
        if (path.Length == 0 || path[0] != '/')
        {
            error = "must start with '/'";
            return parts.ToImmutable();
        }

        var at = 0;
        while (at < path.Length)
        {
            var open = path.IndexOf('{', at);
            var literalEnd = open < 0 ? path.Length : open;
            if (literalEnd > at)
            {
                var literal = path.Substring(at, literalEnd - at);
                var bad = literal.FirstOrDefault(c => c <= ' ' || c >= 0x7F || c is '?' or '#' or '}' or '"' or '\\');
                if (bad != default(char))
                {
                    error = $"holds '{bad}', which a path cannot (a query string is kept from the request)";
                    return parts.ToImmutable();
                }

                parts.Add(new ForwardPathPart(literal, "", 0, false));
            }

            if (open < 0)
            {
                break;
            }

            var close = path.IndexOf('}', open);
            if (close < 0)
            {
                error = "opens '{' without closing it";
                return parts.ToImmutable();
            }

            var name = path.Substring(open + 1, close - open - 1).TrimStart('*');
            if (Value(name, template) is not { } value)
            {
                error = $"names '{{{name}}}', which is no value of the route '{template.Pattern}': name one of its parameters, such as {Parameters(template)}";
                return parts.ToImmutable();
            }

            parts.Add(value);
            at = close + 1;
        }

        return parts.ToImmutable();
    }

    private static ForwardPathPart? Value(string name, RouteTemplate template)
    {
        var index = template.IndexOfParameter(name);
        return index < 0 ? null : new ForwardPathPart(null, template.Segments[index].Name, index, template.Segments[index].Kind == SegmentKind.CatchAll);
    }

    private static string Parameters(RouteTemplate template)
    {
        var names = template.Segments.Where(s => s.Kind != SegmentKind.Literal).Select(s => "'" + s.Name + "'").ToList();
        return names.Count == 0 ? "none (the route has no parameters)" : string.Join(", ", names);
    }

    private static string? Named(AttributeData attribute, string name)
        => attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;

    private static Location? ArgumentLocation(AttributeData attribute, CancellationToken cancellationToken)
        => attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList.Arguments.Count: > 0 } syntax
            ? syntax.ArgumentList!.Arguments[0].GetLocation()
            : attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();

    private static Location? NamedLocation(AttributeData attribute, string name, CancellationToken cancellationToken)
        => attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } arguments } syntax
            ? arguments.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name)?.GetLocation() ?? syntax.GetLocation()
            : null;

    private static string Escape(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
