using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;

namespace EndpointGen.Benchmarks.Generator;

/// <summary>
/// EndpointGen's generator against Refit's, in process, on the same endpoints: the synthetic descriptors of
/// <see cref="SyntheticDescriptors"/> for EndpointGen, and for Refit the interfaces and DTO classes a Refit user
/// writes for them (<see cref="RefitSources"/>). Both run under the same Roslyn (Microsoft.CodeAnalysis 4.8.0, the
/// version EndpointGen builds against and the one Refit 16.4.0's only analyzer slot, <c>roslyn4.8</c>, targets),
/// each with a new <see cref="CSharpGeneratorDriver"/> for a cold run and a warm one rerun after an unrelated C# edit.
/// </summary>
/// <remarks>
/// 19 endpoints here are synthetic too (files of 10 and 9), so that both generators see the same endpoints;
/// <see cref="GeneratorBenchmarks"/> times the real descriptors. Each category's ratio is to EndpointGen.
/// </remarks>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GeneratorComparisonBenchmarks
{
    private GeneratorWorkload _endpointGen = null!;
    private RefitGeneratorWorkload _refit = null!;

    /// <summary>How many endpoints (interface methods for Refit).</summary>
    [Params(19, 100, 1000)]
    public int Endpoints { get; set; }

    /// <summary>Builds both workloads and checks each generator's output.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _endpointGen = GeneratorWorkload.CreateSynthetic(Endpoints);
        _endpointGen.Verify();
        _refit = RefitGeneratorWorkload.Create(Endpoints);
        _refit.Verify();
    }

    /// <summary>EndpointGen, a new driver: every descriptor read, parsed and emitted.</summary>
    /// <returns>The driver after the run.</returns>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Cold")]
    public GeneratorDriver EndpointGenCold() => _endpointGen.NewDriver().RunGenerators(_endpointGen.Compilation);

    /// <summary>Refit, a new driver: every interface found, bound and emitted.</summary>
    /// <returns>The driver after the run.</returns>
    [Benchmark]
    [BenchmarkCategory("Cold")]
    public GeneratorDriver RefitCold() => _refit.NewDriver().RunGenerators(_refit.Compilation);

    /// <summary>EndpointGen's warm driver after a C# file was added.</summary>
    /// <returns>The driver after the run.</returns>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("UnrelatedCSharpEdit")]
    public GeneratorDriver EndpointGenUnrelatedEdit() => _endpointGen.WarmDriver.RunGenerators(_endpointGen.EditedCompilation);

    /// <summary>Refit's warm driver after a C# file was added.</summary>
    /// <returns>The driver after the run.</returns>
    [Benchmark]
    [BenchmarkCategory("UnrelatedCSharpEdit")]
    public GeneratorDriver RefitUnrelatedEdit() => _refit.WarmDriver.RunGenerators(_refit.EditedCompilation);
}
