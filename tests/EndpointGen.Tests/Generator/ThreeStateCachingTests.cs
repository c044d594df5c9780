// Direct driver: the descriptor is edited between runs and the tracked steps compared.
using System.Linq;
using EndpointGen.Generator;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// <c>threeState</c> is part of the model's value: turning it on re-emits the service, and a spelling that means the
/// same (<c>threeState: false</c> where it is off, the type-level key instead of the same key on every optional field)
/// stops before emitting.
/// </summary>
public sealed class ThreeStateCachingTests
{
    private const string Plain = """
        service:
          name: Desk
          namespace: Caching.Desk
          baseUrl: https://api.example.com/v1
        endpoints:
          PatchContact:
            method: PATCH
            path: contacts
            body: ContactPatch
        types:
          ContactPatch:
            fields:
              id: { type: int64, required: true }
              name: { type: string }
              age: { type: int32 }
        """;

    [Fact]
    public void Turning_three_state_on_re_emits_and_the_same_meaning_spelled_otherwise_does_not()
    {
        var original = new InMemoryAdditionalText("/desk.endpoints.yaml", Plain);
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(new[] { original }).RunGenerators(compilation);

        // Off, written out: the same model.
        var offWritten = Edit(Plain.Replace("name: { type: string }", "name: { type: string, threeState: false }"));
        driver = driver.ReplaceAdditionalText(original, offWritten).RunGenerators(compilation);
        Assert.DoesNotContain(IncrementalStepRunReason.Modified, ServiceReasons(driver));

        // On for every optional field, one by one: a new model, so the service is emitted again.
        var perField = Edit(Plain.Replace("name: { type: string }", "name: { type: string, threeState: true }").Replace("age: { type: int32 }", "age: { type: int32, threeState: true }"));
        driver = driver.ReplaceAdditionalText(offWritten, perField).RunGenerators(compilation);
        Assert.Contains(IncrementalStepRunReason.Modified, ServiceReasons(driver));
        var perFieldText = Generated(driver);
        Assert.Contains("global::EndpointGen.Runtime.Optional<string?> Name", perFieldText, System.StringComparison.Ordinal);

        // The same, as the type-level key: the same model again, nothing emitted anew, the same text.
        var typeLevel = Edit(Plain.Replace("  ContactPatch:\n    fields:", "  ContactPatch:\n    threeState: true\n    fields:"));
        driver = driver.ReplaceAdditionalText(perField, typeLevel).RunGenerators(compilation);
        Assert.DoesNotContain(IncrementalStepRunReason.Modified, ServiceReasons(driver));
        Assert.Equal(perFieldText, Generated(driver));
        GeneratorHarness.AssertAllCached(driver.RunGenerators(compilation).GetRunResult().Results.Single());
    }

    private static InMemoryAdditionalText Edit(string text) => new("/desk.endpoints.yaml", text);

    private static IncrementalStepRunReason[] ServiceReasons(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Services].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    private static string Generated(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "Caching.Desk.Desk.g.cs").SourceText.ToString();
}
