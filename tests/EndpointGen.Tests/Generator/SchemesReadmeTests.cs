// Direct driver, not Microsoft.CodeAnalysis.Testing: the documentation's code is compiled as a consumer would write it.
using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>The named-schemes example of spec/README.md section 5.9 works as written.</summary>
public sealed class SchemesReadmeTests
{
    [Fact]
    public void The_named_schemes_example_generates_and_its_code_compiles()
    {
        var reference = File.ReadAllText(Path.Combine(Repository.Root, "spec", "README.md"));
        var section = reference[reference.IndexOf("**Named schemes.**", StringComparison.Ordinal)..reference.IndexOf("## 6. ", StringComparison.Ordinal)];
        var yaml = Block(section, "yaml");
        var code = Block(section, "csharp");
        Assert.Contains("schemes:", yaml, StringComparison.Ordinal);
        var consumer = $$"""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Keyring;

            namespace Consumer
            {
                internal interface ISessions
                {
                    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
                }

                internal static class Example
                {
                    internal static KeyringClientOptions Create(ISessions sessions, IDictionary<string, string?> configuration, string partnerPassword)
                    {
            {{code}}
                        return options;
                    }
                }
            }
            """;

        var run = GeneratorHarness.Run(new[] { (AdditionalText)new InMemoryAdditionalText("/specs/keyring.endpoints.yaml", yaml) }, consumer);

        Assert.Empty(run.Result.Diagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
    }

    private static string Block(string markdown, string language) =>
        Regex.Match(markdown, "^```" + language + "\\n(?<body>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline).Groups["body"].Value;
}
