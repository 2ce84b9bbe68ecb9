using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace HyperRoute.Analyzers.HotPath;

/// <summary>
/// The results for which the runtime hands out a cached completed <c>Task&lt;TResult&gt;</c> instead of a new one
/// (<c>TaskCache</c> in CoreLib): <c>Task.FromResult</c> since .NET 6 (dotnet/runtime#43894) and the result of an
/// <c>async Task&lt;TResult&gt;</c> method that completes synchronously. Both <c>bool</c> values, <c>int</c> constants in
/// [-1, 9), <c>null</c>, and a constant zero of a primitive type (.NET 8, dotnet/runtime#76349), or a <c>?:</c> choosing
/// between such constants. Anything else the rule
/// cannot see (a variable that is 0 at run time) is treated as allocating.
/// </summary>
internal static class TaskResultCache
{
    public static bool IsCached(ITypeSymbol resultType, IOperation? value)
    {
        if (resultType.SpecialType == SpecialType.System_Boolean)
        {
            return true;
        }

        if (value is not null && Describe.WithoutImplicitConversions(value) is IConditionalOperation { WhenFalse: { } whenFalse } conditional)
        {
            return IsCached(resultType, conditional.WhenTrue) && IsCached(resultType, whenFalse);
        }

        if (value?.ConstantValue is not { HasValue: true } constant)
        {
            return false;
        }

        return constant.Value switch
        {
            null => !resultType.IsValueType || resultType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T,
            int i when resultType.SpecialType == SpecialType.System_Int32 => i is >= -1 and < 9,
            bool => false,
            char c => c == '\0',
            var zero => resultType.SpecialType is > SpecialType.System_Char and <= SpecialType.System_Double && System.Convert.ToDouble(zero, System.Globalization.CultureInfo.InvariantCulture) == 0,
        };
    }
}
