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
/// A descriptor with named credential schemes (<c>Features/keyring.endpoints.yaml</c>) is as incremental as the
/// others: its schemes compare by value, so a C# edit or a comment re-emits nothing, and a changed scheme header
/// re-emits that file alone.
/// </summary>
public sealed class SchemesCachingTests
{
    private static InMemoryAdditionalText Keyring() =>
        new("/features/keyring.endpoints.yaml", File.ReadAllText(Path.Combine(Repository.Root, "tests", "EndpointGen.Tests", "Features", "keyring.endpoints.yaml")));

    [Fact]
    public void A_csharp_edit_and_a_comment_re_emit_nothing_and_a_scheme_edit_re_emits_its_file()
    {
        var keyring = Keyring();
        var thulium = Repository.Spec("thulium.endpoints.yaml");
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(new[] { keyring, thulium }).RunGenerators(compilation);
        Assert.Empty(driver.GetRunResult().Diagnostics);

        // A C# edit: no service and no output is made again.
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Edited { } }", GeneratorHarness.ParseOptions()));
        var afterEdit = driver.RunGenerators(edited).GetRunResult().Results.Single();
        Assert.All(afterEdit.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), output =>
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
        Assert.All(afterEdit.TrackedSteps[TrackingNames.Services].SelectMany(s => s.Outputs), output =>
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));

        // A comment: parsed again into an equal model, so nothing is emitted again.
        var commented = new InMemoryAdditionalText(keyring.Path, "# a comment\n" + keyring.GetText()!.ToString());
        var afterComment = driver.ReplaceAdditionalText(keyring, commented).RunGenerators(compilation).GetRunResult().Results.Single();
        Assert.DoesNotContain(IncrementalStepRunReason.Modified, afterComment.TrackedSteps[TrackingNames.Services].SelectMany(s => s.Outputs).Select(o => o.Reason));

        // Another header for the admin scheme: that service alone is emitted again, with the new header.
        var renamed = new InMemoryAdditionalText(keyring.Path, keyring.GetText()!.ToString().Replace("header: X-Keyring-Admin", "header: X-Keyring-Root", StringComparison.Ordinal));
        var result = driver.ReplaceAdditionalText(keyring, renamed).RunGenerators(compilation).GetRunResult().Results.Single();
        var services = result.TrackedSteps[TrackingNames.Services].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, services.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, services.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        var source = result.GeneratedSources.Single(s => s.HintName == "Features.Keyring.Keyring.g.cs").SourceText.ToString();
        Assert.Contains("new() { Name = \"admin\", Header = \"X-Keyring-Root\", Value = options.AdminApiKey, Provider = options.AdminApiKeyProvider },", source, StringComparison.Ordinal);
    }
}
