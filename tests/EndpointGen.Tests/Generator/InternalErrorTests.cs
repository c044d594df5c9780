// Direct driver, not Microsoft.CodeAnalysis.Testing: the framework builds additional files from workspace documents, which cannot fail to read.
using System;
using System.Linq;
using System.Threading;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>EPG099: a failure inside the generator becomes one diagnostic located at the file, never CS8785.</summary>
public sealed class InternalErrorTests
{
    private const string File = "/specs/demo.endpoints.yaml";

    [Fact]
    public void EPG099_a_failure_inside_the_generator_becomes_a_located_diagnostic()
    {
        var run = GeneratorHarness.Run(new AdditionalText[] { new ThrowingAdditionalText(File) });
        var diagnostic = Assert.Single(run.Result.Diagnostics);
        Assert.Equal("EPG099", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(File, diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("the editor's buffer is gone", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
        Assert.Null(run.Result.Results.Single().Exception);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
    }

    private sealed class ThrowingAdditionalText : AdditionalText
    {
        public ThrowingAdditionalText(string path) => Path = path;

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("the editor's buffer is gone");
    }
}
