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

    [Fact]
    public void The_maps_example_generates_and_its_code_compiles()
    {
        var reference = File.ReadAllText(Path.Combine(Repository.Root, "spec", "README.md"));
        var section = Regex.Match(reference, @"^### 5\.7 .*?(?=^### |^## )", RegexOptions.Singleline | RegexOptions.Multiline).Value;
        var maps = section[section.IndexOf("**Maps**", StringComparison.Ordinal)..];
        var yaml = Regex.Match(maps, "```yaml\n(?<body>.*?)```", RegexOptions.Singleline).Groups["body"].Value;
        var code = Regex.Match(maps, "```csharp\n(?<body>.*?)```", RegexOptions.Singleline).Groups["body"].Value;
        Assert.Contains("UploadToStorage", yaml, StringComparison.Ordinal);
        Assert.Contains("UploadToStorageAsync", code, StringComparison.Ordinal);

        var descriptor = "service:\n  name: Docs\n  namespace: Docs.Maps\n  baseUrl: https://api.example.com/v1\n  auth: { scheme: bearer }\n" + yaml;
        var source = "using System;\nusing System.IO;\nusing EndpointGen.Runtime;\nusing Docs.Maps;\n\nnamespace Consumer\n{\n    internal static class Example\n    {\n        internal static async System.Threading.Tasks.Task RunAsync(IDocsClient client, long chatId)\n        {\n"
            + code + "\n        }\n    }\n}\n";
        var run = GeneratorHarness.Run(new[] { (AdditionalText)new InMemoryAdditionalText("/docs/maps.endpoints.yaml", descriptor) }, source);

        Assert.Empty(run.Result.Diagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
        Assert.Contains("form.AddMap(prefix, value.Fields, static item => item);", run.Sources.Single(s => s.HintName == "Docs.Maps.Docs.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }
}
