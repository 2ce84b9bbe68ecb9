using HyperRoute.Generators.Routing;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HyperRoute.Generators.Messages;

/// <summary>
/// Reads a <c>[Message]</c> struct's symbols into a <see cref="MessageLayout"/>, with the HR3001–HR3005 rules: the
/// generator emits a message only when <see cref="Read"/> finds no problem, and the analyzer reports each problem
/// where it is written. Nested messages are read recursively (their size and byte strings decide the outer
/// message's); a nested message with problems of its own leaves the outer one out without a diagnostic of its own.
/// </summary>
internal static class MessageReader
{
    /// <summary>The layout of <paramref name="type"/>, or <see langword="null"/> with the reasons when it cannot be generated.</summary>
    public static (MessageLayout? Layout, ImmutableArray<MessageProblem> Problems) Read(INamedTypeSymbol type, CancellationToken cancellationToken)
        => Read(type, type.ContainingAssembly, new Dictionary<INamedTypeSymbol, MessageLayout?>(SymbolEqualityComparer.Default), cancellationToken);

    /// <summary><see langword="true"/> when <paramref name="type"/> carries <c>[Message]</c>.</summary>
    public static bool IsMessage(ITypeSymbol type)
        => type.GetAttributes().Any(a => KnownNames.Is(a.AttributeClass, KnownNames.MessageAttribute));

    private static (MessageLayout? Layout, ImmutableArray<MessageProblem> Problems) Read(
        INamedTypeSymbol type, IAssemblySymbol assembly, Dictionary<INamedTypeSymbol, MessageLayout?> nestedLayouts, CancellationToken cancellationToken)
    {
        var problems = ImmutableArray.CreateBuilder<MessageProblem>();
        if (WhyNotExtensible(type) is { } why)
        {
            problems.Add(new MessageProblem(MessageRule.NotPartialStruct, $"No reader can be generated for the message '{type.Name}': {why}", type.Locations.FirstOrDefault()));
        }

        var littleEndian = type.GetAttributes()
            .FirstOrDefault(a => KnownNames.Is(a.AttributeClass, KnownNames.MessageAttribute)) is { ConstructorArguments.Length: 1 } message && message.ConstructorArguments[0].Value is int endian && endian == 1;

        var fields = new List<(MessageField Field, AttributeData Attribute)>();
        foreach (var member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var attribute = member.GetAttributes().FirstOrDefault(a => KnownNames.Is(a.AttributeClass, KnownNames.FieldAttribute));
            if (attribute is null || attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not int order)
            {
                continue;
            }

            var field = ReadField(type, member, order, attribute, littleEndian, assembly, nestedLayouts, problems, cancellationToken);
            if (field is not null)
            {
                fields.Add((field, attribute));
            }
        }

        // HR3002: every [Field] after the first with an order.
        foreach (var group in fields.GroupBy(f => f.Field.Order).Where(g => g.Count() > 1))
        {
            foreach (var (field, attribute) in group.Skip(1))
            {
                problems.Add(new MessageProblem(
                    MessageRule.DuplicateOrder,
                    $"The field '{field.Name}' has the order {field.Order}, as '{group.First().Field.Name}' has; each field of '{type.Name}' needs an order of its own",
                    OrderLocation(attribute, cancellationToken)));
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems.ToImmutable());
        }

        var layout = new MessageLayout
        {
            LittleEndian = littleEndian,
            Fields = fields.Select(f => f.Field).OrderBy(f => f.Order).ToEquatableArray(),
        };
        return (layout, ImmutableArray<MessageProblem>.Empty);
    }

