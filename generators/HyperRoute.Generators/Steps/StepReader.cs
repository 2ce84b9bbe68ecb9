using HyperRoute.Generators.Messages;
using HyperRoute.Generators.Routing;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HyperRoute.Generators.Steps;

/// <summary>Where a <c>[Validate&lt;V&gt;]</c> or <c>[Transform&lt;X&gt;]</c> is applied; it decides which interface fits.</summary>
internal enum StepPosition
{
    /// <summary>On the router type: every request (validators before routing, transforms on every handled response).</summary>
    Router,
    /// <summary>On a route method: that route's request and response.</summary>
    Route,
    /// <summary>On a handler parameter: the bound argument.</summary>
    Parameter,
    /// <summary>On a <c>[MessageRouter]</c> class: every message, before routing (the parameter type is the message).</summary>
    MessageRouter,
    /// <summary>On an <c>[On]</c>/<c>[Otherwise]</c> handler: the messages routed to it, before it runs (the parameter type is the message).</summary>
    MessageHandler,
}

/// <summary>Which rule a step breaks; the analyzers report each with its own diagnostic.</summary>
internal enum StepErrorKind
{
    /// <summary>The type argument does not resolve: a compiler error already, nothing to report.</summary>
    Unresolved,
    /// <summary>The type is not a <c>partial</c> <c>[Validator]</c>/<c>[Transform]</c> type (HR2001).</summary>
    NotMarked,
    /// <summary>The validator's interface does not fit its position (HR2002).</summary>
    Validator,
    /// <summary>The transform's interface does not fit its position (HR2003).</summary>
    Transform,
}

/// <summary>Why a step cannot be compiled into the dispatcher.</summary>
internal sealed record StepError(string Message, StepErrorKind Kind);

