using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HyperRoute.Analyzers.HotPath;

/// <summary>HR1001 (explicit allocations), HR1010 (<c>with</c> on record classes) and HR1011 (range slices that copy).</summary>
internal static class CreationRules
{
    public static void ObjectCreation(OperationAnalysisContext context)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type is { IsReferenceType: true } type)
        {
            Report(context, creation.Syntax, $"'new {Describe.Type(type)}'");
        }
    }

    public static void ArrayCreation(OperationAnalysisContext context)
    {
        var creation = (IArrayCreationOperation)context.Operation;

        // The array the compiler builds for a params argument is HR1005's.
        if (creation.IsImplicit && creation.Parent is IArgumentOperation { ArgumentKind: ArgumentKind.ParamArray })
        {
            return;
        }

        Report(context, creation.Syntax, $"The array 'new {Describe.Type(creation.Type)}'");
    }

    public static void AnonymousObjectCreation(OperationAnalysisContext context)
        => Report(context, context.Operation.Syntax, "The anonymous object");

    public static void TypeParameterObjectCreation(OperationAnalysisContext context)
    {
        var creation = (ITypeParameterObjectCreationOperation)context.Operation;
        if (creation.Type is ITypeParameterSymbol { HasValueTypeConstraint: false, HasUnmanagedTypeConstraint: false } type)
        {
            Report(context, creation.Syntax, $"'new {type.Name}()' (Activator.CreateInstance when '{type.Name}' is a class)");
        }
    }

    /// <summary>
    /// Collection expressions, found by syntax: the Roslyn this analyzer is pinned to has no operation for them.
    /// Spans live on the stack, an empty array or interface is <c>Array.Empty&lt;T&gt;()</c>, everything else is
    /// built on the heap.
    /// </summary>
    public static void CollectionExpressions(OperationBlockAnalysisContext context, IOperation body)
    {
        var model = body.SemanticModel;
        if (model is null)
        {
            return;
        }

        foreach (var expression in body.Syntax.DescendantNodesAndSelf().OfType<CollectionExpressionSyntax>())
        {
            if (expression.Ancestors().Any(a => a is ThrowStatementSyntax or ThrowExpressionSyntax or AttributeSyntax))
            {
                continue;
            }

            var type = model.GetTypeInfo(expression, context.CancellationToken).ConvertedType;
            var empty = expression.Elements.Count == 0;
            var allocates = type switch
            {
                IArrayTypeSymbol => !empty,
                _ when Describe.IsSpan(type) => false,
                INamedTypeSymbol { TypeKind: TypeKind.Interface } => !empty,
                INamedTypeSymbol { TypeKind: TypeKind.Class } => true,
                INamedTypeSymbol { Name: "ImmutableArray" } => !empty,
                _ => false,
            };
            if (allocates)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ExplicitAllocation, expression.GetLocation(), $"The collection expression creating '{Describe.Type(type)}'"));
            }
        }
    }

    public static void With(OperationAnalysisContext context)
    {
        var with = (IWithOperation)context.Operation;
        if (with.Operand.Type is { IsReferenceType: true } type)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RecordWith, with.Syntax.GetLocation(), Describe.Type(type)));
        }
    }

    public static void Range(OperationAnalysisContext context)
    {
        var range = context.Operation;
        var slice = range.Parent;
        while (slice is IConversionOperation { IsImplicit: true } or IArgumentOperation)
        {
            slice = slice.Parent;
        }

        if (slice?.Type is not { } type || (type is not IArrayTypeSymbol && type.SpecialType != SpecialType.System_String))
        {
            return;
        }

        var what = type is IArrayTypeSymbol ? "an array" : "a string";
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RangeSlice, slice.Syntax.GetLocation(), range.Syntax.ToString(), what, Describe.Type(type)));
    }

    private static void Report(OperationAnalysisContext context, SyntaxNode syntax, string what)
        => context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ExplicitAllocation, syntax.GetLocation(), what));
}
