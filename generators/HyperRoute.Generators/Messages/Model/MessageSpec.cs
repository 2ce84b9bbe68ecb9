
using HyperRoute.Generators.Routing;

namespace HyperRoute.Generators.Messages;

/// <summary>Everything the generator needs to know about one <c>[Message]</c> struct. Value-equatable, no symbols.</summary>
internal sealed record MessageSpec
{
    /// <summary>The struct: namespace, name, keywords, the types it is nested in, the generated file's name.</summary>
    public required TypeDeclaration Declaration { get; init; }

    /// <summary>The fields in wire order, the byte order, and what follows from them.</summary>
    public required MessageLayout Layout { get; init; }
}
