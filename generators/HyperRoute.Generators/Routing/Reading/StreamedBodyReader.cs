using System.Linq;
using Microsoft.CodeAnalysis;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// Whether a router decides itself which request bodies are streamed to their handlers: a method
/// <c>static bool StreamsRequestBody(HttpRequest request)</c> of its own, which its generated <c>HttpEndpoint</c> then
/// implements <c>IHttpEndpoint.StreamsRequestBody</c> with. A method of that name with another shape is not the hook
/// (the endpoint keeps the default: no body is streamed).
/// </summary>
internal static class StreamedBodyReader
{
    /// <summary>The name of the hook, on the router and on <c>IHttpEndpoint</c>.</summary>
    public const string HookName = "StreamsRequestBody";

    private const string HttpRequest = "HyperRoute.Http.HttpRequest";

    /// <summary><paramref name="router"/> declares the hook (any accessibility: the endpoint is nested in it).</summary>
    public static bool DeclaresHook(INamedTypeSymbol router)
        => router.GetMembers(HookName).OfType<IMethodSymbol>().Any(method =>
            method.IsStatic
            && !method.IsGenericMethod
            && method.ReturnType.SpecialType == SpecialType.System_Boolean
            && method.Parameters.Length == 1
            && method.Parameters[0].RefKind == RefKind.None
            && KnownNames.Is(method.Parameters[0].Type, HttpRequest));
}
