using HyperRoute.Generators.Routing;
using HyperRoute.Generators.Steps;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HyperRoute.Generators.Messages;

/// <summary>
/// <c>[To]</c> handlers of a message router: the partial method's shape (HR3022), the destination group it names
/// (HR3019–HR3021), its routing key (HR3023), and <c>[To]</c> on a method that is no handler (HR3024).
/// </summary>
internal static partial class MessageRouterReader
{
    /// <summary>
    /// HR3024 for every <c>[To]</c> on a method of <paramref name="type"/> without <c>[On]</c> or <c>[Otherwise]</c>; the
    /// analyzer asks this of every class, since <c>[To]</c> outside a message router forwards nothing either.
    /// </summary>
    public static IEnumerable<MessageProblem> StrayForwards(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            if (IsHandler(method) || ToAttributeOf(method) is not { } to)
            {
                continue;
            }

            var where = IsRouter(type) ? "" : $", and '{type.Name}' is no [MessageRouter]";
            yield return new MessageProblem(
                MessageRule.RouterToNotHandler,
                $"'{method.Name}' has [To] but no [On] or [Otherwise]{where}: only a message router's handlers forward; add the [On] that routes messages to it, or remove [To]",
                AttributeLocation(to, cancellationToken));
        }
    }

    private static AttributeData? ToAttributeOf(IMethodSymbol method)
        => method.GetAttributes().FirstOrDefault(a => KnownNames.Is(a.AttributeClass, KnownNames.ToAttribute));

    // A [To] handler: a partial MessageOutcome X(in TMessage) or X(TMessage) without a body (HR3022), its group
    // (HR3019–HR3021) and its key (HR3023). Null with the problems when it cannot be generated.
    private static MessageHandler? ForwardHandler(
        IMethodSymbol method,
        AttributeData to,
        INamedTypeSymbol message,
        string messageDisplay,
        MessageLayout? messageLayout,
        EquatableArray<PipelineStep> steps,
        ImmutableArray<MessageProblem>.Builder problems,
        CancellationToken cancellationToken)
    {
        var declaration = GeneratedPartialMethods.Definition(method, cancellationToken);
        if (WhyNotForwardShape(method, declaration, message, messageDisplay, cancellationToken) is { } why)
        {
            if (message.TypeKind != TypeKind.Error)
            {
                problems.Add(new MessageProblem(MessageRule.RouterToHandlerShape, why, method.Locations.FirstOrDefault()));
            }

            return null;
        }

        var group = Group(method, to, problems, cancellationToken);
        var keyRead = ForwardKeyOf(to, message, messageDisplay, messageLayout, problems, cancellationToken);
        if (group is not { } member || !keyRead.Fits)
        {
            return null;
        }

        var parameter = method.Parameters[0];
        var forward = new MessageForward(
            Written(to, cancellationToken),
            Escape(member.Symbol.Name),
            member.Symbol.IsStatic,
            member.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
            keyRead.Key,
            string.Join(" ", declaration!.Modifiers.Select(m => m.Text)),
            Escape(parameter.Name));
        return new MessageHandler(Escape(method.Name), method.IsStatic, parameter.RefKind == RefKind.In, steps, forward);
    }

    private static string? WhyNotForwardShape(IMethodSymbol method, MethodDeclarationSyntax? declaration, INamedTypeSymbol message, string messageDisplay, CancellationToken cancellationToken)
    {
        var expected = $"'private partial MessageOutcome {method.Name}(in {messageDisplay} message);' (or by value, static or instance)";
        if (GeneratedPartialMethods.WhyNotCompletable(method, declaration, "[To]", expected, cancellationToken) is { } why)
        {
            return why;
        }

        var parameter = method.Parameters.Length == 1 ? method.Parameters[0] : null;
        var fits = method.MethodKind == MethodKind.Ordinary && !method.IsGenericMethod && !method.ReturnsByRef && !method.ReturnsByRefReadonly
            && KnownNames.Is(method.ReturnType, KnownNames.MessageOutcome)
            && parameter is { RefKind: RefKind.None or RefKind.In } && SymbolEqualityComparer.Default.Equals(parameter.Type, message);
        return fits
            ? null
            : $"The [To] handler '{method.Name}' is not {expected}: Route returns what its forward did, and it forwards the message it routes";
    }

    // HR3019: the name is a field or property of the router; HR3020: its type is (or derives from) a DestinationGroup<T>
    // of an IFrameDestination, and a property can be read; HR3021: a static handler reads a static group. Every problem
    // is reported on the group argument.
    private static (ISymbol Symbol, ITypeSymbol Type)? Group(IMethodSymbol method, AttributeData to, ImmutableArray<MessageProblem>.Builder problems, CancellationToken cancellationToken)
    {
        if (to.ConstructorArguments.Length != 1 || to.ConstructorArguments[0].Value is not string name || name.Length == 0)
        {
            problems.Add(new MessageProblem(
                to.ConstructorArguments.Length == 1 ? MessageRule.RouterToGroupMissing : MessageRule.NestedInvalid, // no argument: the compiler reports it
                "[To] names no member: use [To(nameof(Group))], a field or property of the router that holds a DestinationGroup<T>",
                ArgumentLocation(to, 0, cancellationToken)));
            return null;
        }

        var router = method.ContainingType;
        var location = ArgumentLocation(to, 0, cancellationToken);
        var member = router.GetMembers(name).FirstOrDefault(m => m is IFieldSymbol || m is IPropertySymbol { IsIndexer: false });
        if (member is null)
        {
            problems.Add(new MessageProblem(MessageRule.RouterToGroupMissing, $"[To(\"{name}\")] names no field or property of '{router.Name}': declare the destination group there (a DestinationGroup<T> of an IFrameDestination) and name it with nameof", location));
            return null;
        }

        var type = member is IFieldSymbol field ? field.Type : ((IPropertySymbol)member).Type;
        if (type.TypeKind == TypeKind.Error)
        {
            problems.Add(new MessageProblem(MessageRule.NestedInvalid, $"The type of '{name}' does not resolve", null)); // the compiler reports it
            return null;
        }

        if (WhyNotGroup(member, type) is { } why)
        {
            problems.Add(new MessageProblem(MessageRule.RouterToGroupType, $"'{name}' {why}: [To] sends the message as a frame to the destination its group picks", location));
            return null;
        }

        if (!member.IsStatic && method.IsStatic)
        {
            problems.Add(new MessageProblem(
                MessageRule.RouterToGroupInstance,
                $"'{name}' is an instance member, but the handler '{method.Name}' is static, so neither it nor Route has an instance to read it from: make '{name}' static, or '{method.Name}' an instance method (the router becomes an instance router)",
                location));
            return null;
        }

        return (member, type);
    }

    private static string? WhyNotGroup(ISymbol member, ITypeSymbol type)
    {
        var display = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        if (member is IPropertySymbol { GetMethod: null })
        {
            return "is a property without a getter";
        }

        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (current.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) != "global::HyperRoute.Messaging.DestinationGroup<TDestination>")
            {
                continue;
            }

            var destination = current.TypeArguments[0];
            var frames = KnownNames.IsOrImplements(destination, KnownNames.FrameDestinationInterface);
            return frames ? null : $"is a {display}, and {destination.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)} is not an IFrameDestination";
        }

        return $"is a {display}, not a DestinationGroup<T> of an IFrameDestination";
    }

    // HR3023: Key names an integer or enum [Field] of the message; reported on the Key argument.
    private static (bool Fits, ForwardKey? Key) ForwardKeyOf(
        AttributeData to,
        INamedTypeSymbol message,
        string messageDisplay,
        MessageLayout? messageLayout,
        ImmutableArray<MessageProblem>.Builder problems,
        CancellationToken cancellationToken)
    {
        var argument = to.NamedArguments.FirstOrDefault(a => a.Key == "Key");
        if (argument.Key is null || argument.Value.Value is null)
        {
            return (true, null);
        }

        if (messageLayout is null)
        {
            return (false, null); // the message's own problems are reported on it
        }

        var name = (string)argument.Value.Value;
        var field = messageLayout.Fields.FirstOrDefault(f => Identifiers.Unescape(f.Name) == name);
        if (field is not { Kind: MessageFieldKind.Integer or MessageFieldKind.Enum, Primitive: not null, PrimitiveKeyword: not null })
        {
            var what = field is not null ? $"is a {field.TypeDisplay}" : message.GetMembers(name).Any() ? "is not a [Field] of it" : "is no member of it";
            problems.Add(new MessageProblem(
                MessageRule.RouterToKeyInvalid,
                $"The routing key '{name}' of '{messageDisplay}' {what}: Key names an integer or enum [Field], whose bytes the group hashes",
                NamedArgumentLocation(to, "Key", cancellationToken)));
            return (false, null);
        }

        return (true, new ForwardKey(
            field.Name,
            messageDisplay + "." + Identifiers.Unescape(field.Name),
            field.TypeDisplay,
            field.Primitive,
            field.PrimitiveKeyword,
            field.Size,
            field.Kind == MessageFieldKind.Enum,
            messageLayout.LittleEndian));
    }

    private static Location? NamedArgumentLocation(AttributeData attribute, string name, CancellationToken cancellationToken)
        => attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } arguments }
            && arguments.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name) is { } argument
            ? argument.GetLocation()
            : AttributeLocation(attribute, cancellationToken);
}
