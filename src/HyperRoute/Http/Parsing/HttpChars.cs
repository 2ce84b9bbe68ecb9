using System.Buffers;

namespace HyperRoute.Http;

/// <summary>The character classes of RFC 9110 and RFC 9112 the parser checks, as vectorised search sets.</summary>
internal static class HttpChars
{
    /// <summary><c>tchar</c>: the bytes of a method, a header name, a transfer coding or a chunk-extension name.</summary>
    public static readonly SearchValues<byte> Token = SearchValues.Create(
        "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    /// <summary>
    /// The bytes that cannot appear in a field value: controls other than horizontal tab, and DEL. Searching for
    /// them finds the CR that ends a valid value and any invalid byte before it in one pass.
    /// </summary>
    public static readonly SearchValues<byte> NotFieldValue = SearchValues.Create(
        [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
         0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F, 0x7F]);

    /// <summary><c>DIGIT</c>.</summary>
    public static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    /// <summary><c>SP</c> or <c>HTAB</c>: optional whitespace.</summary>
    public static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t';

    /// <summary>A visible ASCII byte: what a request target is made of.</summary>
    public static bool IsVisible(byte b) => (uint)(b - 0x21) <= 0x7E - 0x21;

    /// <summary>The value of a hex digit, or -1.</summary>
    public static int HexValue(byte b)
    {
        if ((uint)(b - '0') <= 9)
        {
            return b - '0';
        }

        var lower = (uint)((b | 0x20) - 'a');
        return lower <= 5 ? (int)lower + 10 : -1;
    }
}
