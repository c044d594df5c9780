// Direct driver, not Microsoft.CodeAnalysis.Testing: the README's code is compiled as the console application it is, against the runtime the quick start runs on.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>The README's quick start and the format reference's example work as written.</summary>
public sealed class ReadmeTests
{
    // What the SDK's ImplicitUsings adds to a new console project.
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    [Fact]
    public void The_quick_start_descriptor_and_code_compile_as_written()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var yaml = Blocks(readme, "yaml").First();
        var code = Blocks(readme, "csharp").First();

        var run = Compile(yaml, code, OutputKind.ConsoleApplication);

        Assert.Empty(run.Result.Diagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
    }

    [Fact]
    public void The_format_reference_example_generates_and_compiles()
    {
        var reference = File.ReadAllText(Path.Combine(Repository.Root, "spec", "README.md"));
        var yaml = Blocks(reference, "yaml").First(b => b.Contains("endpoints:", StringComparison.Ordinal) && b.Contains("service:", StringComparison.Ordinal));

        var run = GeneratorHarness.Run(("/specs/example.endpoints.yaml", yaml));

        Assert.Empty(run.Result.Diagnostics);
        Assert.NotEmpty(run.Sources);
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
    }

    private static GeneratorRun Compile(string yaml, string code, OutputKind kind)
    {
        var options = GeneratorHarness.ParseOptions();
        var compilation = CSharpCompilation.Create(
            "QuickStart",
            new[]
            {
                CSharpSyntaxTree.ParseText(ImplicitUsings, options, path: "GlobalUsings.g.cs"),
                CSharpSyntaxTree.ParseText(code, options, path: "Program.cs"),
            },
            GeneratorHarness.References,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Error,
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress, ["CS1591"] = ReportDiagnostic.Suppress }));
        return GeneratorHarness.RunTwice(GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText("/app/weather.endpoints.yaml", yaml) }), compilation);
    }

    /// <summary>The fenced blocks of a language, with the fence's own indentation (inside a list item) removed.</summary>
    private static IEnumerable<string> Blocks(string markdown, string language) =>
        Regex.Matches(markdown, "^(?<indent> *)```" + language + "\\n(?<body>.*?)^\\k<indent>```", RegexOptions.Singleline | RegexOptions.Multiline)
            .Select(m => string.Join("\n", m.Groups["body"].Value.Split('\n').Select(line => line.StartsWith(m.Groups["indent"].Value, StringComparison.Ordinal) ? line[m.Groups["indent"].Length..] : line)));
}
