using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace EndpointGen.Benchmarks.Generator;

/// <summary>
/// What a cold run of the generator weighs in the compile a user's build makes: the bytes and time of the whole
/// in-process compile (a new compilation over the same parsed files, a new generator driver, and the emit of the
/// assembly with what the generator added), for EndpointGen, Refit (reflection JSON) and the DTOs alone with no
/// generator, on the workloads of <see cref="GeneratorComparisonBenchmarks"/>
/// (<c>dotnet run -c Release --project tests/EndpointGen.Benchmarks -- --compile-alloc 1000 [runs]</c>).
/// The generator's own share is measured the same way, as the driver run alone.
/// </summary>
internal static class CompileAllocation
{
    public static void Run(int endpoints, int runs)
    {
        var endpointGen = GeneratorWorkload.CreateSynthetic(endpoints);
        endpointGen.Verify();
        var refit = RefitGeneratorWorkload.Create(endpoints);
        refit.Verify();

        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var dtos = CSharpCompilation.Create(
            "App",
            GeneratorWorkload.UserTrees(parse).Concat(RefitSources.Create(endpoints, RefitSourceKind.DtosOnly)
                .Select(file => CSharpSyntaxTree.ParseText(file.Code, parse, path: "/src/" + file.Name))),
            GeneratorWorkload.References,
            Options);

        var rows = new List<(string Name, Measured Whole, Measured Generator)>
        {
            ("EndpointGen", Measure(() => Compile(endpointGen.Compilation, endpointGen.NewDriver), runs), Measure(() => endpointGen.NewDriver().RunGenerators(endpointGen.Compilation), runs)),
            ("Refit (reflection JSON)", Measure(() => Compile(refit.Compilation, refit.NewDriver), runs), Measure(() => refit.NewDriver().RunGenerators(refit.Compilation), runs)),
            ("no generator (DTOs only)", Measure(() => Compile(dtos, null), runs), default),
        };

        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} endpoints, {1} runs each after 3 warm-up runs; medians of time, mean of bytes (all threads)", endpoints, runs));
        Console.WriteLine("| project | whole compile: allocated | time | the generator's run: allocated | share of the compile's bytes |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var (name, whole, generator) in rows)
        {
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "| {0} | {1:F1} MB | {2:F0} ms | {3} | {4} |",
                name,
                whole.Bytes / 1e6,
                whole.MedianMs,
                generator.Bytes == 0 ? "none" : (generator.Bytes / 1e6).ToString("F1", CultureInfo.InvariantCulture) + " MB",
                generator.Bytes == 0 ? "-" : (100.0 * generator.Bytes / whole.Bytes).ToString("F1", CultureInfo.InvariantCulture) + " %"));
        }
    }

    // As the SDK compiles a console app: nullable on, optimized, every method emitted.
    private static CSharpCompilationOptions Options { get; } =
        new(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release);

    private static void Compile(CSharpCompilation template, Func<GeneratorDriver>? newDriver)
    {
        // A new compilation each time: a compilation caches what it has bound.
        Compilation compilation = CSharpCompilation.Create("App", template.SyntaxTrees, template.References, Options);
        if (newDriver is not null)
        {
            newDriver().RunGeneratorsAndUpdateCompilation(compilation, out compilation, out _);
        }

        using var pe = new MemoryStream();
        var result = compilation.Emit(pe);
        if (!result.Success)
        {
            throw new InvalidOperationException("The compile failed: " + string.Join("; ", result.Diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error).Take(3)));
        }
    }

    private static Measured Measure(Action run, int runs)
    {
        for (var i = 0; i < 3; i++)
        {
            run();
        }

        var times = new double[runs];
        long bytes = 0;
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            run();
            times[i] = stopwatch.Elapsed.TotalMilliseconds;
            bytes += GC.GetTotalAllocatedBytes(precise: true) - before;
        }

        Array.Sort(times);
        return new Measured(bytes / runs, times[runs / 2]);
    }

    private readonly record struct Measured(long Bytes, double MedianMs);
}
