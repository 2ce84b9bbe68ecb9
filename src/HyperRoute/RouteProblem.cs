namespace HyperRoute;

/// <summary>Why a request was answered with <see cref="RouteOutcome.BadRequest"/>.</summary>
public enum RouteProblem : byte
{
    /// <summary>No problem.</summary>
    None = 0,
    /// <summary>The path does not start with <c>/</c>.</summary>
    PathNotAbsolute,
    /// <summary>The path holds a malformed percent-escape (<c>%4</c>, <c>%zz</c>), an escaped NUL, or bytes that are not UTF-8 once decoded.</summary>
    MalformedPath,
    /// <summary>A route value could not be converted to the handler parameter's type (<c>"abc"</c> for an <c>int</c> without an <c>int</c> constraint).</summary>
    InvalidRouteValue,
    /// <summary>A required query parameter is absent.</summary>
    MissingQueryValue,
    /// <summary>A query value could not be decoded or converted to the handler parameter's type.</summary>
    InvalidQueryValue,
    /// <summary>A required request header (<see cref="HeaderAttribute"/>) is absent.</summary>
    MissingHeader,
    /// <summary>A bound request header could not be converted to the handler parameter's type, or was sent more than once.</summary>
    InvalidHeaderValue,
}