    private static MessageField? ReadField(
        INamedTypeSymbol message, ISymbol member, int order, AttributeData attribute, bool littleEndian, IAssemblySymbol assembly,
        Dictionary<INamedTypeSymbol, MessageLayout?> nestedLayouts, ImmutableArray<MessageProblem>.Builder problems, CancellationToken cancellationToken)
    {
        var name = member.Name;
        var memberLocation = member.Locations.FirstOrDefault();
        ITypeSymbol type;
        TypeSyntax? typeSyntax;
        switch (member)
        {
            case IFieldSymbol { IsImplicitlyDeclared: true }:
                problems.Add(new MessageProblem(MessageRule.UnsupportedField, $"[Field] on the backing field of '{member.Name}' cannot be assigned by name: put it on the property", AttributeLocation(attribute, cancellationToken)));
                return null;
            case IFieldSymbol field:
                if (field.IsStatic || field.IsConst || field.IsReadOnly)
                {
                    problems.Add(new MessageProblem(MessageRule.UnsupportedField, $"The field '{name}' is {(field.IsConst ? "a constant" : field.IsStatic ? "static" : "readonly")}: a message field is an instance field the reader can assign", memberLocation));
                    return null;
                }

                type = field.Type;
                typeSyntax = (field.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken).Parent as VariableDeclarationSyntax)?.Type;
                break;
            case IPropertySymbol property:
                if (property.IsStatic || property.IsIndexer || property.SetMethod is null || property.SetMethod.IsInitOnly || property.ReturnsByRef || property.ReturnsByRefReadonly)
                {
                    problems.Add(new MessageProblem(MessageRule.UnsupportedField, $"The property '{name}' has no setter the reader can call: a message property is an instance property with a 'set' accessor", memberLocation));
                    return null;
                }

                type = property.Type;
                typeSyntax = (property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as PropertyDeclarationSyntax)?.Type;
                break;
            default:
                return null;
        }

        var typeLocation = typeSyntax?.GetLocation() ?? memberLocation;
        var lengthArgument = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Length");
        var prefixArgument = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Prefix");
        var hasLength = lengthArgument.Key is not null;
        var prefix = prefixArgument.Value.Value is int p ? p : 0;
        var escaped = SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
        var display = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        var fullName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

        if (IsByteMemory(type))
        {
            if (hasLength == (prefix != 0))
            {
                problems.Add(new MessageProblem(
                    MessageRule.ByteStringShape,
                    hasLength
                        ? $"The byte string '{name}' has both Length and Prefix: it is either of fixed length or length-prefixed"
                        : $"The byte string '{name}' has neither Length nor Prefix: give it a fixed Length or a length Prefix",
                    AttributeLocation(attribute, cancellationToken)));
                return null;
            }

            if (hasLength)
            {
                var length = lengthArgument.Value.Value is int l ? l : 0;
                if (length <= 0)
                {
                    problems.Add(new MessageProblem(MessageRule.ByteStringShape, $"The byte string '{name}' has Length = {length}: a fixed length is positive", NamedArgumentLocation(attribute, "Length", cancellationToken)));
                    return null;
                }

                return new MessageField
                {
                    Order = order, Name = escaped, Kind = MessageFieldKind.FixedBytes, TypeName = fullName, TypeDisplay = display,
                    Size = length, IsFixed = true, HasByteStrings = true,
                };
            }

            var (primitive, keyword, size) = prefix switch
            {
                1 => ("Byte", "byte", 1),
                2 => ("UInt16", "ushort", 2),
                4 => ("UInt32", "uint", 4),
                _ => ((string?)null, (string?)null, 0),
            };
            if (primitive is null)
            {
                problems.Add(new MessageProblem(MessageRule.ByteStringShape, $"The byte string '{name}' has Prefix = {prefix}, which is no LengthPrefix: use Byte, UInt16 or UInt32", NamedArgumentLocation(attribute, "Prefix", cancellationToken)));
                return null;
            }

            return new MessageField
            {
                Order = order, Name = escaped, Kind = MessageFieldKind.PrefixedBytes, TypeName = fullName, TypeDisplay = display,
                Primitive = primitive, PrimitiveKeyword = keyword, Size = size, IsFixed = false, HasByteStrings = true,
            };
        }

