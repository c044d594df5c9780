using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ContactCenter.LiveDesk;
using EndpointGen.Runtime;
using Xunit;

namespace EndpointGen.Tests.EndToEnd;

/// <summary>
/// The generated LiveDesk client against the sandbox over loopback HTTP: conversations, contacts (create, list,
/// search, pages of 15, labels[]), messages (send as JSON or as multipart with attachments, list) and LiveDesk's
/// <c>{"error"}</c> errors. What the sandbox refuses, sent by hand, is in <see cref="LiveDeskSandboxTests"/>.
/// </summary>
public sealed class LiveDeskEndToEndTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task CreateConversation_for_a_contact_reads_the_whole_conversation()
    {
        var wire = new WireRecorder();
        using var http = wire.CreateClient();

        var conversation = await fixture.LiveDesk(http).CreateConversationAsync(new CreateConversationRequest { InboxId = 407, ContactId = 2219256 });

        var post = wire.Single("POST");
        Assert.Equal("/api/v2/accounts/conversations", post.Uri.AbsolutePath);
        Assert.Equal("""{"inbox_id":407,"contact_id":2219256}""", post.BodyText);

        var stored = fixture.Server.State.GetLiveDeskConversation(conversation.Id!.Value)!;
        Assert.Equal((stored.Uuid, 407L, ConversationStatus.Open), (conversation.Uuid!.Value, conversation.InboxId!.Value, conversation.Status));
        Assert.Equal((2219256L, (string?)null), (stored.ContactId, stored.SourceId));
        Assert.Equal(17623000010928, conversation.AccountId);
        Assert.Equal(2219256, conversation.Meta!.Sender!.Id);
        Assert.Equal(AvailabilityStatus.Offline, conversation.Meta.Sender.AvailabilityStatus);
        Assert.Equal("Channel::Api", conversation.Meta.Channel);
        Assert.Equal(2219256, conversation.AccountInfo!.ContactId);
        Assert.Equal(407, conversation.Platform!.InboxId);

        // Documented nulls read as null; unix seconds read as instants, updated_at with its fraction.
        Assert.Null(conversation.Priority);
        Assert.Null(conversation.SnoozedUntil);
        Assert.Null(conversation.Assignment!.AssigneeId);
        Assert.Equal(DateTimeOffset.UnixEpoch, conversation.AgentLastSeenAt);
        Assert.Equal(stored.CreatedAt.ToUnixTimeSeconds(), conversation.CreatedAt!.Value.ToUnixTimeSeconds());
        Assert.Equal(stored.Response.GetProperty("updated_at").GetDecimal(), (decimal)(conversation.UpdatedAt!.Value - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerSecond);
        Assert.Empty(conversation.Messages!);
    }

    [Fact]
    public async Task The_same_source_id_always_reaches_the_same_contact()
    {
        var client = fixture.LiveDesk();

        var first = await client.CreateConversationAsync(new CreateConversationRequest { InboxId = 407, SourceId = "customer-42" });
        var second = await client.CreateConversationAsync(new CreateConversationRequest { InboxId = 407, SourceId = "customer-42" });

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(first.Meta!.Sender!.Id, second.Meta!.Sender!.Id);
        Assert.Equal("customer-42", fixture.Server.State.GetLiveDeskConversation(first.Id!.Value)!.SourceId);
    }

    [Fact]
    public async Task A_wrong_api_secret_is_401_invalid_access_token()
    {
        var error = await Assert.ThrowsAsync<LiveDeskApiException>(() =>
            fixture.LiveDesk(password: "not-the-secret").CreateConversationAsync(new CreateConversationRequest { InboxId = 407, ContactId = 2219256 }));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("Invalid Access Token", error.Error!.Error);
        Assert.Equal("LiveDesk CreateConversation failed: 401 Unauthorized: Invalid Access Token", error.Message);
    }

    [Fact]
    public async Task A_conversation_without_a_sender_is_422()
    {
        var error = await Assert.ThrowsAsync<LiveDeskApiException>(() =>
            fixture.LiveDesk().CreateConversationAsync(new CreateConversationRequest { InboxId = 407 }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.StatusCode);
        Assert.Equal("contact_id or source_id is required to identify the sender", error.Detail);
        Assert.Equal("LiveDesk CreateConversation failed: 422 Unprocessable Entity: contact_id or source_id is required to identify the sender", error.Message);
    }

    [Fact]
    public async Task An_invalid_inbox_id_is_422()
    {
        var error = await Assert.ThrowsAsync<LiveDeskApiException>(() =>
            fixture.LiveDesk().CreateConversationAsync(new CreateConversationRequest { InboxId = 0, ContactId = 2219256 }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.StatusCode);
        Assert.Equal("param has an invalid value: inbox_id (must be greater than 0)", error.Detail);
    }

    [Fact]
    public async Task A_path_livedesk_does_not_know_is_404_resource_could_not_be_found()
    {
        // A base address with a stray segment: the client appends /api/v2/accounts/conversations to it.
        var client = fixture.LiveDesk(baseAddress: new Uri(fixture.Server.LiveDeskBaseUrl, "api/v2/accounts/42"));

        var error = await Assert.ThrowsAsync<LiveDeskApiException>(() => client.CreateConversationAsync(new CreateConversationRequest { InboxId = 407, ContactId = 2219256 }));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("LiveDesk CreateConversation failed: 404 Not Found: Resource could not be found", error.Message);
    }

    [Fact]
    public async Task CreateContact_sends_the_set_fields_and_reads_the_contact_with_its_inbox()
    {
        var wire = new WireRecorder();
        using var http = wire.CreateClient();
        var unique = Unique();

        var created = await fixture.LiveDesk(http).CreateContactAsync(new CreateContactRequest
        {
            InboxId = 407,
            Name = "Jan Kowalski",
            Email = $"jan.{unique}@example.org",
            PhoneNumber = PhoneFor(unique),
            Identifier = "crm-" + unique,
        });

        var post = wire.Single("POST");
        Assert.Equal("/api/v2/accounts/contacts", post.Uri.AbsolutePath);
        Assert.Equal("application/json", post.ContentType);
        // System.Text.Json's default encoder writes "+" as \u002B: the same string to any JSON reader.
        Assert.Equal($$"""{"inbox_id":407,"name":"Jan Kowalski","email":"jan.{{unique}}@example.org","phone_number":"\u002B{{PhoneFor(unique)[1..]}}","identifier":"crm-{{unique}}"}""", post.BodyText);

        var contact = created.Payload!.Contact!;
        var stored = fixture.Server.State.GetLiveDeskContact(contact.Id!.Value)!;
        Assert.Equal(("Jan Kowalski", $"jan.{unique}@example.org", PhoneFor(unique), "crm-" + unique), (contact.Name, contact.Email, contact.PhoneNumber, contact.Identifier));
        Assert.Equal((stored.Name, stored.Email, stored.PhoneNumber, stored.Identifier, (string?)null), (contact.Name, contact.Email, contact.PhoneNumber, contact.Identifier, stored.AvatarUrl));
        Assert.Equal(AvailabilityStatus.Offline, contact.AvailabilityStatus);
        Assert.Equal(stored.CreatedAt.ToUnixTimeSeconds(), contact.CreatedAt!.Value.ToUnixTimeSeconds());
        var inbox = Assert.Single(contact.ContactInboxes!);
        Assert.Equal((stored.SourceId, 407L, "Channel::Api"), (inbox.SourceId, inbox.Inbox!.Id!.Value, inbox.Inbox.ChannelType));
        Assert.Null(inbox.Inbox.Provider);
    }

    [Fact]
    public async Task A_created_contacts_source_id_starts_a_conversation_with_that_contact_as_sender()
    {
        var client = fixture.LiveDesk();
        var unique = Unique();
        var contact = (await client.CreateContactAsync(new CreateContactRequest { InboxId = 407, Name = "Anna Nowak", Email = $"anna.{unique}@example.org" })).Payload!.Contact!;

        var conversation = await client.CreateConversationAsync(new CreateConversationRequest { InboxId = 407, SourceId = contact.ContactInboxes![0].SourceId });

        Assert.Equal(contact.Id, conversation.Meta!.Sender!.Id);
        Assert.Equal(("Anna Nowak", $"anna.{unique}@example.org"), (conversation.Meta.Sender.Name, conversation.Meta.Sender.Email));
        Assert.Equal(("Anna Nowak", $"anna.{unique}@example.org"), (conversation.AccountInfo!.ContactName, conversation.AccountInfo.ContactEmail));
    }

    [Fact]
    public async Task A_taken_email_or_a_phone_number_not_in_e164_form_is_422()
    {
        var client = fixture.LiveDesk();
        var email = $"taken.{Unique()}@example.org";
        await client.CreateContactAsync(new CreateContactRequest { InboxId = 407, Email = email });

        var taken = await Assert.ThrowsAsync<LiveDeskApiException>(() => client.CreateContactAsync(new CreateContactRequest { InboxId = 407, Email = email.ToUpperInvariant() }));
        var phone = await Assert.ThrowsAsync<LiveDeskApiException>(() => client.CreateContactAsync(new CreateContactRequest { InboxId = 407, PhoneNumber = "0048 123 456 789" }));

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "Email has already been taken"), (taken.StatusCode, taken.Detail));
        Assert.Equal("LiveDesk CreateContact failed: 422 Unprocessable Entity: Email has already been taken", taken.Message);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "Phone number should be in e164 format"), (phone.StatusCode, phone.Detail));
        Assert.Single(fixture.Server.State.GetLiveDeskContacts(), c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Of_twenty_concurrent_creates_with_one_email_exactly_one_succeeds()
    {
        var client = fixture.LiveDesk();
        var email = $"race.{Unique()}@example.org";

        var attempts = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            try
            {
                return (await client.CreateContactAsync(new CreateContactRequest { InboxId = 407, Email = email })).Payload!.Contact!.Id;
            }
            catch (LiveDeskApiException error) when (error.Detail == "Email has already been taken")
            {
                return null;
            }
        }));

        var created = Assert.Single(attempts, id => id is not null);
        Assert.Equal(created, Assert.Single(fixture.Server.State.GetLiveDeskContacts(), c => c.Email == email).Id);
    }

    [Fact]
    public async Task SearchContacts_pages_by_15_with_the_count_of_every_page_and_the_page_returned()
    {
        var wire = new WireRecorder();
        using var http = wire.CreateClient();
        var client = fixture.LiveDesk(http);
        var unique = Unique();
        for (var i = 1; i <= 17; i++)
        {
            await client.CreateContactAsync(new CreateContactRequest { InboxId = 407, Name = $"Paging {i:D2}", Identifier = $"paging-{unique}-{i:D2}" });
        }

        var first = await client.SearchContactsAsync(new SearchContactsParameters { Q = "paging-" + unique });
        var second = await client.SearchContactsAsync(new SearchContactsParameters { Q = "paging-" + unique, Page = 2 });
        var beyond = await client.SearchContactsAsync(new SearchContactsParameters { Q = "paging-" + unique, Page = 3 });

        Assert.Equal((17, 1, 15), (first.Meta!.Count!.Value, first.Meta.CurrentPage!.Value, first.Payload!.Count));
        // The sandbox echoes a sent page as Chatwoot does, as a string ("2"): the reader accepts numeric strings.
        Assert.Equal((17, 2, 2), (second.Meta!.Count!.Value, second.Meta.CurrentPage!.Value, second.Payload!.Count));
        Assert.Equal((17, 3, 0), (beyond.Meta!.Count!.Value, beyond.Meta.CurrentPage!.Value, beyond.Payload!.Count));
        Assert.Equal(Enumerable.Range(1, 17).Select(i => $"paging-{unique}-{i:D2}"), first.Payload.Concat(second.Payload).Select(c => c.Identifier));
        Assert.Equal($"q=paging-{unique}&page=2", wire.Requests[^2].Query);
    }

    [Fact]
    public async Task ListContacts_sends_sort_direction_and_include_contact_inboxes_and_the_answer_follows_them()
    {
        var wire = new WireRecorder();
        using var http = wire.CreateClient();
        var client = fixture.LiveDesk(http);
        var unique = Unique();
        foreach (var name in new[] { "Bogdan", "Celina", "Adam" })
        {
            await client.CreateContactAsync(new CreateContactRequest { InboxId = 407, Name = name, Email = $"{name.ToLowerInvariant()}.{unique}@example.org" });
        }

        var sorted = await client.SearchContactsAsync(new SearchContactsParameters { Q = unique, Sort = ContactSort.Name, Direction = SortDirection.Desc, IncludeContactInboxes = false });
        var all = await client.ListContactsAsync(new ListContactsParameters { Page = 1, Sort = ContactSort.Email, Direction = SortDirection.Asc, PageSize = 50 });
        var plain = await client.ListContactsAsync();

        Assert.Equal($"q={unique}&sort=name&direction=desc&include_contact_inboxes=false", wire.Requests[^3].Query);
        Assert.Equal("page=1&sort=email&direction=asc&page_size=50", wire.Requests[^2].Query);
        Assert.Equal("", wire.Requests[^1].Query);
        Assert.Equal(["Celina", "Bogdan", "Adam"], sorted.Payload!.Select(c => c.Name));
        Assert.All(sorted.Payload!, c => Assert.Null(c.ContactInboxes));

        // page_size is accepted and ignored: a page holds 15, as the docs say; without include_contact_inboxes they are included.
        var total = fixture.Server.State.GetLiveDeskContacts().Count;
        Assert.Equal((total, Math.Min(total, 15)), (all.Meta!.Count!.Value, all.Payload!.Count));
        var emails = all.Payload.Select(c => c.Email).Where(e => e is not null).ToArray();
        Assert.Equal(emails.Order(StringComparer.OrdinalIgnoreCase), emails);
        Assert.All(plain.Payload!, c => Assert.NotNull(c.ContactInboxes));
        Assert.Equal(1, plain.Meta!.CurrentPage);
    }

    [Fact]
    public async Task Labels_go_as_labels_brackets_and_the_lists_answer_the_contacts_with_any_of_them()
    {
        var wire = new WireRecorder();
        using var http = wire.CreateClient();
        var client = fixture.LiveDesk(http);
        var unique = Unique();
        var vip = await CreateLabelledContactAsync(client, "vip-" + unique, "vip", "returning");
        var returning = await CreateLabelledContactAsync(client, "returning-" + unique, "returning");
        await CreateLabelledContactAsync(client, "other-" + unique, "other");
        await CreateLabelledContactAsync(client, "none-" + unique);

        var searched = await client.SearchContactsAsync(new SearchContactsParameters { Q = unique, Labels = ["vip", "returning"], IncludeContactInboxes = false });
        var one = await client.SearchContactsAsync(new SearchContactsParameters { Q = unique, Labels = ["vip"] });
        var listed = await client.ListContactsAsync(new ListContactsParameters { Page = 1, Labels = ["returning"], Sort = ContactSort.CreatedAt });
        var none = await client.SearchContactsAsync(new SearchContactsParameters { Q = unique, Labels = [] });

        // The [] of style brackets is written as such (spec/README.md 5.8), the labels after page, in declared order.
        Assert.Equal($"q={unique}&labels[]=vip&labels[]=returning&include_contact_inboxes=false", wire.Requests[^4].Query);
        Assert.Equal($"q={unique}&labels[]=vip", wire.Requests[^3].Query);
        Assert.Equal("page=1&labels[]=returning&sort=created_at", wire.Requests[^2].Query);
        Assert.Equal($"q={unique}", wire.Requests[^1].Query);

        Assert.Equal([vip, returning], searched.Payload!.Select(c => c.Id!.Value));
        Assert.Equal(2, searched.Meta!.Count);
        Assert.Equal([vip], one.Payload!.Select(c => c.Id!.Value));
        // No other test of this class labels contacts: the whole account has these two with "returning".
        Assert.Equal([vip, returning], listed.Payload!.Select(c => c.Id!.Value));
        Assert.Equal(4, none.Meta!.Count);
    }

    [Fact]
    public async Task SendMessageWithAttachments_sends_the_text_parts_then_the_files_and_the_files_read_back()
    {
        var wire = new WireRecorder();
        using var http = wire.CreateClient();
        var client = fixture.LiveDesk(http);
        var conversationId = (await client.CreateConversationAsync(new CreateConversationRequest { InboxId = 407, ContactId = 2219256 })).Id!.Value;
        var photo = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0xFF, 0xD9 };
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4 tiny");
        using var pdfStream = new System.IO.MemoryStream(pdf, writable: false);

        var message = await client.SendMessageWithAttachmentsAsync(conversationId, new SendMessageWithAttachmentsRequest
        {
            Content = "Here is the receipt.",
            Private = false,
            MessageType = SentMessageType.Incoming,
            Attachments = [new FileContent(photo, "receipt.jpg", "image/jpeg"), new FileContent(pdfStream, "order 1001.pdf", "application/pdf")],
        });

        // The exact body: the text parts in declared order, then one attachments[] file part per file.
        var post = wire.Requests[^1];
        Assert.Equal("POST", post.Method);
        Assert.Equal($"/api/v2/accounts/conversations/{conversationId}/messages", post.Uri.AbsolutePath);
        Assert.StartsWith("multipart/form-data; boundary=", post.ContentType, StringComparison.Ordinal);
        var boundary = post.ContentType!["multipart/form-data; boundary=".Length..].Trim('"');
        var expected = Concat(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\nHere is the receipt.\r\n",
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"private\"\r\n\r\nfalse\r\n",
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"message_type\"\r\n\r\nincoming\r\n",
            $"--{boundary}\r\nContent-Type: image/jpeg\r\nContent-Disposition: form-data; name=\"attachments[]\"; filename=\"receipt.jpg\"\r\n\r\n",
            photo,
            $"\r\n--{boundary}\r\nContent-Type: application/pdf\r\nContent-Disposition: form-data; name=\"attachments[]\"; filename=\"order 1001.pdf\"\r\n\r\n",
            pdf,
            $"\r\n--{boundary}--\r\n");
        Assert.Equal(Encoding.Latin1.GetString(expected), Encoding.Latin1.GetString(post.Body));

        // What the sandbox parsed out of it: the text parts and the files, names, types and bytes, in order.
        var stored = Assert.Single(fixture.Server.State.GetLiveDeskMessages(conversationId));
        Assert.Equal(("Here is the receipt.", false, 0), (stored.Content, stored.Private, stored.MessageType));
        Assert.Equal([("receipt.jpg", "image/jpeg"), ("order 1001.pdf", "application/pdf")], stored.Attachments.Select(a => (a.FileName, a.ContentType)));
        Assert.Equal(photo, stored.Attachments[0].Content.ToArray());
        Assert.Equal(pdf, stored.Attachments[1].Content.ToArray());

        // The answer, the message list and the data_url give the files back.
        Assert.Equal((stored.Id, "Here is the receipt.", 0), (message.Id!.Value, message.Content, message.MessageType!.Value));
        Assert.Equal([AttachmentFileType.Image, AttachmentFileType.File], message.Attachments!.Select(a => a.FileType!));
        Assert.Equal([8L, 13L], message.Attachments!.Select(a => a.FileSize!.Value));
        Assert.All(message.Attachments!, a => Assert.Equal(message.Id, a.MessageId));
        var listed = Assert.Single((await client.ListMessagesAsync(conversationId)).Payload!);
        Assert.Equal(message.Attachments!.Select(a => a.DataUrl), listed.Attachments!.Select(a => a.DataUrl));
        using var download = await fixture.Http.GetAsync(listed.Attachments![0].DataUrl);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(photo, await download.Content.ReadAsByteArrayAsync());
        Assert.EndsWith("/order%201001.pdf", listed.Attachments[1].DataUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMessageWithAttachments_with_files_only_sends_only_the_file_parts_and_the_server_defaults_apply()
    {
        var wire = new WireRecorder();
        using var http = wire.CreateClient();
        var client = fixture.LiveDesk(http);
        var conversationId = (await client.CreateConversationAsync(new CreateConversationRequest { InboxId = 407, ContactId = 2219256 })).Id!.Value;

        var message = await client.SendMessageWithAttachmentsAsync(conversationId, new SendMessageWithAttachmentsRequest { Attachments = [new FileContent(new byte[] { 1, 2, 3 }, "voice.ogg", "audio/ogg")] });

        var post = wire.Requests.Last(r => r.Method == "POST");
        var boundary = post.ContentType!["multipart/form-data; boundary=".Length..].Trim('"');
        var expected = Concat(
            $"--{boundary}\r\nContent-Type: audio/ogg\r\nContent-Disposition: form-data; name=\"attachments[]\"; filename=\"voice.ogg\"\r\n\r\n",
            new byte[] { 1, 2, 3 },
            $"\r\n--{boundary}--\r\n");
        Assert.Equal(Encoding.Latin1.GetString(expected), Encoding.Latin1.GetString(post.Body));

        // default: false and outgoing are documentation: not sent, and the server applies them.
        Assert.Equal(((string?)null, false, 1), (message.Content, message.Private!.Value, message.MessageType!.Value));
        Assert.Equal(AttachmentFileType.Audio, Assert.Single(message.Attachments!).FileType);
    }

    [Fact]
    public async Task SendMessageWithAttachments_refused_by_the_sandbox_throws_the_typed_exception_and_nothing_is_stored()
    {
        var client = fixture.LiveDesk();
        var conversationId = (await client.CreateConversationAsync(new CreateConversationRequest { InboxId = 407, ContactId = 2219256 })).Id!.Value;

        var empty = await Assert.ThrowsAsync<LiveDeskApiException>(() =>
            client.SendMessageWithAttachmentsAsync(conversationId, new SendMessageWithAttachmentsRequest { Content = "Hi", Attachments = [] }));
        var unknown = await Assert.ThrowsAsync<LiveDeskApiException>(() =>
            client.SendMessageWithAttachmentsAsync(987_654, new SendMessageWithAttachmentsRequest { Attachments = [new FileContent(new byte[] { 1 }, "a.png", "image/png")] }));

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "param is missing or the value is empty: attachments (send a message without files as JSON)"), (empty.StatusCode, empty.Detail));
        Assert.Equal("LiveDesk SendMessageWithAttachments failed: 404 Not Found: Resource could not be found", unknown.Message);
        Assert.Empty(fixture.Server.State.GetLiveDeskMessages(conversationId));
    }

    [Fact]
    public async Task SendMessage_posts_the_json_body_and_ListMessages_reads_the_messages_back()
    {
        var wire = new WireRecorder();
        using var http = wire.CreateClient();
        var client = fixture.LiveDesk(http);
        var conversation = await client.CreateConversationAsync(new CreateConversationRequest { InboxId = 79, ContactId = 2219256 });
        var conversationId = conversation.Id!.Value;

        var first = await client.SendMessageAsync(conversationId, new SendMessageRequest { Content = "Hi, my order has not arrived yet." });
        var reply = await client.SendMessageAsync(conversationId, new SendMessageRequest
        {
            Content = "Checking with the courier.",
            Private = true,
            ContentAttributes = new Dictionary<string, JsonNode?> { ["in_reply_to"] = first.Id },
        });
        var list = await client.ListMessagesAsync(conversationId);

        var posts = wire.Requests.Where(r => r.Method == "POST" && r.Uri.AbsolutePath.EndsWith("/messages", StringComparison.Ordinal)).ToArray();
        Assert.Equal($"/api/v2/accounts/conversations/{conversationId}/messages", posts[0].Uri.AbsolutePath);
        Assert.Equal("""{"content":"Hi, my order has not arrived yet."}""", posts[0].BodyText);
        Assert.Equal($$$"""{"content":"Checking with the courier.","private":true,"content_attributes":{"in_reply_to":{{{first.Id}}}}}""", posts[1].BodyText);

        Assert.Equal(("Hi, my order has not arrived yet.", 79L, conversationId, 1, false), (first.Content, first.InboxId!.Value, first.ConversationId!.Value, first.MessageType!.Value, first.Private!.Value));
        Assert.Equal("text", first.ContentType);
        Assert.Null(first.Attachments);
        Assert.Equal(first.Id, reply.ContentAttributes!["in_reply_to"]!.GetValue<long>());
        Assert.True(reply.Private);

        Assert.Equal([first.Id, reply.Id], list.Payload!.Select(m => m.Id));
        Assert.Equal(["Hi, my order has not arrived yet.", "Checking with the courier."], list.Payload!.Select(m => m.Content));
        Assert.Equal(2219256, list.Meta!.Contact!.Id);
        Assert.Empty(list.Meta.Labels!);
        var stored = fixture.Server.State.GetLiveDeskMessages(conversationId);
        Assert.Equal([(first.Id!.Value, false), (reply.Id!.Value, true)], stored.Select(m => (m.Id, m.Private)));
    }

    [Fact]
    public async Task ListMessages_answers_the_latest_20_and_before_pages_back()
    {
        var client = fixture.LiveDesk();
        var conversationId = (await client.CreateConversationAsync(new CreateConversationRequest { InboxId = 407, ContactId = 2219256 })).Id!.Value;
        var sent = new List<long>();
        for (var i = 1; i <= 23; i++)
        {
            sent.Add((await client.SendMessageAsync(conversationId, new SendMessageRequest { Content = $"message {i}" })).Id!.Value);
        }

        var latest = await client.ListMessagesAsync(conversationId);
        var earlier = await client.ListMessagesAsync(conversationId, new ListMessagesParameters { Before = latest.Payload![0].Id });

        Assert.Equal(sent.Skip(3), latest.Payload.Select(m => m.Id!.Value));
        Assert.Equal(sent.Take(3), earlier.Payload!.Select(m => m.Id!.Value));
    }

    [Fact]
    public async Task A_message_to_an_unknown_conversation_is_404_and_an_empty_content_is_422()
    {
        var client = fixture.LiveDesk();
        var conversationId = (await client.CreateConversationAsync(new CreateConversationRequest { InboxId = 407, ContactId = 2219256 })).Id!.Value;

        var unknown = await Assert.ThrowsAsync<LiveDeskApiException>(() => client.SendMessageAsync(987_654, new SendMessageRequest { Content = "Hello?" }));
        var empty = await Assert.ThrowsAsync<LiveDeskApiException>(() => client.SendMessageAsync(conversationId, new SendMessageRequest { Content = " " }));
        var list = await Assert.ThrowsAsync<LiveDeskApiException>(() => client.ListMessagesAsync(987_654));

        Assert.Equal("LiveDesk SendMessage failed: 404 Not Found: Resource could not be found", unknown.Message);
        Assert.Equal("LiveDesk ListMessages failed: 404 Not Found: Resource could not be found", list.Message);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "param is missing or the value is empty: content"), (empty.StatusCode, empty.Detail));
        Assert.Empty(fixture.Server.State.GetLiveDeskMessages(conversationId));
    }

    /// <summary>Creates a contact and labels it as an agent would in LiveDesk (the API documents no way to label a contact).</summary>
    private async Task<long> CreateLabelledContactAsync(LiveDeskClient client, string identifier, params string[] labels)
    {
        var id = (await client.CreateContactAsync(new CreateContactRequest { InboxId = 407, Identifier = identifier })).Payload!.Contact!.Id!.Value;
        Assert.True(fixture.Server.State.SetLiveDeskContactLabels(id, labels));
        return id;
    }

    private static byte[] Concat(params object[] pieces) =>
        pieces.SelectMany(p => p as byte[] ?? Encoding.UTF8.GetBytes((string)p)).ToArray();

    /// <summary>Contacts are unique by e-mail, phone and identifier, and the class's tests share one sandbox.</summary>
    private static string Unique() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>An E.164 number made unique from the same text.</summary>
    private static string PhoneFor(string unique) => "+48" + ((uint)unique.GetHashCode(StringComparison.Ordinal) % 1_000_000_000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
}
