using System;
using BenchmarkDotNet.Attributes;
using HyperRoute.Benchmarks.Infrastructure;
using HyperRoute.Http;

namespace HyperRoute.Benchmarks;

/// <summary>
/// The request-head parser (<see cref="HttpRequestParser.TryParse{TSlots}"/>: one pass that validates and parses
/// the whole head) on picohttpparser's benchmark request (<c>bench.c</c>: 703 bytes, 9 header fields and a long cookie) and on
/// the smallest TechEmpower-style request. Target: 250 ns and no allocation for the 703-byte request.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(QuickConfig))]
public class HttpParserBenchmarks
{
    // picohttpparser bench.c, byte for byte.
    private static readonly byte[] PicoRequest =
        ("GET /wp-content/uploads/2010/03/hello-kitty-darth-vader-pink.jpg HTTP/1.1\r\n"u8
        + "Host: www.kittyhell.com\r\n"u8
        + "User-Agent: Mozilla/5.0 (Macintosh; U; Intel Mac OS X 10.6; ja-JP-mac; rv:1.9.2.3) Gecko/20100401 Firefox/3.6.3 Pathtraq/0.9\r\n"u8
        + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"u8
        + "Accept-Language: ja,en-us;q=0.7,en;q=0.3\r\n"u8
        + "Accept-Encoding: gzip,deflate\r\n"u8
        + "Accept-Charset: Shift_JIS,utf-8;q=0.7,*;q=0.7\r\n"u8
        + "Keep-Alive: 115\r\n"u8
        + "Connection: keep-alive\r\n"u8
        + "Cookie: wp_ozh_wsa_visits=2; wp_ozh_wsa_visit_lasttime=xxxxxxxxxx; "u8
        + "__utma=xxxxxxxxx.xxxxxxxxxx.xxxxxxxxxx.xxxxxxxxxx.xxxxxxxxxx.x; "u8
        + "__utmz=xxxxxxxxx.xxxxxxxxxx.x.x.utmccn=(referral)|utmcsr=reader.livedoor.com|utmcct=/reader/|utmcmd=referral\r\n"u8
        + "\r\n"u8).ToArray();

    private static readonly byte[] PlaintextRequest = "GET /plaintext HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray();

    private readonly HttpLimits _limits = HttpLimits.Default;

    [GlobalSetup]
    public void Setup()
    {
        Verify("the picohttpparser request's length", PicoRequest.Length, 703);
        Verify("the plaintext request's length", PlaintextRequest.Length, 36);

        // Each benchmark must parse its whole request.
        Verify(nameof(Pico703Bytes), Pico703Bytes(), PicoRequest.Length);
        Verify(nameof(Plaintext), Plaintext(), PlaintextRequest.Length);
    }

    [Benchmark(Baseline = true, Description = "picohttpparser bench.c, 703 B")]
    public int Pico703Bytes() => Parse(PicoRequest);

    [Benchmark(Description = "GET /plaintext, 36 B")]
    public int Plaintext() => Parse(PlaintextRequest);

    private int Parse(byte[] request)
    {
        HttpRequestParser.TryParse<NoHeaderSlots>(request, _limits, out var head, default, out var error);
        return error == HttpError.None ? head.Length : -1;
    }

    private static void Verify(string name, int parsed, int expected)
    {
        if (parsed != expected)
        {
            throw new InvalidOperationException($"{name}: {parsed}, expected {expected}");
        }
    }
}
