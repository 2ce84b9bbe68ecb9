using System;
using System.Runtime.CompilerServices;

namespace HyperRoute.Routing;

/// <summary>
/// The path rules that every generated dispatcher shares: how a path is normalized, counted and split into
/// segments. See <c>docs/routing.md</c>.
/// </summary>
public static class RoutePath
{
    /// <summary>
    /// Prepares a request path for routing: it must start with <c>/</c>; one trailing <c>/</c> is dropped
    /// (<c>/users/</c> routes as <c>/users</c>); percent-escapes are decoded into <paramref name="buffer"/>,
    /// except <c>%2F</c>, which stays encoded so that decoding cannot create segments.
    /// </summary>
    /// <param name="path">The raw path, without the query.</param>
    /// <param name="buffer">Receives the decoded path when it holds escapes.</param>
    /// <param name="normalized">The path to route on.</param>
    /// <param name="problem">Why the path was rejected.</param>
    /// <returns><see langword="false"/> when the path cannot be routed (answer 400).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryNormalize(ReadOnlySpan<byte> path, scoped ref DecodeBuffer buffer, out ReadOnlySpan<byte> normalized, out RouteProblem problem)
    {
        if (path.IsEmpty || path[0] != (byte)'/')
        {
            normalized = default;
            problem = RouteProblem.PathNotAbsolute;
            return false;
        }

        if (path.Length > 1 && path[path.Length - 1] == (byte)'/')
        {
            path = path.Slice(0, path.Length - 1);
        }

        if (ContainsPercent(path))
        {
            return TryDecode(path, ref buffer, out normalized, out problem);
        }

        normalized = path;
        problem = RouteProblem.None;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ContainsPercent(ReadOnlySpan<byte> path)
    {
        if (path.Length > ShortPath)
        {
            return path.IndexOf((byte)'%') >= 0; // vectorized for long paths
        }

        foreach (var b in path)
        {
            if (b == (byte)'%')
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryDecode(ReadOnlySpan<byte> path, scoped ref DecodeBuffer buffer, out ReadOnlySpan<byte> normalized, out RouteProblem problem)
    {
        var destination = buffer.Take(path.Length);
        if (!PercentEncoding.TryDecode(path, destination, plusIsSpace: false, keepEncodedSlash: true, out var written))
        {
            normalized = default;
            problem = RouteProblem.MalformedPath;
            return false;
        }

        normalized = destination.Slice(0, written);
        problem = RouteProblem.None;
        return true;
    }

    /// <summary>The number of segments in a normalized path: 0 for <c>/</c>, 1 for <c>/a</c>, 2 for <c>/a/b</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CountSegments(ReadOnlySpan<byte> normalized)
    {
        if (normalized.Length > ShortPath)
        {
            return normalized.Count((byte)'/'); // vectorized for long paths
        }

        // Short paths (the common case): a plain loop beats the vectorized search's set-up.
        var count = 0;
        foreach (var b in normalized)
        {
            count += b == (byte)'/' ? 1 : 0;
        }

        return normalized.Length == 1 ? 0 : count;
    }

    private const int ShortPath = 64;
    private const int ShortSegment = 16;

    /// <summary>
    /// Returns the next segment of <paramref name="rest"/> (the part before the next <c>/</c>) and advances
    /// <paramref name="rest"/> past it and its separator. Call it once per segment, starting with the
    /// normalized path after its leading <c>/</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> NextSegment(scoped ref ReadOnlySpan<byte> rest)
    {
        var slash = -1;
        var limit = Math.Min(rest.Length, ShortSegment);
        for (var i = 0; i < limit; i++)
        {
            if (rest[i] == (byte)'/')
            {
                slash = i;
                break;
            }
        }

        if (slash < 0 && rest.Length > ShortSegment)
        {
            slash = rest.Slice(ShortSegment).IndexOf((byte)'/');
            slash = slash < 0 ? -1 : slash + ShortSegment;
        }

        if (slash < 0)
        {
            var last = rest;
            rest = default;
            return last;
        }

        var segment = rest.Slice(0, slash);
        rest = rest.Slice(slash + 1);
        return segment;
    }
}
