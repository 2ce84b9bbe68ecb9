using System.Collections.Generic;
using System.Globalization;

namespace HyperRoute.Generators.Messages;

/// <summary>One field in the reader, with where it sits for comments (<c>bytes 6..13</c>, <c>bytes 0..1 after Name</c>).</summary>
internal sealed record FieldStep(MessageField Field, string Position);

/// <summary>
/// Fields read after one bounds check: <see cref="CheckedBytes"/> covers every fixed field of the segment and the
/// length prefix that may end it, so the reads inside it need no check of their own.
/// </summary>
internal sealed record ReadSegment(int CheckedBytes, IReadOnlyList<FieldStep> Steps);

/// <summary>Stage 2's result for a message: the spec and its reader as bounds-checked segments.</summary>
internal sealed record MessagePlan(MessageSpec Spec, IReadOnlyList<ReadSegment> Segments, IReadOnlyList<FieldStep> Fields);

/// <summary>
/// Stage 2 for messages: groups the fields into segments, each read after one length check. A segment ends after a
/// length prefix (the bytes it announces are checked against the prefix) and before a message of variable size
/// (which checks its own input).
/// </summary>
internal static class MessagePlanner
{
    public static MessagePlan Plan(MessageSpec spec)
    {
        var segments = new List<ReadSegment>();
        var fields = new List<FieldStep>();
        var current = new List<FieldStep>();
        var checkedBytes = 0;
        var offset = 0;           // bytes since the start, or since the end of the last variable field
        string? anchor = null;    // that variable field, or null from the start

        void Close()
        {
            if (current.Count > 0)
            {
                segments.Add(new ReadSegment(checkedBytes, current));
                current = new List<FieldStep>();
                checkedBytes = 0;
            }
        }

        foreach (var field in spec.Layout.Fields)
        {
            if (field.Kind == MessageFieldKind.Message && !field.IsFixed)
            {
                Close();
            }

            var step = new FieldStep(field, Position(field, offset, anchor));
            fields.Add(step);
            current.Add(step);
            checkedBytes += field.Size;
            if (field.IsFixed)
            {
                offset += field.Size;
                continue;
            }

            // A variable field: what follows is placed relative to its end.
            anchor = Identifiers.Unescape(field.Name);
            offset = 0;
            Close();
        }

        Close();
        return new MessagePlan(spec, segments, fields);
    }

    private static string Position(MessageField field, int offset, string? anchor)
    {
        var after = anchor is null ? "" : " after " + anchor;
        if (field.Kind == MessageFieldKind.PrefixedBytes)
        {
            return $"{Range(offset, field.Size)}{after} (a {field.PrimitiveKeyword} length), then that many bytes";
        }

        if (!field.IsFixed)
        {
            return $"from byte {offset.ToString(CultureInfo.InvariantCulture)}{after}, {field.TypeDisplay}.GetSize() bytes";
        }

        return field.Size == 0 ? "no bytes" : Range(offset, field.Size) + after;
    }

    private static string Range(int start, int size)
        => size == 1
            ? "byte " + start.ToString(CultureInfo.InvariantCulture)
            : "bytes " + start.ToString(CultureInfo.InvariantCulture) + ".." + (start + size - 1).ToString(CultureInfo.InvariantCulture);
}
