// Direct driver, not Microsoft.CodeAnalysis.Testing: these edit inputs between runs and walk the tracked steps, which the framework's driver neither keeps nor exposes.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using EndpointGen.Generator;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// The pipeline is incremental the way an IDE needs: C# edits re-run nothing of ours, a spec edit re-runs only
/// that file's steps, and no step output holds compiler or YAML-library objects (they defeat caching and hold memory).
/// </summary>
public sealed class CachingTests
{
    private static readonly string[] s_steps =
    {
        TrackingNames.Descriptors, TrackingNames.Parse, TrackingNames.Diagnostics, TrackingNames.Services,
        TrackingNames.Duplicates, TrackingNames.LosingFiles, TrackingNames.Options, TrackingNames.LanguageVersion, TrackingNames.CompilationFacts,
        TrackingNames.EmitContext, TrackingNames.Polyfills,
    };

    [Fact]
    public void An_unrelated_csharp_edit_leaves_every_step_cached_or_unchanged()
    {
        var (driver, compilation, _) = RunAllSpecs();

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Consumer { internal static class Edited { } }", GeneratorHarness.ParseOptions()));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var tracked = s_steps.Where(second.TrackedSteps.ContainsKey).SelectMany(name => second.TrackedSteps[name]).ToList();
        Assert.NotEmpty(tracked);
        foreach (var step in tracked)
        {
            Assert.All(step.Outputs, output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"{step.Name} output was {output.Reason}"));
        }

        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), output =>
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
    }

    [Fact]
    public void Editing_one_spec_reparses_only_that_file()
    {
        var (driver, compilation, files) = RunAllSpecs();
        var (thulium, edited) = EditThulium(files);

        var second = driver.ReplaceAdditionalText(thulium, edited).RunGenerators(compilation).GetRunResult().Results.Single();

        var parse = second.TrackedSteps[TrackingNames.Parse].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(3, parse.Count);
        Assert.Equal(1, parse.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(2, parse.Count(r => r == IncrementalStepRunReason.Cached));

        // Emitting re-runs for the edited service alone.
        var services = second.TrackedSteps[TrackingNames.Services].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, services.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(2, services.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));

        // A spec edit that changes nothing the model holds (a comment) stops at the parse step.
        var commented = new InMemoryAdditionalText(edited.Path, "# a comment\n" + edited.GetText()!.ToString());
        var third = driver.ReplaceAdditionalText(thulium, edited).RunGenerators(compilation)
            .ReplaceAdditionalText(edited, commented).RunGenerators(compilation).GetRunResult().Results.Single();
        var servicesAfterComment = third.TrackedSteps[TrackingNames.Services].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.DoesNotContain(IncrementalStepRunReason.Modified, servicesAfterComment);
    }

    [Fact]
    public void The_second_run_check_of_every_harness_run_sees_work_redone_after_an_edit()
    {
        // GeneratorHarness.RunTwice asserts this of every run; here it must fail when a spec did change.
        var (driver, compilation, files) = RunAllSpecs();
        var (thulium, edited) = EditThulium(files);
        var second = driver.ReplaceAdditionalText(thulium, edited).RunGenerators(compilation).GetRunResult().Results.Single();

        var failure = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => GeneratorHarness.AssertAllCached(second));
        Assert.Contains(TrackingNames.Parse + ": Modified", failure.Message, StringComparison.Ordinal);
        GeneratorHarness.AssertAllCached(driver.RunGenerators(compilation).GetRunResult().Results.Single());
    }

    [Fact]
    public void Step_outputs_hold_no_symbols_syntax_compilations_or_yaml_objects()
    {
        var (driver, compilation, files) = RunAllSpecs();
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        foreach (var name in s_steps.Where(result.TrackedSteps.ContainsKey))
        {
            foreach (var output in result.TrackedSteps[name].SelectMany(s => s.Outputs))
            {
                AssertNoBannedObjects(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
            }
        }
    }

    /// <summary>The Thulium spec and a copy of it with one summary changed.</summary>
    private static (InMemoryAdditionalText Original, InMemoryAdditionalText Edited) EditThulium(List<InMemoryAdditionalText> files)
    {
        var thulium = files.Single(f => f.Path.Contains("thulium", StringComparison.Ordinal));
        return (thulium, new InMemoryAdditionalText(thulium.Path, thulium.GetText()!.ToString().Replace("Starts a chat conversation.", "Starts a chat conversation now.")));
    }

    private static (GeneratorDriver Driver, Compilation Compilation, List<InMemoryAdditionalText> Files) RunAllSpecs()
    {
        var files = Repository.SpecFiles.Select(Repository.Spec).ToList();
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(compilation);
        Assert.Empty(driver.GetRunResult().Diagnostics);
        return (driver, compilation, files);
    }

    private static void AssertNoBannedObjects(object? value, string path, HashSet<object> visited, int depth)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || depth > 50)
        {
            return;
        }

        var type = value.GetType();
        Assert.False(value is ISymbol or SyntaxNode or Compilation or SyntaxTree or SemanticModel, $"{path} holds a {type.FullName}");
        Assert.False(type.Namespace?.StartsWith("YamlDotNet", StringComparison.Ordinal) == true, $"{path} holds a {type.FullName}");

        // AdditionalText is the input of the filter step itself; its contents are the compiler's, not ours.
        if (value is AdditionalText || !type.IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                AssertNoBannedObjects(item, $"{path}[{index++}]", visited, depth + 1);
            }
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoBannedObjects(field.GetValue(value), path + "." + field.Name, visited, depth + 1);
        }
    }
}
