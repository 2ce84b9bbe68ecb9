using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using HyperRoute.Brokers.Tests.RabbitMq;
using HyperRoute.Messaging;
using HyperRoute.Messaging.Destinations;
using HyperRoute.Messaging.Sources;

namespace HyperRoute.Brokers.Tests;

/// <summary>
/// A destination whose every confirmation has arrived before the handler that sent returns, as a broker's confirm can
/// when the handler's thread is descheduled under load: each is a pooled <see cref="ValueTask{TResult}"/>, like
/// <see cref="HyperRoute.RabbitMQ.RabbitMqDestination"/>'s, whose result may be read exactly once.
/// </summary>
public sealed class ConfirmedAtOnceDestination : IFrameDestination
{
    private int _sent;

    public int Sent => Volatile.Read(ref _sent);

    public SendResult Send(ReadOnlySpan<byte> frame)
    {
        Interlocked.Increment(ref _sent);
        var answer = new TaskCompletionSource<bool>(); // continuations inline: the confirmation completes within SetResult
        var confirmation = ConfirmAsync(answer.Task);
        answer.SetResult(true);
        DeliveryScope.Current?.Add(confirmation);
        return SendResult.Sent;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<bool> ConfirmAsync(Task<bool> answer) => await answer.ConfigureAwait(false);
}

/// <summary>Forwards kind 1 to a <see cref="ConfirmedAtOnceDestination"/>; anything else is unrouted.</summary>
[MessageRouter(typeof(Reading), nameof(Reading.Kind))]
public sealed partial class ConfirmedAtOnceRouter
{
    public required RoundRobinGroup<ConfirmedAtOnceDestination> Out { get; init; }

    [On(1)]
    [To(nameof(Out))]
    private partial MessageOutcome Forward(in Reading reading);
}
