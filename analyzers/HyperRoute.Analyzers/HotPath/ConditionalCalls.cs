using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace HyperRoute.Analyzers.HotPath;

/// <summary>
/// A call to a <c>[Conditional("X")]</c> method (<c>Debug.WriteLine</c>, <c>Debug.Assert</c>, <c>Trace</c> without
/// <c>TRACE</c>) when no condition is defined for the file: the compiler removes the call and the evaluation of its
/// arguments, so nothing inside it runs, let alone allocates.
/// </summary>
internal static class ConditionalCalls
{
    public static bool IsOmitted(IInvocationOperation invocation)
    {
        var conditions = invocation.TargetMethod.GetAttributes()
            .Where(a => Describe.Is(a.AttributeClass, "System.Diagnostics.ConditionalAttribute"))
            .Select(a => a.ConstructorArguments.Length == 1 ? a.ConstructorArguments[0].Value as string : null)
            .ToList();
        if (conditions.Count == 0)
        {
            return false;
        }

        var tree = invocation.Syntax.SyntaxTree;
        var defined = tree.Options.PreprocessorSymbolNames.ToList();
        defined.AddRange(tree.GetRoot().DescendantTrivia()
            .Select(t => t.GetStructure())
            .OfType<DefineDirectiveTriviaSyntax>()
            .Select(d => d.Name.ValueText));
        return !conditions.Any(c => c is null || defined.Contains(c));
    }
}
