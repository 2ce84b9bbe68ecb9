using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HyperRoute.Analyzers.HotPath;

/// <summary>
/// HR1002: boxing conversions (value type or type parameter to <c>object</c>, <c>ValueType</c>, <c>Enum</c> or an
/// interface, <c>int?</c> and tuples included; not the value operands of a string concatenation, which the compiler
/// turns into strings with <c>ToString</c>) and calls to <c>Equals</c>/<c>GetHashCode</c>/<c>ToString</c> on a
/// struct that does not override them (the constrained call boxes <c>this</c>). <c>Enum.HasFlag</c> and the methods
/// <c>System.Enum</c> declares are JIT intrinsics or unboxed in optimized code and are not reported, nor is a type
/// parameter compared with <c>null</c> (the JIT folds the box and the comparison).
/// </summary>
internal static class BoxingRules
{
    public static void Conversion(OperationAnalysisContext context)
    {
        var conversion = (IConversionOperation)context.Operation;
        if (conversion.Language != LanguageNames.CSharp || !conversion.GetConversion().IsBoxing || conversion.Operand.Type is not { } from)
        {
            return;
        }

        // Enum.HasFlag is a JIT intrinsic: neither 'this' nor the argument is boxed in optimized code.
        var call = conversion.Parent is IArgumentOperation argument ? argument.Parent : conversion.Parent;
        if (call is IInvocationOperation { TargetMethod: { Name: "HasFlag", ContainingType.SpecialType: SpecialType.System_Enum } })
        {
            return;
        }

        // T == null, T != null with T a type parameter: the JIT folds the box and the comparison (false for a value type).
        if (from is ITypeParameterSymbol
            && conversion.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison
            && (comparison.LeftOperand == conversion ? comparison.RightOperand : comparison.LeftOperand).ConstantValue is { HasValue: true, Value: null })
        {
            return;
        }

        // string + value: the compiler calls the value's ToString instead of boxing it (the concatenation is HR1006's).
        if (conversion.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String }
            or ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String })
        {
            return;
        }

        Report(context, conversion.Syntax, $"Converting '{Describe.Type(from)}' to '{Describe.Type(conversion.Type)}' boxes the value into a new heap object");
    }

    /// <summary>A struct calling a virtual method of <c>object</c> or <c>ValueType</c> it does not override.</summary>
    public static void ConstrainedCall(OperationAnalysisContext context, IInvocationOperation invocation)
    {
        if (invocation.Instance?.Type is { TypeKind: TypeKind.Struct } type
            && invocation.TargetMethod is { IsVirtual: true } or { IsOverride: true }
            && invocation.TargetMethod.ContainingType.SpecialType is SpecialType.System_Object or SpecialType.System_ValueType)
        {
            Report(context, invocation.Syntax, $"'{Describe.Type(type)}' does not override '{invocation.TargetMethod.Name}', so the call boxes the struct");
        }
    }

    public static void Report(OperationAnalysisContext context, SyntaxNode syntax, string message)
        => context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.Boxing, syntax.GetLocation(), message));
}
