using System;
using System.Collections.Generic;
using System.Text;

namespace HyperRoute.Diagnostics;

/// <summary>Prints a generated route table (a router's <c>Routes</c>): one aligned line per route.</summary>
public static class RouteTable
{
    /// <summary>
    /// The routes as text, one line each, columns aligned: the method, the template, the handler (<c>async</c> when it
    /// is), then the validators, transforms and declared responses when the route has any. Lines end with
    /// <paramref name="newLine"/> (default <c>\n</c>), each starting with <paramref name="indent"/>.
    /// </summary>
    /// <example><code>
    /// GET  /users/{id:int}  ShopApi.GetUser(int id)  validate: PositiveId  responses: 200 application/json User
    /// POST /orders          async ShopApi.CreateOrder(Order order)  transform: StampReceivedAt
    /// </code></example>
    public static string Format(IReadOnlyList<RouteInfo> routes, string indent = "", string newLine = "\n")
    {
        ArgumentNullException.ThrowIfNull(routes);
        var methodWidth = 0;
        var templateWidth = 0;
        var handlerWidth = 0;
        foreach (var route in routes)
        {
            methodWidth = Math.Max(methodWidth, route.Method.Length);
            templateWidth = Math.Max(templateWidth, route.Template.Length);
            handlerWidth = Math.Max(handlerWidth, HandlerColumn(route).Length);
        }

        var text = new StringBuilder();
        foreach (var route in routes)
        {
            var line = new StringBuilder(indent)
                .Append(route.Method.PadRight(methodWidth)).Append(' ')
                .Append(route.Template.PadRight(templateWidth)).Append("  ")
                .Append(HandlerColumn(route).PadRight(handlerWidth));
            Append(line, "validate", route.Validators);
            Append(line, "transform", route.Transforms);
            Append(line, "responses", route.Responses);
            text.Append(line.ToString().TrimEnd()).Append(newLine);
        }

        return text.ToString();
    }

    private static string HandlerColumn(RouteInfo route) => route.IsAsync ? "async " + route.Handler : route.Handler;

    private static void Append(StringBuilder line, string label, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        line.Append("  ").Append(label).Append(": ");
        for (var i = 0; i < items.Count; i++)
        {
            line.Append(i == 0 ? "" : ", ").Append(items[i]);
        }
    }
}
