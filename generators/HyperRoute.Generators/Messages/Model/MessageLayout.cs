using HyperRoute.Generators.Routing;

namespace HyperRoute.Generators.Messages;

/// <summary>A message's fields in wire order and what follows from them. Value-equatable, no symbols.</summary>
internal sealed record MessageLayout
{
    /// <summary><see langword="true"/> for <c>[Message(Endian.Little)]</c>.</summary>
    public required bool LittleEndian { get; init; }

    /// <summary>The <c>[Field]</c> members, by ascending order.</summary>
    public required EquatableArray<MessageField> Fields { get; init; }

    /// <summary>The message always takes this many bytes; <see langword="null"/> when a field's size varies.</summary>
    public int? FixedSize
    {
        get
        {
            var size = 0;
            foreach (var each in Fields)
            {
                if (!each.IsFixed)
                {
                    return null;
                }

                size += each.Size;
            }

            return size;
        }
    }

    /// <summary>A field is, or holds, a byte string: reads slice a <c>ReadOnlyMemory&lt;byte&gt;</c>, so there is no span reader.</summary>
    public bool HasByteStrings => System.Linq.Enumerable.Any(Fields, f => f.HasByteStrings);
}
