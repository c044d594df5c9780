// Direct driver, not Microsoft.CodeAnalysis.Testing: these edit inputs between runs and walk the tracked steps.
using System;
using System.Linq;
using EndpointGen.Generator;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// Arrays, dates and defaults keep the pipeline incremental: a C# edit re-runs nothing of ours, a <c>default:</c> (a
/// model value) re-emits its file only, and whether the compilation has <c>System.DateOnly</c> is a small fact whose
/// change re-emits the files, with the other type for dates.
/// </summary>
public sealed class ParameterCachingTests
{
    private const string Lists = """
        service:
          name: Lists
          namespace: Caching.Lists
          baseUrl: https://lists.example.com
        endpoints:
          Find:
            method: GET
            path: days/{day}
            parameters:
              path:
                day: date
              query:
                labels: { type: "string[]", style: brackets, default: none }
              header:
                X-Days: "date[]"
            response: Day
        types:
          Day:
            fields:
              on: { type: date, required: true, default: 2024-01-01 }
        """;

    private const string Other = """
        service:
          name: Other
          namespace: Caching.Other
          baseUrl: https://other.example.com
        endpoints:
          Get:
            method: GET
            path: x
            response: { type: date }
        """;

    [Fact]
    public void An_unrelated_csharp_edit_leaves_every_step_cached_or_unchanged()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(Files()).RunGenerators(compilation);
        Assert.Empty(driver.GetRunResult().Diagnostics);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Edited { } }", GeneratorHarness.ParseOptions()));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        // Every step of ours; the compilation itself (Roslyn's own input node) did change.
        var outputs = second.TrackedSteps.Where(pair => pair.Key != "Compilation").Concat(second.TrackedOutputSteps).SelectMany(pair => pair.Value).SelectMany(step => step.Outputs.Select(o => (step.Name, o.Reason))).ToList();
        Assert.Contains(outputs, o => o.Name == TrackingNames.CompilationFacts);
        Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{o.Name}: {o.Reason}"));
    }

    [Fact]
    public void Editing_a_default_re_emits_that_file_only()
    {
        var files = Files();
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(compilation);
        var edited = new InMemoryAdditionalText(files[0].Path, Lists.Replace("default: 2024-01-01", "default: 2025-01-01"));

        var second = driver.ReplaceAdditionalText(files[0], edited).RunGenerators(compilation).GetRunResult().Results.Single();

        var services = second.TrackedSteps[TrackingNames.Services].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, services.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, services.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.Contains("Default: <c>2025-01-01</c>.", second.GeneratedSources.Single(s => s.HintName == "Caching.Lists.Lists.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Losing_DateOnly_changes_the_facts_and_re_emits_with_DateTime()
    {
        var files = Files();
        var net = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(net);
        Assert.Contains("global::System.DateOnly day", Source(driver, "Caching.Lists.Lists.g.cs"), StringComparison.Ordinal);

        // The same project retargeted to netstandard2.0, which has no DateOnly.
        var netstandard = CSharpCompilation.Create("Consumer", net.SyntaxTrees, NetStandardReferences.All.Append(net.References.Last()), (CSharpCompilationOptions)net.Options);
        var second = driver.RunGenerators(netstandard);
        var result = second.GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[TrackingNames.CompilationFacts].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.All(result.TrackedSteps[TrackingNames.Parse].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.Contains("global::System.DateTime day", Source(second, "Caching.Lists.Lists.g.cs"), StringComparison.Ordinal);
        Assert.DoesNotContain("DateOnly", Source(second, "Caching.Other.Other.g.cs"), StringComparison.Ordinal);

        // And back: the facts are equal to the first run's again, so a further run over the same compilation redoes nothing.
        var back = second.RunGenerators(net);
        Assert.Contains("global::System.DateOnly day", Source(back, "Caching.Lists.Lists.g.cs"), StringComparison.Ordinal);
        GeneratorHarness.AssertAllCached(back.RunGenerators(net).GetRunResult().Results.Single());
    }

    private static InMemoryAdditionalText[] Files() => new[]
    {
        new InMemoryAdditionalText("/lists.endpoints.yaml", Lists),
        new InMemoryAdditionalText("/other.endpoints.yaml", Other),
    };

    private static string Source(GeneratorDriver driver, string hintName) =>
        driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();
}
