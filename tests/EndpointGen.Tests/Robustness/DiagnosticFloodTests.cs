using System.Linq;
using System.Text;
using EndpointGen.Tests.Infrastructure;
using Xunit;

namespace EndpointGen.Tests.Robustness;

// Direct driver: thousands of expected diagnostics are checked by count and position, not listed one by one.

/// <summary>A descriptor with thousands of mistakes reports the first hundred and one line saying how many more there are.</summary>
public sealed class DiagnosticFloodTests
{
    [Fact]
    public void A_flood_of_errors_is_capped_at_a_hundred_plus_a_count_of_the_rest()
    {
        const int endpoints = 2000;
        var yaml = new StringBuilder("service:\n  name: Flood\n  namespace: Flood.Api\n  baseUrl: https://api.example.com\nendpoints:\n");
        for (var i = 0; i < endpoints; i++)
        {
            // Three mistakes each: an unknown method, a placeholder without a parameter, an unknown type.
            yaml.Append("  E").Append(i).Append(":\n    method: FETCH\n    path: x/{id}\n    response: Nope\n");
        }

        var run = GeneratorHarness.Run(("/flood.endpoints.yaml", yaml.ToString()));

        var diagnostics = run.GeneratorDiagnostics.OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line).ToList();
        Assert.Equal(101, diagnostics.Count);
        Assert.All(diagnostics.Take(100), d => Assert.Contains(d.Id, new[] { "EPG006", "EPG008", "EPG010" }));

        // The first hundred are the first in the file; the count sits at the first one left out.
        Assert.True(diagnostics[99].Location.GetLineSpan().StartLinePosition.Line < 6 + (4 * 40), "the reported errors are not the file's first");
        var summary = diagnostics[100];
        Assert.Equal("EPG020", summary.Id);
        Assert.StartsWith(((3 * endpoints) - 100).ToString(System.Globalization.CultureInfo.InvariantCulture) + " more problems", summary.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Empty(run.Result.GeneratedTrees);
    }

    [Fact]
    public void A_descriptor_with_a_hundred_problems_reports_them_all_and_no_count()
    {
        var yaml = new StringBuilder("service:\n  name: Flood\n  namespace: Flood.Api\n  baseUrl: https://api.example.com\nendpoints:\n");
        for (var i = 0; i < 100; i++)
        {
            yaml.Append("  E").Append(i).Append(":\n    method: FETCH\n    path: x\n");
        }

        var run = GeneratorHarness.Run(("/flood.endpoints.yaml", yaml.ToString()));

        Assert.Equal(100, run.GeneratorDiagnostics.Length);
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal("EPG010", d.Id));
    }
}
