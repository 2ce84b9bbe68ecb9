using System.Text;
using HyperRoute.Messaging;
using Xunit;

namespace HyperRoute.Tests.Messaging;

/// <summary>The ring's hash is XXH64 bit for bit, so rings agree across processes, machines and implementations.</summary>
public sealed class XxHash64Tests
{
    [Theory]
    [InlineData("", 0UL, 0xEF46DB3751D8E999UL)]
    [InlineData("a", 0UL, 0xD24EC4F1A98C6E5BUL)]
    [InlineData("abc", 0UL, 0x44BC2CF5AD770999UL)]
    [InlineData("Nobody inspects the spammish repetition", 0UL, 0xFBCEA83C8A378BF1UL)]
    public void Matches_the_reference_vectors(string input, ulong seed, ulong expected)
    {
        Assert.Equal(expected, XxHash64.Hash(Encoding.UTF8.GetBytes(input), seed));
    }
}
