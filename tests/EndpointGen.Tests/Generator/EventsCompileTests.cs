// Direct driver, not Microsoft.CodeAnalysis.Testing: a consumer's source is compiled with the generated client on each target.
using System.IO;
using System.Linq;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// The event-stream methods of <c>Features/ticker.endpoints.yaml</c> used as spec §5.14 shows them (<c>await foreach</c>,
/// <c>WithCancellation</c>, <c>await using</c> the <c>ApiEventStream</c>, a test double of the interface) compile
/// warning-free in a netstandard2.0 project and a .NET one.
/// </summary>
public sealed class EventsCompileTests
{
    private const string Uses = """
        #nullable enable
        using System;
        using System.Collections.Generic;
        using System.Net;
        using System.Threading;
        using System.Threading.Tasks;
        using EndpointGen.Runtime;
        using Features.Ticker;

        namespace Consumer;

        internal static class Uses
        {
            public static async Task<string?> FollowAsync(ITickerClient client, CancellationToken cancellationToken)
            {
                string? lastId = null;
                await foreach (ApiEvent<ConversationEvent> item in client.StreamEventsAsync(42, new StreamEventsParameters { Types = new[] { EventKind.Message } }, cancellationToken))
                {
                    if (item.Event == "message" && item.Data.Message is { } message)
                    {
                        Console.WriteLine($"{message.Author}: {message.Text}");
                    }

                    lastId = item.Id;
                }

                return lastId;
            }

            public static async Task<int> LogAsync(ITickerClient client, CancellationToken cancellationToken)
            {
                var lines = 0;
                await foreach (var line in client.StreamLogAsync(42).WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    lines += line.Data.Length;
                }

                return lines;
            }

            public static async Task<string?> HeadersFirstAsync(ITickerClient client, CancellationToken cancellationToken)
            {
                await using ApiEventStream<IReadOnlyList<Message>> stream = await client.WatchInboxesWithResponseAsync(new InboxFilter { Inboxes = new long[] { 1, 2 } }, cancellationToken);
                if (stream.StatusCode != HttpStatusCode.OK)
                {
                    return null;
                }

                await foreach (var batch in stream)
                {
                    return batch.Data.Count + " " + batch.Retry?.TotalSeconds + " " + stream.GetHeader("X-Request-Id");
                }

                return null;
            }

            // A test double answers with events it makes.
            public static ApiEventStream<string> Fake() => new(HttpStatusCode.OK, Canned());

            private static async IAsyncEnumerable<ApiEvent<string>> Canned()
            {
                await Task.Yield();
                yield return new ApiEvent<string>("hello", "notice", "1", TimeSpan.FromSeconds(3));
            }
        }
        """;

    private static AdditionalText Ticker => new InMemoryAdditionalText(
        "/features/ticker.endpoints.yaml",
        File.ReadAllText(Path.Combine(Repository.Root, "tests", "EndpointGen.Tests", "Features", "ticker.endpoints.yaml")));

    [Fact]
    public void The_spec_examples_compile_warning_free_on_net()
    {
        var run = GeneratorHarness.Run(new[] { Ticker }, Uses);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
    }

    [Fact]
    public void The_spec_examples_compile_warning_free_on_netstandard20()
    {
        var (run, _) = NetStandardConsumer.Compile("Ticker", new[] { Ticker }, Enumerable.Empty<MetadataReference>(), Uses);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
    }
}
