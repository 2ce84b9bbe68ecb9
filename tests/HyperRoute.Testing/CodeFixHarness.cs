using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Sdk;

namespace HyperRoute.Testing;

/// <summary>
/// Applies a code fix the way an IDE does and compares the result with the expected source, character for
/// character: the source goes into an <see cref="AdhocWorkspace"/> document (same references and options as
/// <see cref="CompilationFactory"/>), the analyzer runs, the provider registers its fixes for the first diagnostic
/// with the given ID, and the chosen action's operations are applied to the workspace.
/// </summary>
public static class CodeFixHarness
{
    /// <summary>
    /// Verifies that the fix with <paramref name="equivalenceKey"/> (or the first fix offered when it is
    /// <see langword="null"/>) turns <paramref name="source"/> into <paramref name="expected"/>.
    /// </summary>
    public static void Verify<TAnalyzer, TCodeFix>(string diagnosticId, string source, string expected, string? equivalenceKey = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        var actions = Offered<TAnalyzer, TCodeFix>(diagnosticId, source, out var document);
        var action = equivalenceKey is null ? actions.FirstOrDefault() : actions.FirstOrDefault(a => a.EquivalenceKey == equivalenceKey);
        if (action is null)
        {
            throw new XunitException(
                $"No code fix{(equivalenceKey is null ? string.Empty : $" with the key '{equivalenceKey}'")} was offered for {diagnosticId}. Offered: "
                + (actions.Count == 0 ? "none" : string.Join(", ", actions.Select(a => $"'{a.Title}' ({a.EquivalenceKey})"))));
        }

        var actual = Apply(document, action);
        if (!string.Equals(Normalize(expected), actual, StringComparison.Ordinal))
        {
            throw new XunitException($"The fixed source differs from the expected source:\n{TextDiff.Describe(Normalize(expected), actual)}\n\nActual fixed source:\n{actual}");
        }
    }

    /// <summary>The titles of the fixes offered for the first <paramref name="diagnosticId"/> in <paramref name="source"/>, in order.</summary>
    public static IReadOnlyList<string> OfferedTitles<TAnalyzer, TCodeFix>(string diagnosticId, string source)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
        => Offered<TAnalyzer, TCodeFix>(diagnosticId, source, out _).Select(a => a.Title).ToList();

    private static List<CodeAction> Offered<TAnalyzer, TCodeFix>(string diagnosticId, string source, out Document document)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        document = CreateDocument(Normalize(source));
        var compilation = document.Project.GetCompilationAsync().GetAwaiter().GetResult()!;
        var diagnostics = compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer()))
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();
        var diagnostic = diagnostics.Where(d => d.Id == diagnosticId).OrderBy(d => d.Location.SourceSpan.Start).FirstOrDefault()
            ?? throw new XunitException($"The analyzer reported no {diagnosticId}. It reported: " + (diagnostics.IsEmpty ? "nothing" : string.Join("; ", diagnostics)));

        var provider = new TCodeFix();
        if (!provider.FixableDiagnosticIds.Contains(diagnosticId))
        {
            throw new XunitException($"{typeof(TCodeFix).Name} does not fix {diagnosticId}.");
        }

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        provider.RegisterCodeFixesAsync(context).GetAwaiter().GetResult();
        return actions;
    }

    private static Document CreateDocument(string source)
    {
        var template = CompilationFactory.Create(string.Empty);
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "Tests",
            "Tests",
            LanguageNames.CSharp,
            compilationOptions: template.Options,
            parseOptions: CompilationFactory.ParseOptions,
            metadataReferences: template.References));
        return workspace.AddDocument(project.Id, "Source0.cs", SourceText.From(source));
    }

    private static string Apply(Document document, CodeAction action)
    {
        var workspace = document.Project.Solution.Workspace;
        foreach (var operation in action.GetOperationsAsync(CancellationToken.None).GetAwaiter().GetResult())
        {
            operation.Apply(workspace, CancellationToken.None);
        }

        return workspace.CurrentSolution.GetDocument(document.Id)!.GetTextAsync().GetAwaiter().GetResult().ToString();
    }

    // Test sources are raw string literals; the fixed text must not depend on the line endings git checked out.
    private static string Normalize(string source) => source.Replace("\r\n", "\n");
}
