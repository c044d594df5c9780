using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using EndpointGen.Tests.Client;
using EndpointGen.Tests.Infrastructure;
using EndpointGen.Tests.Robustness;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>The example of spec/README.md section 5.8 (arrays, dates, defaults) compiles, and sends the URL it shows.</summary>
public sealed class ArraysDatesReferenceTests
{
    private const string Service = """
        service:
          name: Contacts
          namespace: Reference.Contacts
          baseUrl: https://contacts.example.com/api
        """;

    private static readonly string s_section = Section();

    [Fact]
    public void The_example_generates_and_its_call_compiles()
    {
        var code = $$"""
            using System;
            using Reference.Contacts;

            namespace Consumer
            {
                internal static class Calls
                {
                    internal static async System.Threading.Tasks.Task RunAsync(ContactsClient client)
                    {
                        {{Block("csharp")}}
                        GC.KeepAlive(contacts);
                    }
                }
            }
            """;

        var run = GeneratorHarness.Run(new[] { (Microsoft.CodeAnalysis.AdditionalText)new InMemoryAdditionalText("/contacts.endpoints.yaml", Service + "\n" + Block("yaml")) }, code);

        Assert.Empty(run.Result.Diagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
        var source = run.Sources.Single().SourceText.ToString();
        Assert.Contains("Default: <c>2024-01-01</c>.", source, StringComparison.Ordinal);
        Assert.Contains("Default: <c>free</c>.", source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_call_sends_the_url_the_example_shows()
    {
        using var dynamic = DynamicClient.Compile(Service + "\n" + Block("yaml"));
        var handler = new StubHandler(HttpStatusCode.OK, "[]");
        var client = dynamic.Client("Reference.Contacts.Contacts", handler, dynamic.Options("Reference.Contacts.Contacts", _ => { }));

        await DynamicClient.CallAsync(
            client,
            "ListContactsAsync",
            new DateOnly(2024, 5, 2),
            dynamic.New("Reference.Contacts.ListContactsParameters", ("Labels", new[] { "vip", "new lead" }), ("Inbox", new long[] { 12, 407 }), ("Since", (DateOnly?)new DateOnly(2024, 2, 29))));

        var shown = Regex.Match(Block("csharp"), @"// GET \.\.\.(?<rest>\S+)").Groups["rest"].Value;
        Assert.Equal("https://contacts.example.com/api" + shown, handler.Last.Uri.AbsoluteUri);
    }

    private static string Section()
    {
        var reference = File.ReadAllText(Path.Combine(Repository.Root, "spec", "README.md"));
        var start = reference.IndexOf("### 5.8 Arrays, dates and defaults", StringComparison.Ordinal);
        Assert.True(start >= 0, "spec/README.md has no section 5.8");
        var end = reference.IndexOf("\n## ", start, StringComparison.Ordinal);
        var next = reference.IndexOf("\n### ", start + 5, StringComparison.Ordinal);
        return reference.Substring(start, (next > 0 && next < end ? next : end) - start);
    }

    private static string Block(string language) =>
        Regex.Match(s_section, "```" + language + "\\n(?<body>.*?)```", RegexOptions.Singleline).Groups["body"].Value;
}
