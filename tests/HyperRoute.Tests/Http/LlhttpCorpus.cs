using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace HyperRoute.Tests.Http;

/// <summary>One message llhttp reported for a case (the first, or a pipelined one).</summary>
internal sealed record LlhttpMessage(
    string? Method,
    string? Url,
    string? Version,
    IReadOnlyList<(string Name, string Value)> Headers,
    string Body,
    bool Complete,
    bool HeadersComplete,
    IReadOnlyList<string> Flags,
    long ContentLength);

/// <summary>One case of <c>llhttp-requests.json</c>: the bytes and llhttp's verdict on them.</summary>
internal sealed record LlhttpCase(
    string Id,
    bool Lenient,
    byte[] Raw,
    string Expect,
    bool Upgrade,
    bool MissingHost,
    string? ErrorReason,
    int ErrorOffset,
    IReadOnlyList<LlhttpMessage> Messages)
{
    /// <summary>The raw bytes with CR, LF and other controls escaped, for test output.</summary>
    public string RawForDisplay => string.Concat(Raw.Select(b => b switch
    {
        (byte)'\r' => "\\r",
        (byte)'\n' => "\\n",
        (byte)'\t' => "\\t",
        < 0x20 or >= 0x7F => $"\\x{b:x2}",
        _ => ((char)b).ToString(),
    }));
}

/// <summary>Reads <c>../shared/corpora/llhttp-requests.json</c>, found by walking up to the solution folder.</summary>
internal static class LlhttpCorpus
{
    public const string RelativePath = "../shared/corpora/llhttp-requests.json";

    private static readonly Lazy<IReadOnlyList<LlhttpCase>?> Cases = new(Read);

    /// <summary>The cases, or <see langword="null"/> when the corpus is absent.</summary>
    public static IReadOnlyList<LlhttpCase>? Load() => Cases.Value;

    private static IReadOnlyList<LlhttpCase>? Read()
    {
        var path = CorpusPath();
        if (path is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().Select(ReadCase).ToList();
    }

    private static LlhttpCase ReadCase(JsonElement item) => new(
        Id: item.GetProperty("id").GetString()!,
        Lenient: item.GetProperty("lenient").GetBoolean(),
        Raw: Convert.FromBase64String(item.GetProperty("raw_base64").GetString()!),
        Expect: item.GetProperty("expect").GetString()!,
        Upgrade: item.GetProperty("upgrade").GetBoolean(),
        MissingHost: item.TryGetProperty("missing_host_http11", out var missing) && missing.GetBoolean(),
        ErrorReason: item.TryGetProperty("error_reason", out var reason) ? reason.GetString() : null,
        ErrorOffset: item.TryGetProperty("error_offset", out var offset) ? offset.GetInt32() : -1,
        Messages: item.GetProperty("messages").EnumerateArray().Select(ReadMessage).ToList());

    private static LlhttpMessage ReadMessage(JsonElement message) => new(
        Method: String(message, "method"),
        Url: String(message, "url"),
        Version: String(message, "version"),
        Headers: message.TryGetProperty("headers", out var headers)
            ? headers.EnumerateArray().Select(h => (h[0].GetString()!, h[1].GetString()!)).ToList()
            : [],
        Body: String(message, "body") ?? "",
        Complete: message.GetProperty("complete").GetBoolean(),
        // llhttp reports the flags and the Content-Length once the head is complete.
        HeadersComplete: message.TryGetProperty("flags", out var flags) && flags.ValueKind == JsonValueKind.Array,
        Flags: flags.ValueKind == JsonValueKind.Array ? flags.EnumerateArray().Select(f => f.GetString()!).ToList() : [],
        ContentLength: message.TryGetProperty("content_length", out var length) && length.ValueKind == JsonValueKind.Number ? length.GetInt64() : 0);

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? CorpusPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HyperRoute.Generators.sln")))
            {
                var path = Path.Combine(directory.FullName, "..", "shared", "corpora", "llhttp-requests.json");
                return File.Exists(path) ? Path.GetFullPath(path) : null;
            }
        }

        return null;
    }

    /// <summary>Bytes as llhttp's strings hold them: one character per byte.</summary>
    public static string Latin1(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);
}
