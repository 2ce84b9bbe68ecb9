
using HyperRoute.Generators.Routing;

namespace HyperRoute.Generators.Messages;

/// <summary>Everything the generator needs to know about one <c>[MessageRouter]</c> class. Value-equatable, no symbols.</summary>
internal sealed record MessageRouterSpec
{
    /// <summary>The class: namespace, name, keywords, the types it is nested in, the generated file's name.</summary>
    public required TypeDeclaration Declaration { get; init; }

    /// <summary>The routed message, its key and the handlers.</summary>
    public required MessageRouterLayout Layout { get; init; }
}
