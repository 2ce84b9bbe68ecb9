using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HyperRoute.Generators.Routing;

/// <summary>Reads handler parameters from Roslyn symbols into the Roslyn-free <see cref="HandlerParameter"/> the binding rules use.</summary>
internal static class HandlerParameterReader
{
    public static HandlerParameter Read(IParameterSymbol parameter)
    {
        var isNullable = false;
        var type = parameter.RefKind is RefKind.None or RefKind.In ? ResolveType(parameter.Type, out isNullable) : null;
        var identifier = SyntaxFacts.GetKeywordKind(parameter.Name) != SyntaxKind.None ? "@" + parameter.Name : parameter.Name;
        var kind = parameter.RefKind is RefKind.None or RefKind.In ? ResolveKind(parameter.Type) : ParameterKind.Value;
        var defaultValue = parameter.HasExplicitDefaultValue && type is { } t ? FormatDefault(parameter.ExplicitDefaultValue, t, isNullable)
            : parameter.HasExplicitDefaultValue && kind == ParameterKind.Memory ? "default"
            : null;
        string? header = null;
        var isBody = false;
        long bodyMaxLength = 0;
        foreach (var attribute in parameter.GetAttributes())
        {
            switch (attribute.AttributeClass?.ToDisplayString())
            {
                case KnownNames.HeaderAttribute:
                    // An argument that does not bind is a compiler error; an empty name then fails the token rule.
                    header = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string ?? "" : "";
                    break;
                case KnownNames.BodyAttribute:
                    isBody = true;
                    foreach (var named in attribute.NamedArguments)
                    {
                        if (named.Key == "MaxLength" && named.Value.Value is long maxLength)
                        {
                            bodyMaxLength = maxLength;
                        }
                    }

                    break;
            }
        }

        return new HandlerParameter(
            parameter.Name,
            identifier,
            type,
            isNullable,
            defaultValue,
            parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
            parameter.RefKind is RefKind.None or RefKind.In ? ResolveContext(parameter.Type) : ContextKind.None,
            header,
            isBody,
            kind)
        {
            JsonType = parameter.RefKind is RefKind.None or RefKind.In ? JsonType(parameter.Type) : null,
            BodyMaxLength = bodyMaxLength,
            Service = ServiceParameterReader.Read(parameter),
        };
    }

    /// <summary>
    /// <paramref name="type"/> fully qualified, without a nullable reference annotation, as a JSON body's type and as
    /// <c>[JsonSerializable(typeof(T))]</c> names it; <see langword="null"/> when no JSON value can be read into it.
    /// </summary>
    public static string? JsonType(ITypeSymbol type)
        => type.TypeKind is TypeKind.Error or TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.TypeParameter || type.IsRefLikeType
            ? null
            : type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary>
    /// What <paramref name="type"/> says for the rules of async handlers: a <c>CancellationToken</c>,
    /// <c>ReadOnlyMemory&lt;byte&gt;</c>, or a ref struct (which cannot cross an <c>await</c>).
    /// </summary>
    public static ParameterKind ResolveKind(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { Name: "CancellationToken", Arity: 0, ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } })
        {
            return ParameterKind.CancellationToken;
        }

        if (type is INamedTypeSymbol { Name: "ReadOnlyMemory", Arity: 1, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } memory
            && memory.TypeArguments[0].SpecialType == SpecialType.System_Byte)
        {
            return ParameterKind.Memory;
        }

        return type.IsRefLikeType ? ParameterKind.RefStruct : ParameterKind.Value;
    }

    /// <summary>Which HTTP object a parameter of <paramref name="type"/> receives: the exchange, its request or its response.</summary>
    public static ContextKind ResolveContext(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol { Arity: 0, ContainingNamespace: { Name: "Http", ContainingNamespace: { Name: "HyperRoute", ContainingNamespace.IsGlobalNamespace: true } } } named)
        {
            return ContextKind.None;
        }

        return named.Name switch
        {
            "HttpExchange" => ContextKind.Exchange,
            "HttpRequest" => ContextKind.Request,
            "HttpResponse" => ContextKind.Response,
            _ => ContextKind.None,
        };
    }

    /// <summary>Maps a parameter type to the value type it binds as; <see langword="null"/> when it cannot bind.</summary>
    public static RouteValueType? ResolveType(ITypeSymbol type, out bool isNullable)
    {
        isNullable = IsNullable(type);
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Int32: return RouteValueType.Int32;
            case SpecialType.System_Int64: return RouteValueType.Int64;
            case SpecialType.System_Int16: return RouteValueType.Int16;
            case SpecialType.System_Byte: return RouteValueType.Byte;
            case SpecialType.System_SByte: return RouteValueType.SByte;
            case SpecialType.System_UInt16: return RouteValueType.UInt16;
            case SpecialType.System_UInt32: return RouteValueType.UInt32;
            case SpecialType.System_UInt64: return RouteValueType.UInt64;
            case SpecialType.System_Boolean: return RouteValueType.Boolean;
            case SpecialType.System_Double: return RouteValueType.Double;
            case SpecialType.System_Single: return RouteValueType.Single;
            case SpecialType.System_Decimal: return RouteValueType.Decimal;
            case SpecialType.System_String: return RouteValueType.String;
        }

        if (type is INamedTypeSymbol named && named.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true })
        {
            if (named.Name == "Guid" && named.Arity == 0)
            {
                return RouteValueType.Guid;
            }

            if (named.Name == "ReadOnlySpan" && named.Arity == 1 && named.TypeArguments[0].SpecialType == SpecialType.System_Byte)
            {
                return RouteValueType.Utf8;
            }
        }

        return null;
    }

    private static bool IsNullable(ITypeSymbol type)
        => type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T }
            || (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated);

    // The default value as a C# expression that converts to the parameter type.
    private static string FormatDefault(object? value, RouteValueType type, bool isNullable)
    {
        switch (value)
        {
            case null:
                return isNullable || type == RouteValueType.String ? "null" : "default";
            case bool b:
                return b ? "true" : "false";
            case string s:
                return SymbolDisplay.FormatLiteral(s, quote: true);
            case double d when double.IsNaN(d) || double.IsInfinity(d):
                return double.IsNaN(d) ? "double.NaN" : d > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity";
            case float f when float.IsNaN(f) || float.IsInfinity(f):
                return float.IsNaN(f) ? "float.NaN" : f > 0 ? "float.PositiveInfinity" : "float.NegativeInfinity";
            case double d:
                return d.ToString("R", CultureInfo.InvariantCulture) + "d";
            case float f:
                return f.ToString("R", CultureInfo.InvariantCulture) + "f";
            case decimal m:
                return m.ToString(CultureInfo.InvariantCulture) + "m";
            case IFormattable number:
                // An integer constant of the parameter's own type: it converts implicitly, no cast needed.
                return number.ToString(null, CultureInfo.InvariantCulture);
            default:
                return "default";
        }
    }
}
