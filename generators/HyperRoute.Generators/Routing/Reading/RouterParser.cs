using HyperRoute.Generators.Steps;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HyperRoute.Generators.Routing;

/// <summary>Stage 1: reads a <c>[Router]</c> type's symbols into a <see cref="RouterSpec"/>. Pure; never throws on user code.</summary>
internal static class RouterParser
{
    /// <summary>
    /// Returns <see langword="null"/> when no code can be generated for the type (it is not <c>partial</c>, is
    /// generic, or is nested in a type that is not <c>partial</c>); the analyzers report why.
    /// </summary>
    public static RouterSpec? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } type
            || string.IsNullOrEmpty(type.Name)
            || context.TargetNode is TypeDeclarationSyntax { Identifier.IsMissing: true }
            || !CanExtend(type))
        {
            return null;
        }

        if (ReservedNames.Collisions(type).Any())
        {
            return null; // HR0014: a member of the router has a name the generated code declares
        }

        var routes = ImmutableArray.CreateBuilder<RouteSpec>();
        var skipped = ImmutableArray.CreateBuilder<SkippedRoute>();
        string? resultType = null;
        var resultIsValueType = false;
        var resultIsHttpResult = false;
        var routerSteps = ReadSteps(type.GetAttributes(), StepPosition.Router, null, out var routerStepError);
        var json = JsonContextReader.Read(type);

        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() != KnownNames.RouteAttribute)
                {
                    continue;
                }

                var pattern = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
                // A router step that cannot apply leaves every route out: none may run without it.
                string? reason = "a validator or transform of the router cannot apply: " + routerStepError;
                var route = routerStepError is null ? ParseRoute(method, pattern, routes.Count, json, ref resultType, out reason) : null;
                if (route is { ReturnsVoid: false } && routes.All(r => r.ReturnsVoid))
                {
                    resultIsValueType = method.ReturnType.IsValueType;
                    resultIsHttpResult = IsHttpResult(method.ReturnType);
                }

                if (route is null)
                {
                    skipped.Add(new SkippedRoute(pattern ?? "(no pattern)", method.Name, reason!));
                    continue;
                }

                routes.Add(route);
            }
        }

        return new RouterSpec
        {
            Declaration = TypeDeclarationReader.Read(type, "Dispatch"),
            ResultType = resultType,
            ResultDefault = resultIsValueType ? "default" : "default!",
            ResultIsHttpResult = resultIsHttpResult,
            Steps = routerSteps,
            JsonContext = json.TypeName,
            Routes = new EquatableArray<RouteSpec>(routes.ToImmutable()),
            Skipped = new EquatableArray<SkippedRoute>(skipped.ToImmutable()),
        };
    }

    private static RouteSpec? ParseRoute(IMethodSymbol method, string? pattern, int index, JsonBodyContext json, ref string? resultType, out string? reason)
    {
        reason = null;
        if (!RouteTemplateParser.TryParse(pattern, out var template, out var templateError))
        {
            reason = "invalid template: " + templateError!.Message;
            return null;
        }

        if (method.IsGenericMethod || method.ReturnsByRef || method.ReturnsByRefReadonly || method.IsAbstract || method.MethodKind != MethodKind.Ordinary)
        {
            reason = "the handler must be an ordinary, non-generic method that does not return by reference";
            return null;
        }

        if (method.ContainingType.IsStatic && !method.IsStatic)
        {
            reason = "a static router's handlers must be static";
            return null;
        }

        var parameters = method.Parameters.Select(HandlerParameterReader.Read).ToArray();
        if (!RouteBinder.TryBind(template!, parameters, json, out var bindings, out var bindingError))
        {
            reason = bindingError!.Message;
            return null;
        }

        // Validators and transforms: the route's, then each parameter's; a route with one that cannot apply is left out.
        var routeSteps = ReadSteps(method.GetAttributes(), StepPosition.Route, null, out var stepError);
        var boundWithSteps = bindings.ToBuilder();
        for (var i = 0; i < method.Parameters.Length && stepError is null; i++)
        {
            var parameter = method.Parameters[i];
            boundWithSteps[i] = bindings[i] with { Steps = ReadSteps(parameter.GetAttributes(), StepPosition.Parameter, parameter.Type, out stepError) };
        }

        if (stepError is not null)
        {
            reason = stepError;
            return null;
        }

        // The router's result type comes from its first route that compiles, so one broken handler cannot
        // make every correct one after it a mismatch.
        var returnsVoid = method.ReturnsVoid;
        if (!returnsVoid)
        {
            var returnType = method.ReturnType.ToDisplayString(ResultTypeFormat);
            if (method.ReturnType.TypeKind == TypeKind.Error)
            {
                reason = "the handler's return type does not resolve";
                return null;
            }

            if (resultType is not null && resultType != returnType)
            {
                reason = $"the handler returns {returnType}, but the router's handlers return {resultType}; one router has one result type";
                return null;
            }

            resultType = returnType;
        }

        return new RouteSpec
        {
            Index = index,
            Template = template!,
            HandlerName = method.Name,
            HandlerDisplay = method.Name + "(" + string.Join(", ", method.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + " " + p.Name)) + ")",
            IsStatic = method.IsStatic,
            ReturnsVoid = returnsVoid,
            Bindings = new EquatableArray<ParameterBinding>(boundWithSteps.ToImmutable()),
            Steps = routeSteps,
        };
    }

    // The [Validate<V>] and [Transform<X>] among attributes, in declaration order; the first that cannot apply sets error.
    private static EquatableArray<PipelineStep> ReadSteps(ImmutableArray<AttributeData> attributes, StepPosition position, ITypeSymbol? parameterType, out string? error)
    {
        error = null;
        var steps = ImmutableArray.CreateBuilder<PipelineStep>();
        foreach (var attribute in attributes)
        {
            if (!StepReader.TryRead(attribute, position, parameterType, out var step, out var stepError))
            {
                continue;
            }

            if (stepError is not null)
            {
                error = stepError.Message;
                return EquatableArray<PipelineStep>.Empty;
            }

            steps.Add(step!);
        }

        return new EquatableArray<PipelineStep>(steps.ToImmutable());
    }

    // The result type writes itself as a response: it is IHttpResult or implements it.
    private static bool IsHttpResult(ITypeSymbol type)
        => type.ToDisplayString() == KnownNames.HttpResultInterface
            || type.AllInterfaces.Any(i => i.ToDisplayString() == KnownNames.HttpResultInterface);

    private static readonly SymbolDisplayFormat ResultTypeFormat = SymbolDisplayFormat.FullyQualifiedFormat.WithMiscellaneousOptions(
        SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier | SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    // Code can be added to a type only when it and every type around it are partial and not generic.
    private static bool CanExtend(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsGenericType || !IsPartial(current))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPartial(INamedTypeSymbol type)
        => type.DeclaringSyntaxReferences.Length > 0
            && type.DeclaringSyntaxReferences.All(r => r.GetSyntax() is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));
}
