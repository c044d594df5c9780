using System;
using System.Net;
using System.Threading.Tasks;
using ContactCenter.Thulium;
using Sandbox;
using Xunit;

namespace EndpointGen.Tests.EndToEnd;

/// <summary>The generated Thulium client against the sandbox over loopback HTTP: both endpoints and Thulium's error shape.</summary>
public sealed class ThuliumEndToEndTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Start_sends_every_set_parameter_in_the_query_string_with_an_empty_json_body()
    {
        var wire = new WireRecorder();
        using var http = wire.CreateClient();

        var result = await fixture.Thulium(http).StartChatConversationAsync(new StartChatConversationParameters
        {
            ChatQueueId = 3,
            ClientName = "Jan",
            ClientSurname = "Kowalski",
            ClientEmail = "jan.kowalski@example.org",
            ClientId = "1234",
            CustomerId = 1,
        });

        var request = wire.Single("POST");
        Assert.Equal("/api/chat_conversations/start", request.Uri.AbsolutePath);
        Assert.Equal("chat_queue_id=3&client_name=Jan&client_surname=Kowalski&client_email=jan.kowalski%40example.org&client_id=1234&customer_id=1", request.Query);
        Assert.Equal("application/json", request.ContentType);
        Assert.Empty(request.Body);

        var stored = fixture.Server.State.GetThuliumConversation(result.ConversationId);
        Assert.NotNull(stored);
        Assert.Equal(new ThuliumConversationSnapshot(result.ConversationId, 3, "Jan", "Kowalski", "jan.kowalski@example.org", "1234", 1, stored.StartedAt, null), stored);
    }

    [Fact]
    public async Task Start_leaves_unset_optional_parameters_out_of_the_query()
    {
        var wire = new WireRecorder();
        using var http = wire.CreateClient();

        // Empty strings count as unset too: the strict sandbox answers 400 to "client_name=".
        var result = await fixture.Thulium(http).StartChatConversationAsync(new StartChatConversationParameters { ChatQueueId = 7, ClientName = "" });

        Assert.Equal("chat_queue_id=7", wire.Single("POST").Query);
        var stored = fixture.Server.State.GetThuliumConversation(result.ConversationId)!;
        Assert.Equal(7, stored.ChatQueueId);
        Assert.Null(stored.ClientName);
        Assert.Null(stored.CustomerId);
    }

    [Fact]
    public async Task Stop_ends_the_conversation_and_accepts_the_empty_json_answer()
    {
        var wire = new WireRecorder();
        using var http = wire.CreateClient();
        var client = fixture.Thulium(http);
        var started = await client.StartChatConversationAsync(new StartChatConversationParameters { ChatQueueId = 3 });

        await client.StopChatConversationAsync(started.ConversationId);

        var stop = wire.Requests[^1];
        Assert.Equal($"/api/chat_conversations/{started.ConversationId:D}/stop", stop.Uri.AbsolutePath);
        Assert.Equal(string.Empty, stop.Query);
        Assert.Empty(stop.Body);
        Assert.Equal(HttpStatusCode.OK, stop.Status);
        Assert.True(fixture.Server.State.GetThuliumConversation(started.ConversationId)!.IsStopped);
    }

    [Fact]
    public async Task A_second_stop_is_refused_with_thuliums_error_body()
    {
        var client = fixture.Thulium();
        var started = await client.StartChatConversationAsync(new StartChatConversationParameters { ChatQueueId = 3 });
        await client.StopChatConversationAsync(started.ConversationId);

        var error = await Assert.ThrowsAsync<ThuliumApiException>(() => client.StopChatConversationAsync(started.ConversationId));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("chat conversation is already stopped", error.Detail);
        Assert.Equal(ThuliumErrorCodes.ConversationAlreadyStopped, Assert.Single(error.Error!.Errors!).Code);
        Assert.Matches("^[0-9a-f]{13}$", error.Error.RequestId);
        Assert.Equal("Thulium StopChatConversation failed: 400 Bad Request: chat conversation is already stopped", error.Message);
    }

    [Fact]
    public async Task Stopping_an_unknown_conversation_is_404()
    {
        var error = await Assert.ThrowsAsync<ThuliumApiException>(() => fixture.Thulium().StopChatConversationAsync(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(ThuliumErrorCodes.NotFound, Assert.Single(error.Error!.Errors!).Code);
        Assert.Equal("Thulium StopChatConversation failed: 404 Not Found: chat conversation not found", error.Message);
    }

    [Fact]
    public async Task A_wrong_password_is_401_with_thuliums_message()
    {
        var before = fixture.Server.State.GetThuliumConversations().Count;

        var error = await Assert.ThrowsAsync<ThuliumApiException>(() =>
            fixture.Thulium(password: "not-the-password").StartChatConversationAsync(new StartChatConversationParameters { ChatQueueId = 3 }));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("invalid credentials", error.Detail);
        Assert.Equal(ThuliumErrorCodes.InvalidCredentials, Assert.Single(error.Error!.Errors!).Code);
        Assert.Equal("Thulium StartChatConversation failed: 401 Unauthorized: invalid credentials", error.Message);
        Assert.DoesNotContain("not-the-password", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, fixture.Server.State.GetThuliumConversations().Count);
    }

    [Fact]
    public async Task Several_errors_come_back_joined_in_the_order_thulium_lists_them()
    {
        var error = await Assert.ThrowsAsync<ThuliumApiException>(() =>
            fixture.Thulium().StartChatConversationAsync(new StartChatConversationParameters { ChatQueueId = 3, ClientEmail = "not-an-address", CustomerId = -5 }));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(2, error.Error!.Errors!.Count);
        Assert.Equal("parameter client_email must be an e-mail address; parameter customer_id must be a positive integer", error.Detail);
        Assert.Equal(new long?[] { ThuliumErrorCodes.InvalidEmail, ThuliumErrorCodes.InvalidInteger }, new[] { error.Error.Errors[0].Code, error.Error.Errors[1].Code });
    }

    [Fact]
    public async Task Accept_Language_pl_on_the_HttpClient_gives_thuliums_polish_message()
    {
        using var http = new System.Net.Http.HttpClient();
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("pl");

        var error = await Assert.ThrowsAsync<ThuliumApiException>(() =>
            fixture.Thulium(http, password: "zle-haslo").StartChatConversationAsync(new StartChatConversationParameters { ChatQueueId = 3 }));

        Assert.Equal("nieprawidłowe dane uwierzytelniające", error.Detail);
    }
}
