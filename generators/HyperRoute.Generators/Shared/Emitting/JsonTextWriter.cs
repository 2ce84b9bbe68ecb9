using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace HyperRoute.Generators.Emitting;

/// <summary>
/// Writes JSON for documents the generator embeds, such as OpenAPI, laid out for reading: an object or array whose
/// contents fit on one line of <see cref="Width"/> columns stays on that line (<c>{ "type": "integer" }</c>,
/// <c>["Shop"]</c>); any other is broken one member per line, indented two spaces (LF). The caller writes keys in the
/// order it wants them; nothing is reordered, and equal calls give equal text.
/// </summary>
/// <remarks>
/// One pass, no lookahead: every container starts on one line, and the first time the line grows past the width the
/// outermost container still on it is broken (its members so far move to lines of their own), then the next, until
/// the line fits. Only what is on the current line is ever rewritten, so the cost stays linear in the text.
/// </remarks>
internal sealed class JsonTextWriter
{
    /// <summary>The longest line a container is kept on, indentation included.</summary>
    public const int Width = SourceWriter.MaxLineLength;

    // What a line may hold before the comma that can follow it, once the next member is written.
    private const int Room = Width - 1;

    private readonly StringBuilder _text;
    private readonly int _indent;
    private readonly List<Frame> _frames = new();
    private readonly List<Break> _breaks = new(); // where the containers still on one line would break, in text order
    private char[] _tail = new char[256]; // the text a break rewrites
    private int _broken; // frames [0, _broken) are broken one member per line; the rest are on the current line
    private int _lineStart;
    private int _shift; // how much breaks have lengthened the text: _text.Length - _shift only grows as members are written
    private int _memberStart; // where the member being written starts (its key, or its value), in those terms
    private bool _afterKey;

    /// <param name="text">Where the JSON is appended; the current line of it already holds <paramref name="indent"/> spaces.</param>
    /// <param name="indent">Spaces before every line: where the caller embeds the document.</param>
    public JsonTextWriter(StringBuilder text, int indent = 0)
    {
        _text = text;
        _indent = indent;
        var lastLine = text.Length;
        while (lastLine > 0 && text[lastLine - 1] != '\n')
        {
            lastLine--;
        }

        _lineStart = lastLine;
    }

    public void StartObject() => Open('{', isObject: true);

    public void EndObject() => Close('}');

    public void StartArray() => Open('[', isObject: false);

    public void EndArray() => Close(']');

    public void Key(string name)
    {
        Separate();
        AppendQuoted(_text, name).Append(": ");
        _afterKey = true;
        Fit();
    }

    public void String(string value)
    {
        Separate();
        AppendQuoted(_text, value);
        Fit();
    }

    public void Boolean(bool value) => Value(value ? "true" : "false");

    public void Number(long value) => Value(value.ToString(CultureInfo.InvariantCulture));

    public void Null() => Value("null");

    /// <summary>A value already written as JSON (a number as the user wrote it).</summary>
    public void Raw(string json) => Value(json);

    public void Property(string name, string value)
    {
        Key(name);
        String(value);
    }

    private void Value(string json)
    {
        Separate();
        _text.Append(json);
        Fit();
    }

    private void Open(char bracket, bool isObject)
    {
        Separate();
        _text.Append(bracket);
        _frames.Add(new Frame(isObject, _memberStart));
        Fit();
    }

    private void Close(char bracket)
    {
        var index = _frames.Count - 1;
        var frame = _frames[index];
        var closing = frame.IsObject ? 2 : 1; // " }" or "]"
        while (!frame.Empty && index >= _broken && System.Math.Max(_text.Length - _lineStart, OwnLine(frame, index)) + closing > Room)
        {
            // The closing bracket does not fit on the line, or would not on a line of the container's own, where it
            // goes if a container around it breaks later (an array's first member moves right when its array breaks).
            BreakOutermost();
        }

        _frames.RemoveAt(index);
        if (frame.Empty)
        {
            _text.Append(bracket);
        }
        else if (index < _broken)
        {
            NewLine(index);
            _text.Append(bracket);
        }
        else
        {
            _text.Append(frame.IsObject ? " " : "").Append(bracket);

            // Kept on one line for good, however its parent is laid out: its breaks are no longer candidates (they
            // are the last ones written).
            var keep = _breaks.Count;
            while (keep > 0 && _breaks[keep - 1].Frame >= index)
            {
                keep--;
            }

            _breaks.RemoveRange(keep, _breaks.Count - keep);
        }

        _broken = System.Math.Min(_broken, _frames.Count);
    }

