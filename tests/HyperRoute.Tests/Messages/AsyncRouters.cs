using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Tests.Messages;

/// <summary>A unit of work the async router tests send: what to do (<see cref="Kind"/>) and which one it is.</summary>
[Message]
public partial struct Job
{
    [Field(0)] public byte Kind;
    [Field(1)] public int Number;
    [Field(2)] public int Connection;

    /// <summary>The job as one frame's bytes.</summary>
    public static byte[] Frame(byte kind, int number, int connection = 0)
    {
        var frame = new byte[FixedSize];
        new Job { Kind = kind, Number = number, Connection = connection }.TryWrite(frame, out _);
        return frame;
    }
}

/// <summary>
/// Async handlers under the tests' control: <see cref="Wait"/> waits for its job's gate (open unless the test holds
/// it), <see cref="Fail"/> throws after its gate, <see cref="Quick"/> completes synchronously, <see cref="Sync"/> is a
/// plain handler. Every handler records when it starts and finishes, in one ordered journal.
/// </summary>
[MessageRouter(typeof(Job), nameof(Job.Kind))]
public sealed partial class JobRouter
{
    public const byte WaitKind = 1, QuickKind = 2, FailKind = 3, SyncKind = 4;

    private readonly ConcurrentDictionary<int, TaskCompletionSource> _gates = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _started = new();
    private readonly List<string> _journal = [];

    /// <summary>What the handlers did, in order: <c>start 1@0</c>, <c>end 1@0</c> (job number @ connection).</summary>
    public string[] Journal
    {
        get
        {
            lock (_journal)
            {
                return _journal.ToArray();
            }
        }
    }

    /// <summary>The cancellation the last waiting handler saw, if any.</summary>
    public Exception? Cancelled { get; private set; }

    /// <summary>Makes job <paramref name="number"/> wait until <see cref="Open"/>.</summary>
    public void Hold(int number) => _gates[number] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets job <paramref name="number"/> go on.</summary>
    public void Open(int number) => _gates[number].SetResult();

    /// <summary>Completes when the handler of job <paramref name="number"/> has started.</summary>
    public Task Started(int number) => StartedSource(number).Task;

    [On(WaitKind)]
    private async ValueTask Wait(Job job, CancellationToken cancellationToken)
    {
        Record("start", job);
        try
        {
            await Gate(job.Number).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException exception)
        {
            Cancelled = exception;
            throw;
        }

        Record("end", job);
    }

    [On(QuickKind)]
    private ValueTask Quick(Job job)
    {
        Record("start", job);
        Record("end", job);
        return default;
    }

    [On(FailKind)]
    private async ValueTask Fail(Job job)
    {
        Record("start", job);
        await Gate(job.Number);
        throw new InvalidOperationException("job " + job.Number + " failed after await");
    }

    [On(SyncKind)]
    private void Sync(in Job job)
    {
        Record("start", job);
        Record("end", job);
    }

    private Task Gate(int number) => _gates.TryGetValue(number, out var gate) ? gate.Task : Task.CompletedTask;

    private TaskCompletionSource StartedSource(int number)
        => _started.GetOrAdd(number, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private void Record(string what, Job job)
    {
        lock (_journal)
        {
            _journal.Add(what + " " + job.Number + "@" + job.Connection);
        }

        if (what == "start")
        {
            StartedSource(job.Number).TrySetResult();
        }
    }
}

/// <summary>A static router with an async fallback whose handlers complete synchronously: for the allocation tests.</summary>
[MessageRouter(typeof(Job), nameof(Job.Kind))]
public static partial class QuickJobRouter
{
    private static long _handled;

    /// <summary>Jobs handled.</summary>
    public static long Handled => Interlocked.Read(ref _handled);

    [On(JobRouter.QuickKind)]
    private static ValueTask Quick(in Job job)
    {
        Interlocked.Increment(ref _handled);
        return default;
    }

    [Otherwise]
    private static async ValueTask Other(Job job)
    {
        Interlocked.Increment(ref _handled);
        await Task.CompletedTask; // an async method that never waits: completes synchronously, with no allocation
    }
}
