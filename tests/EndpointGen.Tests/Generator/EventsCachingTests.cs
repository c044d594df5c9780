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
/// A response's <c>encoding</c> is part of the endpoint's model: a second run does no work, switching an answer between
/// an event stream and a JSON body re-emits the service with the other method shapes, and a comment re-emits nothing.
/// </summary>
public sealed class EventsCachingTests
{
    private const string Path = "/features/ticker.endpoints.yaml";

    private static string Ticker => File.ReadAllText(System.IO.Path.Combine(Repository.Root, "tests", "EndpointGen.Tests", "Features", "ticker.endpoints.yaml"));

    [Fact]
    public void A_second_run_is_cached()
    {
        // RunTwice asserts that the second run did no work.
        var run = GeneratorHarness.Run(new AdditionalText[] { new InMemoryAdditionalText(Path, Ticker) });
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings);
    }

    [Fact]
    public void Switching_an_answer_between_events_and_json_re_emits_the_service_and_a_comment_does_not()
    {
        const string Events = "response: { type: 'Message[]', encoding: events }";
        Assert.Contains(Events, Ticker, StringComparison.Ordinal);
        var original = new InMemoryAdditionalText(Path, Ticker);
        var run = GeneratorHarness.Run(new AdditionalText[] { original });
        Assert.Contains("IAsyncEnumerable<global::EndpointGen.Runtime.ApiEvent<global::System.Collections.Generic.IReadOnlyList<global::Features.Ticker.Message>>> WatchInboxesAsync(", Source(run.Driver), StringComparison.Ordinal);

        var edited = new InMemoryAdditionalText(Path, Ticker.Replace(Events, "response: { type: 'Message[]', encoding: json }", StringComparison.Ordinal));
        var driver = run.Driver.ReplaceAdditionalText(original, edited).RunGenerators(run.Output);
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver));
        Assert.Contains("Task<global::System.Collections.Generic.IReadOnlyList<global::Features.Ticker.Message>> WatchInboxesAsync(", Source(driver), StringComparison.Ordinal);

        var commented = new InMemoryAdditionalText(Path, "# a comment\n" + edited.GetText()!.ToString());
        driver = driver.ReplaceAdditionalText(edited, commented).RunGenerators(run.Output);
        Assert.DoesNotContain(IncrementalStepRunReason.Modified, Reasons(driver));
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Services].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    private static string Source(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "Features.Ticker.Ticker.g.cs").SourceText.ToString();
}
