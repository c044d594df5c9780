using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace EndpointGen.Benchmarks.Generator;

/// <summary>
/// Cold runs one after another in this process, each timed on its own: the fastest run is the work, the median
/// what a run costs with the collector and the machine's memory as they come. BenchmarkDotNet reports the mean
/// of many runs; this shows what the mean is made of (docs/performance.md, "Why the remaining gap").
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project tests/EndpointGen.Benchmarks -- --cold-series 1000 [runs]</c>. Also prints
/// what touching a fresh page of memory costs here, which dominates the spread on some virtual machines.
/// </remarks>
internal static class ColdRunSeries
{
    public static void Run(int endpoints, int runs)
    {
        var workload = GeneratorWorkload.Create(endpoints);
        workload.Verify();

        // Warm-up: the JIT recompiles hot methods after 30 calls and a pause, so run for at least 50 runs and 3 seconds.
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < 50 || warmUp.Elapsed < TimeSpan.FromSeconds(3); i++)
        {
            workload.NewDriver().RunGenerators(workload.Compilation);
        }

        var times = new List<double>(runs);
        var faults = new List<long>(runs);
        var pauseBefore = GC.GetTotalPauseDuration();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < runs; i++)
        {
            var faultsBefore = MinorFaults();
            var stopwatch = Stopwatch.StartNew();
            workload.NewDriver().RunGenerators(workload.Compilation);
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
            faults.Add(MinorFaults() - faultsBefore);
        }

        var pause = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds / runs;
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)runs;
        times.Sort();
        faults.Sort();
        Console.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "{0} endpoints, {1} cold runs: fastest {2:F2} ms, median {3:F2} ms, 90th percentile {4:F2} ms; " +
            "collection pause {5:F2} ms, {6:F1} MB allocated and {7} page faults (median) per run",
            endpoints, runs, times[0], times[runs / 2], times[runs * 9 / 10], pause, allocated / 1e6, faults[runs / 2]));
        PageCost();
    }

    /// <summary>What writing to memory the operating system has not backed yet costs, per 4 KiB page.</summary>
    private static void PageCost()
    {
        const int size = 64 << 20;
        var stopwatch = Stopwatch.StartNew();
        var block = GC.AllocateUninitializedArray<byte>(size);
        for (var i = 0; i < size; i += 4096)
        {
            block[i] = 1;
        }

        var first = stopwatch.Elapsed.TotalMilliseconds;
        stopwatch.Restart();
        for (var i = 0; i < size; i += 4096)
        {
            block[i] = 2;
        }

        var second = stopwatch.Elapsed.TotalMilliseconds;
        GC.KeepAlive(block);
        Console.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "a new 64 MiB array, one write per 4 KiB page: {0:F1} ms the first time ({1:F2} µs a page), {2:F1} ms the second",
            first, first * 1000 / (size / 4096), second));
    }

    // The process's minor page faults so far (Linux); -1 elsewhere.
    private static long MinorFaults()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat.Substring(stat.LastIndexOf(')') + 2).Split(' ');
            return long.Parse(fields[7], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
        catch (UnauthorizedAccessException)
        {
            return -1;
        }
    }
}
