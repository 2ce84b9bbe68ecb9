namespace HyperRoute.Generators;

/// <summary>The names of the pipeline steps, so tests can assert what was cached.</summary>
public static class TrackingNames
{
    public const string Parse = "HyperRoute.Parse";
    public const string Routers = "HyperRoute.Routers";
    public const string AppParse = "HyperRoute.AppParse";
    public const string Apps = "HyperRoute.Apps";
    public const string MessageParse = "HyperRoute.MessageParse";
    public const string Messages = "HyperRoute.Messages";
    public const string MessageRouterParse = "HyperRoute.MessageRouterParse";
    public const string MessageRouters = "HyperRoute.MessageRouters";
}
