using HyperRoute.Generators.Routing;

namespace HyperRoute.Generators.Messages;

/// <summary>
/// The routing key of a <c>[To]</c> handler: an integer or enum <c>[Field]</c> of the message, written in the message's
/// byte order at its wire size. Value-equatable, no symbols.
/// </summary>
/// <param name="FieldName">The field as generated code names it (escaped with <c>@</c> when it is a keyword).</param>
/// <param name="Display">The field as comments show it (<c>Telemetry.DeviceId</c>).</param>
/// <param name="TypeDisplay">The field's type as comments show it (<c>uint</c>, <c>Region</c>).</param>
/// <param name="Primitive">The <c>BinaryPrimitives</c> name of its wire type (<c>UInt32</c>, <c>Byte</c>).</param>
/// <param name="PrimitiveKeyword">The C# keyword of <paramref name="Primitive"/> (<c>uint</c>).</param>
/// <param name="Size">Its wire size in bytes.</param>
/// <param name="IsEnum">The field is an enum (cast to <paramref name="PrimitiveKeyword"/> before it is written).</param>
/// <param name="LittleEndian">The message is <c>[Message(Endian.Little)]</c>.</param>
internal sealed record ForwardKey(string FieldName, string Display, string TypeDisplay, string Primitive, string PrimitiveKeyword, int Size, bool IsEnum, bool LittleEndian);

/// <summary>
/// What a <c>[To]</c> handler forwards to: the destination group member, how the key is made, and the partial
/// method's declaration as written (so that the generated implementation matches it). Value-equatable, no symbols.
/// </summary>
/// <param name="Attribute">The attribute as written, whitespace collapsed (<c>[To(nameof(Power), Key = nameof(Telemetry.DeviceId))]</c>).</param>
/// <param name="Group">The group member as generated code names it (escaped with <c>@</c> when it is a keyword).</param>
/// <param name="GroupIsStatic">The group member is static (read through the router type) rather than instance (through <c>this</c>).</param>
/// <param name="GroupTypeDisplay">The group's type as the route table shows it (<c>ConsistentHashGroup&lt;TcpPeer&gt;</c>).</param>
/// <param name="Key">The routing key, or <see langword="null"/> without <c>Key</c>.</param>
/// <param name="Modifiers">The partial method's modifiers as written (<c>private static partial</c>).</param>
/// <param name="Parameter">The partial method's parameter name as generated code names it.</param>
internal sealed record MessageForward(string Attribute, string Group, bool GroupIsStatic, string GroupTypeDisplay, ForwardKey? Key, string Modifiers, string Parameter);
