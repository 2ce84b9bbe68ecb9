using Microsoft.CodeAnalysis;

namespace HyperRoute.Common.Messages;

/// <summary>The rule a message declaration breaks; each but <see cref="NestedInvalid"/> is one HR3xxx diagnostic.</summary>
internal enum MessageRule
{
    /// <summary>HR3001: a member whose type or kind the layout cannot support.</summary>
    UnsupportedField,

    /// <summary>HR3002: two fields with the same order.</summary>
    DuplicateOrder,

    /// <summary>HR3003: a byte string with neither or both of Length and Prefix, or either on another type.</summary>
    ByteStringShape,

    /// <summary>HR3004: <c>[Message]</c> on something the generator cannot add to.</summary>
    NotPartialStruct,

    /// <summary>HR3005: a message that contains itself.</summary>
    NestsItself,

    /// <summary>A nested message that has problems of its own (reported there): no diagnostic here.</summary>
    NestedInvalid,
}

/// <summary>Why a message cannot be generated, and where (the analyzer reports it; the generator only skips the message).</summary>
internal sealed record MessageProblem(MessageRule Rule, string Message, Location? Location);
