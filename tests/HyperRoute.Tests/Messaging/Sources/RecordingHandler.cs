using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using HyperRoute.Messaging.Sources;

namespace HyperRoute.Tests.Messaging.Sources;

/// <summary>A frame as the handler saw it (copied: the span is only valid during the call).</summary>
internal sealed record ReceivedFrame(long ConnectionId, long Sequence, byte[] Bytes)
{
    public string Text => Encoding.UTF8.GetString(Bytes);
}

/// <summary>Everything the handlers of one source received, across connections (thread-safe).</summary>
internal sealed class FrameLog
{
    private readonly List<ReceivedFrame> _frames = [];

    /// <summary>A frame whose text is this makes the handler throw.</summary>
    public string? ThrowOn { get; init; }

    public int Count
    {
        get
        {
            lock (_frames)
            {
                return _frames.Count;
            }
        }
    }

    public ReceivedFrame[] Frames
    {
        get
        {
            lock (_frames)
            {
                return _frames.ToArray();
            }
        }
    }

    public string[] Texts => Frames.Select(f => f.Text).ToArray();

    public void Add(ReceivedFrame frame)
    {
        lock (_frames)
        {
            _frames.Add(frame);
        }
    }
}

/// <summary>Copies every frame into a <see cref="FrameLog"/>; throws on the log's <see cref="FrameLog.ThrowOn"/> text.</summary>
internal struct RecordingHandler(FrameLog log) : IFrameHandler
{
    public void OnFrame(ReadOnlySpan<byte> frame, in FrameContext context)
    {
        var received = new ReceivedFrame(context.ConnectionId, context.Sequence, frame.ToArray());
        if (log.ThrowOn is not null && received.Text == log.ThrowOn)
        {
            throw new InvalidOperationException("handler failed on " + received.Text);
        }

        log.Add(received);
    }
}
