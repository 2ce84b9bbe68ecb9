using HyperRoute.Generators.Emitting;
using HyperRoute.Generators.Steps;
using System.Collections.Generic;
using System.Linq;

namespace HyperRoute.Generators.Routing;

/// <summary>Validators and transforms: each step a direct static call under a comment naming it; a failed check writes its problem and rejects.</summary>
internal sealed partial class HandlerCallWriter
{
    /// <summary>
    /// Writes a request validator call and its failure exit: the problem (<paramref name="field"/>, or the
    /// validator's own field when <see langword="null"/>) and the rejection.
    /// </summary>
    public static void WriteCheck(SourceWriter writer, NameScope names, PipelineStep step, string comment, string call, string? field, string reject)
    {
        var verdict = names.Unique(Camel(step.Display) + "Verdict");
        writer.Comment(comment);
        writer.Line($"var {verdict} = {call};");
        writer.If($"!{verdict}.IsValid");
        using (writer.Braces())
        {
            var fieldExpression = field is null ? $"{verdict}.Field" : $"{verdict}.Field.IsEmpty ? {field} : {verdict}.Field";
            writer.Call($"{ProblemJson}.Write(exchange.Response, {verdict}.Status, {fieldExpression}, {verdict}.Reason);");
            writer.Line($"return {Match}.{reject};", $"{step.Display} refused the request: the problem is written");
        }
    }

    // A parameter's validators and transforms, in declaration order, on the bound argument (held in a local so a
    // transform can change it); returns the local the handler receives.
    private static string WriteParameterSteps(SourceWriter writer, RouteSpec route, ParameterBinding binding, int position, string argument, NameScope names)
    {
        var local = Bare(binding.Identifier) + "Arg";
        if (argument != local)
        {
            writer.Line($"var {local} = {argument};");
        }

        foreach (var step in binding.Steps)
        {
            if (step.Kind == StepKind.Validate)
            {
                WriteCheck(
                    writer,
                    names,
                    step,
                    $"{step.Attribute} {binding.Name}",
                    $"{step.TypeName}.Validate(in {local})",
                    CSharpLiterals.Utf8(binding.Name),
                    $"Rejected({route.Index}, {position} /* {binding.Name} */)");
                continue;
            }

            writer.Comment($"{step.Attribute} {binding.Name}");
            writer.Line($"{step.TypeName}.Transform(ref {local});");
        }

        return local;
    }

    private static string Camel(string display)
    {
        var name = new System.Text.StringBuilder();
        foreach (var c in display)
        {
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                name.Append(name.Length == 0 ? char.ToLowerInvariant(c) : c);
            }
        }

        return name.Length == 0 ? "step" : name.ToString();
    }
}