/// <summary>
/// The rules for <c>[Validate&lt;V&gt;]</c> and <c>[Transform&lt;X&gt;]</c>, shared by the generator (which leaves out a route
/// whose steps break them) and the analyzers (which report HR2001–HR2004), so the two cannot disagree. Message routers
/// apply the same rules, with the message as the value type (<see cref="StepPosition.MessageRouter"/>, <see cref="StepPosition.MessageHandler"/>).
/// </summary>
internal static class StepReader
{
    /// <summary>
    /// Reads <paramref name="attribute"/> as a step at <paramref name="position"/> (for a parameter, of type
    /// <paramref name="parameterType"/>). Returns <see langword="false"/> when it is not a step attribute; otherwise
    /// exactly one of <paramref name="step"/> and <paramref name="error"/> is set.
    /// </summary>
    public static bool TryRead(AttributeData attribute, StepPosition position, ITypeSymbol? parameterType, out PipelineStep? step, out StepError? error)
    {
        step = null;
        error = null;
        if (!IsStepAttribute(attribute.AttributeClass, out var kind))
        {
            return false;
        }

        var argument = attribute.AttributeClass!.TypeArguments[0];
        if (argument is not INamedTypeSymbol type || type.TypeKind == TypeKind.Error || parameterType is { TypeKind: TypeKind.Error })
        {
            error = new StepError("the type argument does not resolve", StepErrorKind.Unresolved);
            return true;
        }

        var display = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        var attributeText = (kind == StepKind.Validate ? "[Validate<" : "[Transform<") + display + ">]";
        var marker = kind == StepKind.Validate ? "Validator" : "Transform";
        if (!type.GetAttributes().Any(a => IsHyperRoute(a.AttributeClass, marker + "Attribute", 0)))
        {
            error = new StepError($"'{display}' in {attributeText} is not a {(kind == StepKind.Validate ? "validator" : "transform")}; mark it [{marker}] (and partial)", StepErrorKind.NotMarked);
            return true;
        }

        if (!IsPartial(type))
        {
            error = new StepError($"The {(kind == StepKind.Validate ? "validator" : "transform")} '{display}' in {attributeText} is not partial; add the 'partial' modifier to its declaration", StepErrorKind.NotMarked);
            return true;
        }

        var overValue = position is StepPosition.Parameter or StepPosition.MessageRouter or StepPosition.MessageHandler;
        var (interfaceName, arity, member) = (kind, overValue) switch
        {
            (StepKind.Validate, true) => ("IValidator", 1, "Validate"),
            (StepKind.Validate, false) => ("IRequestValidator", 0, "Validate"),
            (_, true) => ("ITransform", 1, "Transform"),
            _ => ("IResponseTransform", 0, "Transform"),
        };
        var expected = arity == 0 ? interfaceName : $"{interfaceName}<{parameterType!.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}>";
        var errorKind = kind == StepKind.Validate ? StepErrorKind.Validator : StepErrorKind.Transform;
        var fit = type.AllInterfaces.FirstOrDefault(i => IsHyperRoute(i, interfaceName, arity)
            && (arity == 0 || SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], parameterType)));
        if (fit is null)
        {
            var where = position switch
            {
                StepPosition.Parameter => "on a parameter of type '" + parameterType!.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "'",
                StepPosition.Route => "on a route method",
                StepPosition.MessageRouter => "on a router of '" + parameterType!.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "'",
                StepPosition.MessageHandler => "on a handler of '" + parameterType!.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "'",
                _ => "on a router",
            };
            var actual = Interfaces(type, kind);
            error = new StepError(
                $"{attributeText} {where} needs '{display}' to implement {expected}, but it implements {(actual.Count == 0 ? "none of the " + (kind == StepKind.Validate ? "validator" : "transform") + " interfaces" : string.Join(", ", actual))}",
                errorKind);
            return true;
        }

        // Symbol equality ignores nullability: string? binds to IValidator<string>, and the generated call would
        // then pass a maybe-null argument where the validator promises non-null (a warning, an error under
        // warnings-as-errors). A nullable reference parameter needs the interface over the nullable type.
        if (arity == 1 && parameterType is { IsReferenceType: true, NullableAnnotation: NullableAnnotation.Annotated }
            && fit.TypeArguments[0].NullableAnnotation != NullableAnnotation.Annotated)
        {
            var nullableExpected = $"{interfaceName}<{parameterType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat.WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier))}>";
            error = new StepError(
                $"{attributeText} is on a parameter that may be null, but '{display}' implements {interfaceName}<{fit.TypeArguments[0].ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}>; implement {nullableExpected}, or make the parameter non-nullable",
                errorKind);
            return true;
        }

        var abstractMember = fit.GetMembers(member).FirstOrDefault();
        if (abstractMember is not null && type.FindImplementationForInterfaceMember(abstractMember) is IMethodSymbol { MethodKind: MethodKind.ExplicitInterfaceImplementation })
        {
            error = new StepError($"'{display}' implements {expected}.{member} explicitly, but the dispatcher calls {display}.{member} directly; implement it as a public static method", errorKind);
            return true;
        }

        step = new PipelineStep(kind, type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), display);
        return true;
    }

    /// <summary>
    /// HR2004: why a <c>[Validator]</c> or <c>[Transform]</c> type can never be applied (it implements none of the
    /// interfaces); <see langword="null"/> when it implements one, or carries neither marker.
    /// </summary>
    public static string? WhyNoInterface(INamedTypeSymbol type, out AttributeData? marker)
    {
        foreach (var attribute in type.GetAttributes())
        {
            var kind = IsHyperRoute(attribute.AttributeClass, "ValidatorAttribute", 0) ? StepKind.Validate
                : IsHyperRoute(attribute.AttributeClass, "TransformAttribute", 0) ? StepKind.Transform
                : (StepKind?)null;
            if (kind is null || Interfaces(type, kind.Value).Count > 0)
            {
                continue;
            }

            marker = attribute;
            var name = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            return kind == StepKind.Validate
                ? $"The validator '{name}' implements neither IValidator<T> (to check a parameter) nor IRequestValidator (to check the request), so no [Validate<{name}>] can use it"
                : $"The transform '{name}' implements neither ITransform<T> (to change a parameter) nor IResponseTransform (to change the response), so no [Transform<{name}>] can use it";
        }

        marker = null;
        return null;
    }

    /// <summary>The type argument of a step attribute as written, for diagnostics: <c>PositiveId</c> in <c>[Validate&lt;PositiveId&gt;]</c>.</summary>
    public static Location? TypeArgumentLocation(AttributeData attribute, System.Threading.CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
        {
            return null;
        }

        var name = syntax.Name is QualifiedNameSyntax qualified ? qualified.Right : syntax.Name is AliasQualifiedNameSyntax alias ? alias.Name : syntax.Name;
        return name is GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 } generic
            ? generic.TypeArgumentList.Arguments[0].GetLocation()
            : syntax.GetLocation();
    }

    /// <summary><see langword="true"/> for <c>[Validate&lt;V&gt;]</c> and <c>[Transform&lt;X&gt;]</c>.</summary>
    public static bool IsStepAttribute(INamedTypeSymbol? attributeClass, out StepKind kind)
    {
        kind = StepKind.Validate;
        if (IsHyperRoute(attributeClass, "ValidateAttribute", 1))
        {
            return true;
        }

        kind = StepKind.Transform;
        return IsHyperRoute(attributeClass, "TransformAttribute", 1);
    }

    // The validator (or transform) interfaces a type implements, as users read them.
    private static List<string> Interfaces(INamedTypeSymbol type, StepKind kind)
        => type.AllInterfaces
            .Where(i => kind == StepKind.Validate
                ? IsHyperRoute(i, "IValidator", 1) || IsHyperRoute(i, "IRequestValidator", 0)
                : IsHyperRoute(i, "ITransform", 1) || IsHyperRoute(i, "IResponseTransform", 0))
            .Select(i => i.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat))
            .ToList();

    private static bool IsHyperRoute(INamedTypeSymbol? type, string name, int arity)
        => type is { ContainingNamespace: { Name: "HyperRoute", ContainingNamespace.IsGlobalNamespace: true } }
            && type.Name == name
            && type.Arity == arity;

    // A type from source must say 'partial' on every declaration; a type from a referenced assembly cannot be
    // checked and is taken as it is.
    private static bool IsPartial(INamedTypeSymbol type)
        => type.DeclaringSyntaxReferences.All(r => r.GetSyntax() is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));
}
