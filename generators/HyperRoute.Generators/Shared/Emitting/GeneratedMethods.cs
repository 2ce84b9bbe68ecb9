using System.Collections.Generic;

namespace HyperRoute.Generators.Emitting;

/// <summary>
/// The generated methods of one entry in the dispatcher (a <c>Match{Method}</c> or <c>AllowedMethods</c>)
/// and the parts split out of it. A switch over many literals would make one method so large that the JIT
/// gives up optimizing it (it compiles methods past a few thousand blocks with MinOpts), so each branch of
/// a large switch becomes a small method of its own, written after its parent.
/// </summary>
internal sealed class GeneratedMethods
{
    public const string GeneratedCode = "[Compiler::GeneratedCode(\"HyperRoute.Generators\", \"" + ThisAssembly.Version + "\")]";

    /// <summary>On a generated method the JIT should compile into its caller.</summary>
    public const string AggressiveInlining = "[CompilerServices::MethodImpl(CompilerServices::MethodImplOptions.AggressiveInlining)]";

    /// <summary>
    /// On a generated method the JIT must compile on its own: inlined, it would use up its caller's inlining budget
    /// (which grows with the caller's size), and the helpers the caller runs on every request would become calls.
    /// </summary>
    public const string NoInlining = "[CompilerServices::MethodImpl(CompilerServices::MethodImplOptions.NoInlining)]";

    private int _parts;

    public GeneratedMethods(
        string baseName,
        string? resultType,
        int indent,
        string resultDefault = "default!",
        bool hasExchange = false,
        string? router = null,
        string? passRouter = null,
        IReadOnlyList<(string Parameter, string Argument, string Name)>? context = null)
    {
        HasExchange = hasExchange;
        Context = context ?? System.Array.Empty<(string, string, string)>();
        ResultDefault = resultDefault;
        BaseName = baseName;
        Router = router;
        PassRouter = passRouter;
        ResultType = resultType;
        Indent = indent;
    }

    /// <summary>The name of the entry method, such as <c>MatchGet</c>.</summary>
    public string BaseName { get; }

    /// <summary>
    /// The router parameter of a method that calls instance handlers (<c>global::Shop.Api router</c>, by <c>ref</c> for a
    /// struct), or <see langword="null"/> when every handler is static.
    /// </summary>
    public string? Router { get; }

    /// <summary>The argument that passes the router on: <c>router</c>, <c>ref router</c>.</summary>
    public string? PassRouter { get; }

    /// <summary>The handlers' result type, or <see langword="null"/>.</summary>
    public string? ResultType { get; }

    /// <summary>What resets the result: <c>default</c> or <c>default!</c>.</summary>
    public string ResultDefault { get; }

    /// <summary>The methods take the <c>HttpExchange</c> (after <c>query</c>): some route binds a header, the body or the exchange.</summary>
    public bool HasExchange { get; }

    /// <summary>
    /// Further parameters the methods take after the exchange (a cancellation token, the slots for pending work and for the
    /// matched route), as declared, as passed on, and by name: a split-out part takes those its code reads.
    /// </summary>
    public IReadOnlyList<(string Parameter, string Argument, string Name)> Context { get; }

    /// <summary>The indentation of member declarations.</summary>
    public int Indent { get; }

    /// <summary>Methods split out so far, in the order they were created.</summary>
    public List<SourceWriter> Parts { get; } = new();

    public string NextPartName() => BaseName + "_" + (++_parts).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
