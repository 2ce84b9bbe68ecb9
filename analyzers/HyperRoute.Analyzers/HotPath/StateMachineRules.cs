using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HyperRoute.Analyzers.HotPath;

/// <summary>
/// HR1012: a hot member or local function that is an iterator (its enumerator object is allocated on every call) or an
/// <c>async</c> method returning <c>Task</c>, <c>Task&lt;T&gt;</c> or <c>void</c>. <c>async ValueTask</c> is not
/// reported: it allocates nothing when it completes synchronously.
/// </summary>
internal static class StateMachineRules
{
    public static void Member(OperationBlockAnalysisContext context)
    {
        // A route handler's async shape is the routing rules' (RouteAnalyzer): async void is HR0016, async Task HR1014.
        if (context.OwningSymbol is IMethodSymbol method && Why(method) is { } why && method.Locations.Length > 0
            && !(method.IsAsync && IsRouteHandler(method)))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.StateMachine, method.Locations[0], method.Name, why.Kind, why.Allocation));
        }
    }

    public static void LocalFunction(OperationAnalysisContext context)
    {
        var function = (ILocalFunctionOperation)context.Operation;
        if (Why(function.Symbol) is { } why && function.Symbol.Locations.Length > 0)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.StateMachine, function.Symbol.Locations[0], function.Symbol.Name, why.Kind, why.Allocation));
        }
    }

    private static bool IsRouteHandler(IMethodSymbol method)
        => method.GetAttributes().Any(a => Generators.KnownNames.Is(a.AttributeClass, Generators.KnownNames.RouteAttribute))
            && method.ContainingType is { } type
            && type.GetAttributes().Any(a => Generators.KnownNames.Is(a.AttributeClass, Generators.KnownNames.RouterAttribute));

    // IMethodSymbol.IsIterator is newer than the Roslyn this analyzer is pinned to: look for a yield of its own.
    private static bool IsIterator(IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax();
            var yields = declaration
                .DescendantNodes(node => node == declaration || node is not (LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax))
                .OfType<YieldStatementSyntax>();
            if (yields.Any())
            {
                return true;
            }
        }

        return false;
    }

    private static (string Kind, string Allocation)? Why(IMethodSymbol method)
    {
        if (IsIterator(method))
        {
            return ("an iterator", "its enumerator object");
        }

        if (!method.IsAsync)
        {
            return null;
        }

        if (method.ReturnsVoid)
        {
            return ("async void", "its state machine box when it awaits");
        }

        return Describe.Is(method.ReturnType, "System.Threading.Tasks.Task") || Describe.Is(method.ReturnType, "System.Threading.Tasks.Task`1")
            ? ("async and returns a Task", "a Task and, when it awaits, its state machine box")
            : null;
    }
}
