using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.LiveDesk;
using ContactCenter.Thulium;
using EndpointGen.Tests.EndToEnd;
using Xunit;

namespace EndpointGen.Tests.Robustness;

/// <summary>One client instance shared by many tasks, over real loopback HTTP to the sandbox.</summary>
public sealed class ConcurrencyTests : IClassFixture<SandboxFixture>
{
    private const int Calls = 10_000;
    private const int Workers = 64;

    private readonly SandboxFixture _sandbox;

    public ConcurrencyTests(SandboxFixture sandbox) => _sandbox = sandbox;

    [Fact]
    public async Task Ten_thousand_calls_from_64_tasks_on_one_client_all_succeed_each_matched_to_its_own_request()
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Workers });
        var client = _sandbox.LiveDesk(http);
        var failures = new ConcurrentQueue<string>();
        var next = -1;

        var workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            int call;
            while ((call = Interlocked.Increment(ref next)) < Calls)
            {
                var inbox = 1 + (call % 97);
                var contact = 5_000_000 + call;
                try
                {
                    var conversation = await client.CreateConversationAsync(new CreateConversationRequest { InboxId = inbox, ContactId = contact });
                    if (conversation.InboxId != inbox || conversation.AccountInfo?.ContactId != contact)
                    {
                        failures.Enqueue($"call {call}: sent inbox {inbox}, contact {contact}; got inbox {conversation.InboxId}, contact {conversation.AccountInfo?.ContactId}");
                    }
                }
                catch (Exception ex)
                {
                    failures.Enqueue($"call {call}: {ex.GetType().Name}: {ex.Message}");
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);

        Assert.True(failures.IsEmpty, $"{failures.Count} of {Calls} calls failed or were mismatched; first: {failures.FirstOrDefault()}");
        Assert.Equal(Calls, _sandbox.Server.State.GetLiveDeskConversations().Count(c => c.ContactId >= 5_000_000));
    }

    [Fact]
    public async Task Concurrent_calls_to_different_endpoints_of_one_client_do_not_interfere()
    {
        var client = _sandbox.Thulium();
        var ids = new ConcurrentBag<Guid>();
        await Task.WhenAll(Enumerable.Range(0, 500).Select(async i =>
        {
            var started = await client.StartChatConversationAsync(new StartChatConversationParameters { ChatQueueId = 3, ClientId = "client-" + i });
            await client.StopChatConversationAsync(started.ConversationId);
            ids.Add(started.ConversationId);
        }));

        Assert.Equal(500, ids.Distinct().Count());
        Assert.All(ids, id => Assert.NotNull(_sandbox.Server.State.GetThuliumConversation(id)));
    }
}
