using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HyperRoute.Generators.Emitting;
using HyperRoute.Generators.Steps;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// Writes a router's printable route table: one <c>HyperRoute.Diagnostics.RouteInfo</c> per route, built once, in a
/// static array of the dispatcher's machinery; the router's public <c>Routes</c> over it; and the endpoint's
/// <c>RouteAt</c>, through which the server's telemetry reads a request's <c>http.route</c> and span name by the matched
/// route's index: constants the generator knew, never a string built per request.
/// </summary>
internal static class RouteTableEmitter
{
    private const string GeneratedCode = GeneratedMethods.GeneratedCode;
    private const string Info = "Diagnostics::RouteInfo";
    private const string Table = "RouteTable";

    /// <summary>The router's public <c>Routes</c>.</summary>
    public static void WriteRoutes(SourceWriter writer, RouterSpec router)
    {
        writer.Doc(
            $"Every route of this {(router.IsApp ? "app" : "router")} as compiled, in the order of <c>RoutePatterns</c>: its method and template, the handler, "
            + "the validators and transforms that run with it and the responses it declares. Print it with "
            + "<see cref=\"Diagnostics::RouteTable.Format\"/>; the server's metrics and spans take <c>http.route</c> from it.");
        writer.Line(GeneratedCode);
        writer.Line($"public static System::Collections.Generic.IReadOnlyList<{Info}> Routes {{ get; }} =");
        using (writer.Indent())
        {
            writer.Line($"new System::Collections.ObjectModel.ReadOnlyCollection<{Info}>({ReservedNames.Machinery}.{Table});");
        }
    }

    /// <summary>The table itself, in the machinery class.</summary>
    public static void WriteTable(SourceWriter writer, RouterSpec router)
    {
        writer.Line("// The route table (Routes, and the endpoint's RouteAt): one entry per route, indexed by RouteMatch.Route.");
        writer.Line($"internal static readonly {Info}[] {Table} = new {Info}[]");
        using (writer.Braces(";"))
        {
            foreach (var route in router.Routes)
            {
                writer.Comment(route.Template.Pattern);
                writer.Line($"new {Info}(");
                using (writer.Indent())
                {
                    writer.Line(route.Index.ToString(CultureInfo.InvariantCulture) + ",");
                    writer.Line(CSharpLiterals.String(route.Template.Method) + ",");
                    writer.Line(CSharpLiterals.String(route.Template.Path) + ",");
                    writer.Line(CSharpLiterals.String(Handler(router, route)) + ",");
                    writer.Line((route.IsAsync ? "true" : "false") + ",");
                    writer.Line(Strings(Validators(router, route)) + ",");
                    writer.Line(Strings(Transforms(router, route)) + ",");
                    writer.Line(Strings(Responses(route)) + "),");
                }
            }
        }
    }

    /// <summary>The endpoint's <c>RouteAt</c> (<c>IHttpEndpoint.RouteAt</c>).</summary>
    public static void WriteRouteAt(SourceWriter writer)
    {
        writer.Doc("The route at <paramref name=\"route\"/> (<see cref=\"HyperRoute::RouteMatch.Route\"/>) in <c>Routes</c>; <see langword=\"null\"/> when out of range.");
        writer.Line("/// <param name=\"route\">A route index, or -1 for none.</param>");
        writer.Line(GeneratedCode);
        writer.Line($"public static {Info}? RouteAt(int route)");
        using (writer.Indent())
        {
            writer.Line($"=> (uint)route < (uint){ReservedNames.Machinery}.{Table}.Length ? {ReservedNames.Machinery}.{Table}[route] : null;");
        }
    }

    // ShopApi.GetUser(int id): the declaring router (as named in its namespace) and the handler's signature. In an app the
    // handler's display already names its router.
    private static string Handler(RouterSpec router, RouteSpec route)
    {
        if (route.Owner is not null)
        {
            return route.HandlerDisplay;
        }

        var owner = router.Declaration.FullName;
        if (owner.StartsWith("global::", System.StringComparison.Ordinal))
        {
            owner = owner.Substring("global::".Length);
        }

        var ns = router.Declaration.Namespace;
        if (ns.Length > 0 && owner.StartsWith(ns + ".", System.StringComparison.Ordinal))
        {
            owner = owner.Substring(ns.Length + 1);
        }

        return owner + "." + route.HandlerDisplay;
    }

    // The router's request validators (before routing), the route's, then each parameter's, in the order they run.
    private static IEnumerable<string> Validators(RouterSpec router, RouteSpec route)
        => router.RequestValidators.Select(s => s.Display)
            .Concat(route.RequestValidators.Select(s => s.Display))
            .Concat(route.Bindings.SelectMany(b => b.Steps.Where(s => s.Kind == StepKind.Validate).Select(s => $"{s.Display}({b.Name})")));

    // Each parameter's value transforms (before the handler), then the router's and the route's response transforms.
    private static IEnumerable<string> Transforms(RouterSpec router, RouteSpec route)
        => route.Bindings.SelectMany(b => b.Steps.Where(s => s.Kind == StepKind.Transform).Select(s => $"{s.Display}({b.Name})"))
            .Concat(router.ResponseTransforms.Select(s => s.Display))
            .Concat(route.ResponseTransforms.Select(s => s.Display));

    // 200 application/json Todo: what the compiler knows of each response the handler's result can give.
    private static IEnumerable<string> Responses(RouteSpec route)
        => route.Result is null
            ? Enumerable.Empty<string>()
            : route.Result.Responses.Select(r => string.Join(" ", new[]
            {
                r.Status == 0 ? "default" : r.Status.ToString(CultureInfo.InvariantCulture),
                r.ContentType,
                r.BodyType is null ? null : ShortType(r.BodyType),
            }.Where(part => part is not null)));

    // List<global::Shop.Todo> → List<Todo>: each qualified name in the type, generic arguments included, by its last part.
    private static string ShortType(string type)
    {
        var text = new System.Text.StringBuilder(type.Length);
        var start = 0;
        for (var i = 0; i <= type.Length; i++)
        {
            if (i < type.Length && (char.IsLetterOrDigit(type[i]) || type[i] is '_' or '.' or ':'))
            {
                continue;
            }

            var name = type.Substring(start, i - start);
            var last = System.Math.Max(name.LastIndexOf('.'), name.LastIndexOf(':'));
            text.Append(name.Substring(last + 1));
            if (i < type.Length)
            {
                text.Append(type[i]);
            }

            start = i + 1;
        }

        return text.ToString();
    }

    private static string Strings(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0
            ? "System::Array.Empty<string>()"
            : "new[] { " + string.Join(", ", list.Select(CSharpLiterals.String)) + " }";
    }
}
