using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HyperRoute.Analyzers.HotPath;

/// <summary>
/// HR1007: <c>foreach</c> whose enumerator is a class or an interface, and calls that hand out an enumerator through
/// <c>IEnumerator</c>/<c>IEnumerator&lt;T&gt;</c>. Arrays and strings are lowered to indexed loops and spans and
/// <c>List&lt;T&gt;</c> have struct enumerators: not reported. Also the element conversion of a <c>foreach</c> that
/// boxes (HR1002).
/// </summary>
internal static class EnumerationRules
{
    public static void ForEach(OperationAnalysisContext context)
    {
        if (context.Operation is not IForEachLoopOperation loop || loop.Syntax is not CommonForEachStatementSyntax syntax || loop.SemanticModel is not { } model)
        {
            return;
        }

        var info = model.GetForEachStatementInfo(syntax);
        var collection = Describe.WithoutImplicitConversions(loop.Collection);
        if (info.ElementConversion.IsBoxing)
        {
            var variable = syntax is ForEachStatementSyntax single ? (SyntaxNode)single.Type : ((ForEachVariableStatementSyntax)syntax).Variable;
            BoxingRules.Report(context, variable, $"The foreach converts each '{Describe.Type(info.ElementType)}' element to '{Describe.Type(model.GetTypeInfo(variable, context.CancellationToken).Type)}', boxing it");
        }

        if (collection.Type is IArrayTypeSymbol || collection.Type?.SpecialType == SpecialType.System_String)
        {
            return;
        }

        if (info.GetEnumeratorMethod?.ReturnType is { IsReferenceType: true } enumerator)
        {
            var kind = enumerator.TypeKind == TypeKind.Interface ? "is an interface, so the enumerator is a heap object" : "is a class";
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.EnumeratorAllocation, collection.Syntax.GetLocation(),
                $"The foreach over '{Describe.Type(collection.Type)}'", $"its enumerator '{Describe.Type(enumerator)}' {kind}"));
        }
    }

    public static void EnumeratorReturned(OperationAnalysisContext context, IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.ReturnType.OriginalDefinition.SpecialType is SpecialType.System_Collections_IEnumerator or SpecialType.System_Collections_Generic_IEnumerator_T)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.EnumeratorAllocation, invocation.Syntax.GetLocation(),
                $"The call to '{invocation.TargetMethod.Name}'", $"it returns '{Describe.Type(invocation.TargetMethod.ReturnType)}', an enumerator behind an interface"));
        }
    }
}
