using System;
using System.Threading.Tasks;

namespace HyperRoute.Http;

/// <summary>Where a streamed request body comes from: the connection that is still receiving it.</summary>
internal interface IRequestBodyReader
{
    /// <summary>
    /// Copies the next decoded body bytes into <paramref name="destination"/>; 0 once the body has ended. At most one
    /// read is outstanding at a time.
    /// </summary>
    ValueTask<int> ReadBodyAsync(Memory<byte> destination);
}
