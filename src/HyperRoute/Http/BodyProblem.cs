namespace HyperRoute.Http;

/// <summary>Why a typed request body could not be read; each answers its own status.</summary>
public enum BodyProblem : byte
{
    /// <summary>The body was read.</summary>
    None = 0,
    /// <summary>The body is empty (400).</summary>
    Missing,
    /// <summary>The body is not <c>application/json</c> (or a <c>+json</c> type) (415).</summary>
    UnsupportedMediaType,
    /// <summary>The body is longer than the route allows (413).</summary>
    TooLarge,
    /// <summary>The body is not valid JSON for the type (400).</summary>
    Malformed,
}
