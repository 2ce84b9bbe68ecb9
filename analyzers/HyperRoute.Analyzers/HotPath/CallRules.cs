using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HyperRoute.Analyzers.HotPath;

/// <summary>
/// Calls: HR1005 (<c>params</c> arrays and non-span params collections), HR1008 (LINQ), HR1009 (the documented list
/// of BCL methods known to allocate), and the call-shaped cases of HR1002 (constrained calls that box) and HR1007
/// (a method handing out an enumerator through an interface).
/// </summary>
internal static class CallRules
{
    // ArgumentKind.ParamCollection (C# 13) is newer than the Roslyn this analyzer is pinned to.
    private const ArgumentKind ParamCollection = (ArgumentKind)4;

    private static readonly ImmutableHashSet<string> LinqTypes = ImmutableHashSet.Create(
        "System.Linq.Enumerable", "System.Linq.Queryable", "System.Linq.ParallelEnumerable");

    // Materializing methods, whatever type declares them (List<T>.ToArray, Span<T>.ToArray, ImmutableArray...).
    private static readonly ImmutableHashSet<string> AllocatingOnAnyType = ImmutableHashSet.Create(
        "ToArray", "ToList", "ToDictionary", "ToHashSet", "ToCharArray", "ToImmutableArray", "ToImmutableList", "ToImmutableDictionary");

    private static readonly ImmutableDictionary<string, ImmutableHashSet<string>> AllocatingByType = new Dictionary<string, ImmutableHashSet<string>>
    {
        ["System.String"] = ImmutableHashSet.Create(
            "Substring", "Split", "Replace", "ToUpper", "ToLower", "ToUpperInvariant", "ToLowerInvariant", "Trim", "TrimStart",
            "TrimEnd", "PadLeft", "PadRight", "Insert", "Remove", "Normalize", "Format", "Concat", "Join", "Create"),
        ["System.Text.Encoding"] = ImmutableHashSet.Create("GetBytes", "GetString", "GetChars"),
        ["System.Threading.Tasks.Task"] = ImmutableHashSet.Create("FromResult", "FromException", "FromCanceled", "Run", "WhenAll", "WhenAny", "Delay", "ContinueWith"),
        ["System.Threading.Tasks.Task`1"] = ImmutableHashSet.Create("ContinueWith"),
        ["System.BitConverter"] = ImmutableHashSet.Create("GetBytes", "ToString"),
        ["System.Convert"] = ImmutableHashSet.Create("ToBase64String", "FromBase64String", "ToHexString", "FromHexString"),
        ["System.Enum"] = ImmutableHashSet.Create("GetNames", "GetValues", "Format"),
        ["System.Text.RegularExpressions.Regex"] = ImmutableHashSet.Create("Match", "Matches", "Split", "Replace"),
        ["System.GC"] = ImmutableHashSet.Create("AllocateArray", "AllocateUninitializedArray"),
    }.ToImmutableDictionary();

    public static void Argument(OperationAnalysisContext context)
    {
        var argument = (IArgumentOperation)context.Operation;
        if (argument.Parameter is not { } parameter || argument.Parent is not { } call)
        {
            return;
        }

        var method = (call as IInvocationOperation)?.TargetMethod ?? (call as IObjectCreationOperation)?.Constructor;
        var name = method?.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method?.Name ?? parameter.ContainingSymbol.Name;
        if (argument.ArgumentKind == ArgumentKind.ParamArray)
        {
            if (argument.Value is IArrayCreationOperation array && !IsEmpty(array))
            {
                Report(context, call, name, $"a new '{Describe.Type(parameter.Type)}'", parameter.Name);
            }
        }
        else if (argument.ArgumentKind == ParamCollection && !Describe.IsSpan(parameter.Type))
        {
            // An empty collection of an interface type is Array.Empty<T>(); a concrete collection is always new.
            var empty = argument.Value.Syntax is not Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax && argument.Value.ChildOperations.Count == 0;
            if (!(empty && parameter.Type.TypeKind == TypeKind.Interface))
            {
                Report(context, call, name, $"a new '{Describe.Type(parameter.Type)}'", parameter.Name);
            }
        }
    }

