using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ContactCenter.LiveDesk;
using Xunit;

namespace EndpointGen.Tests.EndToEnd;

/// <summary>
/// The sandbox's LiveDesk contacts and messages with hand-made requests: what it refuses (a wrong content
/// type, a missing, null or unknown field, a bad query value, a multipart body the docs do not describe)
/// answered as LiveDesk does, and the forms a client other than the generated one may send (an escaped
/// <c>labels%5B%5D</c>, one plain <c>labels</c>). The generated client's <c>labels[]</c> and multipart
/// messages are in <see cref="LiveDeskEndToEndTests"/>.
/// </summary>
public sealed class LiveDeskSandboxTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private const string Contacts = "/api/v2/accounts/contacts";

    // ------------------------------------------------------------------ strict bodies

    [Theory]
    [InlineData("text/plain", 415, "Content-Type must be application/json")]
    [InlineData("application/json; charset=iso-8859-1", 415, "Content-Type must be application/json")]
    public async Task CreateContact_refuses_a_body_that_is_not_json(string contentType, int status, string error)
    {
        var (code, body) = await SendAsync(HttpMethod.Post, Contacts, Text("""{"inbox_id": 407}""", contentType));

        Assert.Equal((status, error), (code, Error(body)));
    }

    [Theory]
    [InlineData("""{"name": "Jan"}""", "param is missing or the value is empty: inbox_id")]
    [InlineData("""{"inbox_id": 407, "company": "Acme"}""", "found unpermitted parameter: company")]
    [InlineData("""{"inbox_id": 407, "email": null}""", "param must not be null (omit optional params instead): email")]
    [InlineData("""{"inbox_id": 407, "name": 5}""", "param has the wrong type: name (expected a string, got a number)")]
    [InlineData("""{"inbox_id": "abc"}""", "param has the wrong type: inbox_id (expected an integer or a string of digits)")]
    [InlineData("""{"inbox_id": 407, "email": "not-an-address"}""", "Email is invalid")]
    [InlineData("""{"inbox_id": 407, "avatar_url": "ftp://example.org/a.png"}""", "param has an invalid value: avatar_url (must be an http or https URL)")]
    [InlineData("""{"inbox_id": 407,""", null)]
    public async Task CreateContact_refuses_what_the_docs_do_not_describe_with_422(string json, string? error)
    {
        var (code, body) = await SendAsync(HttpMethod.Post, Contacts, Json(json));

        Assert.Equal(422, code);
        if (error is null)
        {
            Assert.StartsWith("request body is not valid JSON", Error(body), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(error, Error(body));
        }
    }

    [Fact]
    public async Task CreateContact_takes_inbox_id_as_a_string_of_digits_too()
    {
        var (code, body) = await SendAsync(HttpMethod.Post, Contacts, Json("""{"inbox_id": "407", "name": "String Inbox"}"""));

        Assert.Equal(200, code);
        var contact = body!["payload"]!["contact"]!;
        Assert.Equal(407, contact["contact_inboxes"]![0]!["inbox"]!["id"]!.GetValue<long>());
        Assert.Equal(407, fixture.Server.State.GetLiveDeskContact(contact["id"]!.GetValue<long>())!.InboxId);
    }

    [Theory]
    [InlineData("text/plain", 415, "Content-Type must be application/json, or multipart/form-data to send attachments")]
    [InlineData("application/x-www-form-urlencoded", 415, "Content-Type must be application/json, or multipart/form-data to send attachments")]
    public async Task SendMessage_refuses_other_content_types(string contentType, int status, string error)
    {
        var conversationId = await CreateConversationAsync();

        var (code, body) = await SendAsync(HttpMethod.Post, Messages(conversationId), Text("content=Hello", contentType));

        Assert.Equal((status, error), (code, Error(body)));
    }

    [Theory]
    [InlineData("""{"private": true}""", "param is missing or the value is empty: content")]
    [InlineData("""{"content": "Hi", "message_type": "outgoing"}""", "found unpermitted parameter: message_type")]
    [InlineData("""{"content": "Hi", "private": "true"}""", "param has the wrong type: private (expected a boolean, got a string)")]
    [InlineData("""{"content": "Hi", "content_attributes": [29]}""", "param has the wrong type: content_attributes (expected an object, got an array)")]
    [InlineData("""{"content": "Hi", "content_attributes": null}""", "param must not be null (omit optional params instead): content_attributes")]
    public async Task SendMessage_refuses_a_json_body_the_docs_do_not_describe_with_422(string json, string error)
    {
        var conversationId = await CreateConversationAsync();

        var (code, body) = await SendAsync(HttpMethod.Post, Messages(conversationId), Json(json));

        Assert.Equal((422, error), (code, Error(body)));
        Assert.Empty(fixture.Server.State.GetLiveDeskMessages(conversationId));
    }

    [Fact]
    public async Task The_new_paths_need_the_api_key_like_the_others()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Server.LiveDeskBaseUrl, Contacts));

        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""{"error":"Invalid Access Token"}""", await response.Content.ReadAsStringAsync());
    }

    // ------------------------------------------------------------------ the contact list's query string

    [Theory]
    [InlineData("per_page=50", "found unpermitted parameter: per_page")]
    [InlineData("page=0", "param has an invalid value: page (must be a positive integer)")]
    [InlineData("page=two", "param has an invalid value: page (must be a positive integer)")]
    [InlineData("page=1&page=2", "parameter page was given more than once")]
    [InlineData("page_size=-1", "param has an invalid value: page_size (must be a positive integer)")]
    [InlineData("sort=-name", "param has an invalid value: sort (\"-name\" is not one of: email, name, phone_number, last_activity_at, created_at, company, city, country)")]
    [InlineData("direction=up", "param has an invalid value: direction (\"up\" is not one of: asc, desc)")]
    [InlineData("include_contact_inboxes=1", "param has an invalid value: include_contact_inboxes (\"1\" is not one of: true, false)")]
    [InlineData("q=", "Specify search string with parameter q")]
    [InlineData("labels=vip&labels=returning", "labels was given more than once: a repeated key keeps only its last value; send a list as labels[]=a&labels[]=b")]
    [InlineData("labels=vip&labels%5B%5D=returning", "send labels either as labels[]=a&labels[]=b or as one labels=a, not both")]
    [InlineData("labels%5B%5D=", "param has an invalid value: labels[] (must not be empty)")]
    public async Task The_contact_list_refuses_a_query_string_the_docs_do_not_describe_with_422(string query, string error)
    {
        var (code, body) = await SendAsync(HttpMethod.Get, Contacts + "?" + query);

        Assert.Equal((422, error), (code, Error(body)));
    }

    [Fact]
    public async Task Labels_in_brackets_match_contacts_with_any_of_them_and_one_plain_label_is_a_list_of_one()
    {
        var unique = Guid.NewGuid().ToString("N")[..12];
        var vip = await CreateContactAsync("vip-" + unique, "vip", "returning");
        var returning = await CreateContactAsync("returning-" + unique, "returning");
        await CreateContactAsync("other-" + unique, "other");
        await CreateContactAsync("none-" + unique);

        var (anyCode, any) = await SendAsync(HttpMethod.Get, $"{Contacts}?q={unique}&labels%5B%5D=vip&labels%5B%5D=returning");
        var (oneCode, one) = await SendAsync(HttpMethod.Get, $"{Contacts}?q={unique}&labels=vip");

        Assert.Equal((200, 200), (anyCode, oneCode));
        Assert.Equal([vip, returning], Ids(any));
        Assert.Equal(2, any!["meta"]!["count"]!.GetValue<int>());
        Assert.Equal([vip], Ids(one));
    }

    [Fact]
    public async Task Current_page_is_the_number_1_without_page_and_the_page_as_sent_with_it()
    {
        var (_, without) = await SendAsync(HttpMethod.Get, Contacts);
        var (_, with) = await SendAsync(HttpMethod.Get, Contacts + "?page=2&page_size=100");

        Assert.Equal("1", without!["meta"]!["current_page"]!.ToJsonString());
        Assert.Equal("\"2\"", with!["meta"]!["current_page"]!.ToJsonString());
    }

    // ------------------------------------------------------------------ the attachment variant of Send Message

    [Fact]
    public async Task A_multipart_message_with_attachments_is_stored_and_answered_as_chatwoot_does()
    {
        var conversationId = await CreateConversationAsync();
        var photo = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3 };
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4 tiny");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Here is the receipt."), "content" },
            { new StringContent("false"), "private" },
            { new StringContent("incoming"), "message_type" },
            { File(photo, "image/jpeg"), "attachments[]", "receipt.jpg" },
            { File(pdf, "application/pdf"), "attachments[]", "order 1001.pdf" },
        };

        var (code, body) = await SendAsync(HttpMethod.Post, Messages(conversationId), form);

        Assert.Equal(200, code);
        Assert.Equal(("Here is the receipt.", 0, false), (body!["content"]!.GetValue<string>(), body["message_type"]!.GetValue<int>(), body["private"]!.GetValue<bool>()));
        var attachments = body["attachments"]!.AsArray();
        Assert.Equal(["image", "file"], attachments.Select(a => a!["file_type"]!.GetValue<string>()));
        Assert.Equal([7L, 13L], attachments.Select(a => a!["file_size"]!.GetValue<long>()));
        Assert.All(attachments, a => Assert.Equal(body["id"]!.GetValue<long>(), a!["message_id"]!.GetValue<long>()));
        Assert.EndsWith("/receipt.jpg", attachments[0]!["data_url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("/order%201001.pdf", attachments[1]!["data_url"]!.GetValue<string>(), StringComparison.Ordinal);

        var stored = Assert.Single(fixture.Server.State.GetLiveDeskMessages(conversationId));
        Assert.Equal([("receipt.jpg", "image/jpeg", 7L), ("order 1001.pdf", "application/pdf", 13L)], stored.Attachments.Select(a => (a.FileName, a.ContentType, a.Size)));
        Assert.Equal(photo, stored.Attachments[0].Content.ToArray());

        // The data_url serves the file, without credentials, as Chatwoot's blob URLs do.
        using var download = await fixture.Http.GetAsync(attachments[1]!["data_url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        // And the generated client reads the message with its attachments back.
        var listed = Assert.Single((await fixture.LiveDesk().ListMessagesAsync(conversationId)).Payload!);
        Assert.Equal([AttachmentFileType.Image, AttachmentFileType.File], listed.Attachments!.Select(a => a.FileType!));
        Assert.Equal(0, listed.MessageType);
    }

    [Fact]
    public async Task A_multipart_message_may_carry_files_only()
    {
        var conversationId = await CreateConversationAsync();
        using var form = new MultipartFormDataContent { { File([1, 2, 3], "audio/ogg"), "attachments[]", "voice.ogg" } };

        var (code, body) = await SendAsync(HttpMethod.Post, Messages(conversationId), form);

        Assert.Equal(200, code);
        Assert.Null(body!["content"]);
        Assert.Equal((1, false), (body["message_type"]!.GetValue<int>(), body["private"]!.GetValue<bool>()));
        Assert.Equal("audio", body["attachments"]![0]!["file_type"]!.GetValue<string>());
    }

    public static TheoryData<string, string> RefusedForms() => new()
    {
        { "no file", "param is missing or the value is empty: attachments (send a message without files as JSON)" },
        { "file named attachments", "file parts must be named attachments[]: a repeated name without [] keeps only its last value" },
        { "attachments[] as text", "attachments[] must be a file part (a Content-Disposition with a filename)" },
        { "unknown part", "found unpermitted parameter: content_attributes" },
        { "private yes", "param has an invalid value: private (\"yes\" is not one of: true, false)" },
        { "message_type template", "param has an invalid value: message_type (\"template\" is not one of: incoming, outgoing)" },
        { "content twice", "parameter content was given more than once" },
        { "empty file", "param has an invalid value: attachments[] (the file empty.txt is empty)" },
    };

    [Theory]
    [MemberData(nameof(RefusedForms))]
    public async Task A_multipart_message_the_docs_do_not_describe_is_422(string @case, string error)
    {
        var conversationId = await CreateConversationAsync();
        using var form = new MultipartFormDataContent { { new StringContent("Hello"), "content" } };
        switch (@case)
        {
            case "file named attachments": form.Add(File([1], "image/png"), "attachments", "a.png"); break;
            case "attachments[] as text": form.Add(new StringContent("a.png"), "attachments[]"); break;
            case "unknown part": form.Add(new StringContent("{}"), "content_attributes"); break;
            case "private yes": form.Add(new StringContent("yes"), "private"); break;
            case "message_type template": form.Add(new StringContent("template"), "message_type"); break;
            case "content twice": form.Add(new StringContent("Hello again"), "content"); break;
            case "empty file": form.Add(File([], "text/plain"), "attachments[]", "empty.txt"); break;
        }

        if (@case is not ("no file" or "file named attachments" or "empty file"))
        {
            form.Add(File([1], "image/png"), "attachments[]", "a.png");
        }

        var (code, body) = await SendAsync(HttpMethod.Post, Messages(conversationId), form);

        Assert.Equal((422, error), (code, Error(body)));
        Assert.Empty(fixture.Server.State.GetLiveDeskMessages(conversationId));
    }

    [Fact]
    public async Task A_multipart_body_that_does_not_parse_is_422()
    {
        var conversationId = await CreateConversationAsync();
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes("--b\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\nHello"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");

        var (code, body) = await SendAsync(HttpMethod.Post, Messages(conversationId), content);

        Assert.Equal(422, code);
        Assert.StartsWith("request body is not usable multipart/form-data: ", Error(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_message_list_refuses_unknown_or_bad_query_keys_and_an_unknown_conversation_is_404_before_any_check()
    {
        var conversationId = await CreateConversationAsync();

        var (unknownCode, unknown) = await SendAsync(HttpMethod.Get, Messages(conversationId) + "?after=1");
        var (badCode, bad) = await SendAsync(HttpMethod.Get, Messages(conversationId) + "?before=x");
        var (missingCode, missing) = await SendAsync(HttpMethod.Post, Messages(987_654), Text("not json", "text/plain"));

        Assert.Equal((422, "found unpermitted parameter: after"), (unknownCode, Error(unknown)));
        Assert.Equal((422, "param has an invalid value: before (must be a positive integer)"), (badCode, Error(bad)));
        Assert.Equal((404, "Resource could not be found"), (missingCode, Error(missing)));
    }

    // ------------------------------------------------------------------ helpers

    private static string Messages(long conversationId) => $"/api/v2/accounts/conversations/{conversationId}/messages";

    private async Task<long> CreateConversationAsync() =>
        (await fixture.LiveDesk().CreateConversationAsync(new CreateConversationRequest { InboxId = 407, ContactId = 2219256 })).Id!.Value;

    private async Task<long> CreateContactAsync(string identifier, params string[] labels)
    {
        var contact = (await fixture.LiveDesk().CreateContactAsync(new CreateContactRequest { InboxId = 407, Identifier = identifier })).Payload!.Contact!;
        Assert.True(fixture.Server.State.SetLiveDeskContactLabels(contact.Id!.Value, labels));
        return contact.Id.Value;
    }

    private static IEnumerable<long> Ids(JsonNode? list) => list!["payload"]!.AsArray().Select(c => c!["id"]!.GetValue<long>());

    private static StringContent Json(string json) => Text(json, "application/json");

    private static StringContent Text(string text, string contentType)
    {
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static ByteArrayContent File(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static string? Error(JsonNode? body) => body?["error"]?.GetValue<string>();

    /// <summary>Sends a hand-made request with LiveDesk's credentials; answers the status and the parsed JSON body.</summary>
    private async Task<(int Status, JsonNode? Body)> SendAsync(HttpMethod method, string pathAndQuery, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(fixture.Server.LiveDeskBaseUrl, pathAndQuery)) { Content = content };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(fixture.Server.Options.LiveDeskApiKey + ":" + fixture.Server.Options.LiveDeskApiSecret));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        using var response = await fixture.Http.SendAsync(request);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonNode.Parse(text));
    }
}
