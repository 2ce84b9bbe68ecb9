using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Sources;
using Xunit;

namespace HyperRoute.Tests.Messaging.Sources;

/// <summary>Builds framed bytes for the tests, and waits for conditions within a bound.</summary>
internal static class Frames
{
    public static byte[] Encode(FrameFormat format, params byte[][] frames)
    {
        var bytes = new List<byte>();
        foreach (var frame in frames)
        {
            var prefix = new byte[format.PrefixSize];
            Assert.True(FrameReader.TryWritePrefix(prefix, frame.Length, format));
            bytes.AddRange(prefix);
            bytes.AddRange(frame);
        }

        return bytes.ToArray();
    }

    public static byte[] Encode(params string[] frames) => Encode(default, frames.Select(Encoding.UTF8.GetBytes).ToArray());

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    public static async Task WaitUntil(Func<bool> condition, double seconds = 5)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "The condition did not hold in time.");
            await Task.Delay(5);
        }
    }
}
