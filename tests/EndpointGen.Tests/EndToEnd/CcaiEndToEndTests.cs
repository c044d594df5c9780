using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ContactCenter.Ccai;
using Xunit;

namespace EndpointGen.Tests.EndToEnd;

/// <summary>
/// The generated CCAI client against the sandbox over loopback HTTP: all sixteen chat endpoints, what
/// reaches the sandbox, and CCAI's <c>{"message"}</c> errors. The uploads have their own class
/// (<see cref="CcaiMediaUploaderTests"/>).
/// </summary>
public sealed class CcaiEndToEndTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private const long MenuId = 17;

    private CcaiClient Client => fixture.Ccai();

    [Fact]
    public async Task CreateChat_sends_every_set_field_and_GetChat_reads_the_chat_back()
    {
        var created = await Client.CreateChatAsync(new CreateChatRequest
        {
            Chat = new NewChat
            {
                MenuId = MenuId,
                EndUserId = 9001,
                Lang = "it",
                Email = "mario.bianchi@example.com",
                Context = JsonNode.Parse("""{"value": {"foo": "bar", "key": "value"}}"""),
                Transcript = new JsonObject { ["lines"] = new JsonArray("hello") },
            },
            EndUser = new NewChatEndUser { Phone = "+393331234567" },
        });

        var chatId = created.Id!.Value;
        var read = await Client.GetChatAsync(chatId);

        foreach (var chat in new[] { created, read })
        {
            Assert.Equal(chatId, chat.Id);
            Assert.Equal("queued", chat.Status);
            Assert.Equal("it", chat.Lang);
            Assert.Equal(MenuId, Assert.Single(chat.Menus!).Id);
            Assert.Equal(9001, chat.EndUser!.Id);
            Assert.Contains("photo", chat.Features!);
            Assert.NotNull(chat.Agent?.Name);
            Assert.Equal(2, chat.AllVirtualAgents!.Count);
            Assert.True(chat.EndsAt > chat.CreatedAt);
        }

        var stored = fixture.Server.State.GetCcaiChat(chatId)!;
        Assert.Equal(MenuId, stored.MenuId);
        Assert.Equal("mario.bianchi@example.com", stored.Email);
        Assert.Equal("bar", stored.Context!.Value.GetProperty("value").GetProperty("foo").GetString());
        Assert.Equal("hello", stored.Transcript!.Value.GetProperty("lines")[0].GetString());
        Assert.Equal("+393331234567", stored.EndUser.Phone);
    }

    [Fact]
    public async Task CreateChat_with_only_the_menu_sends_only_the_menu()
    {
        var wire = new WireRecorder();
        using var http = wire.CreateClient();

        var chat = await fixture.Ccai(http).CreateChatAsync(new CreateChatRequest { Chat = new NewChat { MenuId = MenuId } });

        Assert.Equal("""{"chat":{"menu_id":17}}""", wire.Single("POST").BodyText);
        Assert.Equal("en", fixture.Server.State.GetCcaiChat(chat.Id!.Value)!.Lang);
    }

    [Fact]
    public async Task UpdateChat_PATCH_sends_only_the_set_fields_and_finishing_ends_the_chat()
    {
        var wire = new WireRecorder();
        using var http = wire.CreateClient();
        var client = fixture.Ccai(http);
        var chatId = await CreateChatAsync(client);

        var updated = await client.UpdateChatAsync(chatId, new UpdateChatRequest { Chat = new ChatUpdate { Status = "finished" } });

        var patch = wire.Single("PATCH");
        Assert.Equal($"/apps/api/v1/chats/{chatId}", patch.Uri.AbsolutePath);
        Assert.Equal("application/json", patch.ContentType);
        Assert.Equal("""{"chat":{"status":"finished"}}""", patch.BodyText);
        Assert.Equal("finished", updated.Status);
        Assert.True(fixture.Server.State.GetCcaiChat(chatId)!.IsFinished);
    }

    [Fact]
    public async Task UpdateChat_carries_the_user_deflection_channel_and_escalation()
    {
        var chatId = await CreateChatAsync(Client);

        var updated = await Client.UpdateChatAsync(chatId, new UpdateChatRequest
        {
            FinishedByUserId = 42,
            Chat = new ChatUpdate { DeflectionChannel = "sms", Status = "assigned", EscalationId = 5001 },
        });

        Assert.Equal("assigned", updated.Status);
        var stored = fixture.Server.State.GetCcaiChat(chatId)!;
        Assert.Equal((42L, "sms", 5001L), (stored.FinishedByUserId, stored.DeflectionChannel, stored.EscalationId));
    }

    [Fact]
    public async Task SendMessage_posts_a_text_message()
    {
        var chatId = await CreateChatAsync(Client);

        await Client.SendMessageAsync(chatId, new SendMessageRequest
        {
            FromUserId = 9001,
            Message = new ChatMessage { Type = "text", Content = new MessageContent { Text = "Hi, my order has not arrived yet." } },
        });

        var message = Assert.Single(fixture.Server.State.GetCcaiMessages(chatId));
        Assert.Equal((9001L, "text", "Hi, my order has not arrived yet."), (message.FromUserId, message.Type, message.Text));
    }

    [Fact]
    public async Task Customer_flags_are_read_and_a_partial_update_changes_only_what_it_sends()
    {
        var wire = new WireRecorder();
        using var http = wire.CreateClient();
        var client = fixture.Ccai(http);
        var chatId = await CreateChatAsync(client);

        var initial = await client.GetCustomerFlagsAsync(chatId);
        await client.UpdateCustomerFlagsAsync(chatId, new CustomerFlags { VerifiedCustomer = true });
        var after = await client.GetCustomerFlagsAsync(chatId);

        Assert.Equal((false, false, false), (initial.VerifiedCustomer, initial.BadActor, initial.RepeatCustomer));
        Assert.Equal("""{"verified_customer":true}""", wire.Requests.Single(r => r.Method == "POST" && r.Uri.AbsolutePath.EndsWith("/customer_flag", StringComparison.Ordinal)).BodyText);
        Assert.Equal((true, false, false), (after.VerifiedCustomer, after.BadActor, after.RepeatCustomer));
        Assert.Equal(new Sandbox.CcaiCustomerFlags(true, false, false), fixture.Server.State.GetCcaiCustomerFlags(chatId));
    }

    [Fact]
    public async Task Unsigned_custom_data_is_stored_and_its_reserved_keys_set_the_flags()
    {
        var wire = new WireRecorder();
        using var http = wire.CreateClient();
        var client = fixture.Ccai(http);
        var chatId = await CreateChatAsync(client);

        var data = new CcaiCustomData().Add("field1", "dummy111", "LABEL 1").Add("field2", 2).BadActor(true);
        await client.SendCustomDataAsync(chatId, data.ToUnsignedRequest());

        Assert.Equal(
            """{"signed":false,"data":{"field1":{"label":"LABEL 1","value":"dummy111"},"field2":{"value":2},"reserved_bad_actor":{"value":true}}}""",
            wire.Requests[^1].BodyText);
        var stored = fixture.Server.State.GetCcaiCustomData(chatId);
        Assert.Equal(["field1", "field2", "reserved_bad_actor"], stored.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("LABEL 1", "dummy111", false), (stored["field1"].Label, stored["field1"].Value.GetString(), stored["field1"].Signed));
        Assert.Equal(2, stored["field2"].Value.GetInt32());
        Assert.True((await client.GetCustomerFlagsAsync(chatId)).BadActor);
    }

    [Fact]
    public async Task Signed_custom_data_passes_the_sandboxs_JWT_verification()
    {
        var chatId = await CreateChatAsync(Client);
        var data = new CcaiCustomData().Add("loyalty_tier", "gold", "Loyalty tier").VerifiedCustomer(true).RepeatCustomer(true);

        await Client.SendCustomDataAsync(chatId, data.ToSignedRequest(fixture.Server.Options.CcaiSigningSecret, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));

        var stored = fixture.Server.State.GetCcaiCustomData(chatId);
        Assert.All(stored.Values, item => Assert.True(item.Signed));
        Assert.Equal(("Loyalty tier", "gold"), (stored["loyalty_tier"].Label, stored["loyalty_tier"].Value.GetString()));
        Assert.Equal(new Sandbox.CcaiCustomerFlags(true, false, true), fixture.Server.State.GetCcaiCustomerFlags(chatId));
    }

    [Fact]
    public async Task Custom_data_signed_with_a_wrong_secret_is_refused_with_ccais_400()
    {
        var chatId = await CreateChatAsync(Client);
        var data = new CcaiCustomData().VerifiedCustomer(true);

        var error = await Assert.ThrowsAsync<CcaiApiException>(() =>
            Client.SendCustomDataAsync(chatId, data.ToSignedRequest("not-the-company-secret", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5))));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("Invalid signed_data: signature verification failed", error.Error!.Message);
        Assert.Equal("Ccai SendCustomData failed: 400 Bad Request: Invalid signed_data: signature verification failed", error.Message);
        Assert.Empty(fixture.Server.State.GetCcaiCustomData(chatId));
        Assert.False(fixture.Server.State.GetCcaiCustomerFlags(chatId)!.VerifiedCustomer);
    }

    [Fact]
    public async Task Custom_data_signed_long_ago_is_refused_as_expired()
    {
        var chatId = await CreateChatAsync(Client);
        var issued = new DateTimeOffset(2024, 10, 23, 10, 33, 13, TimeSpan.Zero);

        var error = await Assert.ThrowsAsync<CcaiApiException>(() => Client.SendCustomDataAsync(
            chatId,
            new CcaiCustomData().Add("field1", "dummy111").ToSignedRequest(fixture.Server.Options.CcaiSigningSecret, issued, TimeSpan.FromHours(1))));

        Assert.Equal("Invalid signed_data: the token has expired (exp is not in the future)", error.Detail);
    }

    [Fact]
    public async Task UpdateEndUser_is_accepted_with_202()
    {
        var wire = new WireRecorder();
        using var http = wire.CreateClient();
        var client = fixture.Ccai(http);
        var chatId = await CreateChatAsync(client);

        var accepted = await client.UpdateEndUserAsync(chatId, new UpdateEndUserRequest { Identifier = "customer-8812", Name = "Mario Bianchi", Email = "mario.bianchi@example.com" });

        var post = wire.Requests[^1];
        Assert.Equal($"/apps/api/v1/chats/{chatId}/end_user", post.Uri.AbsolutePath);
        Assert.Equal(HttpStatusCode.Accepted, post.Status);
        Assert.Equal("""{"identifier":"customer-8812","name":"Mario Bianchi","email":"mario.bianchi@example.com"}""", post.BodyText);
        Assert.Equal("accepted", accepted.Message);
        var endUser = fixture.Server.State.GetCcaiEndUser(chatId)!;
        Assert.Equal(("customer-8812", "Mario Bianchi", "mario.bianchi@example.com", (string?)null), (endUser.Identifier, endUser.Name, endUser.Email, endUser.Phone));
    }

    [Fact]
    public async Task An_empty_identifier_is_refused_with_ccais_missing_parameter_message()
    {
        var chatId = await CreateChatAsync(Client);

        var error = await Assert.ThrowsAsync<CcaiApiException>(() => Client.UpdateEndUserAsync(chatId, new UpdateEndUserRequest { Identifier = "" }));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("param is missing or the value is empty: identifier", error.Detail);
    }

    [Fact]
    public async Task An_escalation_is_created_then_deflected()
    {
        var chatId = await CreateChatAsync(Client);

        var escalation = await Client.CreateEscalationAsync(chatId, new CreateEscalationRequest { Reason = EscalationReason.ByEndUserAsk });
        var forced = await Client.CreateEscalationAsync(chatId, new CreateEscalationRequest { Reason = EscalationReason.ByVirtualAgent, ForceEscalate = true });
        var deflected = await Client.UpdateEscalationAsync(chatId, escalation.Id!.Value, new UpdateEscalationRequest { DeflectionChannel = "sms" });

        Assert.Equal((chatId, EscalationStatus.Escalating), (escalation.ChatId!.Value, escalation.Status));
        Assert.Equal(EscalationStatus.Escalated, forced.Status);
        Assert.Equal((escalation.Id, EscalationStatus.Deflected), (deflected.Id, deflected.Status));
        var stored = fixture.Server.State.GetCcaiEscalations(chatId);
        Assert.Equal(
            [new Sandbox.CcaiEscalation(escalation.Id.Value, chatId, "by_end_user_ask", false, "deflected", "sms"), new Sandbox.CcaiEscalation(forced.Id!.Value, chatId, "by_virtual_agent", true, "escalated", null)],
            stored);
    }

    [Fact]
    public async Task Updating_an_unknown_escalation_is_404()
    {
        var chatId = await CreateChatAsync(Client);

        var error = await Assert.ThrowsAsync<CcaiApiException>(() => Client.UpdateEscalationAsync(chatId, 999_999, new UpdateEscalationRequest { DeflectionChannel = "sms" }));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("Not Found", error.Detail);
    }

    [Fact]
    public async Task Presigned_uploads_answer_the_storage_url_and_every_policy_field()
    {
        var chatId = await CreateChatAsync(Client);

        var photo = await Client.CreatePhotoUploadAsync(chatId);
        var video = await Client.CreateVideoUploadAsync(chatId);

        string[] fieldOrder = ["key", "success_action_status", "Content-Type", "acl", "policy", "x-amz-credential", "x-amz-algorithm", "x-amz-date", "x-amz-signature"];
        Assert.Equal(fixture.Server.StorageUploadUrl.AbsoluteUri, photo.Url);
        Assert.Equal(fieldOrder, photo.Fields.Keys);
        Assert.Equal(fieldOrder, video.Fields.Keys);
        Assert.StartsWith($"chats/{chatId}/photos/", photo.Fields["key"], StringComparison.Ordinal);
        Assert.Equal(("image/jpeg", "video/mp4"), (photo.Fields["Content-Type"], video.Fields["Content-Type"]));
        Assert.Equal(2, fixture.Server.State.GetIssuedUploads().Count(u => u.ChatId == chatId));
    }

    [Fact]
    public async Task The_generated_storage_upload_sends_the_fields_then_the_file_without_the_ccai_credential_and_reads_the_xml_answer()
    {
        var chatId = await CreateChatAsync(Client);
        var upload = await Client.CreateVideoUploadAsync(chatId);
        var wire = new WireRecorder();
        using var http = wire.CreateClient();
        byte[] video = [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p'];

        var answer = await fixture.Ccai(http).UploadToStorageWithResponseAsync(
            new Uri(upload.Url),
            new StorageUpload { Fields = upload.Fields, File = new EndpointGen.Runtime.FileContent(video, "clip.mp4", "video/mp4") });

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        var key = upload.Fields["key"];
        var xml = System.Xml.Linq.XDocument.Parse(answer.Body).Root!;
        Assert.Equal("PostResponse", xml.Name.LocalName);
        Assert.Equal(key, (string?)xml.Element("Key"));
        Assert.Equal(answer.Headers["ETag"].Single(), (string?)xml.Element("ETag"));
        var post = wire.Single("POST");
        Assert.Equal(fixture.Server.StorageUploadUrl.AbsoluteUri, post.Uri.AbsoluteUri);
        Assert.False(post.Headers.ContainsKey("Authorization"));
        Assert.Equal(video, fixture.Server.State.GetUpload(key)!.Content.ToArray());
    }

    [Fact]
    public async Task Attaching_a_key_that_was_never_uploaded_is_refused_and_nothing_is_listed()
    {
        var chatId = await CreateChatAsync(Client);
        var upload = await Client.CreatePhotoUploadAsync(chatId);

        var error = await Assert.ThrowsAsync<CcaiApiException>(() =>
            Client.AddPhotosAsync(chatId, new AddPhotosRequest { Photo = [new PhotoAttachment { S3Path = upload.Fields["key"] }] }));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.StartsWith("Invalid photo[0].s3_path", error.Detail, StringComparison.Ordinal);
        Assert.Empty(await Client.ListPhotosAsync(chatId));
        Assert.Empty(await Client.ListVideosAsync(chatId));
    }

    [Fact]
    public async Task An_unknown_chat_is_404_with_ccais_message()
    {
        var error = await Assert.ThrowsAsync<CcaiApiException>(() => Client.GetChatAsync(987_654_321));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("Not Found", error.Error!.Message);
        Assert.Equal("Ccai GetChat failed: 404 Not Found: Not Found", error.Message);
    }

    [Fact]
    public async Task A_wrong_password_is_401_with_ccais_message()
    {
        var error = await Assert.ThrowsAsync<CcaiApiException>(() =>
            fixture.Ccai(password: "not-the-password").CreateChatAsync(new CreateChatRequest { Chat = new NewChat { MenuId = MenuId } }));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("Unauthorized", error.Detail);
        Assert.Equal("Ccai CreateChat failed: 401 Unauthorized: Unauthorized", error.Message);
        Assert.Equal("Basic realm=\"Application\"", Assert.Single(error.Headers["WWW-Authenticate"]));
    }

    [Fact]
    public async Task A_finished_chat_refuses_every_change_with_chat_is_already_ended_but_can_still_be_read()
    {
        var chatId = await CreateChatAsync(Client);
        await Client.UpdateChatAsync(chatId, new UpdateChatRequest { Chat = new ChatUpdate { Status = "finished" } });

        var message = await Assert.ThrowsAsync<CcaiApiException>(() => Client.SendMessageAsync(chatId, new SendMessageRequest
        {
            Message = new ChatMessage { Type = "text", Content = new MessageContent { Text = "Still there?" } },
        }));
        var update = await Assert.ThrowsAsync<CcaiApiException>(() => Client.UpdateChatAsync(chatId, new UpdateChatRequest { Chat = new ChatUpdate { Status = "finished" } }));

        foreach (var error in new[] { message, update })
        {
            Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
            Assert.Equal("Chat is already ended", error.Detail);
        }

        Assert.Equal("Ccai SendMessage failed: 400 Bad Request: Chat is already ended", message.Message);
        Assert.Equal("finished", (await Client.GetChatAsync(chatId)).Status);
        Assert.Empty(fixture.Server.State.GetCcaiMessages(chatId));
    }

    private static async Task<long> CreateChatAsync(CcaiClient client) =>
        (await client.CreateChatAsync(new CreateChatRequest { Chat = new NewChat { MenuId = MenuId } })).Id!.Value;
}
