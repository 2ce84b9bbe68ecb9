using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using HyperRoute.Http;
using Xunit;
using Xunit.Abstractions;

namespace HyperRoute.Tests.Http;

/// <summary>
/// The request parser against llhttp's own request tests: every non-lenient case of
/// <c>../shared/corpora/llhttp-requests.json</c> (llhttp 9.4.2) is parsed as a server reads a connection, message
/// after message, and the verdict compared with llhttp's: what llhttp accepts must parse to the same method,
/// target, version, header fields, framing and Content-Length body; what it rejects must be rejected; where it
/// waits for more bytes the parser must too. A case may differ only when <see cref="ByDesign"/> lists it with the
/// reason; cases whose verdict lies in a chunked body are checked on the live server by <see cref="LlhttpServerTests"/> (here the heads are compared).
/// An HTTP/1.1 request without <c>Host</c> is answered 400 here (RFC 9112 §3.2) while llhttp accepts it: such a
/// message is parsed again with a <c>Host</c> field added, and agrees when the rest of it does.
/// Without <c>../shared</c> (a clone outside the workplace) the tests return early and say so; CI has the corpus.
/// </summary>
public sealed class LlhttpCorpusTests(ITestOutputHelper output)
{
    private const string Absent = "(corpus absent)";

    /// <summary>The cases where this parser answers differently from llhttp on purpose, with the reason.</summary>
    internal static readonly IReadOnlyDictionary<string, string> ByDesign = new Dictionary<string, string>
    {
        // Request line: only HTTP/1.x, only the forms an origin server takes.
        ["sample-no-http-version-L314"] = "HTTP/0.9 request line (no version) is not accepted; the request line must end in HTTP-version (RFC 9112 §3, §2.3)",
        ["method-source-request-with-ice-L372"] = "ICE/1.0 is not HTTP: HTTP-name is \"HTTP\" (RFC 9112 §2.3)",
        ["method-options-request-with-rtsp-L400"] = "RTSP/1.0 is not HTTP: HTTP-name is \"HTTP\" (RFC 9112 §2.3)",
        ["method-announce-request-with-rtsp-L430"] = "RTSP/1.0 is not HTTP: HTTP-name is \"HTTP\" (RFC 9112 §2.3)",
        ["method-connect-request-L27"] = "authority-form (CONNECT) is for proxies; an origin server that does not tunnel rejects it (RFC 9112 §3.2.3, RFC 9110 §9.3.6)",
        ["method-connect-request-with-caps-L62"] = "authority-form (CONNECT) is for proxies; an origin server that does not tunnel rejects it (RFC 9112 §3.2.3, RFC 9110 §9.3.6)",
        ["method-connect-with-body-L96"] = "authority-form (CONNECT) is for proxies; an origin server that does not tunnel rejects it (RFC 9112 §3.2.3, RFC 9110 §9.3.6)",
        ["uri-underscore-in-hostname-L188"] = "authority-form (CONNECT) is for proxies; an origin server that does not tunnel rejects it (RFC 9112 §3.2.3, RFC 9110 §9.3.6)",
        ["uri-hostport-and-basic-auth-L222"] = "userinfo in an http URI is treated as an error (RFC 9110 §4.2.4): the absolute-form authority is the request's host (RFC 9112 §3.2.2) and must be uri-host [ \":\" port ]",
        ["method-m-search-request-L135"] = "asterisk-form is only for a server-wide OPTIONS (RFC 9112 §3.2.4); M-SEARCH * is SSDP over UDP",
        ["method-pri-request-http2-L458"] = "the HTTP/2 connection preface (PRI *) is not HTTP/1.1 and asterisk-form is only for OPTIONS (RFC 9112 §3.2.4, RFC 9113 §3.4)",
        ["invalid-http-protocol-and-announce-method-L66"] = "any token is a method (RFC 9110 §9.1); llhttp's per-protocol method list rejects ANNOUNCE, here the router answers 501/405",
        ["invalid-invalid-method-L356"] = "any token is a method (RFC 9110 §9.1); llhttp's method list rejects MKCOLA, here the router answers 501/405 (and HTTP/1.1 without Host is 400)",

        // Framing.
        ["transfer-encoding-post-with-chunked-as-last-transfer-encoding-L751"] = "a transfer coding other than chunked is not implemented: 501 (RFC 9112 §6.1); llhttp leaves the decoding to its caller",
        ["transfer-encoding-post-with-chunked-as-last-transfer-encoding-multiple-headers-L793"] = "a transfer coding other than chunked is not implemented: 501 (RFC 9112 §6.1); llhttp leaves the decoding to its caller",
        ["content-length-content-length-reset-when-no-body-is-received-L444"] = "llhttp's harness skips the body (on_headers_complete returns 1, meant for responses to HEAD); a request's Content-Length always frames its body (RFC 9112 §6.3)",

        // The connection after the message.
        ["connection-no-restart-when-keep-alive-is-off-10-L81"] = "after a message that does not keep the connection (HTTP/1.0 without keep-alive) the server stops reading and closes; later bytes are not answered 400 (RFC 9112 §9.3, §9.6)",
        ["connection-crlf-between-requests-explicit-close-L292"] = "after Connection: close the server stops reading and closes; later bytes are not answered 400 (RFC 9112 §9.6)",
        ["connection-crlf-between-requests-explicit-close-followed-by-tab-L342"] = "after Connection: close the server stops reading and closes; later bytes are not answered 400 (RFC 9112 §9.6)",
        ["connection-multiple-tokens-with-folding-and-lws-L542"] = "Upgrade is not supported and is ignored (RFC 9110 §7.8), so the bytes after the head are read as the next request; llhttp hands them to the upgrade",
        ["connection-emitting-part-of-body-and-pausing-L713"] = "Upgrade is not supported and is ignored (RFC 9110 §7.8), so the bytes after the body are read as the next request; llhttp hands them to the upgrade",
        ["connection-upgrade-get-request-L753"] = "Upgrade is not supported and is ignored (RFC 9110 §7.8), so the bytes after the head are read as the next request; llhttp hands them to the upgrade",
        ["connection-upgrade-post-request-L812"] = "Upgrade is not supported and is ignored (RFC 9110 §7.8), so the bytes after the body are read as the next request; llhttp hands them to the upgrade",
    };

    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        var cases = LlhttpCorpus.Load();
        if (cases is null)
        {
            data.Add(Absent);
            return data;
        }

