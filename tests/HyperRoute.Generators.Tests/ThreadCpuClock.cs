using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace HyperRoute.Generators.Tests;

/// <summary>
/// The CPU time the calling thread has used (Linux: <c>CLOCK_THREAD_CPUTIME_ID</c>), so a time bound on work done on
/// one thread holds on a machine busy with other processes and parallel tests; elsewhere, the wall clock.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static TimeSpan Now()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTimeId, out var time) == 0)
        {
            return TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100));
        }

        return Stopwatch.GetElapsedTime(0);
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
