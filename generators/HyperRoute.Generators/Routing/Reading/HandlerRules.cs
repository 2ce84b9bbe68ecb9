using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// The rules for router types and handler methods, each with the reason it fails: <see cref="RouterReader"/> applies
/// them, so the generator skips exactly what the analyzer reports. Also the names messages show.
/// </summary>
internal static class HandlerRules
{
    /// <summary>The display format the generator compares handler return types with.</summary>
    public static readonly SymbolDisplayFormat ResultTypeFormat = SymbolDisplayFormat.FullyQualifiedFormat.WithMiscellaneousOptions(
        SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier | SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    /// <summary>
    /// Why no code can be added to <paramref name="router"/>, with where to report it;
    /// <see langword="null"/> when it can be extended.
    /// </summary>
    public static string? WhyNotExtensible(INamedTypeSymbol router, CancellationToken cancellationToken, out Location? location)
    {
        location = router.Locations.FirstOrDefault();
        for (var current = router; current is not null; current = current.ContainingType)
        {
            // Arity, not IsGenericType (which also counts containing types' type parameters): the walk reaches
            // the generic containing type itself and names it.
            var isRouter = SymbolEqualityComparer.Default.Equals(current, router);
            if (current.Arity > 0)
            {
                return isRouter
                    ? "it is generic; a router cannot have type parameters"
                    : $"it is nested in the generic type '{Display(current)}'; move it out, or make the containing type non-generic";
            }

            if (!IsPartial(current, cancellationToken, out var declarationWithoutPartial))
            {
                if (isRouter)
                {
                    location = declarationWithoutPartial ?? location;
                    return "it is not partial; add the 'partial' modifier to its declaration";
                }

                return $"it is nested in '{Display(current)}', which is not partial; add the 'partial' modifier to every containing type";
            }
        }

        return null;
    }

    /// <summary>
    /// Why <paramref name="method"/> can never be a handler, whatever its route (the checks before binding, except
    /// the result type); <see langword="null"/> when it can be.
    /// </summary>
    public static string? WhyNotHandler(IMethodSymbol method)
    {
        if (method.MethodKind != MethodKind.Ordinary)
        {
            return $"{KindDescription(method.MethodKind)} cannot be a handler; declare the handler as an ordinary method of the router";
        }

        if (method.IsGenericMethod)
        {
            return "it is generic; a handler cannot have type parameters";
        }

        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            return "it returns by reference; return the value itself";
        }

        if (method.IsAbstract)
        {
            return "it is abstract, so there is no body to call; give it one";
        }

        if (method.ContainingType is { IsStatic: true } && !method.IsStatic)
        {
            return "a static router's handlers must be static";
        }

        return null;
    }

    /// <summary>
    /// How <paramref name="method"/> may complete later: it returns <c>ValueTask</c>, <c>ValueTask&lt;T&gt;</c>,
    /// <c>Task</c> or <c>Task&lt;T&gt;</c> (with or without <c>async</c>); <paramref name="result"/> is what it produces
    /// for the route's result: <c>T</c>, or <see langword="null"/> for none (<c>void</c>,
    /// <c>ValueTask</c>, <c>Task</c>).
    /// </summary>
    public static AsyncReturn AsyncShape(IMethodSymbol method, out ITypeSymbol? result)
    {
        result = method.ReturnsVoid ? null : method.ReturnType;
        if (method.ReturnType is not INamedTypeSymbol { ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } } named)
        {
            return AsyncReturn.None;
        }

        var shape = (named.Name, named.Arity) switch
        {
            ("ValueTask", 0) => AsyncReturn.ValueTask,
            ("ValueTask", 1) => AsyncReturn.ValueTaskOfResult,
            ("Task", 0) => AsyncReturn.Task,
            ("Task", 1) => AsyncReturn.TaskOfResult,
            _ => AsyncReturn.None,
        };
        if (shape != AsyncReturn.None)
        {
            result = named.Arity == 1 ? named.TypeArguments[0] : null;
        }

