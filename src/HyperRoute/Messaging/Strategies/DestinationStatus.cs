using System;

namespace HyperRoute.Messaging;

/// <summary>A snapshot of one destination's health, for tests, metrics and logs.</summary>
/// <param name="IsDown">Whether the destination is down (skipped except for probes).</param>
/// <param name="ConsecutiveFailures">Failures reported since the last success.</param>
/// <param name="RetryInterval">While down, how long after a failed probe (or the marking down) the next probe waits.</param>
/// <param name="FailedProbes">Probes failed since the destination went down.</param>
public readonly record struct DestinationStatus(bool IsDown, int ConsecutiveFailures, TimeSpan RetryInterval, int FailedProbes);
