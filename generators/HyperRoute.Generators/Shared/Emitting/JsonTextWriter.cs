using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace HyperRoute.Generators.Emitting;

/// <summary>
/// Writes indented JSON (two spaces, LF, <c>"key": value</c>) for documents the generator embeds, such as OpenAPI. The
/// caller writes keys in the order it wants them; nothing is reordered.
/// </summary>
internal sealed class JsonTextWriter
{
    private readonly StringBuilder _text = new();
    private readonly Stack<bool> _first = new();
    private readonly int _indent;
    private bool _afterKey;

    /// <param name="indent">Spaces before every line but the first: where the caller embeds the document.</param>
    public JsonTextWriter(int indent = 0) => _indent = indent;

    public void StartObject() => Open('{');

    public void EndObject() => Close('}');

    public void StartArray() => Open('[');

    public void EndArray() => Close(']');

    public void Key(string name)
    {
        Separate();
        AppendQuoted(_text, name).Append(": ");
        _afterKey = true;
    }

    public void String(string value)
    {
        Separate();
        AppendQuoted(_text, value);
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

    public override string ToString() => _text.ToString();

    private void Value(string json)
    {
        Separate();
        _text.Append(json);
    }

    private void Open(char bracket)
    {
        Separate();
        _text.Append(bracket);
        _first.Push(true);
    }

    private void Close(char bracket)
    {
        var empty = _first.Pop();
        if (!empty)
        {
            _text.Append('\n').Append(' ', _indent + _first.Count * 2);
        }

        _text.Append(bracket);
    }

    private void Separate()
    {
        if (_afterKey)
        {
            _afterKey = false;
            return;
        }

        if (_first.Count == 0)
        {
            return;
        }

        if (!_first.Pop())
        {
            _text.Append(',');
        }

        _first.Push(false);
        _text.Append('\n').Append(' ', _indent + _first.Count * 2);
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
}
