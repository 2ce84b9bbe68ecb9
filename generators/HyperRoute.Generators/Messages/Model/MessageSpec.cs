
using HyperRoute.Generators.Routing;

namespace HyperRoute.Generators.Messages;

/// <summary>Everything the generator needs to know about one <c>[Message]</c> struct. Value-equatable, no symbols.</summary>
internal sealed record MessageSpec
{
    /// <summary>The namespace, empty for the global namespace.</summary>
    public required string Namespace { get; init; }

    /// <summary>The struct's name.</summary>
    public required string TypeName { get; init; }

    /// <summary>The struct's name as generated code refers to it (<c>global::Ns.Outer.Telemetry</c>).</summary>
    public required string FullName { get; init; }

    /// <summary>The declaration keywords: <c>struct</c> or <c>record struct</c>.</summary>
    public required string TypeKeyword { get; init; }

    /// <summary>The partial types the struct is nested in, outermost first, as declaration headers (<c>partial class Outer</c>).</summary>
    public required EquatableArray<string> ContainingTypes { get; init; }

    /// <summary>The fields in wire order, the byte order, and what follows from them.</summary>
    public required MessageLayout Layout { get; init; }

    /// <summary>The name of the generated file: <c>{Namespace}.{Outer}.{Type}.Message.g.cs</c>.</summary>
    public string HintName
        => (Namespace.Length == 0 ? "" : Namespace + ".")
            + string.Concat(System.Linq.Enumerable.Select(ContainingTypes, header => header.Substring(header.LastIndexOf(' ') + 1) + "."))
            + TypeName + ".Message.g.cs";
}
