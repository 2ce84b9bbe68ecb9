using HyperRoute.Generators.Routing;
using HyperRoute.Generators.Steps;
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HyperRoute.Generators.Messages;

/// <summary>
/// Reads a <c>[MessageRouter]</c> class's symbols into a <see cref="MessageRouterLayout"/>, with the HR3006–HR3025
/// rules (and HR2001–HR2003 for its validators and transforms): the generator emits a router only when <see cref="Read"/> finds no problem, and the analyzer reports each
/// problem where it is written. A router of a message with problems of its own is left out without a diagnostic of
/// its own: the message carries it.
/// </summary>
internal static partial class MessageRouterReader
{
    private const string ValueTaskType = "System.Threading.Tasks.ValueTask";
    private const string CancellationTokenType = "System.Threading.CancellationToken";

    /// <summary><see langword="true"/> when <paramref name="type"/> carries <c>[MessageRouter]</c>.</summary>
    public static bool IsRouter(INamedTypeSymbol type) => RouterAttribute(type) is not null;

    /// <summary>The router's layout, or <see langword="null"/> with the reasons when it cannot be generated.</summary>
    public static (MessageRouterLayout? Layout, ImmutableArray<MessageProblem> Problems) Read(INamedTypeSymbol router, CancellationToken cancellationToken)
    {
        var problems = ImmutableArray.CreateBuilder<MessageProblem>();
        var attribute = RouterAttribute(router);
        if (attribute is null || attribute.ConstructorArguments.Length != 2
            || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol message || message.TypeKind == TypeKind.Error
            || attribute.ConstructorArguments[1].Value is not string key)
        {
            return (null, ImmutableArray.Create(new MessageProblem(MessageRule.NestedInvalid, "The [MessageRouter] arguments do not resolve", null))); // the compiler reports it
        }

        if (PartialTypes.WhyNot(router) is { } why)
        {
            problems.Add(new MessageProblem(MessageRule.RouterNotPartialClass, $"No router can be generated into '{router.Name}': {why}", router.Locations.FirstOrDefault()));
        }

        var messageDisplay = message.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        MessageLayout? messageLayout = null;
        MessageField? keyField = null;
        ITypeSymbol? keyType = null;
        if (message.TypeKind != TypeKind.Struct || !MessageReader.IsMessage(message))
        {
            problems.Add(new MessageProblem(MessageRule.RouterNotMessage, $"'{messageDisplay}' is not a [Message] struct: a message router routes the messages the generator reads", ArgumentLocation(attribute, 0, cancellationToken)));
        }
        else
        {
            messageLayout = MessageReader.Read(message, cancellationToken).Layout;
            if (messageLayout is null)
            {
                problems.Add(new MessageProblem(MessageRule.NestedInvalid, $"The message '{messageDisplay}' cannot be generated", null));
            }
            else
            {
                keyField = messageLayout.Fields.FirstOrDefault(f => Identifiers.Unescape(f.Name) == key);
                keyType = message.GetMembers(key).Select(m => m switch { IFieldSymbol f => f.Type, IPropertySymbol p => p.Type, _ => null }).FirstOrDefault(t => t is not null);
                if (keyField is not { Kind: MessageFieldKind.Integer or MessageFieldKind.Enum } || keyType is null)
                {
                    var what = keyField is not null ? $"is a {keyField.TypeDisplay}" : keyType is not null ? "is not a [Field] of it" : "is no member of it";
                    problems.Add(new MessageProblem(MessageRule.RouterKeyInvalid, $"The key '{key}' of '{messageDisplay}' {what}: the key is an integer or enum [Field]", ArgumentLocation(attribute, 1, cancellationToken)));
                    keyField = null;
                }
            }
        }

        var isStatic = router.GetMembers().OfType<IMethodSymbol>().All(m => !IsHandler(m) || m.IsStatic);

        var stepsApply = messageLayout is not null;
        var routerSteps = stepsApply ? Steps(router.GetAttributes(), StepPosition.MessageRouter, message, problems, cancellationToken) : EquatableArray<PipelineStep>.Empty;
        var read = new List<ReadCase>();
        var plain = new Dictionary<long, string>();
        MessageHandler? otherwise = null;
        foreach (var method in router.GetMembers().OfType<IMethodSymbol>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!IsHandler(method))
            {
                continue;
            }

            var handler = Handler(method, message, messageDisplay, messageLayout, problems, cancellationToken);
            foreach (var on in method.GetAttributes().Where(a => KnownNames.Is(a.AttributeClass, KnownNames.OnAttribute)))
            {
                if (ReadOn(router, method, on, message, messageDisplay, isStatic, keyField, keyType, plain, problems, cancellationToken) is not { } routeCase)
                {
                    continue;
                }

                if (handler is not null)
                {
                    read.Add(new ReadCase(routeCase with { Handler = handler }, method.Name, on));
                }
            }

            if (method.GetAttributes().Any(a => KnownNames.Is(a.AttributeClass, KnownNames.OtherwiseAttribute)))
            {
                otherwise ??= handler; // any further [Otherwise] is HR3011, below
            }
        }

