using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;

namespace EndpointGen.Benchmarks.Clients;

/// <summary>
/// The calls of <see cref="ClientBenchmarks"/> timed in one process, the contenders interleaved: each round times a
/// batch of calls of every contender, in an order rotated round by round, so a drift of the host's speed (this kind of
/// shared machine moves by 20–30 % from minute to minute) falls on all of them alike instead of on whichever
/// BenchmarkDotNet ran in that minute. Reports per contender the median time per call and the median of the per-round
/// ratios to the hand-written baseline (<c>dotnet run -c Release --project tests/EndpointGen.Benchmarks -- --interleaved [rounds]</c>).
/// A check of the BenchmarkDotNet report, not a replacement: it has no launches, no outlier handling and no allocation column.
/// </summary>
internal static class InterleavedCalls
{
    private const int CallsPerBatch = 2_000;

    public static void Run(int rounds)
    {
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} rounds of {1} calls per contender and scenario; load average {2}", rounds, CallsPerBatch, Build.BuildTime.LoadSampler.Read()));
        Console.WriteLine("| scenario | contender | median per call | median ratio to the baseline | rounds it was faster than the baseline |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var scenario in Enum.GetValues<ClientScenario>())
        {
            var contenders = ClientContenders.Create(scenario);
            var calls = new (string Name, Func<Task> Call)[]
            {
                ("HandWritten", contenders.HandWrittenCall),
                ("EndpointGen", contenders.GeneratedCall),
                ("Refit", contenders.RefitCall),
                ("NSwag", contenders.NSwagCall),
                ("Kiota", contenders.KiotaCall),
            };
            var batch = scenario == ClientScenario.GetLarge ? CallsPerBatch / 40 : CallsPerBatch;
            foreach (var (_, call) in calls)
            {
                Time(call, batch * 2); // warm-up: every call reaches its final JIT tier
            }

            var times = calls.Select(static _ => new List<double>()).ToArray();
            for (var round = 0; round < rounds; round++)
            {
                for (var k = 0; k < calls.Length; k++)
                {
                    var i = (k + round) % calls.Length;
                    times[i].Add(Time(calls[i].Call, batch));
                }
            }

            for (var i = 0; i < calls.Length; i++)
            {
                var ratios = times[i].Zip(times[0], static (t, b) => t / b).OrderBy(static r => r).ToList();
                var faster = times[i].Zip(times[0], static (t, b) => t < b).Count(static f => f);
                Console.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "| {0} | {1} | {2:F2} µs | {3:F2}× | {4} |",
                    scenario, calls[i].Name, Median(times[i]), ratios[ratios.Count / 2], i == 0 ? "-" : faster + " of " + rounds));
            }
        }

        Console.WriteLine("load average at the end " + Build.BuildTime.LoadSampler.Read());
    }

    // Microseconds per call, over a batch of calls made one after the other.
    private static double Time(Func<Task> call, int calls)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var n = 0; n < calls; n++)
        {
            call().GetAwaiter().GetResult();
        }

        return stopwatch.Elapsed.TotalMilliseconds * 1000 / calls;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(static v => v).ToList();
        return sorted[sorted.Count / 2];
    }
}
