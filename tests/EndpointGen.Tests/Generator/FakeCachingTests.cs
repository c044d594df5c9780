// Direct driver, not Microsoft.CodeAnalysis.Testing: these edit inputs between runs and walk the tracked steps.
using System;
using System.Collections.Generic;
using System.Linq;
using EndpointGen.Generator;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// The fakes have an output step of their own (<see cref="TrackingNames.Fakes"/>) over a small value of their own
/// (<see cref="TrackingNames.FakeContext"/>): a rerun over the same inputs does nothing (every run of the harness checks
/// that), turning fakes on or off re-emits no client, a fact only the clients use re-emits no fake, and editing one
/// descriptor re-emits that descriptor's fake alone.
/// </summary>
public sealed class FakeCachingTests
{
    private static readonly Dictionary<string, string> s_fakes = new() { ["EndpointGenFakes"] = "true" };

    private static AdditionalText[] Files => FakeGeneratorTests.Features("weather", "inventory", "postbox").ToArray();

    private static List<(string? Name, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult run, string step) =>
        run.TrackedSteps[step].SelectMany(s => s.Outputs.Select(o => (s.Name, o.Reason))).ToList();

    private static bool Reused(IncrementalStepRunReason reason) => reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;

    [Fact]
    public void Turning_fakes_on_and_off_re_emits_no_client()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(Files).RunGenerators(compilation);
        var clients = driver.GetRunResult().Results.Single().GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())).ToList();

        driver = driver.WithUpdatedAnalyzerConfigOptions(GeneratorHarness.OptionsProvider(s_fakes)).RunGenerators(compilation);
        var on = driver.GetRunResult().Results.Single();
        Assert.All(Outputs(on, TrackingNames.Services), o => Assert.True(Reused(o.Reason), $"{o.Name}: {o.Reason}"));
        Assert.Equal(3, on.GeneratedSources.Count(s => s.HintName.EndsWith(".Fake.g.cs", StringComparison.Ordinal)));

        driver = driver.WithUpdatedAnalyzerConfigOptions(GeneratorHarness.OptionsProvider(new Dictionary<string, string>())).RunGenerators(compilation);
        var off = driver.GetRunResult().Results.Single();
        Assert.All(Outputs(off, TrackingNames.Services), o => Assert.True(Reused(o.Reason), $"{o.Name}: {o.Reason}"));
        Assert.Equal(clients, off.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));
    }

    [Fact]
    public void A_fact_only_the_clients_use_re_emits_no_fake()
    {
        // Microsoft.Extensions.Http referenced: the clients gain their registration, the fakes stay as they are.
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(Files, buildProperties: s_fakes).RunGenerators(compilation);

        var second = driver.RunGenerators(compilation.AddReferences(GeneratorHarness.DependencyInjectionReferences)).GetRunResult().Results.Single();

        Assert.Contains(Outputs(second, TrackingNames.Services), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.All(Outputs(second, TrackingNames.FakeContext), o => Assert.True(Reused(o.Reason), $"{o.Name}: {o.Reason}"));
        Assert.All(Outputs(second, TrackingNames.Fakes), o => Assert.True(Reused(o.Reason), $"{o.Name}: {o.Reason}"));
    }

    [Fact]
    public void Editing_one_descriptor_re_emits_its_fake_only()
    {
        var files = Files;
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(files, buildProperties: s_fakes).RunGenerators(compilation);
        var weather = files.Single(f => f.Path.EndsWith("weather.endpoints.yaml", StringComparison.Ordinal));
        var edited = new InMemoryAdditionalText(weather.Path, weather.GetText()!.ToString().Replace("summary: The forecast for a city.", "summary: The forecast of a city.", StringComparison.Ordinal));

        var second = driver.ReplaceAdditionalText(weather, edited).RunGenerators(compilation).GetRunResult().Results.Single();

        var fakes = Outputs(second, TrackingNames.Fakes).Select(o => o.Reason).ToList();
        Assert.Equal(3, fakes.Count);
        Assert.Equal(1, fakes.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(2, fakes.Count(Reused));
        Assert.Contains("The forecast of a city.", second.GeneratedSources.Single(s => s.HintName == "Features.Weather.Weather.Fake.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }
}
