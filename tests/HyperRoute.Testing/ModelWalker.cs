using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HyperRoute.Testing;

/// <summary>
/// Finds Roslyn objects in pipeline models by reflection: a model that holds a symbol, syntax, a compilation or a
/// location keeps the compilation alive and compares by reference, so the step after it never caches.
/// </summary>
internal static class ModelWalker
{
    // Named for the message; any other type of a Roslyn assembly is caught too, except enums and the plain values below.
    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxToken), typeof(SyntaxTrivia), typeof(SyntaxNodeOrToken), typeof(SyntaxTree),
        typeof(SyntaxReference), typeof(Compilation), typeof(SemanticModel), typeof(Location), typeof(AttributeData), typeof(TypedConstant),
        typeof(IOperation), typeof(Diagnostic), typeof(SourceText),
    };

    // Roslyn values that are equatable data: a position is fine where a Location is not.
    private static readonly HashSet<Type> PlainValues = new()
    {
        typeof(TextSpan), typeof(LinePosition), typeof(LinePositionSpan), typeof(FileLinePositionSpan),
    };

    private const int MaxDepth = 64;

    /// <summary>The first Roslyn object in <paramref name="value"/>, as "path: type (what it is)", or <see langword="null"/>.</summary>
    public static string? FindRoslynObject(object? value, string path)
        => Find(value, path, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);

    private static string? Find(object? value, string path, HashSet<object> seen, int depth)
    {
        if (value is null)
        {
            return null;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is string or decimal or Type || PlainValues.Contains(type))
        {
            return null;
        }

        if (Forbidden.FirstOrDefault(f => f.IsAssignableFrom(type)) is { } forbidden)
        {
            return $"{path}: {type.FullName} (a {forbidden.Name})";
        }

        if (type.Assembly.GetName().Name?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true)
        {
            return $"{path}: {type.FullName} (a Roslyn type)";
        }

        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"{path}: the model is nested more than {MaxDepth} levels deep");
        }

        if (!type.IsValueType && !seen.Add(value))
        {
            return null;
        }

        if (value is IEnumerable items && !IsDefaultImmutableArray(value, type))
        {
            var i = 0;
            foreach (var item in items)
            {
                if (Find(item, $"{path}[{i}]", seen, depth + 1) is { } found)
                {
                    return found;
                }

                i++;
            }

            // Collections of the framework are their items; the project's own (EquatableArray<T>) fall through to
            // their fields, which hold the same items.
            if (type.Assembly == typeof(object).Assembly || type.Namespace?.StartsWith("System.Collections", StringComparison.Ordinal) == true)
            {
                return null;
            }
        }

        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (Find(field.GetValue(value), $"{path}.{MemberName(field)}", seen, depth + 1) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    // ImmutableArray<T>.Empty enumerates; default(ImmutableArray<T>) throws, and holds nothing.
    private static bool IsDefaultImmutableArray(object value, Type type)
        => type.IsGenericType
            && type.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>)
            && (bool)type.GetProperty("IsDefault")!.GetValue(value)!;

    // A record's or auto-property's backing field reads as its property.
    private static string MemberName(FieldInfo field)
        => field.Name.StartsWith('<') && field.Name.IndexOf('>') is var end and > 1 && field.IsDefined(typeof(CompilerGeneratedAttribute))
            ? field.Name[1..end]
            : field.Name;
}
