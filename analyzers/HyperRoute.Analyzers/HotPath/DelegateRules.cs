using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HyperRoute.Analyzers.HotPath;

/// <summary>
/// HR1003 (capturing lambdas, anonymous methods and local functions turned into delegates, with the captured names)
/// and HR1004 (delegates the compiler does not cache). Not reported, because the compiler caches them in a static
/// field: lambdas that capture nothing (static or not, in generic code too) and, from C# 11, method groups of static
/// methods.
/// </summary>
internal static class DelegateRules
{
    public static void AnonymousFunction(OperationAnalysisContext context)
    {
        var function = (IAnonymousFunctionOperation)context.Operation;
        if (function.Symbol.IsStatic)
        {
            return;
        }

        var captured = Captures(function.Body, function.Syntax);
        var what = function.Syntax is AnonymousMethodExpressionSyntax ? "The anonymous method" : "The lambda";
        if (captured.Count > 0)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.Closure, function.Syntax.GetLocation(), what, Names(captured)));
        }
        else if (function.Syntax is AnonymousFunctionExpressionSyntax
            && function.Syntax.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp9 })
        {
            // Static anonymous functions exist from C# 9.
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LambdaCouldBeStatic, function.Syntax.GetLocation(), what));
        }
    }

    public static void DelegateCreation(OperationAnalysisContext context)
    {
        var creation = (IDelegateCreationOperation)context.Operation;
        var delegateType = Describe.Type(creation.Type);
        switch (creation.Target)
        {
            case IAnonymousFunctionOperation:
                return;

            case IMethodReferenceOperation reference when creation.Syntax is BaseObjectCreationExpressionSyntax:
                Report(context, creation, $"an explicit 'new {delegateType}({reference.Method.Name})' is never cached");
                return;

            case IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } reference:
                var localFunction = FindLocalFunction(creation, reference.Method);
                var captured = localFunction?.Body is { } body ? Captures(body, localFunction.Syntax) : new List<string>();
                if (captured.Count > 0)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.Closure, creation.Syntax.GetLocation(), $"The local function '{reference.Method.Name}'", Names(captured)));
                }
                else if (!reference.Method.IsStatic)
                {
                    Report(context, creation, $"the conversion of the local function '{reference.Method.Name}' is not cached by every compiler; declare it static and cache the delegate in a field");
                }

                return;

            case IMethodReferenceOperation { Method.IsStatic: true, Instance: null } reference:
                var version = (creation.Syntax.SyntaxTree.Options as CSharpParseOptions)?.LanguageVersion ?? LanguageVersion.Latest;
                if (version < LanguageVersion.CSharp11)
                {
                    Report(context, creation, $"method groups of static methods such as '{reference.Method.Name}' are cached only from C# 11 (this is C# {version.ToDisplayString()})");
                }

                return;

            case IMethodReferenceOperation reference:
                var boxes = reference.Instance?.Type is { IsValueType: true } ? ", and the struct it is bound to is boxed" : string.Empty;
                var kind = reference.Method.IsExtensionMethod || reference.Method.IsStatic ? "an extension method bound to its receiver" : "an instance method";
                Report(context, creation, $"'{reference.Method.Name}' is {kind}{boxes}");
                return;

            default:
                Report(context, creation, "it wraps another delegate");
                return;
        }
    }

    /// <summary>Locals, parameters and <c>this</c> used in <paramref name="body"/> but declared outside <paramref name="function"/>.</summary>
    private static List<string> Captures(IOperation body, SyntaxNode function)
    {
        var names = new List<string>();
        foreach (var operation in body.DescendantsAndSelf())
        {
            var name = operation switch
            {
                ILocalReferenceOperation local when !DeclaredInside(local.Local, function) => local.Local.Name,
                IParameterReferenceOperation parameter when !DeclaredInside(parameter.Parameter, function) => parameter.Parameter.Name,
                IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } => "this",
                _ => null,
            };
            if (name is not null && !names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static bool DeclaredInside(ISymbol symbol, SyntaxNode function)
        => symbol.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == function.SyntaxTree && function.Span.Contains(r.Span));

    private static ILocalFunctionOperation? FindLocalFunction(IOperation from, IMethodSymbol method)
    {
        var root = from;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return root.DescendantsAndSelf().OfType<ILocalFunctionOperation>().FirstOrDefault(f => SymbolEqualityComparer.Default.Equals(f.Symbol, method));
    }

    private static string Names(List<string> names) => string.Join(", ", names.Select(n => "'" + n + "'"));

    private static void Report(OperationAnalysisContext context, IOperation creation, string reason)
        => context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DelegateAllocation, creation.Syntax.GetLocation(), $"The conversion to '{Describe.Type(creation.Type)}'", reason));
}
