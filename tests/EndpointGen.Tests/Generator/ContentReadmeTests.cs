using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>The example of spec/README.md 5.7 (request and response content types) generates, and its C# compiles against it.</summary>
public sealed class ContentReadmeTests
{
    [Fact]
    public void The_content_types_example_generates_and_its_code_compiles()
    {
        var reference = File.ReadAllText(Path.Combine(Repository.Root, "spec", "README.md"));
        var section = Regex.Match(reference, @"^### 5\.7 .*?(?=^### |^## )", RegexOptions.Singleline | RegexOptions.Multiline).Value;
        Assert.NotEmpty(section);
        var yaml = Regex.Match(section, "```yaml\n(?<body>.*?)```", RegexOptions.Singleline).Groups["body"].Value;
        var code = Regex.Match(section, "```csharp\n(?<body>.*?)```", RegexOptions.Singleline).Groups["body"].Value;
        Assert.NotEmpty(yaml);
        Assert.NotEmpty(code);

        var descriptor = "service:\n  name: Docs\n  namespace: Docs.Content\n  baseUrl: https://api.example.com/v1\n" + yaml;
        var source = "using System.IO;\nusing EndpointGen.Runtime;\nusing Docs.Content;\n\nnamespace Consumer\n{\n    internal static class Example\n    {\n        internal static async System.Threading.Tasks.Task RunAsync(IDocsClient client)\n        {\n"
            + code + "\n            _ = media;\n        }\n    }\n}\n";
        var run = GeneratorHarness.Run(new[] { (AdditionalText)new InMemoryAdditionalText("/docs/docs.endpoints.yaml", descriptor) }, source);

        Assert.Empty(run.Result.Diagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
    }
}
