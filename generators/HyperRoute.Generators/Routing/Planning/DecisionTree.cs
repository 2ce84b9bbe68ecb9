using System.Collections.Generic;
using System.Linq;

namespace HyperRoute.Generators.Routing;

// Stage 2's output: the decision tree the emitter walks. These are plain objects built and consumed inside
// one source-output callback; caching happens upstream on the equatable RouterSpec.

/// <summary>The whole plan for one router.</summary>
internal sealed class DispatchPlan
{
    public DispatchPlan(RouterSpec router, IReadOnlyList<MethodTree> methods, RouteTree allowTree, IReadOnlyDictionary<int, AsyncCompletion> completions)
    {
        Router = router;
        Methods = methods;
        AllowTree = allowTree;
        Completions = completions;
    }

    public RouterSpec Router { get; }

    /// <summary>What follows each asynchronous route's pending work, by <see cref="RouteSpec.Index"/>.</summary>
    public IReadOnlyDictionary<int, AsyncCompletion> Completions { get; }

    /// <summary>One tree per declared method, in <c>HttpMethods</c> flag order.</summary>
    public IReadOnlyList<MethodTree> Methods { get; }

    /// <summary>All routes of all methods: walked only when a method's tree found nothing, to tell 405 from 404.</summary>
    public RouteTree AllowTree { get; }
}

/// <summary>The routes of one HTTP method.</summary>
internal sealed class MethodTree
{
    public MethodTree(string method, RouteTree tree)
    {
        Method = method;
        Tree = tree;
    }

    /// <summary>The method token, <c>GET</c>.</summary>
    public string Method { get; }

    public RouteTree Tree { get; }
}

/// <summary>
/// A set of routes as a decision tree: first the all-literal routes as whole paths (switch on length, then on
/// distinguishing bytes), then the routes with parameters as one trie walked segment by segment from the left.
/// </summary>
internal sealed class RouteTree
{
    public RouteTree(LiteralSwitch<List<RouteLeaf>> literalRoutes, TrieNode? root)
    {
        LiteralRoutes = literalRoutes;
        Root = root;
    }

    /// <summary>Routes made of literals only, keyed by their whole lower-case path.</summary>
    public LiteralSwitch<List<RouteLeaf>> LiteralRoutes { get; }

    /// <summary>
    /// How the whole path is told apart among <see cref="LiteralRoutes"/> (keys), when they are few enough
    /// (<see cref="PlanLimits.SplitThreshold"/>) for one switch by length and byte; <see langword="null"/> otherwise.
    /// </summary>
    public LiteralDecision<string>? LiteralRoutesDecision { get; set; }

    /// <summary>
    /// Past <see cref="PlanLimits.SplitThreshold"/> literal routes: their whole paths as word switches
    /// (<see cref="LiteralWords"/>); <see langword="null"/> otherwise.
    /// </summary>
    public IReadOnlyList<WordGroup>? LiteralRoutesWords { get; set; }

    /// <summary>
    /// The indexes of the <see cref="LiteralRoutesWords"/> groups whose switch a dispatch tree writes in the calling
    /// method: groups of one run, shortest first, while at most <see cref="PlanLimits.SplitThreshold"/> routes stay
    /// there; every other group's runs go to methods of their own.
    /// </summary>
    public IReadOnlyCollection<int> InlineWordGroups { get; set; } = System.Array.Empty<int>();

    /// <summary>
    /// The routes with parameters, one trie for every segment count: a route ends at the node of its last segment
    /// (and, with an optional last segment, also at the node before it); a catch-all takes the rest of the path
    /// from its node. <see langword="null"/> when there are none.
    /// </summary>
    public TrieNode? Root { get; }
}

/// <summary>A position in the path: what may come next, in precedence order.</summary>
internal sealed class TrieNode
{
    public TrieNode(int depth) => Depth = depth;

    /// <summary>The index of the segment this node decides on.</summary>
    public int Depth { get; }

    /// <summary>Literal segments, keyed by lower-case text.</summary>
    public LiteralSwitch<TrieNode> Literals { get; } = new();

    /// <summary>
    /// The literal children are few enough (<see cref="PlanLimits.InPlaceLiterals"/>) to be compared where the segment
    /// starts, with the '/' or the end after them, instead of finding the segment's end first.
    /// </summary>
    public bool ComparesLiteralsInPlace { get; set; }

    /// <summary>
    /// More than <see cref="PlanLimits.SplitThreshold"/> literal children whose subtrees have one shape
    /// (<see cref="TrieShape"/>): the rest of the path is matched once for all of them.
    /// </summary>
    public bool SharesTail { get; set; }

    /// <summary>
    /// How the literal children are told apart once the segment's end is known (keys of <see cref="Literals"/>);
    /// <see langword="null"/> when they are compared in place, or there are none.
    /// </summary>
    public LiteralDecision<string>? LiteralDecision { get; set; }

    /// <summary>When <see cref="SharesTail"/>: the literal children as word switches (<see cref="LiteralWords"/>).</summary>
    public IReadOnlyList<WordGroup>? LiteralWords { get; set; }

    /// <summary>Parameter segments, grouped by the values they accept (same constraints share a node).</summary>
    public List<ParameterEdge> Parameters { get; } = new();

