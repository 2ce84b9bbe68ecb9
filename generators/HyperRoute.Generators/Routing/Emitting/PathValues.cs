using System.Collections.Generic;

namespace HyperRoute.Generators.Routing;

/// <summary>
/// What the code on the way to a leaf knows about each path segment: the expression holding its bytes and
/// the locals in which constraints already parsed it, so a leaf binds <c>{id:int}</c> to <c>int id</c>
/// without parsing twice.
/// </summary>
internal sealed class PathValues
{
    private readonly Dictionary<int, Value> _values = new();

    public void Set(int segmentIndex, string expression, IReadOnlyDictionary<RouteValueType, string> parsed)
        => _values[segmentIndex] = new Value(expression, parsed);

    public void Remove(int segmentIndex) => _values.Remove(segmentIndex);

    public string Expression(int segmentIndex) => _values[segmentIndex].Expression;

    public string? Parsed(int segmentIndex, RouteValueType type)
        => _values.TryGetValue(segmentIndex, out var value) && value.Parsed.TryGetValue(type, out var local) ? local : null;

    private sealed record Value(string Expression, IReadOnlyDictionary<RouteValueType, string> Parsed);
}
