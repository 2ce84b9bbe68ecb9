using System;
using System.IO;
using System.Text;

namespace HyperRoute.Generators.Emitting;

/// <summary>
/// Reads a <see cref="StringBuilder"/>'s text in pieces: a large generated file reaches the compiler (a
/// <c>SourceText</c> read from it keeps its own chunks) without a string of all of it on the large object heap.
/// </summary>
internal sealed class StringBuilderReader(StringBuilder text) : TextReader
{
    private int _position;

    public override int Peek() => _position < text.Length ? text[_position] : -1;

    public override int Read() => _position < text.Length ? text[_position++] : -1;

    public override int Read(char[] buffer, int index, int count)
    {
        var read = Math.Min(count, text.Length - _position);
        text.CopyTo(_position, buffer, index, read);
        _position += read;
        return read;
    }
}