        problems.AddRange(StrayForwards(router, cancellationToken));

        // HR3011: every [Otherwise] after the first.
        foreach (var extra in router.GetMembers().OfType<IMethodSymbol>()
            .SelectMany(m => m.GetAttributes().Where(a => KnownNames.Is(a.AttributeClass, KnownNames.OtherwiseAttribute)).Select(a => (Method: m, Attribute: a)))
            .Skip(1))
        {
            problems.Add(new MessageProblem(MessageRule.RouterOtherwiseDuplicate, $"'{extra.Method.Name}' is a second [Otherwise] of '{router.Name}': a router has one fallback handler", AttributeLocation(extra.Attribute, cancellationToken)));
        }

        ReportUnreachable(read, problems, cancellationToken);
        if (problems.Count > 0 || keyField is null || messageLayout is null)
        {
            return (null, problems.ToImmutable());
        }

        var layout = new MessageRouterLayout
        {
            MessageFullName = message.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            MessageDisplay = messageDisplay,
            KeyName = keyField.Name,
            KeyTypeDisplay = keyField.TypeDisplay,
            KeyEnumType = keyField.Kind == MessageFieldKind.Enum ? keyField.TypeName : null,
            HasSpanReader = !messageLayout.HasByteStrings,
            Steps = routerSteps,
            Anywhere = read.Select(r => r.Case).Where(c => c.Value is null).ToEquatableArray(),
            Cases = read.Select(r => r.Case).Where(c => c.Value is not null).OrderBy(c => c.Value).ThenBy(c => c.When is null).ToEquatableArray(),
            Otherwise = otherwise,
            IsStatic = isStatic,
            IsAsync = read.Any(r => r.Case.Handler.IsAsync) || otherwise?.IsAsync == true,
        };
        return (layout, ImmutableArray<MessageProblem>.Empty);
    }

    // One [On]: its value (HR3017 without value or When, HR3008 for a second plain handler of a value, HR3009 out of
    // range) and its predicate (HR3013–HR3016). Null when it cannot be routed; the handler is filled in by the caller.
    private static MessageRouteCase? ReadOn(
        INamedTypeSymbol router,
        IMethodSymbol method,
        AttributeData on,
        INamedTypeSymbol message,
        string messageDisplay,
        bool isStatic,
        MessageField? keyField,
        ITypeSymbol? keyType,
        Dictionary<long, string> plain,
        ImmutableArray<MessageProblem>.Builder problems,
        CancellationToken cancellationToken)
    {
        if (on.ConstructorArguments.Length > 1 || (on.ConstructorArguments.Length == 1 && on.ConstructorArguments[0].Value is not long))
        {
            return null; // the compiler reports it
        }

        long? value = on.ConstructorArguments.Length == 1 ? (long)on.ConstructorArguments[0].Value! : null;

        var when = on.NamedArguments.FirstOrDefault(a => a.Key == "When");
        var hasWhen = when.Key is not null;
        if (value is null && !hasWhen)
        {
            problems.Add(new MessageProblem(MessageRule.RouterOnWithoutKey, $"The [On] of '{method.Name}' names neither a key value nor a When predicate, so it would take every message; use [Otherwise] for that, or add a value or When = nameof(Predicate)", AttributeLocation(on, cancellationToken)));
            return null;
        }

        MessagePredicate? predicate = null;
        if (hasWhen)
        {
            predicate = Predicate(router, when.Value.Value as string, message, messageDisplay, isStatic, on, problems, cancellationToken);
            if (predicate is null)
            {
                return null;
            }
        }

        string? member = null;
        if (value is { } key)
        {
            var text = key.ToString(CultureInfo.InvariantCulture);
            if (predicate is null)
            {
                if (plain.TryGetValue(key, out var first))
                {
                    problems.Add(new MessageProblem(MessageRule.RouterDuplicateValue, $"'{method.Name}' handles the key {text}, which '{first}' already handles: each key value has one handler without When (add When = nameof(Predicate) to all but one)", AttributeLocation(on, cancellationToken)));
                    return null;
                }

                plain[key] = method.Name;
            }

            if (keyField is null || keyType is null)
            {
                return null;
            }

            if (WhyOutOfRange(key, keyField, keyType) is { } reason)
            {
                problems.Add(new MessageProblem(MessageRule.RouterValueOutOfRange, $"The key {text} of '{method.Name}' {reason}, so no message would reach it", ArgumentLocation(on, 0, cancellationToken)));
                return null;
            }

            member = keyField.Kind == MessageFieldKind.Enum && EnumMember(key, keyType) is { } name ? Escape(name) : null;
        }

        return new MessageRouteCase(value, member, Written(on, cancellationToken), predicate, null!);
    }

    private static bool IsHandler(IMethodSymbol method)
        => method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() is KnownNames.OnAttribute or KnownNames.OtherwiseAttribute);

    private static AttributeData? RouterAttribute(INamedTypeSymbol type)
        => type.GetAttributes().FirstOrDefault(a => KnownNames.Is(a.AttributeClass, KnownNames.MessageRouterAttribute));

    // HR3010: void X(in TMessage) or void X(TMessage), or async: ValueTask X(TMessage) / X(in TMessage) with an optional
    // CancellationToken after it (HR3025 for a span there); not generic; or a [To] handler (HR3019–HR3023); and its steps (HR2001–HR2003).
    private static MessageHandler? Handler(IMethodSymbol method, INamedTypeSymbol message, string messageDisplay, MessageLayout? messageLayout, ImmutableArray<MessageProblem>.Builder problems, CancellationToken cancellationToken)
    {
        var steps = messageLayout is not null ? Steps(method.GetAttributes(), StepPosition.MessageHandler, message, problems, cancellationToken) : EquatableArray<PipelineStep>.Empty;
        if (ToAttributeOf(method) is { } to)
        {
            return ForwardHandler(method, to, message, messageDisplay, messageLayout, steps, problems, cancellationToken);
        }

        var isAsync = method.ReturnType.ToDisplayString() == ValueTaskType;
        if (isAsync && method.Parameters.FirstOrDefault(p => p.Type.IsRefLikeType) is { } span)
        {
            problems.Add(new MessageProblem(
                MessageRule.RouterAsyncHandlerSpan,
                $"The async handler '{method.Name}' takes '{span.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)} {span.Name}', which cannot live across an await: "
                    + $"take the message by value instead, 'ValueTask {method.Name}({messageDisplay} message)' (a copy, whose byte strings are ReadOnlyMemory<byte>), and a CancellationToken if it waits",
                span.Locations.FirstOrDefault() ?? method.Locations.FirstOrDefault()));
            return null;
        }

        var parameter = method.Parameters.Length is 1 or 2 ? method.Parameters[0] : null;
        var bindsCancellation = isAsync && method.Parameters.Length == 2
            && method.Parameters[1] is { RefKind: RefKind.None } token && token.Type.ToDisplayString() == CancellationTokenType;
        var fits = method.MethodKind == MethodKind.Ordinary && (method.ReturnsVoid || isAsync) && !method.IsGenericMethod && !method.IsAbstract
            && parameter is { RefKind: RefKind.None or RefKind.In } && SymbolEqualityComparer.Default.Equals(parameter.Type, message)
            && (method.Parameters.Length == 1 || bindsCancellation);
        if (!fits)
        {
            if (message.TypeKind != TypeKind.Error)
            {
                problems.Add(new MessageProblem(
                    MessageRule.RouterHandlerSignature,
                    $"The handler '{method.Name}' is not 'void {method.Name}(in {messageDisplay} message)', 'void {method.Name}({messageDisplay} message)' "
                        + $"or async 'ValueTask {method.Name}({messageDisplay} message)', optionally with a CancellationToken after the message: the router calls it with the message it routes",
                    method.Locations.FirstOrDefault()));
            }

            return null;
        }

        return new MessageHandler(Escape(method.Name), method.IsStatic, parameter!.RefKind == RefKind.In, steps, IsAsync: isAsync, BindsCancellation: bindsCancellation);
    }

    private static string? WhyOutOfRange(long value, MessageField key, ITypeSymbol keyType)
    {
        (long Min, long Max) range = key.PrimitiveKeyword switch
        {
            "byte" => (byte.MinValue, byte.MaxValue),
            "sbyte" => (sbyte.MinValue, sbyte.MaxValue),
            "short" => (short.MinValue, short.MaxValue),
            "ushort" => (ushort.MinValue, ushort.MaxValue),
            "int" => (int.MinValue, int.MaxValue),
            "uint" => (uint.MinValue, uint.MaxValue),
            "ulong" => (0L, long.MaxValue),
            _ => (long.MinValue, long.MaxValue),
        };
        if (value < range.Min || value > range.Max)
        {
            return $"is out of the range of {key.TypeDisplay}{(key.Kind == MessageFieldKind.Enum ? " (" + key.PrimitiveKeyword + ")" : "")}";
        }

        if (key.Kind == MessageFieldKind.Enum && key.EnumValues.Count > 0 && EnumMember(value, keyType) is null)
        {
            return $"is no member of {key.TypeDisplay}, and a {key.TypeDisplay} without [Flags] reads only its members";
        }

        return null;
    }

    private static string? EnumMember(long value, ITypeSymbol enumType)
        => enumType.GetMembers().OfType<IFieldSymbol>()
            .FirstOrDefault(f => f.HasConstantValue && f.ConstantValue is not null && unchecked((long)Convert.ToUInt64(Unsigned(f.ConstantValue), CultureInfo.InvariantCulture)) == value)
            ?.Name;

    // Every underlying value as its 64-bit pattern, so that ulong members compare with their long [On] value.
    private static object Unsigned(object constant) => constant switch
    {
        sbyte v => unchecked((ulong)v),
        short v => unchecked((ulong)v),
        int v => unchecked((ulong)v),
        long v => unchecked((ulong)v),
        _ => constant,
    };

    private static string Written(AttributeData attribute, CancellationToken cancellationToken)
        => "[" + Regex.Replace(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).ToString() ?? "On", @"\s+", " ") + "]";

    private static Location? AttributeLocation(AttributeData attribute, CancellationToken cancellationToken)
        => attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();

    private static Location? ArgumentLocation(AttributeData attribute, int index, CancellationToken cancellationToken)
        => attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList.Arguments.Count: var count } syntax && count > index
            ? syntax.ArgumentList!.Arguments[index].GetLocation()
            : AttributeLocation(attribute, cancellationToken);


    private static string Escape(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>An <c>[On]</c> as read, with what the diagnostics about it need.</summary>
    private sealed record ReadCase(MessageRouteCase Case, string MethodName, AttributeData Attribute);
}
