using System;

namespace HyperRoute.Generators;

/// <summary>C# identifiers as the models keep them (escaped: <c>@class</c>) and as users and comments read them.</summary>
internal static class Identifiers
{
    /// <summary>The name without its verbatim <c>@</c>: what <c>nameof</c> gives and what a comment shows.</summary>
    public static string Unescape(string name) => name.StartsWith("@", StringComparison.Ordinal) ? name.Substring(1) : name;
}
