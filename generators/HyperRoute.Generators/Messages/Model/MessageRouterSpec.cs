
using HyperRoute.Generators.Routing;

namespace HyperRoute.Generators.Messages;

/// <summary>Everything the generator needs to know about one <c>[MessageRouter]</c> class. Value-equatable, no symbols.</summary>
internal sealed record MessageRouterSpec
{
    /// <summary>The namespace, empty for the global namespace.</summary>
    public required string Namespace { get; init; }

    /// <summary>The class's name.</summary>
    public required string TypeName { get; init; }

    /// <summary>The class's name as generated code refers to it (<c>global::Ns.TelemetryRouter</c>).</summary>
    public required string FullName { get; init; }

    /// <summary>The declaration keyword: <c>class</c> or <c>record</c>.</summary>
    public required string TypeKeyword { get; init; }

    /// <summary>The partial types the class is nested in, outermost first, as declaration headers (<c>partial class Outer</c>).</summary>
    public required EquatableArray<string> ContainingTypes { get; init; }

    /// <summary>The routed message, its key and the handlers.</summary>
    public required MessageRouterLayout Layout { get; init; }

    /// <summary>The name of the generated file: <c>{Namespace}.{Outer}.{Type}.MessageRouter.g.cs</c>.</summary>
    public string HintName
        => (Namespace.Length == 0 ? "" : Namespace + ".")
            + string.Concat(System.Linq.Enumerable.Select(ContainingTypes, header => header.Substring(header.LastIndexOf(' ') + 1) + "."))
            + TypeName + ".MessageRouter.g.cs";
}
