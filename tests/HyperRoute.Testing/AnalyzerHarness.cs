using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Sdk;

namespace HyperRoute.Testing;

/// <summary>A diagnostic a test expects: <see cref="Id"/> is <see langword="null"/> for <c>[|…|]</c> (any ID of the analyzer under test).</summary>
public sealed record ExpectedDiagnostic(string? Id, TextSpan Span);

/// <summary>Test source with its markup removed, and the diagnostics the markup asked for.</summary>
public sealed record MarkedSource(string Source, ImmutableArray<ExpectedDiagnostic> Expected);

/// <summary>
/// Runs one analyzer on test source written with markup and compares what it reports with what the markup says:
/// <c>[|…|]</c> expects a diagnostic of the analyzer under test on exactly the marked text, <c>{|HR0001:…|}</c> one
/// with that ID. The source without markup must compile without errors before the analyzer runs (a test names
/// the compiler errors it means to allow). Expected and actual (id, span) sets must be equal; on a mismatch the
/// failure shows the actual diagnostics as markup, ready to paste into the test.
/// </summary>
public static class AnalyzerHarness
{
    /// <summary>Verifies <typeparamref name="TAnalyzer"/> on <paramref name="markup"/>.</summary>
    /// <param name="markup">The test source with <c>[|…|]</c> and <c>{|ID:…|}</c> around the expected diagnostics.</param>
    /// <param name="allowedCompilerErrors">Compiler error IDs (<c>CS0708</c>) the source is allowed to have; any other error fails the test.</param>
    public static void Verify<TAnalyzer>(string markup, params string[] allowedCompilerErrors)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => Verify(new TAnalyzer(), markup, allowedCompilerErrors);

    /// <inheritdoc cref="Verify{TAnalyzer}(string, string[])"/>
    public static void Verify(DiagnosticAnalyzer analyzer, string markup, params string[] allowedCompilerErrors)
    {
        var marked = ParseMarkup(markup);
        var compilation = CompilationFactory.Create(marked.Source);
        AssertCompiles(compilation, marked.Source, allowedCompilerErrors);

        var actual = Run(analyzer, compilation);
        var supported = analyzer.SupportedDiagnostics.Select(d => d.Id).ToImmutableHashSet();
        var (missing, unexpected) = Compare(marked.Expected, actual, supported);
        if (missing.Count == 0 && unexpected.Count == 0)
        {
            return;
        }

        throw new XunitException(Describe(marked.Source, missing, unexpected, actual));
    }

    /// <summary>Removes the markup from <paramref name="markup"/> and records the spans it marked.</summary>
    /// <exception cref="ArgumentException">A marker is never closed.</exception>
    public static MarkedSource ParseMarkup(string markup)
    {
        var source = new StringBuilder(markup.Length);
        var open = new Stack<(string? Id, int Start, int MarkupOffset)>();
        var expected = ImmutableArray.CreateBuilder<ExpectedDiagnostic>();
        var i = 0;
        while (i < markup.Length)
        {
            if (At(markup, i, "[|"))
            {
                open.Push((null, source.Length, i));
                i += 2;
            }
            else if (At(markup, i, "{|") && TryReadId(markup, i + 2, out var id))
            {
                open.Push((id, source.Length, i));
                i += 2 + id.Length + 1;
            }
            else if (open.Count > 0 && ((At(markup, i, "|]") && open.Peek().Id is null) || (At(markup, i, "|}") && open.Peek().Id is not null)))
            {
                var (openId, start, _) = open.Pop();
                expected.Add(new ExpectedDiagnostic(openId, TextSpan.FromBounds(start, source.Length)));
                i += 2;
            }
            else
            {
                source.Append(markup[i]);
                i++;
            }
        }

        if (open.Count > 0)
        {
            var (id, _, offset) = open.Peek();
            throw new ArgumentException($"The markup '{(id is null ? "[|" : "{|" + id + ":")}' at offset {offset} is never closed with '{(id is null ? "|]" : "|}")}'.", nameof(markup));
        }

        return new MarkedSource(source.ToString(), expected.ToImmutable());
    }

    /// <summary>Writes <paramref name="diagnostics"/> into <paramref name="source"/> as <c>{|ID:…|}</c> markup.</summary>
    public static string ToMarkup(string source, IEnumerable<(string Id, TextSpan Span)> diagnostics)
    {
        // At one position: closing markers first (inner before outer), then empty spans, then opening markers
        // (outer before inner), so nested spans come out nested.
        var inserts = new List<(int Position, int Order, int Tie, string Text)>();
        foreach (var (id, span) in diagnostics)
        {
            if (span.IsEmpty)
            {
                inserts.Add((span.Start, 1, 0, "{|" + id + ":|}"));
                continue;
            }

            inserts.Add((span.Start, 2, -span.Length, "{|" + id + ":"));
            inserts.Add((span.End, 0, -span.Start, "|}"));
        }

        var builder = new StringBuilder(source);
        foreach (var insert in inserts.OrderByDescending(x => x.Position).ThenByDescending(x => x.Order).ThenByDescending(x => x.Tie).ThenByDescending(x => x.Text, StringComparer.Ordinal))
        {
            builder.Insert(insert.Position, insert.Text);
        }

        return builder.ToString();
    }

