using System;
using System.Buffers.Text;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Http;
using HyperRoute.Messaging.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace HyperRoute.Hosting.Tests;

/// <summary>A scoped service that numbers itself and records its disposal.</summary>
public sealed class RequestCounter : IDisposable
{
    private static int s_created;
    private static int s_disposed;

    public int Id { get; } = Interlocked.Increment(ref s_created);

    public static int Disposed => Volatile.Read(ref s_disposed);

    public void Dispose() => Interlocked.Increment(ref s_disposed);
}

/// <summary>A service keyed by region.</summary>
public sealed record Region(string Name);

/// <summary>A service nobody registers.</summary>
public interface IUnregistered
{
}

/// <summary>Lets a test hold a request in its handler and release it.</summary>
public sealed class Gate
{
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>The routes the Generic Host tests serve on the built-in server.</summary>
[Router]
public static partial class HostedApi
{
    [Route("GET /ping")]
    public static void Ping(HttpResponse response) => response.Text("pong"u8);

    [Route("POST /echo")]
    public static void Echo([Body] ReadOnlySpan<byte> body, HttpResponse response) => response.Write(body);

    [Route("GET /scoped")]
    public static void Scoped([FromServices] RequestCounter first, [FromServices] RequestCounter second, HttpResponse response)
    {
        // "{first}/{second}": the instances the two parameters received, by number.
        var text = response.GetSpan(24);
        Utf8Formatter.TryFormat(first.Id, text, out var written);
        text[written++] = (byte)'/';
        Utf8Formatter.TryFormat(second.Id, text.Slice(written), out var more);
        response.Advance(written + more);
    }

    [Route("GET /region")]
    public static string KeyedRegion([FromKeyedServices("eu")] Region region) => region.Name;

    [Route("GET /unregistered")]
    public static string Unregistered([FromServices] IUnregistered service) => "unreachable";

    [Route("GET /held")]
    public static async ValueTask Held([FromServices] Gate gate, HttpResponse response)
    {
        gate.Entered.TrySetResult();
        await gate.Release.Task;
        response.Text("released"u8);
    }
}

/// <summary>Counts the frames a hosted source delivers.</summary>
public sealed class FrameLog
{
    private int _frames;

    public TaskCompletionSource FirstFrame { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Frames => Volatile.Read(ref _frames);

    public void Add()
    {
        Interlocked.Increment(ref _frames);
        FirstFrame.TrySetResult();
    }
}

/// <summary>A frame handler built from the host's services.</summary>
public readonly struct CountingHandler(FrameLog log) : IFrameHandler
{
    public void OnFrame(ReadOnlySpan<byte> frame, in FrameContext context) => log.Add();
}
