using System;
using System.Diagnostics;
using System.Text;
using EndpointGen.Generator.Parsing;
using Xunit;

namespace EndpointGen.Tests.Robustness;

/// <summary>Tests that time work against work, so they run alone: other tests on the same cores would time them too.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Timing";
}

/// <summary>A huge descriptor costs time in proportion to its size, never quadratically.</summary>
[Collection(TimingCollection.Name)]
public sealed class ParseScalingTests
{
    private const string File = "/specs/hostile.endpoints.yaml";

    [Fact]
    public void A_multi_megabyte_descriptor_is_read_in_time_proportional_to_its_size()
    {
        var small = Synthetic(2_000);
        var large = Synthetic(20_000);
        Assert.True(large.Length > 4_000_000, $"the large descriptor is {large.Length} characters");

        DescriptorParser.Parse(File, small); // warm up the JIT
        var smallTime = Time(() => DescriptorParser.Parse(File, small));
        var largeTime = Time(() => DescriptorParser.Parse(File, large));
        var result = DescriptorParser.Parse(File, large);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(20_000, result.Service!.Endpoints.Count);

        // Ten times the input: linear work is about 10x, quadratic 100x. 35x leaves room for noise and GC.
        Assert.True(largeTime.TotalMilliseconds < smallTime.TotalMilliseconds * 35 + 500, $"2,000 endpoints: {smallTime.TotalMilliseconds:F0} ms; 20,000: {largeTime.TotalMilliseconds:F0} ms");
    }

    private static string Synthetic(int endpoints)
    {
        var builder = new StringBuilder("service:\n  name: Big\n  namespace: Big.Api\n  baseUrl: https://api.example.com/v1\nendpoints:\n");
        for (var i = 0; i < endpoints; i++)
        {
            builder.Append($"  Get{i}:\n    method: GET\n    path: items{i}/{{id}}\n    summary: Returns item {i}, with a description long enough to look like a real one.\n    parameters:\n      path:\n        id: int64\n      query:\n        filter: {{ type: string, description: A filter. }}\n    response: Item\n");
        }

        builder.Append("types:\n  Item:\n    fields:\n      id: { type: int64, required: true }\n      name: string\n");
        return builder.ToString();
    }

    private static TimeSpan Time(Action action)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            best = clock.Elapsed < best ? clock.Elapsed : best;
        }

        return best;
    }
}