    private static void AssertCompiles(Compilation compilation, string source, string[] allowedCompilerErrors)
    {
        var errors = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && !allowedCompilerErrors.Contains(d.Id, StringComparer.Ordinal))
            .ToList();
        if (errors.Count > 0)
        {
            throw new XunitException(
                "The test source must compile before the analyzer runs (allow specific errors by ID if the test is about them):\n"
                + string.Join("\n", errors.Select(d => "  " + d)) + "\n\n" + Numbered(source));
        }
    }

    private static ImmutableArray<Diagnostic> Run(DiagnosticAnalyzer analyzer, Compilation compilation)
    {
        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, _, _) =>
            {
                lock (exceptions)
                {
                    exceptions.Add(exception.ToString());
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var diagnostics = compilation
            .WithAnalyzers(ImmutableArray.Create(analyzer), options)
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();
        if (exceptions.Count > 0)
        {
            throw new XunitException("The analyzer threw:\n" + string.Join("\n\n", exceptions));
        }

        return diagnostics;
    }

    // Explicit IDs match first, so a [|…|] never takes the diagnostic an {|ID:…|} on the same span asked for.
    private static (List<ExpectedDiagnostic> Missing, List<Diagnostic> Unexpected) Compare(
        ImmutableArray<ExpectedDiagnostic> expected, ImmutableArray<Diagnostic> actual, ImmutableHashSet<string> supported)
    {
        var unmatched = actual.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
        var missing = new List<ExpectedDiagnostic>();
        foreach (var expectation in expected.OrderBy(e => e.Id is null ? 1 : 0))
        {
            var match = unmatched.FindIndex(d => d.Location.IsInSource
                && d.Location.SourceSpan == expectation.Span
                && (expectation.Id is null ? supported.Contains(d.Id) : d.Id == expectation.Id));
            if (match < 0)
            {
                missing.Add(expectation);
                continue;
            }

            unmatched.RemoveAt(match);
        }

        return (missing.OrderBy(e => e.Span.Start).ToList(), unmatched);
    }

    private static string Describe(string source, List<ExpectedDiagnostic> missing, List<Diagnostic> unexpected, ImmutableArray<Diagnostic> actual)
    {
        var text = SourceText.From(source);
        var builder = new StringBuilder("The analyzer's diagnostics differ from the markup.\n");
        if (missing.Count > 0)
        {
            builder.AppendLine("Expected but not reported:");
            foreach (var expectation in missing)
            {
                builder.AppendLine($"  {expectation.Id ?? "[|…|]"} at {Position(text, expectation.Span)} on `{text.ToString(expectation.Span)}`");
            }
        }

        if (unexpected.Count > 0)
        {
            builder.AppendLine("Reported but not expected:");
            foreach (var diagnostic in unexpected)
            {
                var where = diagnostic.Location.IsInSource
                    ? $"{Position(text, diagnostic.Location.SourceSpan)} on `{text.ToString(diagnostic.Location.SourceSpan)}`"
                    : "no source location";
                builder.AppendLine($"  {diagnostic.Id} at {where}: {diagnostic.GetMessage()}");
            }
        }

        builder.AppendLine();
        builder.AppendLine("Actual diagnostics as markup:");
        builder.AppendLine(ToMarkup(source, actual.Where(d => d.Location.IsInSource).Select(d => (d.Id, d.Location.SourceSpan))));
        return builder.ToString();
    }

    private static string Position(SourceText text, TextSpan span)
    {
        var start = text.Lines.GetLinePosition(span.Start);
        var end = text.Lines.GetLinePosition(span.End);
        return $"({start.Line + 1},{start.Character + 1})-({end.Line + 1},{end.Character + 1})";
    }

    private static bool At(string text, int index, string token)
        => string.CompareOrdinal(text, index, token, 0, token.Length) == 0;

    // An ID is letters then digits (HR0001, CS0246) followed by ':'.
    private static bool TryReadId(string text, int start, out string id)
    {
        id = string.Empty;
        var i = start;
        while (i < text.Length && char.IsAsciiLetter(text[i]))
        {
            i++;
        }

        var letters = i - start;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (letters == 0 || i == start + letters || i >= text.Length || text[i] != ':')
        {
            return false;
        }

        id = text.Substring(start, i - start);
        return true;
    }

    private static string Numbered(string source)
        => string.Join("\n", source.Split('\n').Select((line, i) => $"{i + 1,4}: {line}"));
}
