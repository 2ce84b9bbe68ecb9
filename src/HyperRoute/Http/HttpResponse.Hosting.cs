using System;

namespace HyperRoute.Http;

/// <summary>What a host other than the built-in server reads back from a buffered response (<see cref="Hosting.HostedExchange"/>).</summary>
public sealed partial class HttpResponse
{
    /// <summary>The headers set so far, as <c>Name: value\r\n</c> lines in the order they were set.</summary>
    internal ReadOnlySpan<byte> HeaderLines => _headers.Written;
}
