using HyperRoute.Generators.Routing;
using HyperRoute.Generators.Steps;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HyperRoute.Generators.Messages;

/// <summary>The <c>When</c> predicates (HR3013–HR3016), unreachable handlers (HR3018) and steps (HR2001–HR2003) of a message router.</summary>
internal static partial class MessageRouterReader
{
    // The method a When names: exactly one (HR3013, HR3014), bool P(in TMessage) or bool P(TMessage) (HR3015), static
    // unless the router is an instance router (HR3016). Every problem is reported on the When argument.
    private static MessagePredicate? Predicate(
        INamedTypeSymbol router,
        string? name,
        INamedTypeSymbol message,
        string messageDisplay,
        bool routerIsStatic,
        AttributeData on,
        ImmutableArray<MessageProblem>.Builder problems,
        CancellationToken cancellationToken)
    {
        var location = WhenLocation(on, cancellationToken);
        var candidates = string.IsNullOrEmpty(name)
            ? new List<IMethodSymbol>()
            : router.GetMembers(name!).OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary).ToList();
        var expected = $"'bool {name}(in {messageDisplay} message)' or 'bool {name}({messageDisplay} message)'";
        if (candidates.Count == 0)
        {
            problems.Add(new MessageProblem(
                MessageRule.RouterPredicateMissing,
                string.IsNullOrEmpty(name)
                    ? "When names no method: use When = nameof(Predicate), a method of the router"
                    : $"When = \"{name}\" names no method of '{router.Name}': declare {expected} in it",
                location));
            return null;
        }

        if (candidates.Count > 1)
        {
            problems.Add(new MessageProblem(MessageRule.RouterPredicateAmbiguous, $"When = \"{name}\" names {candidates.Count} overloads in '{router.Name}': keep one, {expected}", location));
            return null;
        }

        var method = candidates[0];
        var parameter = method.Parameters.Length == 1 ? method.Parameters[0] : null;
        var fits = method.ReturnType.SpecialType == SpecialType.System_Boolean && !method.ReturnsByRef && !method.ReturnsByRefReadonly
            && !method.IsGenericMethod && !method.IsAbstract
            && parameter is { RefKind: RefKind.None or RefKind.In } && SymbolEqualityComparer.Default.Equals(parameter.Type, message);
        if (!fits)
        {
            problems.Add(new MessageProblem(MessageRule.RouterPredicateSignature, $"The predicate '{name}' is not {expected}: the router calls it with the message it routes and takes the handler when it returns true", location));
            return null;
        }

        if (!method.IsStatic && routerIsStatic)
        {
            problems.Add(new MessageProblem(MessageRule.RouterPredicateInstance, $"The predicate '{name}' is an instance method, but every handler of '{router.Name}' is static, so Route is static and has no instance to call it on: make '{name}' static", location));
            return null;
        }

        return new MessagePredicate(Escape(method.Name), method.IsStatic, parameter!.RefKind == RefKind.In);
    }

    // HR3018: a predicated [On] after the same predicate on every path to it: a key-less one (tested before the switch),
    // or an earlier one of its own value (tested first in its case). Predicates are taken to be pure.
    private static void ReportUnreachable(List<ReadCase> read, ImmutableArray<MessageProblem>.Builder problems, CancellationToken cancellationToken)
    {
        var anywhere = new Dictionary<string, string>();
        foreach (var keyless in read.Where(r => r.Case.Value is null))
        {
            var name = keyless.Case.When!.Name;
            if (anywhere.TryGetValue(name, out var first))
            {
                problems.Add(Unreachable(keyless, first, "key-less ", cancellationToken));
                continue;
            }

            anywhere[name] = keyless.MethodName;
        }

        var byValue = new Dictionary<(long, string), string>();
        foreach (var keyed in read.Where(r => r.Case is { Value: not null, When: not null }))
        {
            var name = keyed.Case.When!.Name;
            if (anywhere.TryGetValue(name, out var keyless))
            {
                problems.Add(Unreachable(keyed, keyless, "key-less ", cancellationToken));
                continue;
            }

            if (byValue.TryGetValue((keyed.Case.Value!.Value, name), out var first))
            {
                problems.Add(Unreachable(keyed, first, "", cancellationToken));
                continue;
            }

            byValue[(keyed.Case.Value!.Value, name)] = keyed.MethodName;
        }
    }

    private static MessageProblem Unreachable(ReadCase later, string first, string which, CancellationToken cancellationToken)
        => new(
            MessageRule.RouterUnreachable,
            $"{later.Case.Attribute} on '{later.MethodName}' is never reached: the {which}[On] of '{first}' tests When = {Identifiers.Unescape(later.Case.When!.Name)} first and takes every message it accepts",
            AttributeLocation(later.Attribute, cancellationToken));

    // [Validate<V>] and [Transform<X>] over the message, with StepReader's rules; HR2001–HR2003 on the type argument.
    private static EquatableArray<PipelineStep> Steps(
        ImmutableArray<AttributeData> attributes,
        StepPosition position,
        INamedTypeSymbol message,
        ImmutableArray<MessageProblem>.Builder problems,
        CancellationToken cancellationToken)
    {
        var steps = new List<PipelineStep>();
        foreach (var attribute in attributes)
        {
            if (!StepReader.TryRead(attribute, position, message, out var step, out var error))
            {
                continue;
            }

            if (error is not null)
            {
                var rule = error.Kind switch
                {
                    StepErrorKind.NotMarked => MessageRule.RouterStepNotMarked,
                    StepErrorKind.Validator => MessageRule.RouterValidatorDoesNotFit,
                    StepErrorKind.Transform => MessageRule.RouterTransformDoesNotFit,
                    _ => MessageRule.NestedInvalid, // the type does not resolve: the compiler reports it
                };
                problems.Add(new MessageProblem(rule, error.Message, StepReader.TypeArgumentLocation(attribute, cancellationToken)));
                continue;
            }

            steps.Add(step!);
        }

        return steps.ToEquatableArray();
    }

    private static Location? WhenLocation(AttributeData attribute, CancellationToken cancellationToken)
        => attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } arguments }
            && arguments.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "When") is { } when
            ? when.GetLocation()
            : AttributeLocation(attribute, cancellationToken);
}