        return shape;
    }

    /// <summary>
    /// The <c>[HandlerTimeout]</c> of <paramref name="symbol"/> (a handler or a router): its milliseconds, and where it is
    /// written; <see langword="false"/> without one (or with an argument that does not bind, a compiler error).
    /// </summary>
    public static bool TryGetTimeout(ISymbol symbol, out int milliseconds, out AttributeData? attribute)
    {
        milliseconds = 0;
        attribute = symbol.GetAttributes().FirstOrDefault(a => KnownNames.Is(a.AttributeClass, KnownNames.HandlerTimeoutAttribute));
        if (attribute is { ConstructorArguments.Length: 1 } && attribute.ConstructorArguments[0].Value is int value)
        {
            milliseconds = value;
            return true;
        }

        return false;
    }

    /// <summary>Why <paramref name="milliseconds"/> is no time limit (<see langword="null"/> when it is one: positive, or -1 for none).</summary>
    public static string? WhyNotTimeout(int milliseconds)
        => milliseconds > 0 || milliseconds == -1
            ? null
            : $"is {milliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} ms, which is no time limit: give a positive number of milliseconds, or HandlerTimeoutAttribute.Infinite (-1) for none; the server's default applies instead";

    /// <summary>The advice for a ref struct parameter of an async handler, by where the parameter binds from.</summary>
    public static string SpanAdvice(HandlerParameter parameter)
        => parameter.Header is not null || parameter.IsBody
            ? "use ReadOnlyMemory<byte>, a view of the request's bytes that an async handler can hold"
            : "use ReadOnlyMemory<byte> for a [Header] or the [Body]; a route or query value binds as string or a typed value";

    /// <summary>Where a query starts in <paramref name="pattern"/>: a <c>?</c> outside braces (<c>{slug?}</c> is an optional parameter); -1 for none.</summary>
    public static int QueryStart(string pattern)
    {
        var depth = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '{':
                    depth++;
                    break;
                case '}':
                    depth = depth > 0 ? depth - 1 : 0;
                    break;
                case '?' when depth == 0:
                    return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The advice for a query in a template: route the path alone, and bind each <c>name={name}</c> pair with a handler
    /// parameter of that name (its own type when the handler has one, else <c>string?</c>).
    /// </summary>
    public static string QueryAdvice(string pattern, int question, IMethodSymbol method)
    {
        var names = new System.Collections.Generic.List<string>();
        foreach (var pair in pattern.Substring(question + 1).Split('&'))
        {
            var equals = pair.IndexOf('=');
            var name = (equals < 0 ? pair : pair.Substring(0, equals)).Trim();
            if (name.Length > 0)
            {
                var parameter = method.Parameters.FirstOrDefault(p => string.Equals(p.Name, name, System.StringComparison.OrdinalIgnoreCase));
                names.Add(parameter is null ? $"'string? {name}'" : $"'{Display(parameter.Type)} {parameter.Name}'");
            }
        }

        var path = pattern.Substring(0, question);
        return names.Count == 0
            ? $"route \"{path}\" and bind query values by handler parameter name"
            : $"route \"{path}\" and bind the query by handler parameter name: {string.Join(", ", names)} (nullable, or with a default, when it may be absent)";
    }

    /// <summary>
    /// <paramref name="parameter"/> looks like a service rather than a part of the request: an interface, or a class that is
    /// not a value a route, query or header binds, not a <c>[Body]</c>, nor the exchange, and that the template does not name.
    /// </summary>
    public static bool IsService(IParameterSymbol parameter, HandlerParameter read, RouteTemplate template)
        => read.Type is null
            && read.Service is null // [FromServices]: resolved from the request's services
            && read.Context == ContextKind.None
            && read.Header is null
            && !read.IsBody
            && read.Kind == ParameterKind.Value
            && template.FindParameter(parameter.Name) is null
            && parameter.Type.SpecialType == SpecialType.None
            && parameter.Type.TypeKind is TypeKind.Interface or TypeKind.Class;

    /// <summary>The name a message shows for a handler: <c>Get</c>, <c>Status.get</c>, <c>lambda</c>.</summary>
    public static string HandlerName(IMethodSymbol method) => method.MethodKind switch
    {
        MethodKind.Ordinary or MethodKind.LocalFunction => method.Name,
        MethodKind.AnonymousFunction => "lambda",
        _ => method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat.WithMemberOptions(SymbolDisplayMemberOptions.None)),
    };

    /// <summary>The name a message shows for a type.</summary>
    public static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    // Every declaration must say 'partial' (one that does not is a compiler error anyway when there are several,
    // but no code can be generated for the type either way).
    private static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken, out Location? declarationWithoutPartial)
    {
        declarationWithoutPartial = null;
        if (type.DeclaringSyntaxReferences.Length == 0)
        {
            return false;
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (syntax is not TypeDeclarationSyntax declaration)
            {
                return false;
            }

            if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                declarationWithoutPartial = declaration.Identifier.GetLocation();
                return false;
            }
        }

        return true;
    }

    private static string KindDescription(MethodKind kind) => kind switch
    {
        MethodKind.PropertyGet or MethodKind.PropertySet => "a property accessor",
        MethodKind.EventAdd or MethodKind.EventRemove or MethodKind.EventRaise => "an event accessor",
        MethodKind.ExplicitInterfaceImplementation => "an explicit interface implementation",
        MethodKind.UserDefinedOperator or MethodKind.BuiltinOperator => "an operator",
        MethodKind.Conversion => "a conversion operator",
        MethodKind.Constructor or MethodKind.StaticConstructor => "a constructor",
        MethodKind.Destructor => "a finalizer",
        MethodKind.LocalFunction => "a local function",
        MethodKind.AnonymousFunction => "a lambda",
        _ => "a method of kind " + kind,
    };
}
