using System;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using HyperRoute.Benchmarks.Infrastructure;
using HyperRoute.Routing;

namespace HyperRoute.Benchmarks;

/// <summary>
/// The runtime helpers every generated dispatcher calls, timed one by one on the inputs of <see cref="TenRoutes"/>,
/// so a gap between HyperRoute and the hand-written floor can be attributed to its parts. Not a comparison: no
/// baseline.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(QuickConfig))]
public class DispatcherParts
{
    private readonly byte[] _method = "GET"u8.ToArray();
    private readonly byte[] _literalPath = "/health"u8.ToArray();
    private readonly byte[] _parameterPath = "/users/12345"u8.ToArray();

    /// <summary><c>HttpMethod.Parse</c> of <c>GET</c>.</summary>
    [Benchmark]
    public HttpMethods ParseMethod() => MethodToken.Parse(_method);

    /// <summary><c>RoutePath.Normalize</c> of <c>/health</c> with its <c>DecodeBuffer</c>, as <c>Dispatch</c> does it.</summary>
    [Benchmark]
    public int NormalizePath()
    {
        var buffer = new DecodeBuffer(default, _literalPath.Length);
        var normalized = RoutePath.Normalize(_literalPath, ref buffer, out _);
        buffer.Dispose();
        return normalized.Length;
    }

    /// <summary><c>Utf8Literal.EqualsLower</c> of <c>/health</c>: the literal comparison.</summary>
    [Benchmark]
    public bool CompareLiteral() => Utf8Literal.EqualsLower(_literalPath, "/health"u8);

    /// <summary><c>RoutePath.CountSegments</c> and two <c>NextSegment</c>s of <c>/users/12345</c>: the split before parameter routes.</summary>
    [Benchmark]
    public int SplitSegments()
    {
        ReadOnlySpan<byte> path = _parameterPath;
        var rest = path.Slice(1);
        var count = RoutePath.CountSegments(path);
        var s0 = RoutePath.NextSegment(ref rest);
        var s1 = RoutePath.NextSegment(ref rest);
        return count + s0.Length + s1.Length;
    }

    /// <summary><c>Utf8Parse.TryParse</c> of <c>12345</c> as an <c>int</c>.</summary>
    [Benchmark]
    public int ParseInt()
    {
        Utf8Parse.TryParse(_parameterPath.AsSpan(7), out int value);
        return value;
    }

    /// <summary>A <c>RouteMatch</c> returned from a call that is not inlined (each Match*/Dispatch* layer does this).</summary>
    [Benchmark]
    public int ReturnRouteMatch() => MakeMatch().Route;

    /// <summary>The same call returning an <c>int</c>, for scale.</summary>
    [Benchmark]
    public int ReturnInt() => MakeInt();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static RouteMatch MakeMatch() => RouteMatch.Handled(6);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int MakeInt() => 6;
}
