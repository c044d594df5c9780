// Direct driver, not Microsoft.CodeAnalysis.Testing: these edit inputs between runs and walk the tracked steps, which the framework's driver neither keeps nor exposes.
using System;
using System.IO;
using System.Linq;
using EndpointGen.Generator;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// A descriptor with servers, given URLs and <c>auth: none</c> (<c>Features/gallery.endpoints.yaml</c>) is as
/// incremental as the others: its model compares by value, so a C# edit or a comment re-emits nothing, and a changed
/// server URL re-emits that file alone.
/// </summary>
public sealed class HostsCachingTests
{
    private static InMemoryAdditionalText Gallery() =>
        new("/features/gallery.endpoints.yaml", File.ReadAllText(Path.Combine(Repository.Root, "tests", "EndpointGen.Tests", "Features", "gallery.endpoints.yaml")));

    [Fact]
    public void A_csharp_edit_and_a_comment_re_emit_nothing_and_a_server_edit_re_emits_its_file()
    {
        var gallery = Gallery();
        var thulium = Repository.Spec("thulium.endpoints.yaml");
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(new[] { gallery, thulium }).RunGenerators(compilation);
        Assert.Empty(driver.GetRunResult().Diagnostics);

        // A C# edit: no service and no output is made again.
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Edited { } }", GeneratorHarness.ParseOptions()));
        var afterEdit = driver.RunGenerators(edited).GetRunResult().Results.Single();
        Assert.All(afterEdit.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), output =>
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
        Assert.All(afterEdit.TrackedSteps[TrackingNames.Services].SelectMany(s => s.Outputs), output =>
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));

        // A comment: parsed again into an equal model, so nothing is emitted again.
        var commented = new InMemoryAdditionalText(gallery.Path, "# a comment\n" + gallery.GetText()!.ToString());
        var afterComment = driver.ReplaceAdditionalText(gallery, commented).RunGenerators(compilation).GetRunResult().Results.Single();
        Assert.DoesNotContain(IncrementalStepRunReason.Modified, afterComment.TrackedSteps[TrackingNames.Services].SelectMany(s => s.Outputs).Select(o => o.Reason));

        // Another server URL: that service alone is emitted again, with the new URL.
        var moved = new InMemoryAdditionalText(gallery.Path, gallery.GetText()!.ToString().Replace("https://cdn.gallery.example.com", "https://cdn2.gallery.example.com", StringComparison.Ordinal));
        var afterMove = driver.ReplaceAdditionalText(gallery, moved).RunGenerators(compilation);
        var result = afterMove.GetRunResult().Results.Single();
        var services = result.TrackedSteps[TrackingNames.Services].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, services.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, services.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        var source = result.GeneratedSources.Single(s => s.HintName == "Features.Gallery.Gallery.g.cs").SourceText.ToString();
        Assert.Contains("public const string CdnBaseUrlTemplate = \"https://cdn2.gallery.example.com\";", source, StringComparison.Ordinal);
    }
}
