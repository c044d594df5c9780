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
/// <c>pagination</c> is part of the endpoint's model: a second run is cached, an edit of how it pages re-emits the
/// service with the new <c>...AllAsync</c>, and an edit of nothing it holds does not.
/// </summary>
public sealed class PaginationCachingTests
{
    private const string Path = "/features/ledger.endpoints.yaml";

    private static string Ledger => File.ReadAllText(System.IO.Path.Combine(Repository.Root, "tests", "EndpointGen.Tests", "Features", "ledger.endpoints.yaml"));

    [Fact]
    public void Editing_how_an_endpoint_pages_re_emits_the_service_and_a_comment_does_not()
    {
        var original = new InMemoryAdditionalText(Path, Ledger);
        var run = GeneratorHarness.Run(new AdditionalText[] { original });
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("static response => response.Meta?.Total, null, cancellationToken);", Source(run.Driver), StringComparison.Ordinal);

        // The same run again: every step cached.
        var again = run.Driver.RunGenerators(run.Output);
        Assert.All(Reasons(again), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));

        var edited = new InMemoryAdditionalText(Path, Ledger.Replace("      total: meta.total ", "      lastPage: meta.page ", StringComparison.Ordinal));
        var driver = again.ReplaceAdditionalText(original, edited).RunGenerators(run.Output);
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver));
        Assert.Contains("static response => response.Entries, null, static response => response.Meta?.Page, cancellationToken);", Source(driver), StringComparison.Ordinal);

        var commented = new InMemoryAdditionalText(Path, "# a comment\n" + edited.GetText()!.ToString());
        driver = driver.ReplaceAdditionalText(edited, commented).RunGenerators(run.Output);
        Assert.DoesNotContain(IncrementalStepRunReason.Modified, Reasons(driver));
    }

    [Fact]
    public void Editing_which_item_gives_the_cursor_re_emits_the_service()
    {
        var original = new InMemoryAdditionalText(Path, Ledger);
        var run = GeneratorHarness.Run(new AdditionalText[] { original });
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("static response => response.Payload is { } items && items.Count > 0 ? items[0]?.Id.ToString(global::System.Globalization.CultureInfo.InvariantCulture) : null, cancellationToken);", Source(run.Driver), StringComparison.Ordinal);

        var again = run.Driver.RunGenerators(run.Output);
        Assert.All(Reasons(again), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));

        var edited = new InMemoryAdditionalText(Path, Ledger.Replace("next: \"@first.id\"", "next: \"@last.id\"", StringComparison.Ordinal));
        var driver = again.ReplaceAdditionalText(original, edited).RunGenerators(run.Output);
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver));
        Assert.Contains("static response => response.Payload is { } items && items.Count > 0 ? items[items.Count - 1]?.Id.ToString(global::System.Globalization.CultureInfo.InvariantCulture) : null, cancellationToken);", Source(driver), StringComparison.Ordinal);
    }

    [Fact]
    public void Pagination_models_are_equal_by_value()
    {
        var first = GeneratorHarness.Run(new AdditionalText[] { new InMemoryAdditionalText(Path, Ledger) });
        var second = GeneratorHarness.Run(new AdditionalText[] { new InMemoryAdditionalText(Path, Ledger) });

        var a = Outputs(first.Driver);
        var b = Outputs(second.Driver);
        Assert.Equal(a.Length, b.Length);
        Assert.Equal(a, b);
        Assert.NotSame(a[0], b[0]);
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Services].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    private static object[] Outputs(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Services].SelectMany(s => s.Outputs).Select(o => o.Value).ToArray();

    private static string Source(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "Features.Ledger.Ledger.g.cs").SourceText.ToString();
}
