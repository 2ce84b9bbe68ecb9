using System.Collections.Generic;
using System.Globalization;

namespace HyperRoute.Generators.Emitting;

/// <summary>
/// Hands out local names that are unique within one generated method, so that pattern variables declared in
/// sibling branches (which C# scopes to the enclosing block) never collide.
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _used = new(System.StringComparer.Ordinal);

    public string Unique(string name)
    {
        if (_used.Add(name))
        {
            return name;
        }

        for (var i = 2; ; i++)
        {
            var candidate = name + "_" + i.ToString(CultureInfo.InvariantCulture);
            if (_used.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
