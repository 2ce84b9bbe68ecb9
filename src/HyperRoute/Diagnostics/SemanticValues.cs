using System;
using System.Globalization;

namespace HyperRoute.Diagnostics;

/// <summary>
/// Tag values in the form the semantic conventions ask for, made once so that recording a measurement boxes and
/// formats nothing: the method names, the status codes as boxed integers, and the 5xx codes as <c>error.type</c> strings.
/// </summary>
internal static class SemanticValues
{
    /// <summary>The <c>http.request.method</c> of a method the conventions do not know.</summary>
    public const string OtherMethod = "_OTHER";

    private const int FirstStatus = 100;
    private const int LastStatus = 999;

    private static readonly object[] s_statusCodes = BoxStatusCodes();
    private static readonly string[] s_serverErrors = FormatServerErrors();

    /// <summary>The request method as <c>http.request.method</c>: one of the conventions' well-known methods, else <c>_OTHER</c>.</summary>
    public static string Method(ReadOnlySpan<byte> method) => method.Length switch
    {
        3 when method.SequenceEqual("GET"u8) => "GET",
        3 when method.SequenceEqual("PUT"u8) => "PUT",
        4 when method.SequenceEqual("POST"u8) => "POST",
        4 when method.SequenceEqual("HEAD"u8) => "HEAD",
        5 when method.SequenceEqual("PATCH"u8) => "PATCH",
        5 when method.SequenceEqual("TRACE"u8) => "TRACE",
        6 when method.SequenceEqual("DELETE"u8) => "DELETE",
        7 when method.SequenceEqual("OPTIONS"u8) => "OPTIONS",
        7 when method.SequenceEqual("CONNECT"u8) => "CONNECT",
        _ => OtherMethod,
    };

    /// <summary>The status code, boxed once per code.</summary>
    public static object StatusCode(int status)
        => status is >= FirstStatus and <= LastStatus ? s_statusCodes[status - FirstStatus] : status;

    /// <summary>The <c>error.type</c> of a response: its status code for a 5xx, else <see langword="null"/> (a 4xx is the client's error, not the server's).</summary>
    public static string? ErrorType(int status) => status is >= 500 and <= 599 ? s_serverErrors[status - 500] : null;

    /// <summary>The <c>network.protocol.version</c> of a request.</summary>
    public static string ProtocolVersion(Http.HttpVersion version) => version == Http.HttpVersion.Http10 ? "1.0" : "1.1";

    private static object[] BoxStatusCodes()
    {
        var codes = new object[LastStatus - FirstStatus + 1];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = FirstStatus + i;
        }

        return codes;
    }

    private static string[] FormatServerErrors()
    {
        var errors = new string[100];
        for (var i = 0; i < errors.Length; i++)
        {
            errors[i] = (500 + i).ToString(CultureInfo.InvariantCulture);
        }

        return errors;
    }
}
