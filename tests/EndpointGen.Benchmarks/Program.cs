using BenchmarkDotNet.Running;

namespace EndpointGen.Benchmarks;

/// <summary>Runs the benchmarks the command line selects (<c>--filter '*'</c> for all of them).</summary>
internal static class Program
{
    private static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchmarkConfig.Create());
}
