using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;

namespace EndpointGen.Benchmarks.Generator;

/// <summary>
/// The bytes one cold run of each generator allocates, EndpointGen's and Refit's, on the workloads of
/// <see cref="GeneratorComparisonBenchmarks"/>: exact, so it needs no idle machine, and quick to rerun after each cut
/// (<c>dotnet run -c Release --project tests/EndpointGen.Benchmarks -- --cold-alloc 1000 [runs]</c>).
/// </summary>
internal static class ColdAllocation
{
    public static void Run(int endpoints, int runs)
    {
        var endpointGen = GeneratorWorkload.CreateSynthetic(endpoints);
        endpointGen.Verify();
        var refit = RefitGeneratorWorkload.Create(endpoints);
        refit.Verify();

        var ourOutput = endpointGen.NewDriver().RunGenerators(endpointGen.Compilation).GetRunResult().Results[0].GeneratedSources.Sum(static s => (long)s.SourceText.Length);
        var theirOutput = refit.NewDriver().RunGenerators(refit.Compilation).GetRunResult().Results[0].GeneratedSources.Sum(static s => (long)s.SourceText.Length);
        var ours = Measure(() => endpointGen.NewDriver().RunGenerators(endpointGen.Compilation), runs);
        var theirs = Measure(() => refit.NewDriver().RunGenerators(refit.Compilation), runs);
        Console.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "{0} endpoints, cold run, {1} runs each: EndpointGen {2:N0} B ({3:F2} ms median), Refit {4:N0} B ({5:F2} ms median); EndpointGen/Refit allocation {6:F2}x",
            endpoints, runs, ours.Bytes, ours.MedianMs, theirs.Bytes, theirs.MedianMs, ours.Bytes / (double)theirs.Bytes));
        Console.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "generated: EndpointGen {0:N0} characters, Refit {1:N0} characters", ourOutput, theirOutput));
    }

    private static (long Bytes, double MedianMs) Measure(Action run, int runs)
    {
        for (var i = 0; i < 10; i++)
        {
            run();
        }

        var times = new double[runs];
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            run();
            times[i] = stopwatch.Elapsed.TotalMilliseconds;
        }

        var bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / runs;
        Array.Sort(times);
        return (bytes, times[runs / 2]);
    }
}
