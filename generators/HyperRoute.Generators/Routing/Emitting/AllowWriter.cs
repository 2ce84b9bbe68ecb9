using HyperRoute.Generators.Emitting;
using System.Collections.Generic;
using System.Linq;

namespace HyperRoute.Generators.Routing;

/// <summary>Writes a matched path in the <c>Allow</c> tree: add the methods of the routes that end there (GET also allows HEAD).</summary>
internal sealed class AllowWriter : ILeafWriter
{
    public bool IsAllowTree => true;

    public void Write(SourceWriter writer, IReadOnlyList<RouteLeaf> leaves, PathValues values, NameScope names)
    {
        foreach (var method in leaves.Select(l => l.Route.Template.Method).Distinct())
        {
            var routes = string.Join(", ", leaves.Where(l => l.Route.Template.Method == method).Select(l => l.Route.Template.Pattern).Distinct());
            writer.Terms("allow |= ", Flags(method).Split(new[] { " | " }, System.StringSplitOptions.None), "|", ";", routes);
        }
    }

    public static string Flags(string method) => method == "GET"
        ? "HyperRoute::HttpMethods.Get | HyperRoute::HttpMethods.Head"
        : "HyperRoute::HttpMethods." + Flag(method);

    public static string Flag(string method) => method.Substring(0, 1) + method.Substring(1).ToLowerInvariant();
}
