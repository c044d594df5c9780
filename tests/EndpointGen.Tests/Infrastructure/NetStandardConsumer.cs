using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace EndpointGen.Tests.Infrastructure;

/// <summary>A netstandard2.0 project that uses the generator, compiled against the runtime library as its package ships it.</summary>
internal static class NetStandardConsumer
{
    private static readonly Lazy<MetadataReference> s_runtime = new(CompileRuntime);
    private static readonly Lazy<MetadataReference> s_testing = new(CompileTesting);

    /// <summary>EndpointGen.Testing built from its sources for netstandard2.0, as its package ships it: what generated fakes compile against.</summary>
    public static MetadataReference Testing => s_testing.Value;

    public static CSharpParseOptions ParseOptions => GeneratorHarness.ParseOptions().WithPreprocessorSymbols("NETSTANDARD", "NETSTANDARD2_0");

    private static CSharpCompilationOptions CompilationOptions => new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        generalDiagnosticOption: ReportDiagnostic.Error,
        specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress });

    /// <summary>Runs the generator (twice, <see cref="GeneratorHarness.RunTwice"/>) over a netstandard2.0 project and emits it, which must succeed.</summary>
    public static (GeneratorRun Run, byte[] Image) Compile(
        string name,
        IEnumerable<AdditionalText> files,
        IEnumerable<MetadataReference> extra,
        string? source = null,
        IReadOnlyDictionary<string, string>? buildProperties = null)
    {
        var options = ParseOptions;
        var trees = new List<SyntaxTree>();
        if (source is not null)
        {
            trees.Add(CSharpSyntaxTree.ParseText(source, options, path: "Consumer.cs"));
        }

        var compilation = CSharpCompilation.Create(name, trees, NetStandardReferences.All.Append(s_runtime.Value).Concat(extra), CompilationOptions);
        var run = GeneratorHarness.RunTwice(GeneratorHarness.CreateDriver(files, options, buildProperties), compilation);
        using var stream = new MemoryStream();
        var emitted = run.Output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return (run, stream.ToArray());
    }

    private static MetadataReference CompileTesting()
    {
        var folder = Path.Combine(Repository.Root, "src", "EndpointGen.Testing");
        var compilation = CSharpCompilation.Create(
            "EndpointGen.Testing",
            Directory.GetFiles(folder, "*.cs").Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), ParseOptions, path: path)),
            NetStandardReferences.All.Append(s_runtime.Value),
            CompilationOptions);
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    /// <summary>The runtime library built from its sources for netstandard2.0, as its package ships it.</summary>
    private static MetadataReference CompileRuntime()
    {
        var folder = Path.Combine(Repository.Root, "src", "EndpointGen.Runtime");
        var compilation = CSharpCompilation.Create(
            "EndpointGen.Runtime",
            Directory.GetFiles(folder, "*.cs").Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), ParseOptions, path: path)),
            NetStandardReferences.All,
            CompilationOptions);
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
