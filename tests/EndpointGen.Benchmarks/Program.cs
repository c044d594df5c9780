using System;
using System.Globalization;
using BenchmarkDotNet.Running;
using EndpointGen.Benchmarks.Build;
using EndpointGen.Benchmarks.Generator;

namespace EndpointGen.Benchmarks;

/// <summary>
/// Runs the benchmarks the command line selects (<c>--filter '*'</c> for all of them), or, with
/// <c>--cold-series N [runs]</c>, a series of cold generator runs at N endpoints timed one by one, or, with
/// <c>--cold-alloc N [runs]</c>, the bytes a cold run of EndpointGen's and of Refit's generator allocates, or, with
/// <c>--interleaved [rounds]</c>, the client calls timed in one process, the contenders interleaved (<see cref="Clients.InterleavedCalls"/>), or, with
/// <c>--compile-alloc N [runs]</c>, what that run weighs in the whole in-process compile (<see cref="CompileAllocation"/>), or, with
/// <c>--build-time [--sizes 19,100,1000] [--runs 5]</c>, the consumer's whole build (<see cref="BuildTime"/>), or,
/// with <c>--cold-stages N [runs] [types]</c>, a cold run's allocation stage by stage (with each stage's largest types), or, with <c>--generated-size</c>,
/// <c>--compile N [pairs]</c>, <c>--compile-parts N [runs]</c> or <c>--dump DIR N</c>, what the generated code weighs
/// and costs the compiler (<see cref="GeneratedCodeCost"/>).
/// </summary>
internal static class Program
{
    private static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--cold-series")
        {
            var endpoints = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
            var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : (endpoints >= 1000 ? 60 : 300);
            ColdRunSeries.Run(endpoints, runs);
            return;
        }

        if (args.Length > 0 && args[0] == "--build-time")
        {
            Environment.Exit(BuildTime.Run(args));
        }

        if (args.Length > 0 && args[0] is "--generated-size" or "--compile" or "--compile-parts" or "--compile-dir" or "--dump")
        {
            Environment.Exit(GeneratedCodeCost.Run(args));
        }

        if (args.Length > 0 && args[0] == "--cold-stages")
        {
            ColdStages.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5, args.Length > 3 && args[3] == "types");
            return;
        }

        if (args.Length > 0 && args[0] == "--interleaved")
        {
            Clients.InterleavedCalls.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30);
            return;
        }

        if (args.Length > 0 && args[0] == "--compile-alloc")
        {
            CompileAllocation.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5);
            return;
        }

        if (args.Length > 0 && args[0] == "--cold-alloc")
        {
            var endpoints = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
            var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
            ColdAllocation.Run(endpoints, runs);
            return;
        }

        var jobFromCommandLine = Array.Exists(args, a => a is "--job" or "-j");
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchmarkConfig.Create(jobFromCommandLine));
    }
}
