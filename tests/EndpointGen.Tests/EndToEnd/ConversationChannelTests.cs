using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using ContactCenter.Conversations;
using EndpointGen.Runtime;
using Sandbox;
using Xunit;

namespace EndpointGen.Tests.EndToEnd;

/// <summary>The vendor-neutral <see cref="IConversationChannel"/> over the three generated clients, against the sandbox.</summary>
public sealed class ConversationChannelTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private static readonly ConversationRequest Customer = new()
    {
        FirstName = "Jan",
        LastName = "Kowalski",
        Email = "jan.kowalski@example.org",
        Phone = "+48123456789",
        Language = "pl",
        CustomerReference = "crm-1234",
    };

    [Fact]
    public async Task Thulium_starts_with_the_customer_and_ends_but_cannot_send_messages()
    {
        IConversationChannel channel = new ThuliumConversationChannel(fixture.Thulium(), chatQueueId: 3);

        var conversation = await channel.StartAsync(Customer);
        var id = ThuliumConversationChannel.GetConversationId(conversation);
        var started = fixture.Server.State.GetThuliumConversation(id)!;
        await channel.EndAsync(conversation);

        Assert.Equal("Thulium", conversation.Vendor);
        Assert.Equal(ConversationCapabilities.End, channel.Capabilities);
        Assert.Equal((3L, "Jan", "Kowalski", "jan.kowalski@example.org", "crm-1234"), (started.ChatQueueId, started.ClientName, started.ClientSurname, started.ClientEmail, started.ClientId));
        Assert.True(fixture.Server.State.GetThuliumConversation(id)!.IsStopped);
        await Assert.ThrowsAsync<NotSupportedException>(() => channel.SendMessageAsync(conversation, "Hello"));
    }

    [Fact]
    public async Task Ccai_starts_a_chat_sends_a_message_and_finishes_it()
    {
        IConversationChannel channel = new CcaiConversationChannel(fixture.Ccai(), menuId: 17);

        var conversation = await channel.StartAsync(Customer);
        await channel.SendMessageAsync(conversation, "Hi, my order has not arrived yet.");
        await channel.EndAsync(conversation);

        var chat = fixture.Server.State.GetCcaiChat(CcaiConversationChannel.GetChatId(conversation))!;
        Assert.Equal(ConversationCapabilities.SendMessage | ConversationCapabilities.End, channel.Capabilities);
        Assert.Equal((17L, "pl", "jan.kowalski@example.org", "+48123456789"), (chat.MenuId, chat.Lang, chat.Email, chat.EndUser.Phone));
        Assert.Equal(("text", "Hi, my order has not arrived yet."), (Assert.Single(chat.Messages).Type, chat.Messages[0].Text));
        Assert.True(chat.IsFinished);

        // Ending twice reaches CCAI, which refuses it: vendor-neutral code sees an ApiException.
        var error = await Assert.ThrowsAnyAsync<ApiException>(() => channel.EndAsync(conversation));
        Assert.Equal((HttpStatusCode.BadRequest, "Chat is already ended"), (error.StatusCode, error.Detail));
    }

    [Fact]
    public async Task Ccai_leaves_out_what_the_request_does_not_set()
    {
        var channel = new CcaiConversationChannel(fixture.Ccai(), menuId: 17);

        var conversation = await channel.StartAsync(new ConversationRequest { Email = " " });

        var chat = fixture.Server.State.GetCcaiChat(CcaiConversationChannel.GetChatId(conversation))!;
        Assert.Equal(("en", (string?)null, (string?)null), (chat.Lang, chat.Email, chat.EndUser.Phone));
    }

    [Fact]
    public async Task LiveDesk_starts_by_source_id_or_contact_id_sends_messages_and_notes_but_cannot_end()
    {
        var channel = new LiveDeskConversationChannel(fixture.LiveDesk(), inboxId: 407);

        var bySource = await channel.StartAsync(Customer);
        var byContact = await channel.StartForContactAsync(2219256);
        await channel.SendMessageAsync(bySource, "Hi, my order has not arrived yet.");
        var note = await channel.SendPrivateNoteAsync(bySource, "Order A-1001, courier notified.");
        var messages = await channel.GetMessagesAsync(bySource);

        Assert.Equal(ConversationCapabilities.SendMessage, channel.Capabilities);
        var fromSource = fixture.Server.State.GetLiveDeskConversation(LiveDeskConversationChannel.GetConversationId(bySource))!;
        var fromContact = fixture.Server.State.GetLiveDeskConversation(LiveDeskConversationChannel.GetConversationId(byContact))!;
        Assert.Equal((407L, "crm-1234"), (fromSource.InboxId, fromSource.SourceId));
        Assert.Equal((2219256L, (string?)null), (fromContact.ContactId, fromContact.SourceId));
        Assert.True(note.Private);
        Assert.Equal([("Hi, my order has not arrived yet.", false), ("Order A-1001, courier notified.", true)], messages.Select(m => (m.Content, m.Private!.Value)));
        Assert.Equal([false, true], fixture.Server.State.GetLiveDeskMessages(fromSource.Id).Select(m => m.Private));
        Assert.Empty(fixture.Server.State.GetLiveDeskMessages(fromContact.Id));
        await Assert.ThrowsAsync<ArgumentException>(() => channel.SendMessageAsync(bySource, ""));
        await Assert.ThrowsAsync<NotSupportedException>(() => channel.EndAsync(bySource));
    }

    [Fact]
    public async Task LiveDesk_reads_a_long_conversation_back_20_messages_a_call()
    {
        var wire = new WireRecorder();
        using var http = wire.CreateClient();
        var channel = new LiveDeskConversationChannel(fixture.LiveDesk(http), inboxId: 407);
        var conversation = await channel.StartForContactAsync(2219256);
        for (var i = 1; i <= 45; i++)
        {
            await channel.SendMessageAsync(conversation, $"message {i}");
        }

        var messages = await channel.GetMessagesAsync(conversation);

        Assert.Equal(Enumerable.Range(1, 45).Select(i => $"message {i}"), messages.Select(m => m.Content));
        var reads = wire.Requests.Where(r => r.Method == "GET").ToArray();
        Assert.Equal(3, reads.Length);
        Assert.Equal(["", $"before={messages[25].Id}", $"before={messages[5].Id}"], reads.Select(r => r.Query));
    }

    [Fact]
    public async Task LiveDesk_sends_files_as_one_message_with_attachments_and_reads_them_back()
    {
        var wire = new WireRecorder();
        using var http = wire.CreateClient();
        var channel = new LiveDeskConversationChannel(fixture.LiveDesk(http), inboxId: 407);
        var conversation = await channel.StartForContactAsync(2219256);
        var photo = new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 };
        using var notes = new System.IO.MemoryStream([0x41, 0x42]);

        var sent = await channel.SendFilesAsync(conversation, [new FileContent(photo, "receipt.jpg", "image/jpeg"), new FileContent(notes, "notes.txt", "text/plain")], "Your receipt and notes.");
        var single = await channel.SendFileAsync(conversation, new FileContent(photo, "again.jpg", "image/jpeg"));
        var messages = await channel.GetMessagesAsync(conversation);

        // Through the generated multipart call: the text part, then one attachments[] part per file; private and message_type left to LiveDesk.
        var posts = wire.Requests.Where(r => r.Method == "POST" && r.Uri.AbsolutePath.EndsWith("/messages", StringComparison.Ordinal)).ToArray();
        Assert.All(posts, p => Assert.StartsWith("multipart/form-data; boundary=", p.ContentType, StringComparison.Ordinal));
        Assert.Equal(["content", "attachments[]", "attachments[]"], PartNames(posts[0].BodyText));
        Assert.Equal(["attachments[]"], PartNames(posts[1].BodyText));
        Assert.Equal([(sent.Id, "Your receipt and notes.", 2), (single.Id, null, 1)], messages.Select(m => (m.Id, m.Content, m.Attachments!.Count)));
        var stored = fixture.Server.State.GetLiveDeskMessages(LiveDeskConversationChannel.GetConversationId(conversation));
        Assert.Equal([("receipt.jpg", "image/jpeg"), ("notes.txt", "text/plain"), ("again.jpg", "image/jpeg")], stored.SelectMany(m => m.Attachments).Select(a => (a.FileName, a.ContentType)));
        Assert.Equal([false, false], stored.Select(m => m.Private));
        Assert.Equal([1, 1], stored.Select(m => m.MessageType));
    }

    [Fact]
    public async Task LiveDesk_refuses_files_it_cannot_send_before_any_request()
    {
        var channel = new LiveDeskConversationChannel(fixture.LiveDesk(), inboxId: 407);
        var conversation = await channel.StartForContactAsync(2219256);
        var requests = fixture.Server.State.GetRequestCount(SandboxVendor.LiveDesk);

        await Assert.ThrowsAsync<ArgumentException>(() => channel.SendFilesAsync(conversation, []));
        await Assert.ThrowsAsync<ArgumentException>(() => channel.SendFileAsync(conversation, new FileContent(new byte[] { 1 })));
        await Assert.ThrowsAsync<ArgumentException>(() => channel.SendFileAsync(conversation, new FileContent(new byte[] { 1 }, "a.png"), text: ""));
        await Assert.ThrowsAsync<ArgumentException>(() => channel.SendFilesAsync(conversation, [null!]));
        await Assert.ThrowsAsync<ArgumentException>(() => channel.SendFileAsync(new ConversationHandle("Ccai", "1"), new FileContent(new byte[] { 1 }, "a.png")));

        Assert.Equal(requests, fixture.Server.State.GetRequestCount(SandboxVendor.LiveDesk));
    }

    [Fact]
    public async Task LiveDesk_without_a_customer_reference_is_refused_before_any_request()
    {
        var channel = new LiveDeskConversationChannel(fixture.LiveDesk(), inboxId: 407);
        var requests = fixture.Server.State.GetRequestCount(SandboxVendor.LiveDesk);

        await Assert.ThrowsAsync<ArgumentException>(() => channel.StartAsync(new ConversationRequest { Email = "jan.kowalski@example.org" }));

        Assert.Equal(requests, fixture.Server.State.GetRequestCount(SandboxVendor.LiveDesk));
    }

    [Fact]
    public async Task A_handle_from_another_vendor_is_refused()
    {
        var thulium = new ThuliumConversationChannel(fixture.Thulium(), chatQueueId: 3);
        var ccai = new CcaiConversationChannel(fixture.Ccai(), menuId: 17);
        var conversation = await thulium.StartAsync(Customer);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => ccai.EndAsync(conversation));

        Assert.Equal("conversation", error.ParamName);
        Assert.Throws<ArgumentException>(() => ThuliumConversationChannel.GetConversationId(new ConversationHandle("Thulium", "1234")));
    }

    [Fact]
    public async Task Every_vendors_refusal_is_an_ApiException_with_the_vendors_message()
    {
        IConversationChannel[] channels =
        [
            new ThuliumConversationChannel(fixture.Thulium(password: "wrong"), chatQueueId: 3),
            new CcaiConversationChannel(fixture.Ccai(password: "wrong"), menuId: 17),
            new LiveDeskConversationChannel(fixture.LiveDesk(password: "wrong"), inboxId: 407),
        ];
        string[] messages = ["invalid credentials", "Unauthorized", "Invalid Access Token"];

        for (var i = 0; i < channels.Length; i++)
        {
            var error = await Assert.ThrowsAnyAsync<ApiException>(() => channels[i].StartAsync(Customer));
            Assert.Equal((channels[i].Vendor, HttpStatusCode.Unauthorized, messages[i]), (error.Service, error.StatusCode, error.Detail));
        }
    }

    /// <summary>The name="..." of each part of a multipart body, in order.</summary>
    private static string[] PartNames(string body) =>
        System.Text.RegularExpressions.Regex.Matches(body, "Content-Disposition: form-data; name=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToArray();
}
