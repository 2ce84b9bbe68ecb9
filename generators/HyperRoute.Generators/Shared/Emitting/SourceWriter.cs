using System;
using System.Text;

namespace HyperRoute.Generators.Emitting;

/// <summary>Writes C# with consistent four-space indentation and LF line endings.</summary>
internal sealed class SourceWriter
{
    private const int IndentSize = 4;
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
