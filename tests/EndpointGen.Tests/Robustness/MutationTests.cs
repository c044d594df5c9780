// Direct driver, not Microsoft.CodeAnalysis.Testing: 10,200 variants share one bound compilation; a workspace project per variant would not fit the CI budget.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace EndpointGen.Tests.Robustness;

/// <summary>
/// Hostile specs never hurt the build: 10,200 seeded variants of the three real descriptors. For each: the
/// generator does not throw (no CS8785, and no EPG099, which would mean it caught a failure of its own); a
/// variant with an error gets located errors and no output; a variant without an error generates code. Compiling
/// every error-free variant does not fit the CI budget, so a fixed, seeded sample of 1,000 of them is compiled and
/// must compile with zero diagnostics.
/// </summary>
public sealed class MutationTests
{
    private const int VariantsPerSpec = 3_400;
    private const int CompiledSample = 1_000;
    private const int Seed = 20261121;

    private readonly ITestOutputHelper _output;

    public MutationTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Ten_thousand_variants_of_the_real_specs_never_crash_the_generator_and_are_either_located_errors_or_code_that_compiles()
    {
        var valid = new ConcurrentBag<(int Id, Compilation Output)>();
        var failures = new ConcurrentQueue<string>();
        var withErrors = 0;
        var total = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // One base compilation for every variant: its references are bound once, not ten thousand times.
        var compilation = GeneratorHarness.CreateCompilation();
        _ = compilation.GetDiagnostics();

        Parallel.For(0, Repository.SpecFiles.Length * VariantsPerSpec, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, id =>
        {
            var spec = Repository.SpecFiles[id % Repository.SpecFiles.Length];
            var text = new SpecMutator(Seed + id).Mutate(Repository.Spec(spec).GetText()!.ToString());
            var path = "/specs/variant" + id + ".endpoints.yaml";
            var (_, runResult, output, generatorDiagnostics) = GeneratorHarness.RunTwice(GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText(path, text) }), compilation);
            var result = runResult.Results.Single();
            Interlocked.Increment(ref total);

            var problem = Check(result, generatorDiagnostics, path);
            if (problem is not null)
            {
                failures.Enqueue($"variant {id} of {spec}: {problem}\n--- variant text ---\n{(text.Length > 3000 ? text[..3000] + "…" : text)}");
                return;
            }

            if (result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                Interlocked.Increment(ref withErrors);
            }
            else
            {
                valid.Add((id, output));
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} variants failed; first: {failures.FirstOrDefault()}");
        Assert.True(total >= 10_000);

        var generated = clock.Elapsed;

        // A fixed sample, by variant id, so every run compiles the same variants.
        var sample = valid.OrderBy(v => v.Id).Take(CompiledSample).ToList();
        Assert.True(sample.Count >= CompiledSample, $"only {valid.Count} variants were error-free; the sample needs {CompiledSample}");
        var compileFailures = new ConcurrentQueue<string>();
        Parallel.ForEach(sample, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, variant =>
        {
            var diagnostics = variant.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            if (diagnostics.Count > 0)
            {
                compileFailures.Enqueue($"variant {variant.Id}: {string.Join(" | ", diagnostics.Take(5))}");
            }
        });

        _output.WriteLine($"{total} variants: {withErrors} with located errors, {valid.Count} error-free, {sample.Count} of those compiled; generating took {generated.TotalSeconds:F1} s, compiling {(clock.Elapsed - generated).TotalSeconds:F1} s.");
        foreach (var failure in compileFailures.Take(60))
        {
            _output.WriteLine(failure.Length > 400 ? failure[..400] : failure);
        }

        Assert.True(compileFailures.IsEmpty, $"{compileFailures.Count} error-free variants do not compile; first: {compileFailures.FirstOrDefault()}");
    }

    /// <summary>What is wrong with one run, or null when it behaved.</summary>
    private static string? Check(GeneratorRunResult result, IEnumerable<Diagnostic> generatorDiagnostics, string path)
    {
        if (result.Exception is not null)
        {
            return "the generator threw " + result.Exception;
        }

        if (generatorDiagnostics.FirstOrDefault(d => d.Id == "CS8785") is { } crash)
        {
            return crash.ToString();
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            if (diagnostic.Id == "EPG099")
            {
                return "the generator caught a failure of its own: " + diagnostic;
            }

            if (!diagnostic.Id.StartsWith("EPG", StringComparison.Ordinal) || diagnostic.Severity != DiagnosticSeverity.Error)
            {
                return "unexpected diagnostic " + diagnostic;
            }

            var span = diagnostic.Location.GetLineSpan();
            if (span.Path != path || !span.IsValid)
            {
                return "diagnostic not located in the descriptor: " + diagnostic;
            }
        }

        var hasErrors = result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        if (hasErrors && result.GeneratedSources.Length > 0)
        {
            return "a descriptor with errors generated code";
        }

        if (!hasErrors && result.GeneratedSources.Length == 0)
        {
            return "an error-free descriptor generated nothing";
        }

        return null;
    }
}
