// Direct driver: the descriptor is edited between runs and the tracked steps compared.
using System.Linq;
using EndpointGen.Generator;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// A union is part of the model's value: a new variant or another discriminator value re-emits the service, and a
/// spelling that means the same (a quoted <c>"true"</c> for a plain <c>true</c>, a comment, the flow style) stops
/// before emitting.
/// </summary>
public sealed class UnionCachingTests
{
    private const string Original = """
        service:
          name: Desk
          namespace: Caching.Desk
          baseUrl: https://api.example.com/v1
        endpoints:
          SendData:
            method: POST
            path: data
            body: Data
        types:
          Data:
            discriminator: signed
            variants:
              "false": Plain
              "true": Signed
          Plain:
            fields:
              data: { type: "map<string>", required: true }
          Signed:
            fields:
              token: { type: string, required: true }
          Extra:
            fields:
              note: string
        """;

    [Fact]
    public void A_changed_variant_re_emits_and_the_same_union_spelled_otherwise_does_not()
    {
        var original = Edit(Original);
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(new[] { original }).RunGenerators(compilation);
        var originalText = Generated(driver);
        Assert.Contains("public sealed partial class Signed : global::Caching.Desk.Data", originalText, System.StringComparison.Ordinal);

        // Unquoted booleans, a comment and the flow style: the same model, nothing emitted anew.
        var respelled = Edit(Original.Replace("    variants:\n      \"false\": Plain\n      \"true\": Signed", "    variants: { false: Plain, true: Signed }   # the same two"));
        driver = driver.ReplaceAdditionalText(original, respelled).RunGenerators(compilation);
        Assert.DoesNotContain(IncrementalStepRunReason.Modified, ServiceReasons(driver));
        Assert.Equal(originalText, Generated(driver));

        // Another variant: a new model, so the service is emitted again, and Extra now derives from Data.
        var more = Edit(Original.Replace("      \"true\": Signed", "      \"true\": Signed\n      \"maybe\": Extra").Replace("\"false\": Plain", "off: Plain").Replace("\"true\": Signed", "on: Signed"));
        driver = driver.ReplaceAdditionalText(respelled, more).RunGenerators(compilation);
        Assert.Contains(IncrementalStepRunReason.Modified, ServiceReasons(driver));
        var moreText = Generated(driver);
        Assert.Contains("public sealed partial class Extra : global::Caching.Desk.Data", moreText, System.StringComparison.Ordinal);
        Assert.Contains("Discriminator(\"signed\", \"maybe\")", moreText, System.StringComparison.Ordinal);

        // Another discriminator name: a new model again.
        var renamed = Edit(Original.Replace("discriminator: signed", "discriminator: is_signed"));
        driver = driver.ReplaceAdditionalText(more, renamed).RunGenerators(compilation);
        Assert.Contains(IncrementalStepRunReason.Modified, ServiceReasons(driver));
        Assert.Contains("Discriminator(\"is_signed\", true)", Generated(driver), System.StringComparison.Ordinal);
        GeneratorHarness.AssertAllCached(driver.RunGenerators(compilation).GetRunResult().Results.Single());
    }

    private static InMemoryAdditionalText Edit(string text) => new("/desk.endpoints.yaml", text);

    private static IncrementalStepRunReason[] ServiceReasons(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Services].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    private static string Generated(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "Caching.Desk.Desk.g.cs").SourceText.ToString();
}
