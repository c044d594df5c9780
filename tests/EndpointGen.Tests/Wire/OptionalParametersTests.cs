using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using EndpointGen.Tests.Client;
using EndpointGen.Tests.Infrastructure;
using EndpointGen.Tests.Robustness;
using Xunit;

namespace EndpointGen.Tests.Wire;

/// <summary>When none of an endpoint's parameters is required, its <c>parameters</c> argument may be left out.</summary>
public sealed class OptionalParametersTests
{
    private const string Descriptor = """
        service:
          name: Search
          namespace: Wire.Search
          baseUrl: https://search.example.com/v1
        endpoints:
          Find:
            method: GET
            path: things
            parameters:
              query:
                q: string
                page: int32
              header:
                X-Trace: string
          FindStrict:
            method: GET
            path: strict
            parameters:
              query:
                q: { type: string, required: true }
        """;

    [Fact]
    public void A_caller_leaves_the_argument_out_only_where_every_parameter_is_optional()
    {
        const string Consumer = """
            namespace Consumer
            {
                internal static class Calls
                {
                    internal static System.Threading.Tasks.Task Find(global::Wire.Search.SearchClient client) => client.FindAsync();

                    internal static System.Threading.Tasks.Task FindWithToken(global::Wire.Search.SearchClient client) => client.FindAsync(cancellationToken: default);
                }
            }
            """;
        var run = GeneratorHarness.Run(new[] { (Microsoft.CodeAnalysis.AdditionalText)new InMemoryAdditionalText("/search.endpoints.yaml", Descriptor) }, Consumer);
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));

        var strict = GeneratorHarness.Run(
            new[] { (Microsoft.CodeAnalysis.AdditionalText)new InMemoryAdditionalText("/search.endpoints.yaml", Descriptor) },
            Consumer.Replace("client.FindAsync()", "client.FindStrictAsync()"));
        Assert.Contains(strict.CompileErrorsAndWarnings, d => d.Id == "CS7036");
    }

    [Fact]
    public async Task Leaving_it_out_sends_no_parameter()
    {
        using var dynamic = DynamicClient.Compile(Descriptor);
        var handler = new StubHandler(HttpStatusCode.NoContent);
        var client = dynamic.Client("Wire.Search.Search", handler, dynamic.Options("Wire.Search.Search", _ => { }));

        await DynamicClient.CallAsync(client, "FindAsync", new object?[] { null });

        Assert.Equal("https://search.example.com/v1/things", handler.Last.Uri.AbsoluteUri);
        Assert.DoesNotContain("X-Trace", handler.Last.Headers, StringComparison.Ordinal);
    }
}
