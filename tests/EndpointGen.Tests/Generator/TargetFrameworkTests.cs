// Direct driver, not Microsoft.CodeAnalysis.Testing: netstandard2.0 projects built from restored packages reference each other's emitted images.
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// The output compiles for a netstandard2.0 consumer, with the compiler-support types emitted only where the
/// framework lacks them, and two projects that both use the generator can reference each other.
/// </summary>
public sealed class TargetFrameworkTests
{
    private const string PolyfillHint = "EndpointGen.Polyfills.g.cs";

    [Fact]
    public void A_netstandard20_consumer_compiles_the_three_specs_with_polyfills()
    {
        var (run, _) = CompileNetStandard("Consumer", Repository.SpecFiles.Select(Repository.Spec), Enumerable.Empty<MetadataReference>());

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

    [Fact]
    public void A_project_without_descriptors_gets_nothing()
    {
        var (run, _) = CompileNetStandard("Empty", Enumerable.Empty<AdditionalText>(), Enumerable.Empty<MetadataReference>());
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Two_netstandard20_projects_using_the_generator_one_referencing_the_other_compile()
    {
        var (library, libraryImage) = CompileNetStandard("Library", new[] { Repository.Spec("thulium.endpoints.yaml") }, Enumerable.Empty<MetadataReference>());
        Assert.Empty(library.CompileErrorsAndWarnings.Select(d => d.ToString()));

        var (application, _) = CompileNetStandard(
            "Application",
            new[] { Repository.Spec("livedesk.endpoints.yaml") },
            new[] { MetadataReference.CreateFromImage(libraryImage) },
            "namespace Application { internal static class UsesBoth { internal static object Both() => new object[] { typeof(global::ContactCenter.Thulium.ThuliumClient), typeof(global::ContactCenter.LiveDesk.LiveDeskClient) }; } }");

        // Each keeps its own internal polyfills; no CS0436 clash, and the library's public types are usable.
        Assert.Contains(application.Sources, s => s.HintName == PolyfillHint);
        Assert.Empty(application.CompileErrorsAndWarnings.Select(d => d.ToString()));
    }

    private static readonly System.Lazy<MetadataReference> s_runtime = new(CompileRuntime);

    private static CSharpParseOptions Options => GeneratorHarness.ParseOptions().WithPreprocessorSymbols("NETSTANDARD", "NETSTANDARD2_0");

    private static CSharpCompilationOptions CompilationOptions => new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        generalDiagnosticOption: ReportDiagnostic.Error,
        specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress });

    /// <summary>The runtime library built from its sources for netstandard2.0, as its package ships it.</summary>
    private static MetadataReference CompileRuntime()
    {
        var folder = Path.Combine(Repository.Root, "src", "EndpointGen.Runtime");
        var compilation = CSharpCompilation.Create(
            "EndpointGen.Runtime",
            Directory.GetFiles(folder, "*.cs").Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), Options, path: path)),
            NetStandardReferences.All,
            CompilationOptions);
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    private static (GeneratorRun Run, byte[] Image) CompileNetStandard(string name, IEnumerable<AdditionalText> files, IEnumerable<MetadataReference> extra, string? source = null)
    {
        var options = Options;
        var trees = new List<SyntaxTree>();
        if (source is not null)
        {
            trees.Add(CSharpSyntaxTree.ParseText(source, options, path: "Consumer.cs"));
        }

        var compilation = CSharpCompilation.Create(name, trees, NetStandardReferences.All.Append(s_runtime.Value).Concat(extra), CompilationOptions);
        var run = GeneratorHarness.RunTwice(GeneratorHarness.CreateDriver(files, options, buildProperties: null), compilation);
        using var stream = new MemoryStream();
        var emitted = run.Output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return (run, stream.ToArray());
    }
}
