using HyperRoute.Http;

namespace HyperRoute;

/// <summary>
/// Changes the response on its way out, after the handler wrote it and before it is sent: add or change
/// headers, change the status. Applied with <see cref="TransformAttribute{TTransform}"/> on a router (every
/// handled response) or a route method.
/// </summary>
public interface IResponseTransform
{
    /// <summary>Changes <paramref name="response"/>; <paramref name="request"/> is the request it answers.</summary>
    static abstract void Transform(HttpRequest request, HttpResponse response);
}
