// Direct driver, not Microsoft.CodeAnalysis.Testing: these edit a descriptor between runs and read the tracked steps.
using System;
using System.IO;
using System.Linq;
using EndpointGen.Generator;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// <c>error.inSuccess</c> is part of the service's model: a second run is cached, an edit of its value re-emits the
/// service with the new check, and an edit of nothing it holds does not.
/// </summary>
public sealed class ResponseCachingTests
{
    private const string Path = "/features/relay.endpoints.yaml";

    private static string Relay => File.ReadAllText(System.IO.Path.Combine(Repository.Root, "tests", "EndpointGen.Tests", "Features", "relay.endpoints.yaml"));

    [Fact]
    public void Editing_the_inSuccess_value_re_emits_the_service_and_a_comment_does_not()
    {
        var original = new InMemoryAdditionalText(Path, Relay);
        var run = GeneratorHarness.Run(new AdditionalText[] { original });
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("error is { Ok: false };", Source(run.Driver), StringComparison.Ordinal);

        var edited = new InMemoryAdditionalText(Path, Relay.Replace("inSuccess: { path: ok, equals: false }", "inSuccess: { path: ok, equals: true }", StringComparison.Ordinal));
        var driver = run.Driver.ReplaceAdditionalText(original, edited).RunGenerators(run.Output);
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver));
        Assert.Contains("error is { Ok: true };", Source(driver), StringComparison.Ordinal);

        var commented = new InMemoryAdditionalText(Path, "# a comment\n" + edited.GetText()!.ToString());
        driver = driver.ReplaceAdditionalText(edited, commented).RunGenerators(run.Output);
        Assert.DoesNotContain(IncrementalStepRunReason.Modified, Reasons(driver));
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Services].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    private static string Source(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "Features.Relay.Relay.g.cs").SourceText.ToString();
}
