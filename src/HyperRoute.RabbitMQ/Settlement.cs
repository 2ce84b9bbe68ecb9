using System;
using System.Buffers;
using System.Threading.Tasks;
using HyperRoute.Messaging;
using RabbitMQ.Client;

namespace HyperRoute.RabbitMQ;

/// <summary>A handled message waiting for the settler: what its handler did, and what it waits for.</summary>
internal readonly record struct Settlement(
    ulong DeliveryTag,
    MessageOutcome Outcome,
    Exception? Fault,
    ValueTask<bool> Confirmation,
    byte[]? Copy,
    int Length,
    int Attempts,
    string Exchange,
    string RoutingKey,
    IReadOnlyBasicProperties Properties)
{
    public ReadOnlyMemory<byte> Body => Copy.AsMemory(0, Length);

    public void ReturnCopy()
    {
        if (Copy is not null)
        {
            ArrayPool<byte>.Shared.Return(Copy);
        }
    }
}
