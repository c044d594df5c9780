using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using ContactCenter.LiveDesk;
using ContactCenter.LiveDesk.Testing;
using ContactCenter.Thulium;
using ContactCenter.Thulium.Testing;
using EndpointGen.Runtime;
using Xunit;

namespace ContactCenter.Tests;

/// <summary>
/// What a fake records is what the client puts on the wire: the same calls made once to a loopback server and once to
/// the fake give the same method, request target, content type, credential and body bytes (a multipart body's boundary,
/// which is new for every request, aside).
/// </summary>
public sealed class WireTests
{
    private static async Task LiveDeskCalls(ILiveDeskClient client)
    {
        await client.CreateContactAsync(new CreateContactRequest { InboxId = 407, Name = "Zoë \"Q\" O'Brien", Email = "zoe+1@example.org", Identifier = "crm/1 2" });
        await client.ListContactsAsync(new ListContactsParameters { Page = 2, Labels = ["vip", "a b&c"], Sort = ContactSort.Name, Direction = SortDirection.Desc, IncludeContactInboxes = false });
        await client.SearchContactsAsync(new SearchContactsParameters { Q = "a b&c=d/é?", Page = 1 });
        await client.SendMessageAsync(141, new SendMessageRequest { Content = "line 1\nline 2 ✓", Private = true });
        await client.SendMessageWithAttachmentsAsync(141, new SendMessageWithAttachmentsRequest
        {
            Content = "files",
            Attachments = [new FileContent(Encoding.UTF8.GetBytes("%PDF-1.4 ..."), "receipt.pdf", "application/pdf"), new FileContent(new byte[] { 0, 1, 2, 255 }, "raw.bin")],
        });
        await client.ListMessagesAsync(141, new ListMessagesParameters { Before = 9000 });
    }

    [Fact]
    public async Task LiveDesk_calls_the_fake_records_are_byte_for_byte_those_a_server_receives()
    {
        await using var server = new LoopbackServer(_ => "{}");
        using var http = new HttpClient();
        await LiveDeskCalls(new LiveDeskClient(http, new LiveDeskClientOptions { BaseAddress = server.BaseAddress, Username = "key", Password = "secret" }));

        using var fake = new LiveDeskFake();
        using var fakeHttp = new HttpClient(fake, disposeHandler: false);
        await LiveDeskCalls(new LiveDeskClient(fakeHttp, new LiveDeskClientOptions { BaseAddress = server.BaseAddress, Username = "key", Password = "secret" }));

        Assert.Empty(fake.Violations);
        AssertSame(server, fake.Requests.ToArray());
        Assert.Equal("Zoë \"Q\" O'Brien", fake.CreateContact.SingleCall.Body.Name);
        Assert.Equal(new[] { "vip", "a b&c" }, fake.ListContacts.SingleCall.Parameters.Labels);
        Assert.Equal("a b&c=d/é?", fake.SearchContacts.SingleCall.Parameters.Q);
        Assert.Equal("line 1\nline 2 ✓", fake.SendMessage.SingleCall.Body.Content);
        Assert.Equal(9000, fake.ListMessages.SingleCall.Parameters.Before);
        Assert.Equal(141, fake.SendMessageWithAttachments.SingleCall.ConversationId);
    }

    [Fact]
    public async Task Thulium_query_parameters_on_a_post_and_a_uuid_path_argument_are_recorded_as_sent()
    {
        await using var server = new LoopbackServer(_ => """{"conversation_id": "6ed7c941-2c8a-411e-95d2-338a9f64800a"}""");
        var id = Guid.Parse("6ed7c941-2c8a-411e-95d2-338a9f64800a");
        async Task Calls(IThuliumClient client)
        {
            await client.StartChatConversationAsync(new StartChatConversationParameters { ChatQueueId = 3, ClientName = "Łukasz", ClientEmail = "l@example.org", CustomerId = 1 });
            await client.StopChatConversationAsync(id);
        }

        using var http = new HttpClient();
        await Calls(new ThuliumClient(http, new ThuliumClientOptions { BaseAddress = new Uri(server.BaseAddress, "api"), Username = "api_user", Password = "api_pass" }));
        using var fake = new ThuliumFake();
        using var fakeHttp = new HttpClient(fake, disposeHandler: false);
        await Calls(new ThuliumClient(fakeHttp, new ThuliumClientOptions { BaseAddress = new Uri(server.BaseAddress, "api"), Username = "api_user", Password = "api_pass" }));

        Assert.Empty(fake.Violations);
        AssertSame(server, fake.Requests.ToArray());
        Assert.Equal("Łukasz", fake.StartChatConversation.SingleCall.Parameters.ClientName);
        Assert.Equal(1, fake.StartChatConversation.SingleCall.Parameters.CustomerId);
        Assert.Equal(id, fake.StopChatConversation.SingleCall.Id);
    }

    private static void AssertSame(LoopbackServer server, EndpointGen.Testing.FakeRequest[] recorded)
    {
        var received = server.Received;
        Assert.Equal(received.Count, recorded.Length);
        for (var i = 0; i < recorded.Length; i++)
        {
            var (sent, fake) = (received[i], recorded[i]);
            Assert.Equal(sent.Method, fake.Method);
            Assert.Equal(sent.Target, fake.Uri.PathAndQuery);
            Assert.Equal(sent.Headers["Authorization"], fake.GetHeader("Authorization"));
            Assert.Equal(sent.Headers["Accept"], fake.GetHeader("Accept"));
            sent.Headers.TryGetValue("Content-Type", out var sentType);
            var (sentBody, fakeBody) = (sent.Body, fake.Body);
            if (sentType is not null && sentType.StartsWith("multipart/", StringComparison.Ordinal))
            {
                // Each request has a boundary of its own: the same bytes once each side's boundary is named alike.
                (sentType, sentBody) = WithoutBoundary(sentType, sentBody);
                var (fakeType, normalized) = WithoutBoundary(fake.ContentType!, fake.Body);
                Assert.Equal(sentType, fakeType);
                fakeBody = normalized;
            }
            else
            {
                Assert.Equal(sentType, fake.ContentType);
            }

            Assert.Equal(sentBody, fakeBody);
        }
    }

    private static (string ContentType, byte[] Body) WithoutBoundary(string contentType, byte[] body)
    {
        var boundary = contentType[(contentType.IndexOf("boundary=", StringComparison.Ordinal) + "boundary=".Length)..].Trim('"');
        var text = Encoding.Latin1.GetString(body).Replace(boundary, "BOUNDARY", StringComparison.Ordinal);
        return (contentType.Replace(boundary, "BOUNDARY", StringComparison.Ordinal), Encoding.Latin1.GetBytes(text));
    }
}
