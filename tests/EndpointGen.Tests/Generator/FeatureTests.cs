// The snapshot runs on the direct driver (its files are accepted on demand); the .NET 8 check runs under Microsoft.CodeAnalysis.Testing.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using EndpointGen.Generator;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// What the three vendor specs do not use, in the descriptors under <c>Features/</c> (auth schemes and providers,
/// header and array parameters, dates, every request and response content type, other hosts and given URLs, errors
/// inside 2xx, three-state fields), generated with dependency injection (Microsoft.Extensions.Http referenced) and
/// <c>EndpointGenVisibility=internal</c>. The snapshot <c>Snapshots/features/</c> is of a netstandard2.0 project, so
/// it holds the polyfills too, and its <c>date</c> values are <c>System.DateTime</c>; <c>Snapshots/features-net/</c>
/// holds the files a .NET project generates otherwise (dates as <c>System.DateOnly</c>). The .NET output compiles
/// warning-free against the .NET 8 reference assemblies.
/// </summary>
public sealed class FeatureTests
{
    private const string Snapshot = "features";
    private const string NetSnapshot = "features-net";
    private const string PolyfillHint = EndpointGen.Generator.EndpointGenerator.PolyfillHintName;
    private static readonly string[] s_serviceHints = { "Features.Blocks.Blocks.g.cs", "Features.Gallery.Gallery.g.cs", "Features.Inventory.Inventory.g.cs", "Features.Keyring.Keyring.g.cs", "Features.Ledger.Ledger.g.cs", "Features.Postbox.Postbox.g.cs", "Features.Relay.Relay.g.cs", "Features.Ticker.Ticker.g.cs", "Features.Weather.Weather.g.cs" };
    // The files whose output depends on the target (dates are DateOnly on .NET, DateTime on netstandard2.0): only they
    // have a .NET snapshot of their own; every other file generates the same text for both and has one snapshot.
    private static readonly string[] s_targetDependentHints = { "Features.Inventory.Inventory.g.cs" };
    private static readonly Dictionary<string, string> s_internal = new() { ["EndpointGenVisibility"] = "internal" };

    private static IEnumerable<(string Name, string Text)> Descriptors =>
        Directory.GetFiles(Path.Combine(Repository.Root, "tests", "EndpointGen.Tests", "Features"), "*.endpoints.yaml")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (Path.GetFileName(p), File.ReadAllText(p)));

    [Fact]
    public void A_netstandard20_project_with_dependency_injection_and_internal_visibility_matches_the_snapshot_and_compiles()
    {
        var (run, _) = NetStandardConsumer.Compile(
            "Features",
            Descriptors.Select(d => (AdditionalText)new InMemoryAdditionalText("/features/" + d.Name, d.Text)),
            RestoredPackages.Libraries("netstandard2.0", RestoredPackages.DependencyInjection),
            buildProperties: s_internal);

        Assert.Empty(run.Result.Diagnostics);
        Assert.Equal(s_serviceHints.Append(PolyfillHint).OrderBy(h => h, StringComparer.Ordinal), run.Sources.Select(s => s.HintName).OrderBy(h => h, StringComparer.Ordinal));
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
        Snapshots.Verify(Snapshot, run.Sources);

        // Every generated type, the registration class included, is internal.
        var generated = run.Output.Assembly.GlobalNamespace.GetNamespaceMembers().Single(n => n.Name == "Features").GetNamespaceMembers().SelectMany(n => n.GetTypeMembers()).ToList();
        Assert.Contains(generated, t => t.Name == "InventoryServiceCollectionExtensions");
        Assert.Contains(generated, t => t.Name == "WeatherServiceCollectionExtensions");
        Assert.All(generated, t => Assert.Equal(Accessibility.Internal, t.DeclaredAccessibility));
    }

    [Fact]
    public void A_net_project_types_dates_as_DateOnly_and_matches_its_snapshot()
    {
        var compilation = GeneratorHarness.CreateCompilation().AddReferences(GeneratorHarness.DependencyInjectionReferences);
        var run = GeneratorHarness.RunTwice(
            GeneratorHarness.CreateDriver(Descriptors.Select(d => (AdditionalText)new InMemoryAdditionalText("/features/" + d.Name, d.Text)), buildProperties: s_internal),
            compilation);

        Assert.Empty(run.Result.Diagnostics);
        Assert.Equal(s_serviceHints, run.Sources.Select(s => s.HintName).OrderBy(h => h, StringComparer.Ordinal));
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
        Snapshots.Verify(NetSnapshot, run.Sources.Where(s => s_targetDependentHints.Contains(s.HintName)).ToList());
        Assert.All(
            run.Sources.Where(s => !s_targetDependentHints.Contains(s.HintName)),
            s => Assert.Equal(Snapshots.Read(Snapshot, s.HintName), s.SourceText.ToString()));
        Assert.Contains("public required global::System.DateOnly Day { get => _Day; init => _Day = value; }", run.Sources.Single(s => s.HintName == "Features.Inventory.Inventory.g.cs").SourceText.ToString(), StringComparison.Ordinal);
        Assert.Contains("public required global::System.DateTime Day { get => _Day; init => _Day = value; }", Snapshots.Read(Snapshot, "Features.Inventory.Inventory.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public Task A_net80_project_generates_the_net_snapshot_files_without_polyfills_and_compiles_warning_free()
    {
        var test = EndpointGenTest.Project(Descriptors.Select(d => ("/0/" + d.Name, d.Text)).ToArray());
        test.TestState.AdditionalReferences.AddRange(RestoredPackages.Libraries("net8.0", RestoredPackages.DependencyInjection));
        foreach (var (property, value) in s_internal)
        {
            test.BuildProperties[property] = value;
        }

        foreach (var hint in s_serviceHints)
        {
            test.TestState.GeneratedSources.Add((typeof(EndpointGenerator), hint, SourceText.From(Snapshots.Read(s_targetDependentHints.Contains(hint) ? NetSnapshot : Snapshot, hint), Encoding.UTF8)));
        }

        return test.RunAsync();
    }
}
