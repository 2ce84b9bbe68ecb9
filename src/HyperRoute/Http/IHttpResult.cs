namespace HyperRoute.Http;

/// <summary>
/// A handler result that knows how to write itself as a response. A router whose handlers return such a type
/// (rather than writing <see cref="HttpResponse"/> themselves) is served by writing each result.
/// </summary>
public interface IHttpResult
{
    /// <summary>Writes the status, headers and body to <paramref name="response"/>.</summary>
    void WriteTo(HttpResponse response);
}
