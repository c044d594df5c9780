// Direct driver, not Microsoft.CodeAnalysis.Testing: the documentation's code is compiled as a consumer would write it.
using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>The example of spec/README.md section 5.9 (other hosts, server-given URLs and credentials) works as written.</summary>
public sealed class HostsReadmeTests
{
    [Fact]
    public void The_other_hosts_example_generates_and_its_code_compiles()
    {
        var reference = File.ReadAllText(Path.Combine(Repository.Root, "spec", "README.md"));
        var section = reference[reference.IndexOf("### 5.9 ", StringComparison.Ordinal)..reference.IndexOf("## 6. ", StringComparison.Ordinal)];
        var yaml = Block(section, "yaml");
        var code = Block(section, "csharp");
        var consumer = $$"""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Acme.Gallery;
            using EndpointGen.Runtime;

            namespace Consumer
            {
                internal sealed record TokenResponse(string AccessToken);

                internal interface ITokens
                {
                    ValueTask<TokenResponse> GetAsync(CancellationToken cancellationToken);
                }

                internal static class Example
                {
                    internal static async Task RunAsync(ITokens tokens, UploadPart part)
                    {
            {{code}}
                    }
                }
            }
            """;

        var run = GeneratorHarness.Run(new[] { (AdditionalText)new InMemoryAdditionalText("/specs/gallery.endpoints.yaml", yaml) }, consumer);

        Assert.Empty(run.Result.Diagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
    }

    private static string Block(string markdown, string language) =>
        Regex.Match(markdown, "^```" + language + "\\n(?<body>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline).Groups["body"].Value;
}
