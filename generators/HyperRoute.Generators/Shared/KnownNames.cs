namespace HyperRoute.Generators;

/// <summary>The metadata names of the attributes and runtime types the generator and analyzers look for.</summary>
internal static class KnownNames
{
    public const string RouterAttribute = "HyperRoute.RouterAttribute";
    public const string RouteAttribute = "HyperRoute.RouteAttribute";
    public const string HotPathAttribute = "HyperRoute.HotPathAttribute";
    public const string HeaderAttribute = "HyperRoute.HeaderAttribute";
    public const string BodyAttribute = "HyperRoute.BodyAttribute";
    public const string HttpResultInterface = "HyperRoute.Http.IHttpResult";
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
}