    public static void Invocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        BoxingRules.ConstrainedCall(context, invocation);
        EnumerationRules.EnumeratorReturned(context, invocation);

        var declaringType = Describe.FullName(method.ContainingType.OriginalDefinition);
        if (LinqTypes.Contains(declaringType) && !LinqRules.AllocatesNothing(invocation))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.Linq, invocation.Syntax.GetLocation(), method.Name));
            return;
        }

        if (LinqTypes.Contains(declaringType))
        {
            return;
        }

        if (WhyAllocates(invocation, declaringType) is { } reason && !IsAwaitedTask(invocation))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AllocatingCall, invocation.Syntax.GetLocation(), Describe.Type(method.ContainingType) + "." + method.Name, reason));
        }
    }

    private static string? WhyAllocates(IInvocationOperation invocation, string declaringType)
    {
        var method = invocation.TargetMethod;
        if (!method.ReturnType.IsReferenceType)
        {
            return null; // the span- and Try-shaped overloads return a count or a bool
        }

        if (method.Name == "ToString" && method.ReturnType.SpecialType == SpecialType.System_String)
        {
            return ToStringIsCached(invocation) ? null : "it returns a new string";
        }

        // Task.FromResult(true), Task.FromResult(0): the runtime's cached tasks (.NET 6+).
        if (declaringType == "System.Threading.Tasks.Task" && method.Name == "FromResult" && method.TypeArguments.Length == 1
            && invocation.Arguments.Length == 1 && TaskResultCache.IsCached(method.TypeArguments[0], invocation.Arguments[0].Value))
        {
            return null;
        }

        var listed = AllocatingOnAnyType.Contains(method.Name)
            || (AllocatingByType.TryGetValue(declaringType, out var names) && names.Contains(method.Name));
        if (!listed)
        {
            return null;
        }

        return method.ReturnType switch
        {
            { SpecialType: SpecialType.System_String } => "it returns a new string",
            IArrayTypeSymbol => "it returns a new array",
            var type => $"it returns a new '{Describe.Type(type)}'",
        };
    }

    // `await Task.Delay(…)`, `await Task.WhenAll(…)`: the task an async handler awaits is the wait itself. The handler
    // suspends on it, which is the slow path by design (its own state machine is boxed then too), so its
    // allocation is not one the synchronous path pays.
    private static bool IsAwaitedTask(IInvocationOperation invocation)
    {
        if (!Describe.FullName(invocation.TargetMethod.ContainingType.OriginalDefinition).StartsWith("System.Threading.Tasks.Task", System.StringComparison.Ordinal))
        {
            return false;
        }

        var parent = invocation.Parent;
        while (parent is IConversionOperation { IsImplicit: true } or IArgumentOperation)
        {
            parent = parent.Parent;
        }

        if (parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configured && configured.Instance == invocation
            || parent is IObjectCreationOperation { Type.Name: "ValueTask" })
        {
            parent = parent.Parent; // await task.ConfigureAwait(false); await new ValueTask(task)
        }

        return parent is IAwaitOperation;
    }

    // string.ToString returns itself, bool.ToString a literal, and .NET 8+ caches the strings of 0..299: every byte, and
    // the int constants in that range.
    private static bool ToStringIsCached(IInvocationOperation invocation)
    {
        var receiver = invocation.Instance is { } instance ? Describe.WithoutImplicitConversions(instance) : null;
        return receiver?.Type?.SpecialType is SpecialType.System_String or SpecialType.System_Boolean
            || (invocation.Arguments.Length == 0 && receiver?.Type?.SpecialType == SpecialType.System_Byte)
            || (invocation.Arguments.Length == 0 && receiver?.ConstantValue is { HasValue: true, Value: int value } && value is >= 0 and < 300);
    }

    private static bool IsEmpty(IArrayCreationOperation array)
        => array.Initializer is { ElementValues.Length: 0 } || (array.DimensionSizes.Length == 1 && array.DimensionSizes[0].ConstantValue is { HasValue: true, Value: 0 });

    private static void Report(OperationAnalysisContext context, IOperation call, string method, string what, string parameter)
        => context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ParamsArray, call.Syntax.GetLocation(), method, what, parameter));
}
