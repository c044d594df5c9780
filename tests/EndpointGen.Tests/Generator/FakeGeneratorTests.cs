// Direct driver: the fakes are generated with the build properties a test project sets, and compiled with EndpointGen.Testing.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// <c>EndpointGenFakes=true</c> adds <c>&lt;Service&gt;Fake</c> per service in <c>&lt;namespace&gt;.Testing</c>, in a file of its
/// own; <c>EndpointGenClients=false</c> leaves the clients and models to a referenced assembly. The snapshot
/// <c>Snapshots/fakes/</c> holds the fakes of the weather and inventory feature descriptors.
/// </summary>
public sealed class FakeGeneratorTests
{
    private static readonly Dictionary<string, string> s_fakes = new() { ["EndpointGenFakes"] = "true" };
    private static readonly Dictionary<string, string> s_fakesOnly = new() { ["EndpointGenFakes"] = "true", ["EndpointGenClients"] = "false" };

    private static MetadataReference Testing => MetadataReference.CreateFromFile(typeof(EndpointGen.Testing.ServiceFake).Assembly.Location);

    internal static IEnumerable<AdditionalText> Features(params string[] names) =>
        Directory.GetFiles(Path.Combine(Repository.Root, "tests", "EndpointGen.Tests", "Features"), "*.endpoints.yaml")
            .Where(p => names.Length == 0 || names.Contains(Path.GetFileName(p).Split('.')[0]))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (AdditionalText)new InMemoryAdditionalText("/features/" + Path.GetFileName(p), File.ReadAllText(p)));

    private static IEnumerable<AdditionalText> Specs => Repository.SpecFiles.Select(Repository.Spec);

    [Fact]
    public void The_fakes_of_the_weather_and_inventory_descriptors_match_the_snapshot_and_compile_warning_free()
    {
        var compilation = GeneratorHarness.CreateCompilation().AddReferences(Testing);
        var run = GeneratorHarness.RunTwice(GeneratorHarness.CreateDriver(Features("weather", "inventory"), buildProperties: s_fakes), compilation);

        Assert.Empty(run.Result.Diagnostics);
        Assert.Equal(
            new[] { "Features.Inventory.Inventory.Fake.g.cs", "Features.Inventory.Inventory.g.cs", "Features.Weather.Weather.Fake.g.cs", "Features.Weather.Weather.g.cs" },
            run.Sources.Select(s => s.HintName).OrderBy(h => h, StringComparer.Ordinal));
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
        Snapshots.Verify("fakes", run.Sources.Where(s => s.HintName.EndsWith(".Fake.g.cs", StringComparison.Ordinal)).ToList());

        // The fakes' files are the clients' files' neighbours: turning fakes on changes no client.
        var without = GeneratorHarness.RunTwice(GeneratorHarness.CreateDriver(Features("weather", "inventory")), compilation);
        Assert.Equal(
            without.Sources.Select(s => (s.HintName, s.SourceText.ToString())),
            run.Sources.Where(s => !s.HintName.EndsWith(".Fake.g.cs", StringComparison.Ordinal)).Select(s => (s.HintName, s.SourceText.ToString())));
    }

    [Fact]
    public void Without_EndpointGenFakes_no_fake_is_generated()
    {
        var run = GeneratorHarness.Run(Features(), buildProperties: new Dictionary<string, string> { ["EndpointGenFakes"] = "false" });
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains("Fake", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_feature_and_vendor_descriptor_has_a_fake_that_compiles_warning_free_in_a_net_project()
    {
        var compilation = GeneratorHarness.CreateCompilation().AddReferences(GeneratorHarness.DependencyInjectionReferences).AddReferences(Testing);
        var run = GeneratorHarness.RunTwice(GeneratorHarness.CreateDriver(Features().Concat(Specs), buildProperties: s_fakes), compilation);

        Assert.Empty(run.Result.Diagnostics);
        Assert.Equal(Features().Count() + Specs.Count(), run.Sources.Count(s => s.HintName.EndsWith(".Fake.g.cs", StringComparison.Ordinal)));
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
    }

    [Fact]
    public void Every_global_name_a_fake_spells_outside_its_service_is_one_the_generator_knows_it_names()
    {
        var run = GeneratorHarness.Run(Features().Concat(Specs), buildProperties: s_fakes);
        var namespaces = new[] { "Features.", "ContactCenter." };
        var names = run.Sources.Where(s => s.HintName.EndsWith(".Fake.g.cs", StringComparison.Ordinal))
            .SelectMany(s => System.Text.RegularExpressions.Regex.Matches(s.SourceText.ToString(), @"global::([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)").Select(m => m.Groups[1].Value))
            .Where(name => !namespaces.Any(ns => name.StartsWith(ns, StringComparison.Ordinal)))
            .Distinct()
            .ToList();
        Assert.Contains("EndpointGen.Testing.ServiceFake", names);

        // A name is a listed type, or one followed by members (FakeContent.Json): then the generator refuses it, and every
        // name it starts, as a namespace ("... is a type the generated code names").
        var unknown = names.Where(EndpointGen.Generator.Parsing.Naming.IsValidNamespace).ToList();
        Assert.True(unknown.Count == 0, "Not in Naming's list of the types the generated code names: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Every_fake_compiles_warning_free_in_a_netstandard20_project_with_internal_visibility()
    {
        var (run, _) = NetStandardConsumer.Compile(
            "Fakes",
            Features().Concat(Specs),
            RestoredPackages.Libraries("netstandard2.0", RestoredPackages.DependencyInjection).Append(NetStandardConsumer.Testing),
            buildProperties: new Dictionary<string, string> { ["EndpointGenFakes"] = "true", ["EndpointGenVisibility"] = "internal" });

        Assert.Empty(run.Result.Diagnostics);
        Assert.Equal(Features().Count() + Specs.Count(), run.Sources.Count(s => s.HintName.EndsWith(".Fake.g.cs", StringComparison.Ordinal)));
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
        Assert.Contains("internal sealed partial class WeatherFake", run.Sources.Single(s => s.HintName == "Features.Weather.Weather.Fake.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void With_EndpointGenClients_false_only_the_fakes_are_generated_and_they_compile_against_the_clients_of_a_referenced_assembly()
    {
        // The library: the clients, as examples/ContactCenter has them.
        var library = GeneratorHarness.RunTwice(GeneratorHarness.CreateDriver(Features().Concat(Specs)), GeneratorHarness.CreateCompilation().WithAssemblyName("Library"));
        Assert.Empty(library.CompileErrorsAndWarnings.Select(d => d.ToString()));
        using var image = new MemoryStream();
        Assert.True(library.Output.Emit(image).Success);

        // The test project: the same descriptors, fakes only.
        var compilation = GeneratorHarness.CreateCompilation().AddReferences(Testing, MetadataReference.CreateFromImage(image.ToArray()));
        var run = GeneratorHarness.RunTwice(GeneratorHarness.CreateDriver(Features().Concat(Specs), buildProperties: s_fakesOnly), compilation);

        Assert.Empty(run.Result.Diagnostics);
        Assert.All(run.Sources, s => Assert.EndsWith(".Fake.g.cs", s.HintName, StringComparison.Ordinal));
        Assert.Equal(Features().Count() + Specs.Count(), run.Sources.Count);
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
    }
}
