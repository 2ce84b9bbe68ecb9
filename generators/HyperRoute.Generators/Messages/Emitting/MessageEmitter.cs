using HyperRoute.Generators.Emitting;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace HyperRoute.Generators.Messages;

/// <summary>
/// Stage 3 for messages: writes a <see cref="MessagePlan"/> into the struct as <c>TryRead</c>, <c>TryWrite</c>,
/// <c>GetSize</c> (and <c>FixedSize</c>), plus the <c>TryReadAt</c>/<c>WriteAt</c> helpers a message that nests this
/// one calls. The per-field code comes from <see cref="MessageFieldWriter"/>.
/// </summary>
internal static class MessageEmitter
{
    private const string GeneratedCode = GeneratedMethods.GeneratedCode;

    public static string Emit(MessagePlan plan)
    {
        var type = plan.Spec.Declaration;
        return GeneratedFileWriter.Write(
            type,
            "the [Field] members of " + type.Name,
            type.Header + " : Messaging::IMessage<" + type.FullName + ">",
            writer => WriteMembers(writer, plan),
            writer => WriteRemarks(writer, plan));
    }

    private static void WriteMembers(SourceWriter writer, MessagePlan plan)
    {
        var type = plan.Spec.Declaration;
        var layout = plan.Spec.Layout;
        var fixedSize = layout.FixedSize;
        if (fixedSize is { } size)
        {
            writer.Doc("The number of bytes every " + type.Name + " takes on the wire.");
            writer.Line(GeneratedCode);
            writer.Line("public const int FixedSize = " + size.ToString(CultureInfo.InvariantCulture) + ";");
            writer.Line();
        }

        WriteTryRead(writer, plan);
        WriteTryWrite(writer, plan);
        WriteGetSize(writer, plan);
        WriteReadAt(writer, plan);
        writer.Line();
        WriteWriteAt(writer, plan);
        if (layout.HasByteStrings)
        {
            writer.Line();
            WriteHasWritableLengths(writer, plan);
        }
    }

    private static void WriteRemarks(SourceWriter writer, MessagePlan plan)
    {
        var layout = plan.Spec.Layout;
        var size = layout.FixedSize is { } fixedSize ? fixedSize.ToString(CultureInfo.InvariantCulture) + " bytes" : "variable size";
        writer.Line("/// <remarks>");
        writer.Line("/// <para>A " + (layout.LittleEndian ? "little" : "big") + "-endian message of " + size + ":</para>");
        writer.Line("/// <code>");
        var rows = new List<string[]> { new[] { "order", "field", "type", "wire" } };
        rows.AddRange(plan.Fields.Select(f => new[] { "[" + f.Field.Order.ToString(CultureInfo.InvariantCulture) + "]", f.Field.Name, f.Field.TypeDisplay, f.Position }));
        var widths = Enumerable.Range(0, 3).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            var line = string.Join("  ", row.Take(3).Select((cell, c) => cell.PadRight(widths[c]))) + "  " + row[3];
            writer.Line("/// " + System.Security.SecurityElement.Escape(line));
        }