        foreach (var item in cases.Where(c => !c.Lenient))
        {
            data.Add(item.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case_agrees_with_llhttp_or_differs_for_a_listed_reason(string id)
    {
        var cases = LlhttpCorpus.Load();
        if (cases is null || id == Absent)
        {
            output.WriteLine($"SKIPPED: {LlhttpCorpus.RelativePath} is absent (a clone outside the workplace); the corpus test runs in CI.");
            return;
        }

        var item = cases.Single(c => c.Id == id);
        var result = LlhttpComparison.Classify(item, ByDesign);
        output.WriteLine($"{result.Kind}: {result.Detail}");
        output.WriteLine($"raw: {item.RawForDisplay}");
        Assert.True(result.Kind != Agreement.Disagree, $"{id} disagrees with llhttp: {result.Detail}");
    }

    [Fact]
    public void Summary_of_agreement_with_llhttp()
    {
        var cases = LlhttpCorpus.Load();
        if (cases is null)
        {
            output.WriteLine($"SKIPPED: {LlhttpCorpus.RelativePath} is absent (a clone outside the workplace); the corpus test runs in CI.");
            return;
        }

        var strict = cases.Where(c => !c.Lenient).ToList();
        var results = strict.Select(c => (Case: c, Result: LlhttpComparison.Classify(c, ByDesign))).ToList();
        foreach (var group in results.GroupBy(r => r.Result.Kind).OrderBy(g => g.Key))
        {
            output.WriteLine($"## {group.Key} ({group.Count()})");
            foreach (var (item, result) in group)
            {
                output.WriteLine($"{item.Id}: {result.Detail}");
            }
        }

        int Count(Agreement kind) => results.Count(r => r.Result.Kind == kind);
        var hostRule = results.Count(r => r.Result.Kind == Agreement.Agree && r.Result.ByHostRule);
        output.WriteLine(
            $"{strict.Count} non-lenient of {cases.Count} cases: agree {Count(Agreement.Agree)} (of which {hostRule} by the Host rule), " +
            $"disagree by design {Count(Agreement.ByDesign)}, verdict in a chunked body (checked on the server) {Count(Agreement.ChunkedBody)}, " +
            $"disagree {Count(Agreement.Disagree)}");

        Assert.True(strict.Count >= 130, $"the corpus has only {strict.Count} non-lenient cases");
        Assert.Empty(ByDesign.Keys.Except(strict.Select(c => c.Id))); // no stale ids in the list
        Assert.Equal(0, Count(Agreement.Disagree));
    }
}
