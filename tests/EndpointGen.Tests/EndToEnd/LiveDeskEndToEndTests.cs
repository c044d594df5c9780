using System;
using System.Net;
using System.Threading.Tasks;
using ContactCenter.LiveDesk;
using Xunit;

namespace EndpointGen.Tests.EndToEnd;

/// <summary>The generated LiveDesk client against the sandbox over loopback HTTP: its one endpoint and LiveDesk's <c>{"error"}</c> errors.</summary>
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
}