    // Before a member: the comma after the one before it, then a new line (broken container) or a space (one line).
    private void Separate()
    {
        if (_afterKey)
        {
            _afterKey = false;
            return; // the value of a member whose key is written
        }

        var index = _frames.Count - 1;
        if (index < 0)
        {
            _memberStart = _text.Length - _shift;
            return;
        }

        var frame = _frames[index];
        if (!frame.Empty)
        {
            _text.Append(',');
        }

        _frames[index] = frame with { Empty = false };
        if (index < _broken)
        {
            NewLine(index + 1);
        }
        else
        {
            var spaced = frame.IsObject || !frame.Empty; // "{ a", "a, b"; an array's first member follows "[" directly
            _breaks.Add(new Break(_text.Length, index, index + 1, spaced));
            if (spaced)
            {
                _text.Append(' ');
            }
        }

        _memberStart = _text.Length - _shift;
    }

    // The length of the line a one-line container would have on a line of its own: indented for its depth, then the
    // member it is (its key and itself).
    private int OwnLine(Frame frame, int index) => _indent + (index * 2) + (_text.Length - _shift - frame.Start);

    // While the current line is too long and a container on it is not broken yet, breaks the outermost such one.
    private void Fit()
    {
        while (_text.Length - _lineStart > Room && _broken < _frames.Count)
        {
            BreakOutermost();
        }
    }

    private void BreakOutermost()
    {
        var frame = _broken++;
        var first = 0;
        while (first < _breaks.Count && _breaks[first].Frame != frame)
        {
            first++;
        }

        if (first == _breaks.Count)
        {
            return; // nothing written in it yet: its members will go on lines of their own as they come
        }

        // Rewrites the text from the container's first break (all of it on the current line): each of its breaks
        // becomes a new line; the breaks of the containers inside it move with the text.
        var from = _breaks[first].Position;
        var length = _text.Length - from;
        if (_tail.Length < length)
        {
            _tail = new char[System.Math.Max(length, _tail.Length * 2)];
        }

        _text.CopyTo(from, _tail, 0, length);
        _text.Length = from;
        var before = _text.Length + length;
        var copied = 0;
        var kept = first;
        for (var i = first; i < _breaks.Count; i++)
        {
            var b = _breaks[i];
            var offset = b.Position - from;
            _text.Append(_tail, copied, offset - copied);
            copied = offset;
            if (b.Frame == frame)
            {
                NewLine(b.Depth);
                copied += b.Spaced ? 1 : 0; // the space it replaces
            }
            else
            {
                _breaks[kept++] = b with { Position = _text.Length };
            }
        }

        _text.Append(_tail, copied, length - copied);
        _breaks.RemoveRange(kept, _breaks.Count - kept);
        _shift += _text.Length - before;
    }

    private void NewLine(int depth)
    {
        _text.Append('\n');
        _lineStart = _text.Length;
        _text.Append(' ', _indent + depth * 2);
    }

    /// <summary><paramref name="value"/> as a JSON string, non-ASCII kept as is (the document is UTF-8).</summary>
    public static string Quote(string value) => AppendQuoted(new StringBuilder(value.Length + 2), value).ToString();

    // Appends value as a JSON string: most keys and values need no escape and are appended whole.
    private static StringBuilder AppendQuoted(StringBuilder text, string value)
    {
        text.Append('"');
        var plain = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= 0x20 && c != '"' && c != '\\')
            {
                continue;
            }

            text.Append(value, plain, i - plain);
            plain = i + 1;
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default: text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
            }
        }

        return text.Append(value, plain, value.Length - plain).Append('"');
    }

    /// <summary>
    /// An open object or array: which, where the member it is starts (in the terms of <c>_memberStart</c>), and whether a
    /// member was written in it yet.
    /// </summary>
    private readonly record struct Frame(bool IsObject, int Start, bool Empty = true);

    /// <summary>
    /// Where a container on one line would break before a member: at <see cref="Position"/> a new line indented for
    /// <see cref="Depth"/>, replacing the space there when <see cref="Spaced"/>.
    /// </summary>
    private readonly record struct Break(int Position, int Frame, int Depth, bool Spaced);
}
