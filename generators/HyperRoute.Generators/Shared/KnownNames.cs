using System.Linq;
using Microsoft.CodeAnalysis;

namespace HyperRoute.Generators;

/// <summary>
/// The metadata names of the attributes and runtime types the generator and analyzers look for, and the one way both
/// recognise them (<see cref="Is"/>, <see cref="IsOrImplements"/>).
/// </summary>
internal static class KnownNames
{
    public const string RouterAttribute = "HyperRoute.RouterAttribute";
    public const string RouteAttribute = "HyperRoute.RouteAttribute";
    public const string AppAttribute = "HyperRoute.AppAttribute";
    public const string OpenApiAttribute = "HyperRoute.OpenApiAttribute";
    public const string HotPathAttribute = "HyperRoute.HotPathAttribute";
    public const string HeaderAttribute = "HyperRoute.HeaderAttribute";
    public const string BodyAttribute = "HyperRoute.BodyAttribute";
    public const string HandlerTimeoutAttribute = "HyperRoute.HandlerTimeoutAttribute";
    public const string HttpResultInterface = "HyperRoute.Http.IHttpResult";
    public const string ResultsNamespace = "HyperRoute.Http.Results";
    public const string ValueHttpResultInterface = "HyperRoute.Http.Results.IValueHttpResult`1";
    public const string JsonSourceGenerationOptionsAttribute = "System.Text.Json.Serialization.JsonSourceGenerationOptionsAttribute";
    public const string MessageAttribute = "HyperRoute.MessageAttribute";
    public const string FieldAttribute = "HyperRoute.FieldAttribute";
    public const string MessageRouterAttribute = "HyperRoute.MessageRouterAttribute";
    public const string OnAttribute = "HyperRoute.OnAttribute";
    public const string OtherwiseAttribute = "HyperRoute.OtherwiseAttribute";
    public const string ToAttribute = "HyperRoute.ToAttribute";
    public const string DestinationGroup = "HyperRoute.Messaging.DestinationGroup`1";
    public const string FrameDestinationInterface = "HyperRoute.Messaging.Destinations.IFrameDestination";
    public const string MessageOutcome = "HyperRoute.Messaging.MessageOutcome";
    public const string GeneratedCodeAttribute = "System.CodeDom.Compiler.GeneratedCodeAttribute";
    public const string GeneratorName = "HyperRoute.Generators";

    /// <summary>
    /// <paramref name="type"/> is the type named <paramref name="fullName"/>. Names, not symbols, as
    /// <c>ForAttributeWithMetadataName</c> matches: a type declared in two assemblies still counts. The simple name is
    /// compared first, so the display string is only built for a type that can match.
    /// </summary>
    public static bool Is(ITypeSymbol? type, string fullName)
        => type is not null
            && fullName.Length > type.Name.Length
            && fullName[fullName.Length - type.Name.Length - 1] == '.'
            && string.CompareOrdinal(fullName, fullName.Length - type.Name.Length, type.Name, 0, type.Name.Length) == 0
            && type.ToDisplayString() == fullName;

    /// <summary><paramref name="type"/> is the interface named <paramref name="fullName"/> or implements it.</summary>
    public static bool IsOrImplements(ITypeSymbol type, string fullName)
        => Is(type, fullName) || type.AllInterfaces.Any(i => Is(i, fullName));
}
