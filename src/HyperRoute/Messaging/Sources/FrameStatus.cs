namespace HyperRoute.Messaging.Sources;

/// <summary>What <see cref="FrameReader"/> found at the start of the bytes it was given.</summary>
public enum FrameStatus
{
    /// <summary>A complete frame.</summary>
    Complete = 0,

    /// <summary>
    /// Not enough bytes yet for the prefix or for the frame it announces: receive more and read again from the same
    /// place. Not an error.
    /// </summary>
    NeedMore = 1,

    /// <summary>The prefix declares more than <see cref="FrameFormat.MaxFrameSize"/>: the stream cannot be trusted past here.</summary>
    Oversize = 2,

    /// <summary>The prefix is 0 and the format does not allow empty frames.</summary>
    EmptyFrame = 3,
}
