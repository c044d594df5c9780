using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EndpointGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace EndpointGen.Tests.Infrastructure;

/// <summary>
/// <see cref="EndpointGenerator"/> under Microsoft.CodeAnalysis.Testing: descriptors are AdditionalFiles of a project
/// compiled against the .NET 8 reference assemblies with nullable on, every diagnostic is expected exactly (the
/// generator's, located in the YAML, and the compiler's down to warnings, so the output must compile warning-free),
/// and the generated files are expected exactly (by default none: a descriptor with an error generates nothing).
/// The framework's own driver does not track steps, so the project is also run through
/// <see cref="GeneratorHarness.RunTwice"/>: the second run over the same project must find all its work cached.
/// </summary>
internal sealed class EndpointGenTest : CSharpSourceGeneratorTest<EndpointGenerator, DefaultVerifier>
{
    /// <summary>Where <see cref="Descriptor"/> puts its file, and so where its diagnostics are located.</summary>
    public const string SpecPath = "/0/spec.endpoints.yaml";

    public EndpointGenTest()
    {
        ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
        TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(EndpointGen.Runtime.ApiException).Assembly.Location));
        CompilerDiagnostics = CompilerDiagnostics.Warnings;
    }

    public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

    /// <summary>MSBuild properties the generator reads (<c>build_property.*</c>), given as a global analyzer config.</summary>
    public Dictionary<string, string> BuildProperties { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// When set, the hint names of the generated files instead of their full text: for valid descriptors whose
    /// output text the snapshots own, so these tests do not restate it.
    /// </summary>
    public string[]? ExpectedHintNames { get; set; }

    /// <summary>One descriptor, markup allowed (<c>{|#0:strin|}</c> marks where diagnostic 0 is), and nothing else.</summary>
    public static Task VerifyAsync(string yaml, params DiagnosticResult[] expected) =>
        Descriptor(yaml, expected).RunAsync();

    /// <summary>A test of one descriptor at <see cref="SpecPath"/> and a placeholder C# file, to adjust before running.</summary>
    public static EndpointGenTest Descriptor(string yaml, params DiagnosticResult[] expected)
    {
        var test = Project((SpecPath, yaml));
        test.TestState.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    /// <summary>A test of a project with these additional files and a placeholder C# file, to adjust before running.</summary>
    public static EndpointGenTest Project(params (string Path, string Text)[] additionalFiles)
    {
        var test = new EndpointGenTest();
        test.TestState.Sources.Add("namespace Consumer { internal static class Placeholder { } }");
        test.TestState.AdditionalFiles.AddRange(additionalFiles.Select(f => (f.Path, SourceText.From(f.Text, Encoding.UTF8))));
        return test;
    }

    /// <summary>A generator error at markup location <paramref name="markupKey"/> (<c>{|#n:...|}</c>).</summary>
    public static DiagnosticResult Error(string id, int markupKey) => DiagnosticResult.CompilerError(id).WithLocation(markupKey);

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions())
            .WithNullableContextOptions(NullableContextOptions.Enable)
            // The SDK's default NoWarn: reference unification between framework versions is expected.
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress });

    protected override ParseOptions CreateParseOptions() =>
        ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);

    protected override async Task RunImplAsync(CancellationToken cancellationToken)
    {
        if (BuildProperties.Count > 0)
        {
            var config = new StringBuilder("is_global = true\n");
            foreach (var (name, value) in BuildProperties)
            {
                config.Append("build_property.").Append(name).Append(" = ").Append(value).Append('\n');
            }

            TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config.ToString()));
        }

        if (ExpectedHintNames is not null)
        {
            TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        }

        await base.RunImplAsync(cancellationToken);
    }

    protected override async Task<(Compilation compilation, ImmutableArray<Diagnostic> generatorDiagnostics)> GetProjectCompilationAsync(Project project, IVerifier verifier, CancellationToken cancellationToken)
    {
        var result = await base.GetProjectCompilationAsync(project, verifier, cancellationToken);

        // The same project, files and options through a tracking driver, twice.
        var compilation = (await project.GetCompilationAsync(cancellationToken))!;
        var options = project.AnalyzerOptions;
        var run = GeneratorHarness.RunTwice(GeneratorHarness.CreateDriver(options.AdditionalFiles, project.ParseOptions!, options.AnalyzerConfigOptionsProvider), compilation);
        Assert.Null(run.Result.Results.Single().Exception);
        if (ExpectedHintNames is not null)
        {
            Assert.Equal(ExpectedHintNames.OrderBy(n => n, StringComparer.Ordinal), run.Sources.Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal));
        }

        return result;
    }
}
