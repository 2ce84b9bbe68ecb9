using HyperRoute.Generators.Emitting;
using System.Globalization;
using System.Linq;

namespace HyperRoute.Generators.Messages;

/// <summary>
/// Writes the code that reads or writes one message field with <c>BinaryPrimitives</c> at a running
/// <c>offset</c>, each under a comment with its order, name, type and bytes.
/// </summary>
internal sealed class MessageFieldWriter
{
    private const string Primitives = "Binary::BinaryPrimitives";
    private readonly SourceWriter _writer;
    private readonly string _span;
    private readonly string _endian;

    // Whether the reader has assigned a field yet: from then on, a failure resets the message before it returns.
    private bool _assigned;

    /// <param name="writer">Where the code goes.</param>
    /// <param name="span">The span read from or written to (<c>source</c>, <c>span</c>, <c>destination</c>).</param>
    /// <param name="littleEndian">The message's byte order.</param>
    public MessageFieldWriter(SourceWriter writer, string span, bool littleEndian)
    {
        _writer = writer;
        _span = span;
        _endian = littleEndian ? "LittleEndian" : "BigEndian";
    }

    /// <summary>One length check for the segment, then its fields.</summary>
    public void ReadSegment(ReadSegment segment)
    {
        if (segment.CheckedBytes > 0)
        {
            _writer.Line();
            var names = string.Join(", ", segment.Steps.Select(s => s.Field.Name));
            _writer.Line("if (" + _span + ".Length - offset < " + Int(segment.CheckedBytes) + ")");
            Fail("truncated: " + names + (segment.Steps.Count == 1 ? " needs " : " need ") + Int(segment.CheckedBytes) + (segment.CheckedBytes == 1 ? " byte" : " bytes"));
        }

        foreach (var step in segment.Steps)
        {
            _writer.Line();
            Comment(step);
            Read(step.Field);
            _assigned = true;
        }
    }

    private void Read(MessageField field)
    {
        var local = field.LocalName;
        switch (field.Kind)
        {
            case MessageFieldKind.Integer:
            case MessageFieldKind.Float:
                _writer.Line("message." + field.Name + " = " + ReadValue(field) + ";");
                Advance(field.Size);
                break;
            case MessageFieldKind.Bool:
                _writer.Line("var " + local + " = " + _span + "[offset];");
                _writer.Line("if (" + local + " > 1)");
                Fail("not a bool: only 0 and 1 are");
                _writer.Line("message." + field.Name + " = " + local + " == 1;");
                Advance(1);
                break;
            case MessageFieldKind.Enum:
                _writer.Line("var " + local + " = " + ReadValue(field) + ";");
                if (field.EnumValues.Count > 0)
                {
                    _writer.Line("if (" + local + " is not (" + string.Join(" or ", field.EnumValues.Select(Pattern)) + "))");
                    Fail("not a defined " + field.TypeDisplay);
                }

                _writer.Line("message." + field.Name + " = (" + field.TypeName + ")" + local + ";");
                Advance(field.Size);
                break;
            case MessageFieldKind.FixedBytes:
                _writer.Line("message." + field.Name + " = source.Slice(offset, " + Int(field.Size) + ");");
                Advance(field.Size);
                break;
            case MessageFieldKind.PrefixedBytes:
                _writer.Line("uint " + local + " = " + ReadValue(field) + ";");
                Advance(field.Size);
                _writer.Line("if ((uint)(" + _span + ".Length - offset) < " + local + ")");
                Fail("truncated: the length of " + field.Name + " is more than the bytes that remain");
                _writer.Line("message." + field.Name + " = source.Slice(offset, (int)" + local + ");");
                _writer.Line("offset += (int)" + local + ";");
                break;
            case MessageFieldKind.Message:
                _writer.Line("if (!" + field.TypeName + ".TryReadAt(" + (field.HasByteStrings ? "source" : _span) + ", ref offset, out var " + local + "))");
                Fail("the nested " + field.TypeDisplay + " does not read");
                _writer.Line("message." + field.Name + " = " + local + ";");
                break;
        }
    }

    /// <summary>The field's write, under its comment.</summary>
    public void Write(FieldStep step)
    {
        var field = step.Field with { Name = Member(step.Field.Name) };
        Comment(step);
        switch (field.Kind)
        {
            case MessageFieldKind.Integer:
            case MessageFieldKind.Float:
            case MessageFieldKind.Enum:
                WriteValue(field, field.Kind == MessageFieldKind.Enum ? "(" + field.PrimitiveKeyword + ")" + field.Name : field.Name);
                Advance(field.Size);
                break;
            case MessageFieldKind.Bool:
                _writer.Line(_span + "[offset] = " + field.Name + " ? (byte)1 : (byte)0;");
                Advance(1);
                break;
            case MessageFieldKind.FixedBytes:
                _writer.Line(field.Name + ".Span.CopyTo(" + _span + ".Slice(offset));");
                Advance(field.Size);
                break;
            case MessageFieldKind.PrefixedBytes:
                WriteValue(field, "(" + field.PrimitiveKeyword + ")" + field.Name + ".Length");
                Advance(field.Size);
                _writer.Line(field.Name + ".Span.CopyTo(" + _span + ".Slice(offset));");
                _writer.Line("offset += " + field.Name + ".Length;");
                break;
            case MessageFieldKind.Message:
                _writer.Line(field.Name + ".WriteAt(" + _span + ", ref offset);");
                break;
        }
    }

    /// <summary>
    /// The member as instance code refers to it: with <c>this.</c> when a parameter of the generated methods
    /// (<c>destination</c>, <c>offset</c>, <c>written</c>) would hide it.
    /// </summary>
    public static string Member(string name) => name is "destination" or "offset" or "written" ? "this." + name : name;

    private string ReadValue(MessageField field) => field.Primitive switch
    {
        "Byte" => _span + "[offset]",
        "SByte" => "(sbyte)" + _span + "[offset]",
        _ => Primitives + ".Read" + field.Primitive + _endian + "(" + _span + ".Slice(offset))",
    };

    private void WriteValue(MessageField field, string value)
    {
        switch (field.Primitive)
        {
            case "Byte":
                _writer.Line(_span + "[offset] = " + (value.StartsWith("(byte)", System.StringComparison.Ordinal) || field.Kind == MessageFieldKind.Integer ? value : "(byte)" + value) + ";");
                break;
            case "SByte":
                _writer.Line(_span + "[offset] = (byte)" + value + ";");
                break;
            default:
                _writer.Line(Primitives + ".Write" + field.Primitive + _endian + "(" + _span + ".Slice(offset), " + value + ");");
                break;
        }
    }

    private void Comment(FieldStep step)
        => _writer.Line("// [" + Int(step.Field.Order) + "] " + step.Field.TypeDisplay + " " + step.Field.Name + ": " + step.Position);

    private void Advance(int bytes) => _writer.Line("offset += " + Int(bytes) + ";");

    private void Fail(string reason)
    {
        using (_writer.Braces())
        {
            if (_assigned)
            {
                _writer.Line("message = default;");
            }

            _writer.Line("return false; // " + reason);
        }
    }

    private static string Pattern(EnumRange range)
        => range.Low == range.High ? range.Low : "(>= " + range.Low + " and <= " + range.High + ")";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