        if (hasLength || prefixArgument.Key is not null)
        {
            problems.Add(new MessageProblem(
                MessageRule.ByteStringShape,
                $"The field '{name}' is a {display}, not a ReadOnlyMemory<byte> byte string: Length and Prefix apply to byte strings only",
                NamedArgumentLocation(attribute, hasLength ? "Length" : "Prefix", cancellationToken)));
            return null;
        }

        if (Scalar(type.SpecialType) is { } scalar)
        {
            return new MessageField
            {
                Order = order, Name = escaped, Kind = scalar.Kind, TypeName = scalar.Keyword, TypeDisplay = scalar.Keyword,
                Primitive = scalar.Primitive, PrimitiveKeyword = scalar.Keyword, Size = scalar.Size, IsFixed = true,
            };
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying } enumType && Scalar(underlying.SpecialType) is { Kind: MessageFieldKind.Integer } integer)
        {
            var flags = enumType.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.FlagsAttribute");
            var defined = flags ? EquatableArray<EnumRange>.Empty : DefinedRanges(enumType);
            if (!flags && defined.Count == 0)
            {
                problems.Add(new MessageProblem(MessageRule.UnsupportedField, $"The field '{name}' is a {display}, an enum without members and without [Flags]: no value of it would read", typeLocation));
                return null;
            }

            return new MessageField
            {
                Order = order, Name = escaped, Kind = MessageFieldKind.Enum, TypeName = fullName, TypeDisplay = display,
                Primitive = integer.Primitive, PrimitiveKeyword = integer.Keyword, Size = integer.Size, IsFixed = true,
                EnumValues = defined,
            };
        }

        if (type is INamedTypeSymbol nested && IsMessage(nested))
        {
            if (SymbolEqualityComparer.Default.Equals(nested, message) || Reaches(nested, message, new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default)))
            {
                problems.Add(new MessageProblem(MessageRule.NestsItself, $"The field '{name}' nests the message '{message.Name}' in itself{(SymbolEqualityComparer.Default.Equals(nested, message) ? "" : " through '" + nested.Name + "'")}: a message cannot contain itself", typeLocation));
                return null;
            }

            if (!SymbolEqualityComparer.Default.Equals(nested.ContainingAssembly, assembly))
            {
                problems.Add(new MessageProblem(MessageRule.UnsupportedField, $"The message '{display}' of the field '{name}' is declared in another assembly: its generated reader is internal there", typeLocation));
                return null;
            }

            if (!nestedLayouts.TryGetValue(nested, out var layout))
            {
                layout = Read(nested, assembly, nestedLayouts, cancellationToken).Layout;
                nestedLayouts[nested] = layout;
            }

            if (layout is null)
            {
                problems.Add(new MessageProblem(MessageRule.NestedInvalid, $"The message '{display}' of the field '{name}' cannot be generated", null));
                return null;
            }

            return new MessageField
            {
                Order = order, Name = escaped, Kind = MessageFieldKind.Message, TypeName = fullName, TypeDisplay = display,
                Size = layout.FixedSize ?? 0, IsFixed = layout.FixedSize is not null, HasByteStrings = layout.HasByteStrings,
            };
        }

        if (type.TypeKind != TypeKind.Error)
        {
            problems.Add(new MessageProblem(
                MessageRule.UnsupportedField,
                $"The field '{name}' is a {display}, which has no binary layout: use an integer, float, double, bool, enum, ReadOnlyMemory<byte> or [Message] struct",
                typeLocation));
        }
        else
        {
            problems.Add(new MessageProblem(MessageRule.NestedInvalid, $"The type of '{name}' does not resolve", null));
        }

        return null;
    }

    private static (MessageFieldKind Kind, string Primitive, string Keyword, int Size)? Scalar(SpecialType type) => type switch
    {
        SpecialType.System_Byte => (MessageFieldKind.Integer, "Byte", "byte", 1),
        SpecialType.System_SByte => (MessageFieldKind.Integer, "SByte", "sbyte", 1),
        SpecialType.System_Int16 => (MessageFieldKind.Integer, "Int16", "short", 2),
        SpecialType.System_UInt16 => (MessageFieldKind.Integer, "UInt16", "ushort", 2),
        SpecialType.System_Int32 => (MessageFieldKind.Integer, "Int32", "int", 4),
        SpecialType.System_UInt32 => (MessageFieldKind.Integer, "UInt32", "uint", 4),
        SpecialType.System_Int64 => (MessageFieldKind.Integer, "Int64", "long", 8),
        SpecialType.System_UInt64 => (MessageFieldKind.Integer, "UInt64", "ulong", 8),
        SpecialType.System_Single => (MessageFieldKind.Float, "Single", "float", 4),
        SpecialType.System_Double => (MessageFieldKind.Float, "Double", "double", 8),
        SpecialType.System_Boolean => (MessageFieldKind.Bool, "Byte", "bool", 1),
        _ => null,
    };

    private static bool IsByteMemory(ITypeSymbol type)
        => type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named && named.TypeArguments[0].SpecialType == SpecialType.System_Byte
            && named.OriginalDefinition.ToDisplayString() == "System.ReadOnlyMemory<T>";

    // The enum's defined values, sorted, as runs of consecutive values (decimal holds every 64-bit value exactly).
    private static EquatableArray<EnumRange> DefinedRanges(INamedTypeSymbol enumType)
    {
        var values = enumType.GetMembers().OfType<IFieldSymbol>()
            .Where(f => f.HasConstantValue && f.ConstantValue is not null)
            .Select(f => System.Convert.ToDecimal(f.ConstantValue, CultureInfo.InvariantCulture))
            .Distinct()
            .OrderBy(v => v)
            .ToList();
        var ranges = new List<EnumRange>();
        for (var i = 0; i < values.Count;)
        {
            var j = i;
            while (j + 1 < values.Count && values[j + 1] == values[j] + 1)
            {
                j++;
            }

            ranges.Add(new EnumRange(values[i].ToString(CultureInfo.InvariantCulture), values[j].ToString(CultureInfo.InvariantCulture)));
            i = j + 1;
        }

        return ranges.ToEquatableArray();
    }

    // Whether a [Field] of from (or of a message it nests) is of the type target.
    private static bool Reaches(INamedTypeSymbol from, INamedTypeSymbol target, HashSet<INamedTypeSymbol> visited)
    {
        if (!visited.Add(from))
        {
            return false;
        }

        foreach (var member in from.GetMembers())
        {
            if (!member.GetAttributes().Any(a => KnownNames.Is(a.AttributeClass, KnownNames.FieldAttribute)))
            {
                continue;
            }

            var type = member switch { IFieldSymbol f => f.Type, IPropertySymbol p => p.Type, _ => null };
            if (type is INamedTypeSymbol named && IsMessage(named)
                && (SymbolEqualityComparer.Default.Equals(named, target) || Reaches(named, target, visited)))
            {
                return true;
            }
        }

        return false;
    }

    // Code can be added only to a partial, non-generic, non-ref, non-readonly struct nested only in partial, non-generic types.
    private static string? WhyNotExtensible(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Struct)
        {
            return "a message is a partial struct";
        }

        if (type.IsRefLikeType || type.IsReadOnly)
        {
            return $"it is a {(type.IsRefLikeType ? "ref" : "readonly")} struct, but the reader assigns the fields of a message it can copy";
        }

        return PartialTypes.WhyNot(type);
    }

    private static Location? AttributeLocation(AttributeData attribute, CancellationToken cancellationToken)
        => attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();

    private static Location? OrderLocation(AttributeData attribute, CancellationToken cancellationToken)
        => attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList.Arguments.Count: > 0 } syntax
            ? syntax.ArgumentList.Arguments[0].GetLocation()
            : AttributeLocation(attribute, cancellationToken);

    private static Location? NamedArgumentLocation(AttributeData attribute, string name, CancellationToken cancellationToken)
        => attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } arguments }
            && arguments.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name) is { } argument
            ? argument.GetLocation()
            : AttributeLocation(attribute, cancellationToken);
}
