using HyperRoute.Generators.Emitting;
using System.Collections.Generic;
using System.Linq;

namespace HyperRoute.Generators.Messages;

/// <summary>The route table in <c>Route</c>'s remarks: key, predicate (when any <c>[On]</c> has one) and handler, with the steps.</summary>
internal static partial class MessageRouterEmitter
{
    private static void WriteRemarks(SourceWriter writer, MessageRouterPlan plan)
    {
        var layout = plan.Spec.Layout;
        writer.Line("/// <remarks>");
        writer.Doc(
            "Routes " + layout.MessageDisplay + " by " + layout.KeyName + " (" + layout.KeyTypeDisplay + ")"
            + (plan.Anywhere.Count > 0 ? ", after the key-less predicates" : "")
            + (plan.HasPredicates ? "; predicates are tested in declaration order, a value's before its plain handler" : "") + ":",
            "para");
        if (layout.Steps.Count > 0)
        {
            writer.Doc(System.Security.SecurityElement.Escape("Before routing, every message: " + string.Join(" ", layout.Steps.Select(s => s.Attribute)) + "."), "para");
        }

        writer.Line("/// <code>");
        var rows = new List<RouteRow> { new(layout.KeyName, "when", "handler") };
        rows.AddRange(plan.Rows);
        var keyWidth = rows.Max(r => r.Key.Length);
        var whenWidth = rows.Max(r => r.When.Length);
        foreach (var row in rows)
        {
            var line = row.Key.PadRight(keyWidth) + "  " + (plan.HasPredicates ? row.When.PadRight(whenWidth) + "  " : "") + row.Handler;
            writer.Line("/// " + System.Security.SecurityElement.Escape(line));
        }

        writer.Line("/// </code>");
        writer.Line("/// </remarks>");
    }
}
