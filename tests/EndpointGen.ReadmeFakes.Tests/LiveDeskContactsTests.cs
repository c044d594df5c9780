using System.Net;
using System.Text;
using ContactCenter.Conversations;
using ContactCenter.LiveDesk;
using ContactCenter.LiveDesk.Testing;
using EndpointGen.Testing;
using Xunit;

namespace ContactCenter.Tests;

public sealed class LiveDeskContactsTests
{
    private readonly LiveDeskFake _fake = new();
    private readonly LiveDeskContacts _contacts;

    public LiveDeskContactsTests()
    {
        // The fake is the real client's handler: every call goes through the client's URLs, headers and JSON.
        var client = new LiveDeskClient(new HttpClient(_fake), new LiveDeskClientOptions { Username = "key", Password = "secret" });
        _contacts = new LiveDeskContacts(client, inboxId: 407);
    }

    [Fact]
    public async Task A_new_customer_is_searched_for_then_created()
    {
        _fake.SearchContacts.Returns(new ContactList { Payload = [] });
        _fake.CreateContact.Returns(new CreateContactResult { Payload = new() { Contact = new() { Id = 42 } } });

        var match = await _contacts.FindOrCreateAsync(new ConversationRequest { FirstName = "Jan", Email = "jan@example.org" });

        Assert.True(match.Created);
        Assert.Equal(42, match.Contact.Id);
        // Recorded calls are typed: the client's parameters object, the body as the generated type.
        Assert.Equal("jan@example.org", _fake.SearchContacts.SingleCall.Parameters.Q);
        Assert.Equal(407, _fake.CreateContact.SingleCall.Body.InboxId);
        Assert.Equal("Jan", _fake.CreateContact.SingleCall.Body.Name);
        // Fails if any request broke the descriptor, even one whose exception the code under test caught.
        _fake.VerifyNoViolations();
    }

    [Fact]
    public async Task A_refusal_reaches_the_caller_as_the_typed_exception()
    {
        _fake.SearchContacts.ReturnsError(HttpStatusCode.Unauthorized, new LiveDeskError { Error = "Invalid Access Token" });

        var ex = await Assert.ThrowsAsync<LiveDeskApiException>(() => _contacts.FindByEmailAsync("jan@example.org"));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal("Invalid Access Token", ex.Detail);
    }

    [Fact]
    public async Task A_request_the_descriptor_forbids_fails_with_the_endpoint_and_the_rule()
    {
        // Code that goes around the client: a conversation without its required inbox_id.
        using var http = new HttpClient(_fake);
        var body = new StringContent("""{"source_id": "crm-1234"}""", Encoding.UTF8, "application/json");

        var ex = await Assert.ThrowsAsync<FakeRequestException>(
            () => http.PostAsync("https://livedesk-api.engagelab.com/api/v2/accounts/conversations", body));

        Assert.Equal(
            "LiveDesk CreateConversation: the body is not a valid CreateConversationRequest: " +
            "The required property 'inbox_id' of CreateConversationRequest is missing. (POST /api/v2/accounts/conversations)",
            ex.Message);
        Assert.Single(_fake.Violations);
    }
}
