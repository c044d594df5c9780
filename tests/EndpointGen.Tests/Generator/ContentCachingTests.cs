// Direct driver, not Microsoft.CodeAnalysis.Testing: these edit inputs between runs and walk the tracked steps.
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
/// The content model (body encodings, form styles, content types, the content type kinds) is made of values: a second
/// run with the same inputs does no work, a C# edit re-runs nothing, and editing a body's encoding re-emits that
/// service alone, while a comment stops at the parse step.
/// </summary>
public sealed class ContentCachingTests
{
    private static readonly string s_postbox = File.ReadAllText(Path.Combine(Repository.Root, "tests", "EndpointGen.Tests", "Features", "postbox.endpoints.yaml"));

    [Fact]
    public void A_second_run_and_a_csharp_edit_are_cached()
    {
        var files = new[] { new InMemoryAdditionalText("/features/postbox.endpoints.yaml", s_postbox) };

        // RunTwice asserts that the second run did no work.
        var run = GeneratorHarness.Run(files);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings);

        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(compilation);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Edited { } }", GeneratorHarness.ParseOptions()));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();
        var ours = new[] { TrackingNames.Descriptors, TrackingNames.Parse, TrackingNames.Diagnostics, TrackingNames.Services, TrackingNames.EmitContext };
        var outputs = ours.Where(second.TrackedSteps.ContainsKey).SelectMany(name => second.TrackedSteps[name]).SelectMany(step => step.Outputs)
            .Concat(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs)).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
    }

    [Theory]
    [InlineData("arrays: comma", "arrays: brackets")]
    [InlineData("encoding: multipart, arrays: brackets", "encoding: multipart")]
    [InlineData("contentType: image/png", "contentType: image/webp")]
    [InlineData("response: { type: stream }", "response: { type: bytes }")]
    [InlineData("fields: { type: 'map<string>'", "fields: { type: 'map<int64>'")]
    public void Editing_a_body_or_response_content_re_emits_and_a_comment_does_not(string before, string after)
    {
        Assert.Contains(before, s_postbox, StringComparison.Ordinal);
        var original = new InMemoryAdditionalText("/features/postbox.endpoints.yaml", s_postbox);
        var changed = new InMemoryAdditionalText(original.Path, s_postbox.Replace(before, after, StringComparison.Ordinal));
        var commented = new InMemoryAdditionalText(original.Path, "# a comment\n" + changed.GetText()!.ToString());
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(new[] { original }).RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(original, changed).RunGenerators(compilation);
        var second = driver.GetRunResult().Results.Single();
        Assert.Empty(second.Diagnostics);
        Assert.Contains(IncrementalStepRunReason.Modified, second.TrackedSteps[TrackingNames.Services].SelectMany(s => s.Outputs).Select(o => o.Reason));

        var third = driver.ReplaceAdditionalText(changed, commented).RunGenerators(compilation).GetRunResult().Results.Single();
        Assert.DoesNotContain(IncrementalStepRunReason.Modified, third.TrackedSteps[TrackingNames.Services].SelectMany(s => s.Outputs).Select(o => o.Reason));
    }
}
