namespace HyperRoute.Routing;

/// <summary>Whether a query parameter was found, and whether its value could be decoded.</summary>
public enum QueryLookup : byte
{
    /// <summary>The parameter is absent.</summary>
    Missing = 0,
    /// <summary>The parameter is present; its value is decoded.</summary>
    Found = 1,
    /// <summary>The parameter is present but its value holds a malformed escape or invalid UTF-8.</summary>
    Malformed = 2,
}
