using System;
using System.Net.Http;
using System.Threading.Tasks;
using ContactCenter.Conversations;
using ContactCenter.LiveDesk;
using ContactCenter.LiveDesk.Testing;
using ContactCenter.Thulium;
using ContactCenter.Thulium.Testing;
using Xunit;

namespace ContactCenter.Tests;

/// <summary>The conversation channels over the real generated clients and their generated fakes.</summary>
public sealed class ConversationChannelTests
{
    [Fact]
    public async Task Thulium_start_sends_the_queue_and_customer_as_query_parameters_and_answers_from_the_descriptors_examples()
    {
        using var fake = new ThuliumFake();
        using var http = new HttpClient(fake, disposeHandler: false);
        var client = new ThuliumClient(http, new ThuliumClientOptions { BaseAddress = ThuliumClientOptions.CreateBaseAddress("acme"), Username = "api_user", Password = "api_pass" });
        var channel = new ThuliumConversationChannel(client, chatQueueId: 3);

        // Nothing set up: the descriptor's example conversation_id is the answer.
        var conversation = await channel.StartAsync(new ConversationRequest { FirstName = "Jan", Email = "jan@example.org", CustomerReference = "crm-1234" });
        await channel.EndAsync(conversation);

        Assert.Equal("6ed7c941-2c8a-411e-95d2-338a9f64800a", conversation.Id);
        var start = fake.StartChatConversation.SingleCall;
        Assert.Equal(3, start.Parameters.ChatQueueId);
        Assert.Equal("Jan", start.Parameters.ClientName);
        Assert.Equal("crm-1234", start.Parameters.ClientId);
        Assert.Null(start.Parameters.ClientSurname);
        Assert.Equal("https://acme.thulium.com/api/chat_conversations/start?chat_queue_id=3&client_name=Jan&client_email=jan%40example.org&client_id=crm-1234", start.Request.Uri.AbsoluteUri);
        Assert.Equal(Guid.Parse("6ed7c941-2c8a-411e-95d2-338a9f64800a"), fake.StopChatConversation.SingleCall.Id);
        Assert.Empty(fake.Violations);
    }

    [Fact]
    public async Task LiveDesk_start_and_send_carry_the_source_id_and_the_message_typed()
    {
        using var fake = new LiveDeskFake();
        using var http = new HttpClient(fake, disposeHandler: false);
        var channel = new LiveDeskConversationChannel(new LiveDeskClient(http, new LiveDeskClientOptions { Username = "key", Password = "secret" }), inboxId: 407);
        fake.CreateConversation.Returns(new Conversation { Id = 141 });
        fake.SendMessage.Returns(new Message { Id = 1, Content = "Hi" });

        var conversation = await channel.StartAsync(new ConversationRequest { CustomerReference = "crm-1234" });
        await channel.SendMessageAsync(conversation, "Hi, my order has not arrived yet.");

        Assert.Equal("141", conversation.Id);
        Assert.Equal("crm-1234", fake.CreateConversation.SingleCall.Body.SourceId);
        Assert.Equal(407, fake.CreateConversation.SingleCall.Body.InboxId);
        var sent = fake.SendMessage.SingleCall;
        Assert.Equal(141, sent.ConversationId);
        Assert.Equal("Hi, my order has not arrived yet.", sent.Body.Content);
        Assert.Null(sent.Body.Private);
        Assert.Empty(fake.SendMessageWithAttachments.Calls);
    }
}
