using System;
using System.Buffers;
using System.Buffers.Text;
using System.Threading;

namespace HyperRoute.Http;

/// <summary>
/// The value of the <c>Date</c> response header (IMF-fixdate, <c>Sun, 06 Nov 1994 08:49:37 GMT</c>), formatted
/// at most once per second into one of two buffers that take turns, so reading it never allocates.
/// </summary>
internal static class DateHeader
{
    public const int Length = 29;
    private static readonly byte[][] s_buffers = [new byte[Length], new byte[Length]];
    private static long s_second = -1;
    private static int s_current;

    /// <summary>The current date, correct to the second.</summary>
    public static ReadOnlySpan<byte> Current
    {
        get
        {
            var now = DateTimeOffset.UtcNow;
            var second = now.ToUnixTimeSeconds();
            if (second != Volatile.Read(ref s_second))
            {
                Refresh(now, second);
            }

            return s_buffers[Volatile.Read(ref s_current)];
        }
    }

    private static void Refresh(DateTimeOffset now, long second)
    {
        lock (s_buffers)
        {
            if (second == s_second)
            {
                return;
            }

            var next = 1 - s_current;
            Utf8Formatter.TryFormat(now, s_buffers[next], out _, new StandardFormat('R'));
            Volatile.Write(ref s_current, next);
            Volatile.Write(ref s_second, second);
        }
    }
}
