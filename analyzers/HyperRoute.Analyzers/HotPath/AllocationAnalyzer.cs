using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HyperRoute.Analyzers.HotPath;

/// <summary>
/// Reports heap allocations in hot code (HR1001–HR1012): the bodies of <c>[HotPath]</c> members and route handlers,
/// with the lambdas and local functions inside them (see <see cref="HotPathScope"/>). Built on the operation model,
/// so every syntax that binds to the same operation is covered; generated code is excluded, and so are attribute
/// arguments, parameter default values and whatever is built for a <c>throw</c> (the cold path by definition).
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class AllocationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ExplicitAllocation,
        DiagnosticDescriptors.Boxing,
        DiagnosticDescriptors.Closure,
        DiagnosticDescriptors.DelegateAllocation,
        DiagnosticDescriptors.ParamsArray,
        DiagnosticDescriptors.StringBuilding,
        DiagnosticDescriptors.EnumeratorAllocation,
        DiagnosticDescriptors.Linq,
        DiagnosticDescriptors.AllocatingCall,
        DiagnosticDescriptors.RecordWith,
        DiagnosticDescriptors.RangeSlice,
        DiagnosticDescriptors.StateMachine,
        DiagnosticDescriptors.LambdaCouldBeStatic);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var scope = HotPathScope.From(start.Compilation);
            start.RegisterOperationBlockStartAction(block => OnHotBlock(block, scope));
        });
    }

    private static void OnHotBlock(OperationBlockStartAnalysisContext block, HotPathScope scope)
    {
        var bodies = block.OperationBlocks.Where(b => b.Kind is not (OperationKind.Attribute or OperationKind.ParameterInitializer)).ToImmutableArray();
        if (bodies.IsEmpty || !scope.IsHot(block.OwningSymbol, block.Options, bodies[0].Syntax.SyntaxTree))
        {
            return;
        }

        block.RegisterOperationAction(Guard(CreationRules.ObjectCreation), OperationKind.ObjectCreation);
        block.RegisterOperationAction(Guard(CreationRules.ArrayCreation), OperationKind.ArrayCreation);
        block.RegisterOperationAction(Guard(CreationRules.AnonymousObjectCreation), OperationKind.AnonymousObjectCreation);
        block.RegisterOperationAction(Guard(CreationRules.TypeParameterObjectCreation), OperationKind.TypeParameterObjectCreation);
        block.RegisterOperationAction(Guard(CreationRules.With), OperationKind.With);
        block.RegisterOperationAction(Guard(CreationRules.Range), OperationKind.Range);
        block.RegisterOperationAction(Guard(BoxingRules.Conversion), OperationKind.Conversion);
        block.RegisterOperationAction(Guard(DelegateRules.AnonymousFunction), OperationKind.AnonymousFunction);
        block.RegisterOperationAction(Guard(DelegateRules.DelegateCreation), OperationKind.DelegateCreation);
        block.RegisterOperationAction(Guard(CallRules.Argument), OperationKind.Argument);
        block.RegisterOperationAction(Guard(CallRules.Invocation), OperationKind.Invocation);
        block.RegisterOperationAction(Guard(StringRules.Concatenation), OperationKind.Binary, OperationKind.CompoundAssignment);
        block.RegisterOperationAction(Guard(StringRules.Interpolation), OperationKind.InterpolatedString);
        block.RegisterOperationAction(Guard(EnumerationRules.ForEach), OperationKind.Loop);
        block.RegisterOperationAction(Guard(StateMachineRules.LocalFunction), OperationKind.LocalFunction);
        block.RegisterOperationBlockEndAction(end =>
        {
            StateMachineRules.Member(end);
            foreach (var body in bodies)
            {
                CreationRules.CollectionExpressions(end, body);
            }
        });
    }

    // Attribute arguments and default values are metadata, not code that runs; a throw is the cold path; the arguments
    // of a [Conditional] call whose symbol is not defined (Debug.WriteLine in Release) are removed with the call.
    private static Action<OperationAnalysisContext> Guard(Action<OperationAnalysisContext> rule)
        => context =>
        {
            for (var operation = context.Operation; operation is not null; operation = operation.Parent)
            {
                if (operation.Kind is OperationKind.Throw or OperationKind.Attribute or OperationKind.ParameterInitializer
                    || (operation is IInvocationOperation invocation && ConditionalCalls.IsOmitted(invocation)))
                {
                    return;
                }
            }

            rule(context);
        };
}
