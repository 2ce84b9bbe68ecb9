using System;

namespace HyperRoute.Http;

/// <summary>
/// The bounds the request parser and the server enforce. The defaults are Kestrel's, so a request that
/// Kestrel accepts is accepted here too.
/// </summary>
public sealed record HttpLimits
{
    /// <summary>
    /// The longest method token the server accepts, in bytes: 32, twice the longest method in IANA's HTTP method
    /// registry (<c>UPDATEREDIRECTREF</c>, 17). A longer token is not a method anyone routes but a malformed request
    /// line, answered 400 as soon as its 33rd byte is in (not 414 once the line limit is reached).
    /// </summary>
    public const int MaxMethodLength = 32;

    /// <summary>The longest request line (method, target, version, CRLF) in bytes; longer answers 414. Default 8 KiB.</summary>
    public int MaxRequestLineSize { get; init; } = 8 * 1024;

    /// <summary>The most bytes of header fields (after the request line, with the final empty line); more answers 431. Default 32 KiB.</summary>
    public int MaxRequestHeadersTotalSize { get; init; } = 32 * 1024;

    /// <summary>The most header fields in one request (trailer fields of a chunked body count too); more answers 431. Default 100.</summary>
    public int MaxRequestHeaderCount { get; init; } = 100;

    /// <summary>The largest request body in bytes (after de-chunking); larger answers 413. Default 30,000,000 (about 28.6 MiB).</summary>
    public long MaxRequestBodySize { get; init; } = 30_000_000;

    /// <summary>The longest chunk-size line of a chunked body, extensions included; longer answers 400. Default 4 KiB.</summary>
    public int MaxChunkLineSize { get; init; } = 4 * 1024;

    /// <summary>The limits Kestrel applies by default.</summary>
    public static HttpLimits Default { get; } = new();

    /// <summary>Throws when a limit is not positive.</summary>
    public void Validate()
    {
        Positive(MaxRequestLineSize, nameof(MaxRequestLineSize));
        Positive(MaxRequestHeadersTotalSize, nameof(MaxRequestHeadersTotalSize));
        Positive(MaxRequestHeaderCount, nameof(MaxRequestHeaderCount));
        Positive(MaxChunkLineSize, nameof(MaxChunkLineSize));
        if (MaxRequestBodySize < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRequestBodySize), MaxRequestBodySize, "MaxRequestBodySize must be zero or more.");
        }

        static void Positive(int value, string name)
        {
            if (value <= 0)
            {
                throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
            }
        }
    }
}
