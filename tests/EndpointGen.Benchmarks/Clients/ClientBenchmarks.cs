using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace EndpointGen.Benchmarks.Clients;

/// <summary>
/// One call through each client over the same in-memory handler: the hand-written HttpClient code with a
/// System.Text.Json source-generated context (the baseline), the generated client, and the peers a user would
/// pick instead: Refit, NSwag and Kiota. Five calls: two GETs, and POSTs of a JSON, a form-encoded and a multipart
/// body. The ratios are per scenario.
/// </summary>
public class ClientBenchmarks
{
    private ClientContenders _contenders = null!;

    /// <summary>The call.</summary>
    [Params(ClientScenario.GetSmall, ClientScenario.GetLarge, ClientScenario.PostSmall, ClientScenario.PostForm, ClientScenario.PostMultipart)]
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

    /// <summary>Refit 16.4, generated request building, System.Text.Json with the baseline's context.</summary>
    /// <returns>The call.</returns>
    [Benchmark]
    public Task Refit() => _contenders.RefitCall();

    /// <summary>NSwag 14.7.1 (System.Text.Json), with a source-generated context over its classes.</summary>
    /// <returns>The call.</returns>
    [Benchmark]
    public Task NSwag() => _contenders.NSwagCall();

    /// <summary>Kiota 1.38 over the Microsoft.Kiota 2.1.6 runtime (JSON, text, form and multipart serializers), without its middleware.</summary>
    /// <returns>The call.</returns>
    [Benchmark]
    public Task Kiota() => _contenders.KiotaCall();
}
