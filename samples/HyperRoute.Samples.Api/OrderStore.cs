using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace HyperRoute.Samples.Api;

/// <summary>An order as the store keeps it (JSON).</summary>
public sealed record StoredOrder(int Id, string Sku, int Quantity);

/// <summary>
/// The sample's order repository: in memory, with the shape of a real one (every call is asynchronous and takes a
/// cancellation token) and a simulated round trip (<see cref="StoreLatency"/>).
/// </summary>
public static class OrderStore
{
    private static readonly ConcurrentDictionary<int, StoredOrder> s_orders = new();
    private static int s_lastId;

    /// <summary>The order with <paramref name="id"/>, or <see langword="null"/>.</summary>
    public static async ValueTask<StoredOrder?> FindAsync(int id, CancellationToken cancellationToken)
    {
        await StoreLatency.RoundTrip(cancellationToken).ConfigureAwait(false);
        return s_orders.TryGetValue(id, out var order) ? order : null;
    }

    /// <summary>Stores <paramref name="order"/> under a new id.</summary>
    public static async ValueTask<StoredOrder> AddAsync(Order order, CancellationToken cancellationToken)
    {
        await StoreLatency.RoundTrip(cancellationToken).ConfigureAwait(false);
        var stored = new StoredOrder(Interlocked.Increment(ref s_lastId), order.Sku, order.Quantity);
        s_orders[stored.Id] = stored;
        return stored;
    }
}
