using BenchmarkDotNet.Running;

namespace HyperRoute.GeneratorBenchmarks;

/// <summary>
/// Runs the generator benchmarks: <c>dotnet run -c Release --project benchmarks/HyperRoute.GeneratorBenchmarks -- --filter '*'</c>.
/// See <c>docs/benchmarks.md</c>.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
