using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EndpointGen.Benchmarks.Generator;

/// <summary>
/// Refit's source generator (<c>InterfaceStubGeneratorV2.dll</c> from the Refit 16.4.0 package's
/// <c>analyzers/dotnet/roslyn4.8/cs</c> slot, copied beside the benchmark) over the C# of <see cref="RefitSources"/>:
/// the same endpoints as <see cref="SyntheticDescriptors"/>, as a Refit user declares them. Driven exactly as
/// <see cref="GeneratorWorkload"/> drives EndpointGen: the same 20 user files, a new driver per cold run, and an
/// unrelated C# file added for the edit.
/// </summary>
internal sealed class RefitGeneratorWorkload
{
    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest);

    private static readonly GeneratorDriverOptions s_driverOptions =
        new(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false);

    private static readonly Lazy<ISourceGenerator> s_generator = new(static () =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "RefitGenerator", "InterfaceStubGeneratorV2.dll");
        var type = Assembly.LoadFrom(path).GetTypes()
            .Single(static t => !t.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(t));
        return ((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator();
    });

    // What Refit's buildTransitive/refit.props hands its generator in a project (RootNamespace = App).
    private static readonly AnalyzerConfigOptionsProvider s_options = new SameOptionsEverywhere(new Dictionary<string, string>
    {
        ["build_property.RefitInternalNamespace"] = "App",
        ["build_property.RefitGeneratedRequestBuilding"] = "true",
        ["build_property.RefitEmitGeneratedCodeMarkers"] = "true",
    });

    private RefitGeneratorWorkload(int endpoints)
    {
        Endpoints = endpoints;
        var refitCode = RefitSources.Create(endpoints, RefitSourceKind.Refit)
            .Select(static file => CSharpSyntaxTree.ParseText(file.Code, s_parseOptions, path: "/src/" + file.Name));
        Compilation = CSharpCompilation.Create(
            "App",
            GeneratorWorkload.UserTrees(s_parseOptions).Concat(refitCode),
            GeneratorWorkload.References.Append(MetadataReference.CreateFromFile(typeof(Refit.RestService).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        EditedCompilation = Compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(GeneratorWorkload.UnrelatedEdit, s_parseOptions));
        WarmDriver = NewDriver().RunGenerators(Compilation);
    }

    /// <summary>The endpoint (interface method) count.</summary>
    public int Endpoints { get; }

    /// <summary>The 20 user files and the Refit interfaces and DTOs.</summary>
    public CSharpCompilation Compilation { get; }

    /// <summary><see cref="Compilation"/> plus one unrelated C# file.</summary>
    public CSharpCompilation EditedCompilation { get; }

    /// <summary>A driver that has run once on <see cref="Compilation"/>.</summary>
    public GeneratorDriver WarmDriver { get; }

    /// <summary>Builds the workload.</summary>
    /// <param name="endpoints">The endpoint count.</param>
    /// <returns>The workload.</returns>
    public static RefitGeneratorWorkload Create(int endpoints) => new(endpoints);

    /// <summary>A driver that has never run.</summary>
    /// <returns>The driver.</returns>
    public GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create(new[] { s_generator.Value }, ImmutableArray<AdditionalText>.Empty, s_parseOptions, s_options, s_driverOptions);

    /// <summary>
    /// Checks, before any timing, that Refit's generator ran without an exception or an error, generated one
    /// implementation per interface, built every request in generated code (no RF006 reflection fallback), and that
    /// the compilation with its output has no errors: the synthesized interfaces are what Refit accepts.
    /// </summary>
    /// <exception cref="InvalidOperationException">An assumption does not hold.</exception>
    public void Verify()
    {
        var driver = NewDriver().RunGeneratorsAndUpdateCompilation(Compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        Require(result.Exception is null, "Refit's generator threw: " + result.Exception);
        Require(!generatorDiagnostics.Any(static d => d.Severity == DiagnosticSeverity.Error || d.Id == "RF006"),
            "Refit's generator reported: " + string.Join("; ", generatorDiagnostics.Take(3)));
        var interfaces = (Endpoints + SyntheticDescriptors.EndpointsPerFile - 1) / SyntheticDescriptors.EndpointsPerFile;
        var implementations = result.GeneratedSources.Sum(static s => CountOf(s.SourceText.ToString(), "Generated Refit implementation for global::Synthetic."));
        Require(implementations >= interfaces, $"expected an implementation for each of {interfaces} interfaces, found {implementations} mentions");
        var errors = output.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
        Require(errors.Count == 0, $"the Refit compilation has {errors.Count} errors, the first: " + string.Join("; ", errors.Take(3)));
    }

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Refit generator benchmark set-up: " + message);
        }
    }

    /// <summary>The same global options for every file, as MSBuild's CompilerVisibleProperty items give them.</summary>
    private sealed class SameOptionsEverywhere(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options = new(values);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
