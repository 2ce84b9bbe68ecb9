using System;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace HyperRoute.Benchmarks.Infrastructure;

/// <summary>
/// One benchmark input, in both shapes: UTF-8 arrays for HyperRoute and the hand-written floor (arrays, not
/// <c>u8</c> literals, so the JIT cannot specialise on constant spans), strings for ASP.NET Core.
/// </summary>
public sealed class Request
{
    public Request(string method, string path, string query, int expected)
    {
        Method = Encoding.UTF8.GetBytes(method);
        Path = Encoding.UTF8.GetBytes(path);
        Query = Encoding.UTF8.GetBytes(query);
        MethodString = method;
        PathString = new PathString(path);
        QueryString = query.Length == 0 ? QueryString.Empty : new QueryString("?" + query);
        Expected = expected;
        Description = $"{method} {path}{(query.Length == 0 ? "" : "?" + query)}";
    }

    public byte[] Method { get; }

    public byte[] Path { get; }

    public byte[] Query { get; }

    public string MethodString { get; }

    public PathString PathString { get; }

    public QueryString QueryString { get; }

    /// <summary>What every implementation must return: the handler's result, or the negated status of a failure.</summary>
    public int Expected { get; }

    public string Description { get; }

    /// <summary>Fails the benchmark's setup when an implementation does not do the expected work.</summary>
    public void Verify(string implementation, int actual)
    {
        if (actual != Expected)
        {
            throw new InvalidOperationException($"{implementation} returned {actual} for {Description}; expected {Expected}.");
        }
    }
}
