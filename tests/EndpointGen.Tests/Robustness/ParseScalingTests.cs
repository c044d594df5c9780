using System;
using System.Text;
using EndpointGen.Generator.Model;
using EndpointGen.Generator.Parsing;
using Xunit;
using Xunit.Abstractions;

namespace EndpointGen.Tests.Robustness;

/// <summary>
/// A huge descriptor costs memory in proportion to its size, never quadratically. Measured as the bytes the parse
/// allocates on the test's own thread, which other tests and other processes on the machine do not change (a
/// clock would: the wall-clock version of this test failed once when other work shared its cores), so it runs in
/// parallel with the rest. Allocation catches what makes parsing quadratic in practice: a copy per entry of
/// everything read so far (a string, a list or an array regrown by a fixed step).
/// </summary>
public sealed class ParseScalingTests
{
    private const string File = "/specs/hostile.endpoints.yaml";

    private readonly ITestOutputHelper _output;

    public ParseScalingTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void A_multi_megabyte_descriptor_is_read_with_allocation_proportional_to_its_size()
    {
        var small = Synthetic(5_000);
        var large = Synthetic(20_000);
        Assert.True(large.Length > 4_000_000, $"the large descriptor is {large.Length} characters");

        // The first parse pays for the JIT and the reader's static tables; neither belongs to either size.
        DescriptorParser.Parse(File, small, defaultNamespace: null);
        var smallBytes = Allocated(() => DescriptorParser.Parse(File, small, defaultNamespace: null));
        var largeBytes = Allocated(() => DescriptorParser.Parse(File, large, defaultNamespace: null));

        var result = DescriptorParser.Parse(File, large, defaultNamespace: null);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(20_000, result.Service!.Endpoints.Count);

        // Four times the input: linear is about 4x, quadratic 16x. Up to 6x leaves room for buffers that grow by
        // doubling (a list of 20,000 may have doubled once more than one of 5,000); at least 3x shows the measure
        // sees the parse at all.
        var ratio = (double)largeBytes / smallBytes;
        var measured = $"5,000 endpoints: {smallBytes:N0} bytes; 20,000: {largeBytes:N0} bytes ({ratio:F2}x)";
        _output.WriteLine(measured);
        Assert.True(ratio is > 3 and < 6, measured);
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

    private static long Allocated(Func<DescriptorResult> parse)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = parse();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(result);
        return allocated;
    }
}
