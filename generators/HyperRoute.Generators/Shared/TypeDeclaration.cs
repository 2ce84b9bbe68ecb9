namespace HyperRoute.Generators;

/// <summary>
/// The partial type a generated file extends: where it is declared and how to open a second declaration of it.
/// Value-equatable, no symbols; the router, message and message router specs each carry one.
/// </summary>
internal sealed record TypeDeclaration
{
    /// <summary>The namespace, empty for the global namespace.</summary>
    public required string Namespace { get; init; }

    /// <summary>The type's name (the types read are not generic).</summary>
    public required string Name { get; init; }

    /// <summary>The type as generated code refers to it: <c>global::Shop.Outer.Api</c>.</summary>
    public required string FullName { get; init; }

    /// <summary>The declaration keywords: <c>class</c>, <c>static class</c>, <c>struct</c>, <c>record</c>, <c>record struct</c>.</summary>
    public required string Keyword { get; init; }

    /// <summary>A <c>readonly</c> struct: its instance members cannot pass <c>this</c> by reference.</summary>
    public bool IsReadOnly { get; init; }

    /// <summary>The partial types it is nested in, outermost first, as declaration headers (<c>partial class Outer</c>).</summary>
    public required EquatableArray<string> ContainingTypes { get; init; }

    /// <summary>The name of the generated file: <c>{Namespace}.{Outer}.{Type}.{Feature}.g.cs</c>.</summary>
    public required string HintName { get; init; }

    /// <summary>The header of the generated partial declaration: <c>partial class Api</c>, <c>static partial class Api</c>.</summary>
    public string Header => PartialHeader(Keyword) + " " + Name;

    /// <summary><c>partial</c> with the keywords, modifiers first: <c>static class</c> becomes <c>static partial class</c>.</summary>
    public static string PartialHeader(string keyword)
        => keyword.StartsWith("static ", System.StringComparison.Ordinal) ? "static partial " + keyword.Substring("static ".Length) : "partial " + keyword;
}
