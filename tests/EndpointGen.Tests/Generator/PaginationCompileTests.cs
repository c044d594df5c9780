// Direct driver: the consumer's own code is compiled beside the output.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// What a user writes against a paged endpoint compiles warning-free under Nullable and warnings as errors, on .NET and
/// on netstandard2.0 (where <c>IAsyncEnumerable</c> comes from Microsoft.Bcl.AsyncInterfaces): <c>await foreach</c> over
/// the items and over <c>AsPages()</c>, <c>WithCancellation</c>, and a test double's pages.
/// </summary>
public sealed class PaginationCompileTests
{
    private const string Uses = """
        #nullable enable
        using System;
        using System.Collections.Generic;
        using System.Net;
        using System.Threading;
        using System.Threading.Tasks;
        using EndpointGen.Runtime;
        using Features.Ledger;

        namespace Consumer;

        internal static class Uses
        {
            public static async Task<long> SumAsync(ILedgerClient client, CancellationToken cancellationToken)
            {
                long sum = 0;
                await foreach (Entry entry in client.ListEntriesAllAsync(new ListEntriesParameters { Account = "A-1" }, cancellationToken))
                {
                    sum += entry.Id;
                }

                await foreach (var transfer in client.ListTransfersAllAsync("A-1").WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    sum += transfer.Id.Length;
                }

                return sum;
            }

            public static async Task<List<string>> PagesAsync(ILedgerClient client)
            {
                var lines = new List<string>();
                await foreach (ApiPage<Statement, StatementPage> page in client.ListStatementsAllAsync().AsPages())
                {
                    lines.Add($"{(int)page.StatusCode} {page.Url} {page.PageNumber} {page.Cursor} {page.GetHeader("X-Request-Id")} {page.Items.Count} {page.Body.Links.Next}");
                }

                await foreach (Note note in client.ListNotesAllAsync(7, new ListNotesParameters { Before = 100 }))
                {
                    lines.Add($"{note.Id} {note.Text}");
                }

                var pageable = client.ListTagsAllAsync();
                pageable.MaxPages = 10;
                await foreach (string tag in pageable)
                {
                    lines.Add(tag);
                }

                await using var pages = client.ListAccountsAllAsync().AsPages().GetAsyncEnumerator();
                if (await pages.MoveNextAsync())
                {
                    ApiResponse<AccountPage> response = pages.Current;
                    lines.Add(response.Body.Data.Paging.Last.ToString());
                }

                return lines;
            }

            // What a test double of the client interface returns.
            public static ApiPageable<string, TagPage> Fake() => new(new[]
            {
                new ApiPage<string, TagPage>(HttpStatusCode.OK, new TagPage { Tags = new[] { "a", "b" } }, new[] { "a", "b" }, pageNumber: 1),
                new ApiPage<string, TagPage>(HttpStatusCode.OK, new TagPage(), Array.Empty<string>(), url: new Uri("https://api.ledger.example.com/v2/tags?page=2"), pageNumber: 2),
            });
        }
        """;

    private static InMemoryAdditionalText Ledger =>
        new("/features/ledger.endpoints.yaml", File.ReadAllText(Path.Combine(Repository.Root, "tests", "EndpointGen.Tests", "Features", "ledger.endpoints.yaml")));

    [Fact]
    public void Paging_through_the_generated_enumerables_compiles_warning_free_on_net()
    {
        var run = GeneratorHarness.Run(new[] { Ledger }, Uses);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
    }

    [Fact]
    public void Paging_through_the_generated_enumerables_compiles_warning_free_on_netstandard20()
    {
        var (run, _) = NetStandardConsumer.Compile("Ledger", new[] { Ledger }, Enumerable.Empty<MetadataReference>(), Uses);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
    }

    [Fact]
    public void The_format_references_examples_in_section_5_12_compile_warning_free()
    {
        var reference = File.ReadAllText(Path.Combine(Repository.Root, "spec", "README.md"));
        var start = reference.IndexOf("### 5.12 ", StringComparison.Ordinal);
        // To the next section, of any level: sections after this one have examples of their own.
        var end = new[] { reference.IndexOf("\n## ", start, StringComparison.Ordinal), reference.IndexOf("\n### ", start + 1, StringComparison.Ordinal) }.Where(i => i > 0).Min();
        var section = reference[start..end];
        var yaml = Blocks(section, "yaml").Single();
        var code = Blocks(section, "csharp").Single();
        var source = $$"""
            #nullable enable
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Acme.Crm;
            using EndpointGen.Runtime;

            namespace Consumer;

            internal static class Examples
            {
                internal static async System.Threading.Tasks.Task RunAsync(ICrmClient client, CancellationToken cancellationToken)
                {
            {{code}}
                }
            }
            """;

        var run = GeneratorHarness.Run(new[] { new InMemoryAdditionalText("/crm.endpoints.yaml", yaml) }, source);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
        var generated = string.Join("\n", run.Result.GeneratedTrees.Select(t => t.ToString()));
        Assert.Contains("ListContactsAllAsync(", generated, StringComparison.Ordinal);
        Assert.Contains("_runner.PageByCursor<", generated, StringComparison.Ordinal);
        Assert.Contains("_runner.PageByNextUrl<", generated, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Blocks(string markdown, string language) =>
        Regex.Matches(markdown, "^```" + language + "\\n(?<body>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline).Select(m => m.Groups["body"].Value);
}
