using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HyperRoute.Analyzers.HotPath;

/// <summary>
/// HR1012: a hot member or local function that is an iterator (its enumerator object is allocated on every call), an
/// <c>async void</c> method, or an <c>async Task&lt;T&gt;</c> whose result is not one the runtime caches. What completes
/// synchronously without allocating is not reported: <c>async ValueTask</c>/<c>ValueTask&lt;T&gt;</c>, <c>async Task</c>
/// (the builder hands out <c>Task.CompletedTask</c>) and <c>async Task&lt;T&gt;</c> whose every <c>return</c> is a cached
/// result (<see cref="TaskResultCache"/>: any <c>bool</c>, <c>int</c> constants in [-1, 9), <c>null</c>, a constant zero).
/// Measured on .NET 10 (the <c>async-*</c> cases of the project's corpus). When such a method suspends, its state machine
/// box is allocated whatever it returns; that slow path is not the rule's.
/// </summary>
internal static class StateMachineRules
{
    public static void Member(OperationBlockAnalysisContext context)
    {
        // A route handler's async shape is the routing rules' (RouteAnalyzer): async void is HR0016, async Task HR1014.
        if (context.OwningSymbol is IMethodSymbol method && Why(method, context.OperationBlocks) is { } why && method.Locations.Length > 0
            && !(method.IsAsync && IsRouteHandler(method)))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.StateMachine, method.Locations[0], method.Name, why.Kind, why.Allocation));
        }
    }

    public static void LocalFunction(OperationAnalysisContext context)
    {
        var function = (ILocalFunctionOperation)context.Operation;
        if (Why(function.Symbol, function.Body is { } body ? ImmutableArray.Create<IOperation>(body) : ImmutableArray<IOperation>.Empty) is { } why && function.Symbol.Locations.Length > 0)
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

    private static (string Kind, string Allocation)? Why(IMethodSymbol method, ImmutableArray<IOperation> bodies)
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

        if (method.ReturnType is not INamedTypeSymbol { TypeArguments.Length: 1 } task || !Describe.Is(task, "System.Threading.Tasks.Task`1"))
        {
            return null; // Task, ValueTask, ValueTask<T>: nothing when it completes synchronously
        }

        return Returns(bodies).All(value => TaskResultCache.IsCached(task.TypeArguments[0], value))
            ? null
            : ("async and returns a Task<T> whose result the runtime does not cache", "a Task and, when it awaits, its state machine box");
    }

    // The values of the method's own return statements (not those of lambdas and local functions inside it).
    private static IEnumerable<IOperation?> Returns(ImmutableArray<IOperation> bodies)
    {
        foreach (var body in bodies)
        {
            foreach (var operation in Descend(body))
            {
                if (operation is IReturnOperation { Kind: OperationKind.Return } @return)
                {
                    yield return @return.ReturnedValue;
                }
            }
        }

        static IEnumerable<IOperation> Descend(IOperation operation)
        {
            yield return operation;
            foreach (var child in operation.ChildOperations)
            {
                if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                {
                    foreach (var descendant in Descend(child))
                    {
                        yield return descendant;
                    }
                }
            }
        }
    }
}
