using System.Collections.Generic;
using HyperRoute.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace HyperRoute.AspNetCore;

/// <summary>
/// The route a request matched, told to ASP.NET Core's own telemetry: HyperRoute's routes are no ASP.NET Core endpoints,
/// so its hosting metrics and request span would carry no <c>http.route</c> for them.
/// </summary>
internal sealed partial class HyperRouteMiddleware<TEndpoint>
{
    private const string RouteTag = "http.route";

    // Tags the request's http.server.request.duration (when a listener enabled it) and its span (when one is sampled) with
    // the template of the route the generated code noted on the exchange (-1: none matched, nothing to tag). The
    // templates are constants of the route table: nothing is built per request.
    private static void TagRoute(HttpContext context, int route)
    {
        if (TEndpoint.RouteAt(route) is not { } matched)
        {
            return;
        }

        context.Features.Get<IHttpMetricsTagsFeature>()?.Tags.Add(new KeyValuePair<string, object?>(RouteTag, matched.Template));
        context.Features.Get<IHttpActivityFeature>()?.Activity.SetTag(RouteTag, matched.Template);
    }
}
