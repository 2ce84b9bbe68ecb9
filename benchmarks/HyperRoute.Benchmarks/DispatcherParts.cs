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

    /// <summary><c>RoutePath.IsAbsolute</c> and <c>TrimTrailingSlash</c> of <c>/users/12345</c>, with the <c>DecodeBuffer</c> <c>Dispatch</c> sets up and disposes.</summary>
    [Benchmark]
    public int TrimPath()
    {
        var buffer = new DecodeBuffer(default, _parameterPath.Length);
        var trimmed = RoutePath.IsAbsolute(_parameterPath) ? RoutePath.TrimTrailingSlash(_parameterPath) : default;
        buffer.Dispose();
        return trimmed.Length;
    }

    /// <summary><c>RoutePath.ContainsEscape</c> of <c>/users/12345</c>: the scan for <c>%</c> that only a path no route matched as received pays.</summary>
    [Benchmark]
    public bool ScanForEscape() => RoutePath.ContainsEscape(_parameterPath);

    /// <summary><c>Utf8Literal.EqualsLower</c> of <c>/health</c>: the literal comparison.</summary>
    [Benchmark]
    public bool CompareLiteral() => Utf8Literal.EqualsLower(_literalPath, "/health"u8);

    /// <summary>Two <c>RoutePath.SegmentEnd</c>s of <c>/users/12345</c> and their slices: the walk to <c>{id:int}</c>.</summary>
    [Benchmark]
    public int FindSegments()
    {
        ReadOnlySpan<byte> path = _parameterPath;
        var e0 = RoutePath.SegmentEnd(path, 1);
        var s0 = path.Slice(1, e0 - 1);
        var e1 = RoutePath.SegmentEnd(path, e0 + 1);
        var s1 = path.Slice(e0 + 1, e1 - e0 - 1);
        return s0.Length + s1.Length + (e1 == path.Length ? 1 : 0);
    }

    /// <summary><c>Utf8Parse.TryParse</c> of <c>12345</c> as an <c>int</c>.</summary>
    [Benchmark]
    public int ParseInt()
    {
        Utf8Parse.TryParse(_parameterPath.AsSpan(7), out int value);
        return value;
    }

    /// <summary><c>RoutePath.Int32SegmentEnd</c> of <c>/users/12345</c> from offset 7: what the generated code runs for <c>{id:int}</c> (parse and segment end at once).</summary>
    [Benchmark]
    public int ParseIntSegment()
    {
        var end = RoutePath.Int32SegmentEnd(_parameterPath, 7, out var value);
        return value + end;
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
