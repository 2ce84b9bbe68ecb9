using System;
using System.Globalization;

namespace HyperRoute.Generators.Routing;

/// <summary>Parses one constraint (<c>int</c>, <c>range(1,9)</c>) of a template parameter.</summary>
internal static class RouteConstraintParser
{
    private const string Known = "int, long, guid, bool, double, decimal, alpha, min(n), max(n), range(a,b), length(n), length(a,b), minlength(n), maxlength(n)";

    public static bool TryParse(string text, int start, out RouteConstraint? constraint, out TemplateError? error)
    {
        constraint = null;
        error = null;
        if (text.Length == 0)
        {
            error = new TemplateError("Empty constraint after ':'; write one of " + Known, start - 1, 1);
            return false;
        }

        var open = text.IndexOf('(');
        var name = open < 0 ? text : text.Substring(0, open);
        string[] arguments;
        if (open < 0)
        {
            arguments = Array.Empty<string>();
        }
        else if (text[text.Length - 1] != ')')
        {
            error = new TemplateError($"The arguments of '{name}' are not closed; add ')'", start + open, text.Length - open);
            return false;
        }
        else
        {
            var inside = text.Substring(open + 1, text.Length - open - 2);
            arguments = inside.Length == 0 ? Array.Empty<string>() : inside.Split(',');
        }

        switch (name)
        {
            case "int": return NoArguments(ConstraintKind.Int, name, text, start, out constraint, out error);
            case "long": return NoArguments(ConstraintKind.Long, name, text, start, out constraint, out error);
            case "guid": return NoArguments(ConstraintKind.Guid, name, text, start, out constraint, out error);
            case "bool": return NoArguments(ConstraintKind.Bool, name, text, start, out constraint, out error);
            case "double": return NoArguments(ConstraintKind.Double, name, text, start, out constraint, out error);
            case "decimal": return NoArguments(ConstraintKind.Decimal, name, text, start, out constraint, out error);
            case "alpha": return NoArguments(ConstraintKind.Alpha, name, text, start, out constraint, out error);
            case "min": return Numbers(ConstraintKind.Min, name, text, start, open, arguments, 1, 1, allowNegative: true, out constraint, out error);
            case "max": return Numbers(ConstraintKind.Max, name, text, start, open, arguments, 1, 1, allowNegative: true, out constraint, out error);
            case "range": return Numbers(ConstraintKind.Range, name, text, start, open, arguments, 2, 2, allowNegative: true, out constraint, out error);
            case "length":
                return Numbers(arguments.Length == 2 ? ConstraintKind.LengthRange : ConstraintKind.Length, name, text, start, open, arguments, 1, 2, allowNegative: false, out constraint, out error);
            case "minlength": return Numbers(ConstraintKind.MinLength, name, text, start, open, arguments, 1, 1, allowNegative: false, out constraint, out error);
            case "maxlength": return Numbers(ConstraintKind.MaxLength, name, text, start, open, arguments, 1, 1, allowNegative: false, out constraint, out error);
            default:
                error = new TemplateError($"Unknown constraint '{name}'; use one of {Known}", start, name.Length);
                return false;
        }
    }

    private static bool NoArguments(ConstraintKind kind, string name, string text, int start, out RouteConstraint? constraint, out TemplateError? error)
    {
        constraint = null;
        error = null;
        if (text.Length != name.Length)
        {
            error = new TemplateError($"The constraint '{name}' takes no arguments", start + name.Length, text.Length - name.Length);
            return false;
        }

        constraint = new RouteConstraint(kind, 0, 0);
        return true;
    }

    private static bool Numbers(ConstraintKind kind, string name, string text, int start, int open, string[] arguments, int min, int max, bool allowNegative, out RouteConstraint? constraint, out TemplateError? error)
    {
        constraint = null;
        error = null;
        if (open < 0 || arguments.Length < min || arguments.Length > max)
        {
            var expected = min == max ? (min == 1 ? "one integer argument" : $"{min} integer arguments") : $"{min} or {max} integer arguments";
            var spelled = min == 2 ? $"{name}(1,10)" : $"{name}(1)";
            error = new TemplateError($"The constraint '{name}' takes {expected}, as in {spelled}", start, text.Length);
            return false;
        }

        var values = new long[arguments.Length];
        var offset = open + 1;
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = arguments[i];
            var trimmed = argument.Trim();
            if (!long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out values[i]))
            {
                error = new TemplateError($"'{argument}' is not an integer argument of '{name}'", start + offset, argument.Length);
                return false;
            }

            if (!allowNegative && values[i] < 0)
            {
                error = new TemplateError($"The length in '{name}' cannot be negative", start + offset, argument.Length);
                return false;
            }

            offset += argument.Length + 1;
        }

        if (values.Length == 2 && values[0] > values[1])
        {
            error = new TemplateError($"The bounds of '{name}' are reversed: {values[0]} is greater than {values[1]}", start + open + 1, text.Length - open - 2);
            return false;
        }

        constraint = new RouteConstraint(kind, values[0], values.Length == 2 ? values[1] : 0);
        return true;
    }
}
