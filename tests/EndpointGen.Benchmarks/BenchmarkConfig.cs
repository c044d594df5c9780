using System;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Jobs;

namespace EndpointGen.Benchmarks;

/// <summary>The one configuration every benchmark here runs with.</summary>
internal static class BenchmarkConfig
{
    /// <summary>
    /// One launch, 3 warm-up and 10 measured iterations: the whole suite stays within minutes on a
    /// two-core machine, and the error column shows where that is too few. Memory is always measured,
    /// and the CSV and GitHub-markdown reports are what docs/benchmarks/ keeps.
    /// </summary>
    /// <param name="jobFromCommandLine">
    /// Whether the command line names a job (<c>--job medium</c>): then that job alone runs, not the short one beside it.
    /// </param>
    /// <returns>The configuration.</returns>
    public static IConfig Create(bool jobFromCommandLine = false)
    {
        var config = ManualConfig.CreateEmpty()
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default)
            .AddAnalyser(DefaultConfig.Instance.GetAnalysers().ToArray())
            .AddValidator(DefaultConfig.Instance.GetValidators().ToArray())
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(CsvExporter.Default, MarkdownExporter.GitHub)
            .WithOptions(ConfigOptions.Default)
            // BenchmarkDotNet's default of 2 minutes to build its runner is too short on a shared two-core machine.
            .WithBuildTimeout(TimeSpan.FromMinutes(20));
        return jobFromCommandLine
            ? config
            : config.AddJob(Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(10)
                .WithId("Short"));
    }
}
