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

    /// <summary>The message for a handler whose return type is not the router's result type.</summary>
    public static string ResultTypeMismatch(IMethodSymbol method, string resultTypeDisplay)
        => $"it returns {method.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}, but the router's first handler returns {resultTypeDisplay}; all handlers of one router return the same type (or void)";

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
