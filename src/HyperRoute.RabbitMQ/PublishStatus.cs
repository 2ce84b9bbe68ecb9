namespace HyperRoute.RabbitMQ;

/// <summary>What the broker said about one publish.</summary>
public enum PublishStatus : byte
{
    /// <summary>The broker confirmed it: it is in every queue it was routed to (on disk, for a persistent message to a durable queue).</summary>
    Confirmed = 0,

    /// <summary>Published with <c>mandatory</c> and routed to no queue: the broker returned it (<c>basic.return</c>).</summary>
    Returned = 1,

    /// <summary>The broker nacked it: it could not take responsibility for it.</summary>
    Nacked = 2,

    /// <summary>The channel or connection closed before the broker confirmed it: its fate is unknown.</summary>
    Failed = 3,
}
