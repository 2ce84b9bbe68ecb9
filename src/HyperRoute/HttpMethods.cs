using System;

namespace HyperRoute;

/// <summary>The HTTP methods a router can declare, as flags so that a set of them (an <c>Allow</c> header) fits in one value.</summary>
[Flags]
public enum HttpMethods
{
    /// <summary>No method, or a method HyperRoute does not route (an extension method token).</summary>
    None = 0,
    /// <summary><c>GET</c></summary>
    Get = 1 << 0,
    /// <summary><c>HEAD</c></summary>
    Head = 1 << 1,
    /// <summary><c>POST</c></summary>
    Post = 1 << 2,
    /// <summary><c>PUT</c></summary>
    Put = 1 << 3,
    /// <summary><c>DELETE</c></summary>
    Delete = 1 << 4,
    /// <summary><c>PATCH</c></summary>
    Patch = 1 << 5,
    /// <summary><c>OPTIONS</c></summary>
    Options = 1 << 6,
    /// <summary><c>TRACE</c></summary>
    Trace = 1 << 7,
    /// <summary><c>CONNECT</c></summary>
    Connect = 1 << 8,
}
