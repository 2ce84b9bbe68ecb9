using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// The names the generator declares on a <c>[Router]</c> type: its entry points and the class that holds everything
/// they run. A member of the router's own with one of these names would make the generated code a compiler error, so
/// the generator leaves such a router out and the analyzer reports HR0014 on the member.
/// </summary>
internal static class ReservedNames
{
    /// <summary>The private static class nested in the router that holds the dispatcher.</summary>
    public const string Machinery = "HyperRouteDispatcher";

    /// <summary>Every reserved name, on every router (whether or not this one gets that member).</summary>
    public static readonly ImmutableArray<string> Members = ImmutableArray.Create("Dispatch", "DispatchAsync", "HttpEndpoint", "ParameterName", "RoutePatterns", "Routes", Machinery);

    /// <summary>The members the router declares itself (not the generator) with a reserved name, and where.</summary>
    public static IEnumerable<(string Name, Location? Location)> Collisions(INamedTypeSymbol router)
        => Members
            .SelectMany(name => router.GetMembers(name))
            .Where(member => !member.IsImplicitlyDeclared && !IsGenerated(member))
            .Select(member => (member.Name, member.Locations.FirstOrDefault()));

    // The analyzers see the generator's own members on the router: they carry its [GeneratedCode].
    private static bool IsGenerated(ISymbol member)
        => member.GetAttributes().Any(a => KnownNames.Is(a.AttributeClass, KnownNames.GeneratedCodeAttribute)
            && a.ConstructorArguments.Length > 0 && a.ConstructorArguments[0].Value as string == KnownNames.GeneratorName);
}
