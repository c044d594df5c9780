using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>The example of spec/README.md 5.14 (event streams) generates, and its C# compiles against it.</summary>
public sealed class EventsReadmeTests
{
    [Fact]
    public void The_event_streams_example_generates_and_its_code_compiles()
    {
        var reference = File.ReadAllText(Path.Combine(Repository.Root, "spec", "README.md"));
        var section = Regex.Match(reference, @"^### 5\.14 .*?(?=^### |^## )", RegexOptions.Singleline | RegexOptions.Multiline).Value;
        Assert.NotEmpty(section);
        var yaml = Regex.Match(section, "```yaml\n(?<body>.*?)```", RegexOptions.Singleline).Groups["body"].Value;
        var code = Regex.Match(section, "```csharp\n(?<body>.*?)```", RegexOptions.Singleline).Groups["body"].Value;
        Assert.Contains("encoding: events", yaml, StringComparison.Ordinal);
        Assert.Contains("await foreach", code, StringComparison.Ordinal);

        var source = "using System;\nusing System.Threading;\nusing System.Threading.Tasks;\nusing EndpointGen.Runtime;\nusing Acme.Ticker;\n\nnamespace Consumer\n{\n    internal static class Example\n    {\n        internal static async System.Threading.Tasks.Task RunAsync(ITickerClient client, CancellationToken cancellationToken)\n        {\n"
            + code + "\n            _ = lastId;\n        }\n    }\n}\n";
        var run = GeneratorHarness.Run(new[] { (AdditionalText)new InMemoryAdditionalText("/docs/ticker.endpoints.yaml", yaml) }, source);

        Assert.Empty(run.Result.Diagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
    }
}
