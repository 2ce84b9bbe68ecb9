using System;

namespace HyperRoute.Http;

/// <summary>What a host other than the built-in server reads back from a buffered response (<see cref="Hosting.HostedExchange"/>).</summary>
public sealed partial class HttpResponse
{
    /// <summary>The headers set so far, as <c>Name: value\r\n</c> lines in the order they were set.</summary>
    internal ReadOnlySpan<byte> HeaderLines => _headers.Written;

    /// <summary>A host streaming the response (<see cref="Hosting.IHostedResponseStream"/>) is sending its head.</summary>
    internal void MarkHeadSentByHost() => _headWritten = true;

    /// <summary>A host streaming the response copied the body written so far: the next flush sends what follows.</summary>
    internal void ClearBodySentByHost() => _body.Clear();
}
