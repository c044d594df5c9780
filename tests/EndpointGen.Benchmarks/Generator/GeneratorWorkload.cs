using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using EndpointGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace EndpointGen.Benchmarks.Generator;

/// <summary>
/// Everything one generator benchmark needs, built outside the measurement: the descriptors, a
/// compilation, a driver that has already run once, and the two edits (an unrelated C# file, one
/// descriptor changed).
/// </summary>
internal sealed class GeneratorWorkload
{
    /// <summary>The endpoint count that stands for the real descriptors in <c>spec/</c>.</summary>
    public const int RealSpecs = 19;

    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest);

    // The references of a console app on this runtime (its framework assemblies) and the runtime library, so that
    // the generator's look-ups in the compilation cost what they cost in a real project.
    private static readonly Lazy<MetadataReference[]> s_references = new(static () =>
        Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll")
            .Where(static path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(path).StartsWith("Microsoft.", StringComparison.Ordinal)
                || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(EndpointGen.Runtime.ApiRequest).Assembly.Location)
            .Select(static path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    private static readonly GeneratorDriverOptions s_driverOptions =
        new(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false);

    private GeneratorWorkload(ImmutableArray<AdditionalText> texts, AdditionalText editedFrom, AdditionalText editedTo)
    {
        Texts = texts;
        EditedFrom = editedFrom;
        EditedTo = editedTo;
        Compilation = CSharpCompilation.Create(
            "App",
            UserTrees(s_parseOptions),
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        EditedCompilation = Compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(UnrelatedEdit, s_parseOptions));
        WarmDriver = NewDriver().RunGenerators(Compilation);
    }

    /// <summary>The C# file the unrelated edit adds.</summary>
    public const string UnrelatedEdit = "namespace App { internal static class Unrelated { public static int Answer => 42; } }";

    /// <summary>The framework references of a console app on this runtime and the EndpointGen runtime library.</summary>
    public static IEnumerable<MetadataReference> References => s_references.Value;

    /// <summary>The descriptors.</summary>
    public ImmutableArray<AdditionalText> Texts { get; }

    /// <summary>The compilation the generator runs on: 20 small C# files over a console app's framework references.</summary>
    public CSharpCompilation Compilation { get; }

    /// <summary><see cref="Compilation"/> plus one unrelated C# file: an edit in C# code.</summary>
    public CSharpCompilation EditedCompilation { get; }

    /// <summary>A driver that has run once on <see cref="Compilation"/>; every rerun starts from it.</summary>
    public GeneratorDriver WarmDriver { get; }

    /// <summary>The descriptor that the one-spec edit changes.</summary>
    public AdditionalText EditedFrom { get; }

    /// <summary>That descriptor after the edit (one summary changed).</summary>
    public AdditionalText EditedTo { get; }

    /// <summary>Builds the workload for the real descriptors (<see cref="RealSpecs"/>) or synthetic ones.</summary>
    /// <param name="endpoints">19 for the real descriptors, otherwise the synthetic endpoint count.</param>
    /// <returns>The workload.</returns>
    public static GeneratorWorkload Create(int endpoints)
    {
        if (endpoints == RealSpecs)
        {
            var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Specs"), "*.endpoints.yaml")
                .OrderBy(static path => path, StringComparer.Ordinal)
                .Select(static path => (Path: "/specs/" + Path.GetFileName(path), Yaml: File.ReadAllText(path)))
                .ToList();
            var ccai = files.Single(static file => file.Path.EndsWith("ccai-platform.endpoints.yaml", StringComparison.Ordinal));
            return Create(files, ccai.Path, "summary: Create a chat.", "summary: Create a chat (edited).");
        }

        return CreateSynthetic(endpoints);
    }

    /// <summary>Builds the workload for synthetic descriptors of any size (19 included, unlike <see cref="Create"/>).</summary>
    /// <param name="endpoints">The endpoint count.</param>
    /// <returns>The workload.</returns>
    public static GeneratorWorkload CreateSynthetic(int endpoints)
    {
        var synthetic = SyntheticDescriptors.Create(endpoints);
        return Create(synthetic, synthetic[0].Path, SyntheticDescriptors.EditTarget, SyntheticDescriptors.EditReplacement);
    }

    /// <summary>The 20 small C# files of the user's project, the same for every generator compared.</summary>
    /// <param name="options">The parse options.</param>
    /// <returns>The syntax trees.</returns>
    public static IEnumerable<SyntaxTree> UserTrees(CSharpParseOptions options) =>
        Enumerable.Range(0, 20).Select(i => CSharpSyntaxTree.ParseText(UserCode(i), options));

    /// <summary>A driver that has never run: the cost of a first build or a newly opened solution.</summary>
    /// <returns>The driver.</returns>
    public GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new EndpointGenerator().AsSourceGenerator() },
            Texts,
            s_parseOptions,
            optionsProvider: null,
            s_driverOptions);

    /// <summary>
    /// Checks what the benchmarks assume, with step tracking on: the first run emits every service without
    /// errors, an unrelated C# edit re-parses and re-emits nothing, and the spec edit re-parses and re-emits
    /// that one file.
    /// </summary>
    /// <exception cref="InvalidOperationException">An assumption does not hold.</exception>
    public void Verify()
    {
        var tracking = new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new EndpointGenerator().AsSourceGenerator() }, Texts, s_parseOptions, optionsProvider: null, tracking);

        driver = driver.RunGenerators(Compilation);
        var first = driver.GetRunResult().Results.Single();
        Require(first.Exception is null, "the generator threw: " + first.Exception);
        var errors = first.Diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
        Require(errors.Count == 0, $"the descriptors have {errors.Count} errors, the first: " + string.Join("; ", errors.Take(3)));
        // One generated file per descriptor, each holding that service's client class.
        var clients = first.GeneratedSources.Count(static s => s.SourceText.ToString().Contains("Client : global::", StringComparison.Ordinal));
        Require(clients == Texts.Length, $"expected {Texts.Length} generated clients, got {clients}");

        driver = driver.RunGenerators(EditedCompilation);
        var unrelated = driver.GetRunResult().Results.Single();
        RequireReasons(unrelated, "Parse", expectedModified: 0);
        RequireReasons(unrelated, "Services", expectedModified: 0);

        driver = driver.ReplaceAdditionalText(EditedFrom, EditedTo).RunGenerators(EditedCompilation);
        var edit = driver.GetRunResult().Results.Single();
        RequireReasons(edit, "Parse", expectedModified: 1);
        RequireReasons(edit, "Services", expectedModified: 1);
    }

    private static string UserCode(int i) =>
        i == 0
            ? "namespace App { public static class Program { public static void Main() { } } }"
            : $"namespace App.Feature{i} {{ public sealed class Service{i} {{ private int _count; public int Next() => ++_count; public override string ToString() => \"Service{i}: \" + _count; }} }}";

    private static GeneratorWorkload Create(IReadOnlyList<(string Path, string Yaml)> files, string editedPath, string target, string replacement)
    {
        var texts = files.Select(static file => (AdditionalText)new InMemoryAdditionalText(file.Path, file.Yaml)).ToImmutableArray();
        var from = texts.Single(text => text.Path == editedPath);
        var yaml = from.GetText()!.ToString();
        Require(yaml.Split(target).Length == 2, $"'{target}' must occur once in {editedPath}");
        return new GeneratorWorkload(texts, from, new InMemoryAdditionalText(editedPath, yaml.Replace(target, replacement, StringComparison.Ordinal)));
    }

    private static void RequireReasons(GeneratorRunResult result, string step, int expectedModified)
    {
        Require(result.TrackedSteps.TryGetValue(step, out var runs), $"no tracked step '{step}'");
        var reasons = runs!.SelectMany(static run => run.Outputs).Select(static output => output.Reason).ToList();
        var changed = reasons.Count(static reason => reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
        var other = reasons.Count(static reason => reason is not (IncrementalStepRunReason.New or IncrementalStepRunReason.Modified or IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Require(changed == expectedModified && other == 0,
            $"step '{step}': expected {expectedModified} new or modified outputs, got [{string.Join(", ", reasons.GroupBy(static r => r).Select(static g => g.Key + "×" + g.Count()))}]");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Generator benchmark set-up: " + message);
        }
    }
}
