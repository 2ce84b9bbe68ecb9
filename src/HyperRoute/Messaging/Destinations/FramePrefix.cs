namespace HyperRoute.Messaging.Destinations;

/// <summary>The length prefix in front of every TCP frame: the frame's length in bytes, not counting the prefix.</summary>
public enum FramePrefix
{
    /// <summary>Four bytes: frames up to <see cref="int.MaxValue"/> bytes (the default).</summary>
    UInt32 = 0,

    /// <summary>Two bytes: frames up to 65,535 bytes.</summary>
    UInt16 = 1,
}
