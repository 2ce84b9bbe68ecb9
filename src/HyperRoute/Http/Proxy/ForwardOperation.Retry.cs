using System.Threading.Tasks;

namespace HyperRoute.Http.Proxy;

/// <summary>
/// The connection of the stale retry (a kept-alive connection the backend had closed as the request went out, see
/// <c>ExchangeAsync</c>): a new one, as Go's HTTP transport and Envoy use. Another pooled connection is likely dead
/// too, since the backend that closed one has often closed its peers (a restart, its idle timeout), and this attempt
/// is the last.
/// </summary>
internal sealed partial class ForwardOperation
{
    // Idle connections met on the way to a new one are closed, not used.
    private static async ValueTask<BackendConnection> RentNewAsync(BackendPool pool)
    {
        while (true)
        {
            var connection = await pool.RentAsync().ConfigureAwait(false);
            if (!connection.Reused)
            {
                return connection;
            }

            BackendPool.Return(connection, reusable: false);
        }
    }
}
