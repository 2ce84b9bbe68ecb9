using System.Globalization;
using System.Text;
using HyperRoute.Http.Proxy;

namespace HyperRoute.Samples.Proxy;

/// <summary>The backends' counters as a table.</summary>
internal static class Statistics
{
    public static string Describe(BackendGroup group)
    {
        var text = new StringBuilder();
        text.AppendLine("backend                 requests  failures  in-flight  mean-latency  open  idle  connects  health");
        var members = group.Members;
        for (var i = 0; i < members.Count; i++)
        {
            var s = members[i].GetStatistics();
            var health = members.Health is { } h ? (h.IsUp(i) ? "up" : "down") : "-";
            text.AppendLine(string.Format(
                CultureInfo.InvariantCulture,
                "{0,-22} {1,9} {2,9} {3,10} {4,10:F3}ms {5,5} {6,5} {7,9}  {8}",
                members[i].Authority, s.Requests, s.Failures, s.InFlight, s.MeanLatency.TotalMilliseconds, s.OpenConnections, s.IdleConnections, s.Connects, health));
        }

        return text.ToString();
    }
}
