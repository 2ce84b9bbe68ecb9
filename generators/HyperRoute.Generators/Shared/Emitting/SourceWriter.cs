using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace HyperRoute.Generators.Emitting;

/// <summary>Writes C# with consistent four-space indentation and LF line endings.</summary>
internal sealed class SourceWriter
{
    /// <summary>The width generated lines are kept within where the writer can wrap them.</summary>
    public const int MaxLineLength = 120;

    /// <summary>Spaces per indentation level.</summary>
    public const int IndentSize = 4;
    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter(int indent = 0) => _indent = indent;

    /// <summary>The current indentation level, so that a method written elsewhere can start at the same depth.</summary>
    public int IndentLevel => _indent;

    /// <summary>Appends text written by another writer, as it is.</summary>
    public void Append(SourceWriter other) => _builder.Append(other._builder);

    public void Line(string text)
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * IndentSize);
            _builder.Append(text);
        }

        _builder.Append('\n');
    }

    public void Line() => _builder.Append('\n');

    /// <summary>
    /// Writes a line of code with a comment after it, or the comment on the line above when both do not fit in
    /// <see cref="MaxLineLength"/>.
    /// </summary>
    public void Line(string code, string comment)
    {
        if (Fits(code + " // " + comment))
        {
            Line(code + " // " + comment);
            return;
        }

        Comment(comment);
        Line(code);
    }

    /// <summary>Writes a <c>//</c> comment, wrapped at <see cref="MaxLineLength"/>.</summary>
    public void Comment(string text)
    {
        foreach (var line in Wrap(text, MaxLineLength - _indent * IndentSize - "// ".Length))
        {
            Line("// " + line);
        }
    }

    /// <summary>
    /// Writes <c>if (condition)</c>: on one line (with <paramref name="comment"/> after it) when it fits in
    /// <see cref="MaxLineLength"/>, else with the comment above and the condition's <c>&amp;&amp;</c> terms wrapped.
    /// </summary>
    public void If(string condition, string? comment = null)
        => Terms("if (", SplitTopLevel(condition, " && "), "&&", ")", comment);

    /// <summary>
    /// Writes <paramref name="head"/>, the terms joined by <paramref name="separator"/>, then <paramref name="tail"/>:
    /// on one line (with <paramref name="comment"/> after it) when it fits in <see cref="MaxLineLength"/>, else with the
    /// comment above and the terms packed onto lines indented once, each further line starting with the separator.
    /// </summary>
    public void Terms(string head, IReadOnlyList<string> terms, string separator, string tail, string? comment = null)
    {
        var single = head + string.Join(" " + separator + " ", terms) + tail;
        if (comment is not null && Fits(single + " // " + comment))
        {
            Line(single + " // " + comment);
            return;
        }

        if (comment is not null)
        {
            Comment(comment);
        }

        if (Fits(single))
        {
            Line(single);
            return;
        }

        var line = new StringBuilder(head).Append(terms[0]);
        var continued = false;
        for (var i = 1; i < terms.Count; i++)
        {
            var next = " " + separator + " " + terms[i];
            if ((continued ? _indent + 1 : _indent) * IndentSize + line.Length + next.Length > MaxLineLength)
            {
                WriteTerm(line.ToString(), continued);
                line.Clear().Append(separator).Append(' ').Append(terms[i]);
                continued = true;
                continue;
            }

            line.Append(next);
        }

        WriteTerm(line.Append(tail).ToString(), continued);
    }

    /// <summary>
    /// Writes a member declaration, <c>head(parameters)</c> and what follows: on one line when it fits in
    /// <see cref="MaxLineLength"/>, else with one parameter a line, indented once.
    /// </summary>
    public void Declaration(string declaration) => WrapList(declaration, packed: false, outsideGenerics: true);

    /// <summary>
    /// Writes a statement that ends in a call, <c>head(arguments)</c> and what follows: on one line when it fits in
    /// <see cref="MaxLineLength"/>, else with the arguments on the lines after it, indented once, as many a line as fit.
    /// </summary>
    public void Call(string statement) => WrapList(statement, packed: true);

    /// <summary>
    /// Writes a doc comment element, <c>/// &lt;summary&gt;text&lt;/summary&gt;</c>, on one line when it fits in
    /// <see cref="MaxLineLength"/>, else with the text wrapped between the tags (never inside a tag of its own).
    /// </summary>
    public void Doc(string text, string element = "summary")
    {
        var opening = "<" + element + ">";
        var closing = "</" + element.Split(' ')[0] + ">";
        if (Fits("/// " + opening + text + closing))
        {
            Line("/// " + opening + text + closing);
            return;
        }

        Line("/// " + opening);
        foreach (var line in Wrap(text, MaxLineLength - _indent * IndentSize - "/// ".Length))
        {
            Line("/// " + line);
        }

        Line("/// " + closing);
    }

    /// <summary>Writes <c>{</c>, indents until the returned scope is disposed, then writes <c>}</c> (plus <paramref name="suffix"/>).</summary>
    public Block Braces(string suffix = "")
    {
        Line("{");
        _indent++;
        return new Block(this, "}" + suffix);
    }

    /// <summary>Indents without braces (switch sections).</summary>
    public Block Indent()
    {
        _indent++;
        return new Block(this, null);
    }

    public override string ToString() => _builder.ToString();

    // Writes 'line' whole when it fits, else its first parenthesized list wrapped: one item a line, or packed. In a
    // declaration, a list inside generic arguments (a tuple: ValueTask<(RouteMatch Match, T Result)>) is not the one.
    private void WrapList(string line, bool packed, bool outsideGenerics = false)
    {
        var open = outsideGenerics ? FirstOutsideGenerics(line, '(') : line.IndexOf('(');
        var close = open < 0 ? -1 : Closing(line, open);
        if (Fits(line) || close < 0 || close == open + 1)
        {
            Line(line);
            return;
        }

        var items = SplitTopLevel(line.Substring(open + 1, close - open - 1), ",");
        var tail = line.Substring(close);
        Line(line.Substring(0, open + 1));
        _indent++;
        var current = new StringBuilder();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i] + (i < items.Count - 1 ? "," : tail);
            if (current.Length > 0 && (!packed || !Fits(current + " " + item)))
            {
                Line(current.ToString());
                current.Clear();
            }

            current.Append(current.Length == 0 ? "" : " ").Append(item);
        }

        Line(current.ToString());
        _indent--;
    }

    // The index of the first 'c' outside angle brackets; -1 when there is none.
    private static int FirstOutsideGenerics(string text, char c)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == c && depth == 0)
            {
                return i;
            }

            depth = text[i] == '<' ? depth + 1 : text[i] == '>' && depth > 0 ? depth - 1 : depth;
        }

        return -1;
    }

    // The index of the parenthesis that closes the one at 'open'; -1 when there is none.
    private static int Closing(string text, int open)
    {
        var depth = 0;
        var quote = '\0';
        for (var i = open; i < text.Length; i++)
        {
            if (Quote(text, i, ref quote))
            {
                continue;
            }

            depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
            if (depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    // Whether text[at] is in or bounds a string or char literal; 'quote' is the open literal's quote, or '\0'.
    private static bool Quote(string text, int at, ref char quote)
    {
        var c = text[at];
        if (quote != '\0')
        {
            if (c == quote && text[at - 1] != '\\')
            {
                quote = '\0';
            }

            return true;
        }

        if (c is '"' or '\'')
        {
            quote = c;
            return true;
        }

        return false;
    }

    /// <summary>Whether <paramref name="line"/> fits in <see cref="MaxLineLength"/> at the current indentation.</summary>
    public bool Fits(string line) => _indent * IndentSize + line.Length <= MaxLineLength;

    private void WriteTerm(string line, bool continued)
    {
        if (!continued)
        {
            Line(line);
            return;
        }

        _indent++;
        Line(line);
        _indent--;
    }

    // A list split at the separators outside brackets (generic arguments, tuples, calls) and literals.
    private static List<string> SplitTopLevel(string list, string separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var quote = '\0';
        var start = 0;
        for (var i = 0; i < list.Length; i++)
        {
            var c = list[i];
            if (Quote(list, i, ref quote))
            {
                continue;
            }

            if (c is '(' or '[' || (c == '<' && IsGenericOpen(list, i)))
            {
                depth++;
            }
            else if (c is ')' or ']' || (c == '>' && depth > 0 && IsGenericClose(list, i)))
            {
                depth--;
            }
            else if (depth == 0 && string.CompareOrdinal(list, i, separator, 0, separator.Length) == 0)
            {
                parts.Add(list.Substring(start, i - start).Trim());
                start = i + separator.Length;
                i += separator.Length - 1;
            }
        }

        parts.Add(list.Substring(start).Trim());
        return parts;
    }

    // '<' opens a type argument list when a name comes right before it (ReadOnlySpan<byte>), not a comparison (a < b).
    private static bool IsGenericOpen(string text, int at) => at > 0 && (char.IsLetterOrDigit(text[at - 1]) || text[at - 1] == '_');

    // '>' closes a type argument list when no space comes before it (a > b, =>, >= are comparisons and arrows).
    private static bool IsGenericClose(string text, int at) => at > 0 && text[at - 1] != ' ' && text[at - 1] != '=';

    // Text split at spaces into as few lines of at most 'width' characters as it takes, of about the same length (no
    // word left alone on the last line); tags of doc text (<see cref="X"/>) are kept whole.
    private static List<string> Wrap(string text, int width)
    {
        var words = Words(text).ToList();
        var lines = Greedy(words, width);
        for (var narrower = width - 1; lines.Count > 1 && narrower > 0; narrower--)
        {
            var balanced = Greedy(words, narrower);
            if (balanced.Count > lines.Count)
            {
                break;
            }

            lines = balanced;
        }

        return lines;
    }

    private static List<string> Greedy(List<string> words, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in words)
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length == 0 ? "" : " ").Append(word);
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    // The words of text; a tag (<see cref="X"/>) and code (<c>Start(x, y)</c>) are kept whole.
    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        var inTag = false;
        var inCode = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            inTag = c == '<' || (inTag && c != '>');
            if (string.CompareOrdinal(text, i, "<c>", 0, 3) == 0)
            {
                inCode = true;
            }
            else if (string.CompareOrdinal(text, i, "</c>", 0, 4) == 0)
            {
                inCode = false;
            }

            if (c == ' ' && !inTag && !inCode)
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                continue;
            }

            word.Append(c);
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    public readonly struct Block : IDisposable
    {
        private readonly SourceWriter _writer;
        private readonly string? _closing;

        public Block(SourceWriter writer, string? closing)
        {
            _writer = writer;
            _closing = closing;
        }

        public void Dispose()
        {
            _writer._indent--;
            if (_closing is not null)
            {
                _writer.Line(_closing);
            }
        }
    }
}
