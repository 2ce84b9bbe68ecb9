using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace HyperRoute.Analyzers.HotPath;

/// <summary>
/// HR1008 exceptions: the LINQ calls that allocate nothing on .NET 8 and later because <c>System.Linq</c> answers them
/// from the source's own shape, and the source's static type guarantees that shape. Measured in
/// <c>tests/HyperRoute.Generators.Tests/HotPath/Corpus/alloc-cases-net10.json</c> (the <c>linq-*</c> cases):
/// <list type="bullet">
/// <item><c>Enumerable.Empty&lt;T&gt;()</c>: a cached instance;</item>
/// <item><c>Any()</c>, <c>Count()</c>, <c>Contains(x)</c> on an <c>ICollection&lt;T&gt;</c>: its <c>Count</c> and <c>Contains</c>;</item>
/// <item><c>First()</c>, <c>FirstOrDefault()</c>, <c>Last()</c>, <c>LastOrDefault()</c>, <c>ElementAt(i)</c>,
/// <c>ElementAtOrDefault(i)</c> on an <c>IList&lt;T&gt;</c>: its indexer;</item>
/// <item>on an array or a <c>List&lt;T&gt;</c> (<c>TryGetSpan</c>): <c>Sum()</c>, <c>Min()</c>, <c>Max()</c> of <c>int</c> or
/// <c>long</c>, <c>SequenceEqual(other)</c> when both are, and <c>Any</c>, <c>All</c>, <c>Count</c>, <c>First</c>,
/// <c>FirstOrDefault</c> with a predicate (a capturing predicate is still HR1003's).</item>
/// </list>
/// A source typed <c>IEnumerable&lt;T&gt;</c> is reported even when it is an array at run time: the static type does not say so.
/// </summary>
internal static class LinqRules
{
    private static readonly ImmutableHashSet<string> OnCollection = ImmutableHashSet.Create("Any", "Count", "Contains");
    private static readonly ImmutableHashSet<string> OnList = ImmutableHashSet.Create("First", "FirstOrDefault", "Last", "LastOrDefault", "ElementAt", "ElementAtOrDefault");
    private static readonly ImmutableHashSet<string> AggregateOnSpan = ImmutableHashSet.Create("Sum", "Min", "Max");
    private static readonly ImmutableHashSet<string> PredicateOnSpan = ImmutableHashSet.Create("Any", "All", "Count", "First", "FirstOrDefault");

    public static bool AllocatesNothing(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (!Describe.Is(method.ContainingType, "System.Linq.Enumerable"))
        {
            return false;
        }

        if (method.Name == "Empty")
        {
            return true;
        }

        if (!method.IsExtensionMethod || invocation.Arguments.Length == 0)
        {
            return false;
        }

        var source = Describe.WithoutImplicitConversions(invocation.Arguments[0].Value).Type;
        var others = invocation.Arguments.Skip(1).Select(a => a.Parameter?.Type).ToList();
        var name = method.Name;
        if (others.Count == 0)
        {
            return (OnCollection.Contains(name) && Implements(source, "System.Collections.Generic.ICollection`1"))
                || (OnList.Contains(name) && Implements(source, "System.Collections.Generic.IList`1"))
                || (AggregateOnSpan.Contains(name) && IsSpanBacked(source) && ElementType(source)?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64);
        }

        if (others.Count != 1)
        {
            return false; // a comparer, a seed, a selector and a result selector...
        }

        return name switch
        {
            "ElementAt" or "ElementAtOrDefault" => others[0]?.SpecialType == SpecialType.System_Int32 && Implements(source, "System.Collections.Generic.IList`1"),
            "Contains" => others[0]?.TypeKind != TypeKind.Delegate && Implements(source, "System.Collections.Generic.ICollection`1"),
            "SequenceEqual" => IsSpanBacked(source) && IsSpanBacked(Describe.WithoutImplicitConversions(invocation.Arguments[1].Value).Type),
            _ => others[0]?.TypeKind == TypeKind.Delegate && PredicateOnSpan.Contains(name) && IsSpanBacked(source),
        };
    }

    // Arrays and List<T>: System.Linq's TryGetSpan.
    private static bool IsSpanBacked(ITypeSymbol? type)
        => type is IArrayTypeSymbol { Rank: 1 } || Describe.Is(type, "System.Collections.Generic.List`1");

    private static bool Implements(ITypeSymbol? type, string metadataName)
        => type is IArrayTypeSymbol { Rank: 1 }
            || Describe.Is(type, metadataName)
            || (type?.AllInterfaces.Any(i => Describe.Is(i, metadataName)) ?? false);

    private static ITypeSymbol? ElementType(ITypeSymbol? type)
        => type switch
        {
            IArrayTypeSymbol array => array.ElementType,
            INamedTypeSymbol { TypeArguments.Length: 1 } named => named.TypeArguments[0],
            _ => null,
        };
}
