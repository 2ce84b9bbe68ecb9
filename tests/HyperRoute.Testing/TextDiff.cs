using System;
using System.Text;

namespace HyperRoute.Testing;

/// <summary>A short line diff for failure messages: the first differing lines with context.</summary>
public static class TextDiff
{
    public static string Describe(string expected, string actual, int maxLines = 20)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        var first = 0;
        while (first < left.Length && first < right.Length && left[first] == right[first])
        {
            first++;
        }

        var builder = new StringBuilder();
        builder.AppendLine($"First difference at line {first + 1}:");
        for (var i = Math.Max(0, first - 2); i < Math.Min(Math.Max(left.Length, right.Length), first + maxLines); i++)
        {
            var l = i < left.Length ? left[i] : null;
            var r = i < right.Length ? right[i] : null;
            if (l == r)
            {
                builder.AppendLine("  " + l);
                continue;
            }

            if (l is not null)
            {
                builder.AppendLine("- " + l);
            }

            if (r is not null)
            {
                builder.AppendLine("+ " + r);
            }
        }

        return builder.ToString();
    }
}
