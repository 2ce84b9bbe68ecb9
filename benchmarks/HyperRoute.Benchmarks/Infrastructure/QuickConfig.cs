using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace HyperRoute.Benchmarks.Infrastructure;

/// <summary>
/// One job sized so the whole suite runs in a few minutes on a 2-core machine: one launch, 4 warm-up and 10
/// measured iterations of BenchmarkDotNet's default 500 ms each (ShortRun has 3 of each; this is a little
/// steadier at about the same cost).
/// </summary>
public sealed class QuickConfig : ManualConfig
{
    public QuickConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(4)
            .WithIterationCount(10)
            .WithId("Quick"));
    }
}