    /// <summary>Catch-all parameters that take the rest of the path from here.</summary>
    public List<ParameterEdge> CatchAlls { get; } = new();

    /// <summary>Routes that end here (the path has no more segments), best first; only the first can be reached.</summary>
    public List<RouteLeaf> Leaves { get; } = new();
}

/// <summary>A parameter segment: its constraints decide whether the request goes on to <see cref="Child"/>.</summary>
internal sealed class ParameterEdge
{
    public ParameterEdge(TemplateSegment segment, TrieNode child)
    {
        Segment = segment;
        Child = child;
    }

    /// <summary>The first segment that created this edge (its constraints are every member's constraints).</summary>
    public TemplateSegment Segment { get; }

    public TrieNode Child { get; }

    /// <summary>Every distinct spelling that shares this edge (<c>{id:int}</c>, <c>{userId:int}</c>), for the comment.</summary>
    public SortedSet<string> Spellings { get; } = new(System.StringComparer.Ordinal);
}

/// <summary>A route reached at the end of a path.</summary>
/// <param name="Route">The route.</param>
/// <param name="OptionalAbsent">The route's optional last segment is absent here: its argument takes the default value.</param>
internal sealed record RouteLeaf(RouteSpec Route, bool OptionalAbsent);

/// <summary>Literal keys (lower case) with their values, in ordinal order.</summary>
internal sealed class LiteralSwitch<T>
{
    private readonly SortedDictionary<string, T> _entries = new(System.StringComparer.Ordinal);

    public bool IsEmpty => _entries.Count == 0;

    public IEnumerable<KeyValuePair<string, T>> Entries => _entries;

    public bool TryGet(string key, out T value) => _entries.TryGetValue(key, out value!);

    public T Get(string key) => _entries[key];

    public void Add(string key, T value) => _entries.Add(key, value);
}

/// <summary>How a set of literals is told apart: by byte length, then by the byte that differs most, then one comparison.</summary>
internal abstract class LiteralDecision<T>
{
    /// <summary>The number of literals the decision tells apart.</summary>
    public abstract int Weight { get; }

    /// <summary>The first literal in ordinal order, for the summary of a method that holds the decision.</summary>
    public string FirstLiteral => this switch
    {
        LengthSwitch<T> lengths => lengths.Cases[0].Value.FirstLiteral,
        ByteSwitch<T> bytes => bytes.Cases[0].Value.FirstLiteral,
        LiteralCompare<T> compare => compare.Literal,
        _ => "",
    };

    /// <summary>The same decision with every value mapped: the plan decides over keys, the emitter over what it writes.</summary>
    public LiteralDecision<TOut> Select<TOut>(System.Func<T, TOut> map) => this switch
    {
        LengthSwitch<T> lengths => new LengthSwitch<TOut>(lengths.Cases.Select(c => new KeyValuePair<int, LiteralDecision<TOut>>(c.Key, c.Value.Select(map))).ToList()),
        ByteSwitch<T> bytes => new ByteSwitch<TOut>(bytes.Position, bytes.Cases.Select(c => new KeyValuePair<byte, LiteralDecision<TOut>>(c.Key, c.Value.Select(map))).ToList()),
        LiteralCompare<T> compare => new LiteralCompare<TOut>(compare.Literal, map(compare.Value)),
        _ => throw new System.InvalidOperationException("unknown literal decision " + GetType().Name),
    };
}

/// <summary><c>switch (value.Length)</c>.</summary>
internal sealed class LengthSwitch<T> : LiteralDecision<T>
{
    public LengthSwitch(IReadOnlyList<KeyValuePair<int, LiteralDecision<T>>> cases)
    {
        Cases = cases;
        OwnMethods = SplitPlan.OwnMethods(cases.Select(c => c.Value.Weight).ToList());
    }

    public IReadOnlyList<KeyValuePair<int, LiteralDecision<T>>> Cases { get; }

    /// <summary>The indexes of the cases written as methods of their own (<see cref="SplitPlan.OwnMethods"/>).</summary>
    public IReadOnlyCollection<int> OwnMethods { get; }

    public override int Weight => Cases.Sum(c => c.Value.Weight);
}

/// <summary><c>switch (Lower(value[Position]))</c>: every candidate has the same length here, so the read is in bounds.</summary>
internal sealed class ByteSwitch<T> : LiteralDecision<T>
{
    public ByteSwitch(int position, IReadOnlyList<KeyValuePair<byte, LiteralDecision<T>>> cases)
    {
        Position = position;
        Cases = cases;
        OwnMethods = SplitPlan.OwnMethods(cases.Select(c => c.Value.Weight).ToList());
    }

    public int Position { get; }

    public IReadOnlyList<KeyValuePair<byte, LiteralDecision<T>>> Cases { get; }

    /// <summary>The indexes of the cases written as methods of their own (<see cref="SplitPlan.OwnMethods"/>).</summary>
    public IReadOnlyCollection<int> OwnMethods { get; }

    public override int Weight => Cases.Sum(c => c.Value.Weight);
}

/// <summary>The one candidate left: compare the whole value.</summary>
internal sealed class LiteralCompare<T> : LiteralDecision<T>
{
    public LiteralCompare(string literal, T value)
    {
        Literal = literal;
        Value = value;
    }

    public string Literal { get; }

    public T Value { get; }

    public override int Weight => 1;
}
