using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace EndpointGen.Benchmarks.Clients;

/// <summary>
/// One call through each client over the same in-memory handler: the hand-written HttpClient code with a
/// System.Text.Json source-generated context (the baseline), the generated client, RestEase and RestSharp.
/// The ratios are per scenario.
/// </summary>
public class ClientBenchmarks
{
    private ClientContenders _contenders = null!;

    /// <summary>The call.</summary>
    [Params(ClientScenario.GetSmall, ClientScenario.GetLarge, ClientScenario.PostSmall, ClientScenario.PostLarge)]
    public ClientScenario Scenario { get; set; }

    /// <summary>Builds the contenders and checks that they send and return the same thing.</summary>
    [GlobalSetup]
    public void Setup() => _contenders = ClientContenders.Create(Scenario);

    /// <summary>HttpClient + System.Net.Http.Json + a System.Text.Json source-generated context.</summary>
    /// <returns>The call.</returns>
    [Benchmark(Baseline = true)]
    public Task HandWritten() => _contenders.HandWrittenCall();

    /// <summary>The EndpointGen client.</summary>
    /// <returns>The call.</returns>
    [Benchmark]
    public Task Generated() => _contenders.GeneratedCall();

    /// <summary>RestEase 1.4.3 (Newtonsoft.Json, its default).</summary>
    /// <returns>The call.</returns>
    [Benchmark]
    public Task RestEase() => _contenders.RestEaseCall();

    /// <summary>RestSharp 114 (System.Text.Json with the baseline's context).</summary>
    /// <returns>The call.</returns>
    [Benchmark]
    public Task RestSharp() => _contenders.RestSharpCall();
}
