using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HyperRoute.Analyzers.HotPath;

/// <summary>
/// HR1006: string concatenation (<c>+</c>, <c>+=</c>) and interpolation that produce a new string. Constants are
/// folded by the compiler, and an interpolated string passed to a handler parameter (<c>TryWrite</c>,
/// <c>AppendInterpolatedStringHandler</c>, a custom handler) is written by the handler, not built: neither is reported.
/// </summary>
internal static class StringRules
{
    public static void Concatenation(OperationAnalysisContext context)
    {
        switch (context.Operation)
        {
            // Only the outermost '+' of a chain: a + b + c is one concatenation.
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String, ConstantValue.HasValue: false } binary
                when binary.Parent is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String }:
                Report(context, binary.Syntax, "The string concatenation");
                break;

            case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } compound:
                Report(context, compound.Syntax, "The string concatenation '+='");
                break;
        }
    }

    public static void Interpolation(OperationAnalysisContext context)
    {
        var interpolation = (IInterpolatedStringOperation)context.Operation;
        if (interpolation.ConstantValue.HasValue || interpolation.Parent is IInterpolatedStringHandlerCreationOperation)
        {
            return;
        }

        Report(context, interpolation.Syntax, "The interpolated string");
    }

    private static void Report(OperationAnalysisContext context, SyntaxNode syntax, string what)
        => context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.StringBuilding, syntax.GetLocation(), what));
}
