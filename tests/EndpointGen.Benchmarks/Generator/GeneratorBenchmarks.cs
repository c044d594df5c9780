using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace EndpointGen.Benchmarks.Generator;

/// <summary>
/// The generator's cost in the three situations a developer meets: a first build (new driver), a
/// keystroke in C# (rerun after an unrelated edit), and a save of one descriptor (rerun after that edit).
/// </summary>
/// <remarks>
/// <see cref="Endpoints"/> = 19 is the three real descriptors in <c>spec/</c> (16 + 2 + 1 endpoints; the
/// edit changes the CCAI one); 100 and 1000 are synthetic descriptors of 10 endpoints each
/// (<see cref="SyntheticDescriptors"/>; the edit changes the first file). Each measured call starts
/// from the same state, so every iteration repeats the same work.
/// </remarks>
public class GeneratorBenchmarks
{
    private GeneratorWorkload _workload = null!;

    /// <summary>How many endpoints (19: the real descriptors).</summary>
    [Params(GeneratorWorkload.RealSpecs, 100, 1000)]
    public int Endpoints { get; set; }

    /// <summary>Builds the descriptors, the compilation and the warm driver, and checks the incrementality the benchmarks assume.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _workload = GeneratorWorkload.Create(Endpoints);
        _workload.Verify();
    }

    /// <summary>A new driver runs the generator: every file is read, parsed and emitted.</summary>
    /// <returns>The driver after the run.</returns>
    [Benchmark]
    public GeneratorDriver Cold() => _workload.NewDriver().RunGenerators(_workload.Compilation);

    /// <summary>The warm driver reruns after a C# file was added: nothing should be parsed or emitted.</summary>
    /// <returns>The driver after the run.</returns>
    [Benchmark]
    public GeneratorDriver UnrelatedCSharpEdit() => _workload.WarmDriver.RunGenerators(_workload.EditedCompilation);

    /// <summary>The warm driver reruns after one descriptor changed: that file alone is parsed and emitted.</summary>
    /// <returns>The driver after the run.</returns>
    [Benchmark]
    public GeneratorDriver OneSpecEdit() =>
        _workload.WarmDriver.ReplaceAdditionalText(_workload.EditedFrom, _workload.EditedTo).RunGenerators(_workload.Compilation);
}
