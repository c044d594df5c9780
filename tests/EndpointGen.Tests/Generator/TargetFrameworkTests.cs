// Direct driver, not Microsoft.CodeAnalysis.Testing: netstandard2.0 projects built from restored packages reference each other's emitted images.
using System.Collections.Generic;
using System.Linq;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// The output compiles for a netstandard2.0 consumer, with the compiler-support types emitted only where the
/// framework lacks them, and two projects that both use the generator can reference each other.
/// </summary>
public sealed class TargetFrameworkTests
{
    private const string PolyfillHint = EndpointGen.Generator.EndpointGenerator.PolyfillHintName;

    [Fact]
    public void A_netstandard20_consumer_compiles_the_three_specs_with_polyfills()
    {
        var (run, _) = NetStandardConsumer.Compile("Consumer", Repository.SpecFiles.Select(Repository.Spec), Enumerable.Empty<MetadataReference>());

        Assert.Empty(run.Result.Diagnostics);
        Assert.Contains(run.Sources, s => s.HintName == PolyfillHint);
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
    }

    [Fact]
    public void A_modern_consumer_gets_no_polyfills()
    {
        var run = GeneratorHarness.Run(Repository.SpecFiles.Select(Repository.Spec));
        Assert.DoesNotContain(run.Sources, s => s.HintName == PolyfillHint);
    }

    [Theory]
    [InlineData("EndpointGen", "Polyfills")]
    [InlineData("ENDPOINTGEN", "POLYFILLS")]
    public void A_service_named_like_the_support_file_generates_beside_it(string ns, string name)
    {
        // Hint names are compared ignoring case; one equal to the support file's would drop every file (CS8785).
        var descriptor = "service:\n  name: " + name + "\n  namespace: " + ns + "\n  baseUrl: https://api.example.com\nendpoints:\n  Ping:\n    method: GET\n    path: ping\n";
        var (run, _) = NetStandardConsumer.Compile("Consumer", new[] { (AdditionalText)new InMemoryAdditionalText("/p.endpoints.yaml", descriptor) }, Enumerable.Empty<MetadataReference>());

        Assert.Empty(run.Result.Diagnostics);
        Assert.Equal(
            new[] { PolyfillHint, ns + "." + name + ".g.cs" }.OrderBy(h => h, System.StringComparer.Ordinal),
            run.Sources.Select(s => s.HintName).OrderBy(h => h, System.StringComparer.Ordinal));
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
    }

    [Fact]
    public void A_project_without_descriptors_gets_nothing()
    {
        var (run, _) = NetStandardConsumer.Compile("Empty", Enumerable.Empty<AdditionalText>(), Enumerable.Empty<MetadataReference>());
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Two_netstandard20_projects_using_the_generator_one_referencing_the_other_compile()
    {
        var (library, libraryImage) = NetStandardConsumer.Compile("Library", new[] { Repository.Spec("thulium.endpoints.yaml") }, Enumerable.Empty<MetadataReference>());
        Assert.Empty(library.CompileErrorsAndWarnings.Select(d => d.ToString()));

        var (application, _) = NetStandardConsumer.Compile(
            "Application",
            new[] { Repository.Spec("livedesk.endpoints.yaml") },
            new[] { MetadataReference.CreateFromImage(libraryImage) },
            "namespace Application { internal static class UsesBoth { internal static object Both() => new object[] { typeof(global::ContactCenter.Thulium.ThuliumClient), typeof(global::ContactCenter.LiveDesk.LiveDeskClient) }; } }");

        // Each keeps its own internal polyfills; no CS0436 clash, and the library's public types are usable.
        Assert.Contains(application.Sources, s => s.HintName == PolyfillHint);
        Assert.Empty(application.CompileErrorsAndWarnings.Select(d => d.ToString()));
    }
}
