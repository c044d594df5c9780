// Direct driver, not Microsoft.CodeAnalysis.Testing: the output is edited (one header line removed) and compiled again.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// Generated files turn nullable warnings off (<c>#nullable disable warnings</c> after <c>#nullable enable annotations</c>)
/// so the consumer's compiler skips their nullable flow analysis. That must not hide a nullability mistake: with the
/// line removed, the same code compiles under Nullable and warnings as errors without a single warning.
/// </summary>
public sealed class NullableFlowTests
{
    private const string WarningsOff = "#nullable disable warnings\n";

    public static TheoryData<string> Descriptors()
    {
        var data = new TheoryData<string>();
        foreach (var spec in Repository.SpecFiles)
        {
            data.Add(Path.Combine("spec", spec));
        }

        foreach (var path in Directory.GetFiles(Path.Combine(Repository.Root, "tests", "EndpointGen.Tests", "Features"), "*.endpoints.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Repository.Root, path));
        }

        data.Add(Path.Combine("tests", "EndpointGen.Tests", "Wire", "Courier", "courier.endpoints.yaml"));
        data.Add(Path.Combine("tests", "EndpointGen.Tests", "Wire", "Courier", "seams.endpoints.yaml"));
        return data;
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void The_generated_code_has_no_nullable_warning_with_warnings_on(string descriptor)
    {
        var path = Path.Combine(Repository.Root, descriptor);
        var run = GeneratorHarness.Run(new[] { new InMemoryAdditionalText("/specs/" + Path.GetFileName(path), File.ReadAllText(path)) });
        Assert.Empty(run.Result.Diagnostics.Select(d => d.ToString()));
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));

        var generated = run.Result.GeneratedTrees;
        var withWarnings = new List<SyntaxTree>();
        foreach (var tree in generated)
        {
            var text = tree.ToString();
            if (tree.FilePath.EndsWith("Polyfills.g.cs", StringComparison.Ordinal))
            {
                withWarnings.Add(tree);
                continue;
            }

            Assert.Contains("#nullable enable annotations\n" + WarningsOff, text, StringComparison.Ordinal);
            withWarnings.Add(CSharpSyntaxTree.ParseText(text.Replace(WarningsOff, string.Empty, StringComparison.Ordinal), (CSharpParseOptions)tree.Options, tree.FilePath));
        }

        var compilation = run.Output.RemoveSyntaxTrees(generated).AddSyntaxTrees(withWarnings);
        var diagnostics = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.Empty(diagnostics);
    }
}