        writer.Line("/// </code>");
        writer.Line("/// </remarks>");
    }

    private static void WriteTryRead(SourceWriter writer, MessagePlan plan)
    {
        var spec = plan.Spec.Declaration;
        var spanReader = !plan.Spec.Layout.HasByteStrings;
        writer.Doc(
            "Reads a " + spec.Name + " from the start of <paramref name=\"source\"/>"
            + (spanReader ? "." : "; its byte strings are slices of <paramref name=\"source\"/>, not copies.")
            + " Returns <see langword=\"false\"/> (with <paramref name=\"consumed\"/> 0) when the input is too short or holds a value the field cannot take.");
        writer.Line(GeneratedCode);
        if (spanReader)
        {
            writer.Declaration("public static bool TryRead(System::ReadOnlyMemory<byte> source, out " + spec.FullName + " message, out int consumed)");
            using (writer.Indent())
            {
                writer.Line("=> TryRead(source.Span, out message, out consumed);");
            }

            writer.Line();
            writer.Line("/// <inheritdoc cref=\"TryRead(System::ReadOnlyMemory{byte}, out " + spec.FullName + ", out int)\"/>");
            writer.Line(GeneratedCode);
        }

        writer.Declaration("public static bool TryRead(System::ReadOnly" + (spanReader ? "Span" : "Memory") + "<byte> source, out " + spec.FullName + " message, out int consumed)");
        using (writer.Braces())
        {
            writer.Line("var offset = 0;");
            writer.Line("if (!TryReadAt(source, ref offset, out message))");
            using (writer.Braces())
            {
                writer.Line("consumed = 0;");
                writer.Line("return false;");
            }

            writer.Line();
            writer.Line("consumed = offset;");
            writer.Line("return true;");
        }

        writer.Line();
        if (!spanReader)
        {
            // IMessage<T> reads from a span; byte strings are slices of memory, so this one reads a copy.
            writer.Line("/// <summary>");
            writer.Line("/// Reads a " + spec.Name + " from a copy of <paramref name=\"source\"/> (its byte strings are slices of memory, so a span");
            writer.Line("/// cannot hold them): one allocation per call. Read from a <see cref=\"System::ReadOnlyMemory{T}\"/> to avoid it.");
            writer.Line("/// </summary>");
            writer.Line(GeneratedCode);
            writer.Declaration("static bool Messaging::IMessage<" + spec.FullName + ">.TryRead(System::ReadOnlySpan<byte> source, out " + spec.FullName + " message, out int consumed)");
            using (writer.Indent())
            {
                writer.Line("=> TryRead(new System::ReadOnlyMemory<byte>(source.ToArray()), out message, out consumed);");
            }

            writer.Line();
        }
    }

    private static void WriteTryWrite(SourceWriter writer, MessagePlan plan)
    {
        var layout = plan.Spec.Layout;
        writer.Line("/// <summary>");
        writer.Line("/// Writes this message to the start of <paramref name=\"destination\"/>. Returns <see langword=\"false\"/> (with");
        writer.Line("/// <paramref name=\"written\"/> 0) when it does not fit" + (layout.HasByteStrings ? ", or a byte string's length does not fit its field" : "") + ".");
        writer.Line("/// </summary>");
        writer.Line(GeneratedCode);
        writer.Line("public readonly bool TryWrite(System::Span<byte> destination, out int written)");
        using (writer.Braces())
        {
            var condition = layout.HasByteStrings ? "!HasWritableLengths() || destination.Length < GetSize()" : "destination.Length < " + (layout.FixedSize is null ? "GetSize()" : "FixedSize");
            writer.Line("if (" + condition + ")");
            using (writer.Braces())
            {
                writer.Line("written = 0;");
                writer.Line("return false;" + (layout.HasByteStrings ? " // a byte string has the wrong length, or the message does not fit" : " // the message does not fit"));
            }

            writer.Line();
            writer.Line("written = 0;");
            writer.Line("WriteAt(destination, ref written);");
            writer.Line("return true;");
        }

        writer.Line();
    }

    private static void WriteGetSize(SourceWriter writer, MessagePlan plan)
    {
        var layout = plan.Spec.Layout;
        writer.Doc("The number of bytes <see cref=\"TryWrite\"/> writes for this message.");
        writer.Line(GeneratedCode);
        if (layout.FixedSize is not null)
        {
            writer.Line("public readonly int GetSize() => FixedSize;");
        }
        else
        {
            var terms = new List<string> { layout.Fields.Sum(f => f.Kind == MessageFieldKind.Message && !f.IsFixed ? 0 : f.Size).ToString(CultureInfo.InvariantCulture) };
            terms.AddRange(layout.Fields.Where(f => !f.IsFixed).Select(f => MessageFieldWriter.Member(f.Name) + (f.Kind == MessageFieldKind.Message ? ".GetSize()" : ".Length")));
            writer.Line("public readonly int GetSize() => " + string.Join(" + ", terms) + ";");
        }

        writer.Line();
    }

    private static void WriteReadAt(SourceWriter writer, MessagePlan plan)
    {
        var spec = plan.Spec.Declaration;
        var memory = plan.Spec.Layout.HasByteStrings;
        writer.Doc("Reads the message at <paramref name=\"offset\"/> and moves it past the message; a message that nests this one calls it.");
        writer.Line(GeneratedCode);
        writer.Line("// Inlined into TryRead, where the offset starts as a constant the JIT folds into each access.");
        writer.Line(GeneratedMethods.AggressiveInlining);
        writer.Declaration("internal static bool TryReadAt(System::ReadOnly" + (memory ? "Memory" : "Span") + "<byte> source, ref int offset, out " + spec.FullName + " message)");
        using (writer.Braces())
        {
            writer.Line("message = default;");
            var span = "source";
            if (memory)
            {
                writer.Line("var span = source.Span;");
                span = "span";
            }

            var fields = new MessageFieldWriter(writer, span, plan.Spec.Layout.LittleEndian);
            foreach (var segment in plan.Segments)
            {
                fields.ReadSegment(segment);
            }

            writer.Line();
            writer.Line("return true;");
        }
    }

    private static void WriteWriteAt(SourceWriter writer, MessagePlan plan)
    {
        writer.Doc("Writes the message at <paramref name=\"offset\"/>, which has room for <see cref=\"GetSize\"/> bytes, and moves it past the message.");
        writer.Line(GeneratedCode);
        writer.Line("// Inlined into TryWrite, where the offset starts as a constant the JIT folds into each access.");
        writer.Line(GeneratedMethods.AggressiveInlining);
        writer.Line("internal readonly void WriteAt(System::Span<byte> destination, ref int offset)");
        using (writer.Braces())
        {
            var fields = new MessageFieldWriter(writer, "destination", plan.Spec.Layout.LittleEndian);
            var first = true;
            foreach (var step in plan.Fields)
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                fields.Write(step);
            }
        }
    }

    private static void WriteHasWritableLengths(SourceWriter writer, MessagePlan plan)
    {
        var conditions = new List<string>();
        foreach (var each in plan.Spec.Layout.Fields)
        {
            var field = each with { Name = MessageFieldWriter.Member(each.Name) };
            switch (field.Kind)
            {
                case MessageFieldKind.FixedBytes:
                    conditions.Add(field.Name + ".Length == " + field.Size.ToString(CultureInfo.InvariantCulture));
                    break;
                case MessageFieldKind.PrefixedBytes when field.Size < sizeof(int):
                    // a byte or ushort prefix cannot state every length (a uint one can: a span holds at most int.MaxValue)
                    conditions.Add(field.Name + ".Length <= " + field.PrimitiveKeyword + ".MaxValue");
                    break;
                case MessageFieldKind.Message when field.HasByteStrings:
                    conditions.Add(field.Name + ".HasWritableLengths()");
                    break;
            }
        }

        writer.Doc("Whether every fixed-length byte string has its length and every length-prefixed one fits its prefix.");
        writer.Line(GeneratedCode);
        writer.Line("internal readonly bool HasWritableLengths()");
        using (writer.Indent())
        {
            writer.Line("=> " + (conditions.Count == 0 ? "true" : string.Join(" && ", conditions)) + ";");
        }
    }
}
