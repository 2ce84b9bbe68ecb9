using Microsoft.CodeAnalysis;

namespace HyperRoute.Generators.Messages;

/// <summary>The rule a message or message router declaration breaks; each but <see cref="NestedInvalid"/> is one HR3xxx diagnostic.</summary>
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

    /// <summary>HR3006: a message router whose type is not a <c>[Message]</c> struct.</summary>
    RouterNotMessage,

    /// <summary>HR3007: a message router whose key is not an integer or enum field of its message.</summary>
    RouterKeyInvalid,

    /// <summary>HR3008: two handlers for the same key value.</summary>
    RouterDuplicateValue,

    /// <summary>HR3009: an <c>[On]</c> value the key field cannot hold.</summary>
    RouterValueOutOfRange,

    /// <summary>HR3010: a handler that is not <c>void X(in TMessage)</c>, <c>void X(TMessage)</c> or <c>ValueTask X(TMessage[, CancellationToken])</c>.</summary>
    RouterHandlerSignature,

    /// <summary>HR3011: more than one <c>[Otherwise]</c>.</summary>
    RouterOtherwiseDuplicate,

    /// <summary>HR3012: <c>[MessageRouter]</c> on a class the generator cannot add to.</summary>
    RouterNotPartialClass,

    /// <summary>HR3013: a <c>When</c> that names no method of the router.</summary>
    RouterPredicateMissing,

    /// <summary>HR3014: a <c>When</c> that names several overloads.</summary>
    RouterPredicateAmbiguous,

    /// <summary>HR3015: a <c>When</c> method that is not <c>bool P(in TMessage)</c> or <c>bool P(TMessage)</c>.</summary>
    RouterPredicateSignature,

    /// <summary>HR3016: an instance <c>When</c> method on a router whose handlers are all static.</summary>
    RouterPredicateInstance,

    /// <summary>HR3017: an <c>[On]</c> with neither a value nor <c>When</c>.</summary>
    RouterOnWithoutKey,

    /// <summary>HR3018: an <c>[On]</c> no message can reach: an earlier test on its path is the same predicate.</summary>
    RouterUnreachable,

    /// <summary>HR3019: a <c>[To]</c> group that names no field or property of the router.</summary>
    RouterToGroupMissing,

    /// <summary>HR3020: a <c>[To]</c> group whose type is not a <c>DestinationGroup&lt;T&gt;</c> of an <c>IFrameDestination</c>.</summary>
    RouterToGroupType,

    /// <summary>HR3021: a <c>[To]</c> group that is an instance member, on a static handler.</summary>
    RouterToGroupInstance,

    /// <summary>HR3022: a <c>[To]</c> handler that is not a partial <c>MessageOutcome X(in TMessage)</c> without a body.</summary>
    RouterToHandlerShape,

    /// <summary>HR3023: a <c>[To]</c> key that is not an integer or enum <c>[Field]</c> of the message.</summary>
    RouterToKeyInvalid,

    /// <summary>HR3024: <c>[To]</c> on a method that is not an <c>[On]</c>/<c>[Otherwise]</c> handler.</summary>
    RouterToNotHandler,

    /// <summary>HR3025: an async handler with a span (any <c>ref struct</c>) parameter, which cannot outlive an <c>await</c>.</summary>
    RouterAsyncHandlerSpan,

    /// <summary>HR2001 on a message router: a step whose type is not a partial <c>[Validator]</c>/<c>[Transform]</c>.</summary>
    RouterStepNotMarked,

    /// <summary>HR2002 on a message router: a validator that is not an <c>IValidator&lt;TMessage&gt;</c>.</summary>
    RouterValidatorDoesNotFit,

    /// <summary>HR2003 on a message router: a transform that is not an <c>ITransform&lt;TMessage&gt;</c>.</summary>
    RouterTransformDoesNotFit,
}

/// <summary>Why a message or message router cannot be generated, and where (the analyzer reports it; the generator only skips the message).</summary>
internal sealed record MessageProblem(MessageRule Rule, string Message, Location? Location);
