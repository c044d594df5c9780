using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using EndpointGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace EndpointGen.Tests.Infrastructure;

/// <summary>Drives <see cref="EndpointGenerator"/> through <see cref="CSharpGeneratorDriver"/> the way the compiler does.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    public static ImmutableArray<MetadataReference> References => s_references.Value;

    /// <summary>What a project referencing Microsoft.Extensions.Http adds, for which the generator emits <c>services.Add{Service}Client()</c>.</summary>
    public static IEnumerable<MetadataReference> DependencyInjectionReferences => new[]
    {
        typeof(Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions).Assembly,
        typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly,
        typeof(Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions).Assembly,
        typeof(Microsoft.Extensions.Options.IOptions<>).Assembly,
        typeof(Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions).Assembly,
    }.Distinct().Select(a => MetadataReference.CreateFromFile(a.Location));

    public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.Latest) =>
        new(version, DocumentationMode.Diagnose);

    public static CSharpCompilation CreateCompilation(string source = "namespace Consumer { internal static class Placeholder { } }", LanguageVersion version = LanguageVersion.Latest) =>
        CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText(source, ParseOptions(version), path: "Consumer.cs") },
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                // The SDK's default NoWarn: reference unification between framework versions is expected.
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files, LanguageVersion version = LanguageVersion.Latest, IReadOnlyDictionary<string, string>? buildProperties = null) =>
        CreateDriver(files, ParseOptions(version), buildProperties);

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files, ParseOptions parseOptions, IReadOnlyDictionary<string, string>? buildProperties) =>
        CreateDriver(files, parseOptions, OptionsProvider(buildProperties ?? new Dictionary<string, string>()));

    /// <summary>The MSBuild properties a project sets, as the compiler hands them to the generator (<c>build_property.*</c>).</summary>
    public static AnalyzerConfigOptionsProvider OptionsProvider(IReadOnlyDictionary<string, string> buildProperties) => new TestOptionsProvider(buildProperties);

    /// <summary>A driver that tracks every step, so a second run can be checked for cached work.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files, ParseOptions parseOptions, AnalyzerConfigOptionsProvider options) =>
        CSharpGeneratorDriver.Create(
            new[] { new EndpointGenerator().AsSourceGenerator() },
            files,
            (CSharpParseOptions)parseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Runs the generator over the given files and returns the result with the compiled output. Every run is made
    /// twice on the same compilation, and the second must find all its work cached (<see cref="RunTwice"/>).
    /// </summary>
    public static GeneratorRun Run(IEnumerable<AdditionalText> files, string? source = null, LanguageVersion version = LanguageVersion.Latest, IReadOnlyDictionary<string, string>? buildProperties = null)
    {
        var compilation = source is null ? CreateCompilation(version: version) : CreateCompilation(source, version);
        return RunTwice(CreateDriver(files, version, buildProperties), compilation);
    }

    public static GeneratorRun Run(params (string Path, string Text)[] files) =>
        Run(files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)));

    /// <summary>
    /// Runs the driver, then runs the resulting driver again on the same compilation and asserts that every tracked
    /// step and every output of the second run is <see cref="IncrementalStepRunReason.Cached"/> or
    /// <see cref="IncrementalStepRunReason.Unchanged"/>: an input that did not change must cost no work. Returns the first run.
    /// </summary>
    public static GeneratorRun RunTwice(GeneratorDriver driver, Compilation compilation)
    {
        var first = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics, CancellationToken.None);
        var second = first.RunGenerators(compilation, CancellationToken.None).GetRunResult().Results.Single();
        AssertAllCached(second);
        return new GeneratorRun(first, first.GetRunResult(), output, generatorDiagnostics);
    }

    /// <summary>Asserts that a run did no new work: every tracked step and output is cached or unchanged.</summary>
    public static void AssertAllCached(GeneratorRunResult run)
    {
        var steps = run.TrackedSteps.Concat(run.TrackedOutputSteps).SelectMany(pair => pair.Value).ToList();
        Xunit.Assert.NotEmpty(steps);
        var redone = steps
            .SelectMany(step => step.Outputs.Select(output => (step.Name, output.Reason)))
            .Where(output => output.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            .Select(output => $"{output.Name ?? "(unnamed)"}: {output.Reason}")
            .ToList();
        Xunit.Assert.True(redone.Count == 0, "A second run over the same inputs redid work: " + string.Join(", ", redone));
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = paths
            .Where(p => Path.GetFileName(p) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        references.Add(MetadataReference.CreateFromFile(typeof(EndpointGen.Runtime.ApiException).Assembly.Location));
        return references.ToImmutableArray();
    }

    private sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly TestOptions _global;

        public TestOptionsProvider(IReadOnlyDictionary<string, string> buildProperties) =>
            _global = new TestOptions(buildProperties.ToDictionary(p => "build_property." + p.Key, p => p.Value));

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => TestOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => TestOptions.Empty;
    }

    private sealed class TestOptions : AnalyzerConfigOptions
    {
        public static readonly TestOptions Empty = new(new Dictionary<string, string>());

        private readonly Dictionary<string, string> _values;

        public TestOptions(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}

/// <summary>One generator run: the driver (to run again), its result, and the compilation with the output added.</summary>
internal sealed record GeneratorRun(GeneratorDriver Driver, GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public IEnumerable<Diagnostic> CompileErrorsAndWarnings =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning);

    public IReadOnlyList<GeneratedSourceResult> Sources => Result.Results.Single().GeneratedSources;
}

/// <summary>An AdditionalText held in memory.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Where the repository's files are, from the test's output folder.</summary>
internal static class Repository
{
    private static readonly Lazy<string> s_root = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Generator.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => s_root.Value;

    public static string SpecPath(string fileName) => Path.Combine(Root, "spec", fileName);

    public static string[] SpecFiles => new[] { "thulium.endpoints.yaml", "ccai-platform.endpoints.yaml", "livedesk.endpoints.yaml" };

    public static InMemoryAdditionalText Spec(string fileName) =>
        new("/specs/" + fileName, File.ReadAllText(SpecPath(fileName)));
}
