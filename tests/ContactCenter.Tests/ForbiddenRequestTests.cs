using System;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using ContactCenter.LiveDesk.Testing;
using EndpointGen.Testing;
using Xunit;

namespace ContactCenter.Tests;

/// <summary>Code that goes around the generated client and sends what the descriptor forbids fails with the fake's message.</summary>
public sealed class ForbiddenRequestTests
{
    /// <summary>Hand-written calls beside the client, as code under test sometimes has.</summary>
    private sealed class LegacyContactsApi(HttpClient http)
    {
        public Task<HttpResponseMessage> DeleteContactsAsync() =>
            http.DeleteAsync("https://livedesk-api.engagelab.com/api/v2/accounts/contacts");

        public Task<HttpResponseMessage> StartConversationAsync(string json) =>
            http.PostAsync("https://livedesk-api.engagelab.com/api/v2/accounts/conversations", new StringContent(json, Encoding.UTF8, "application/json"));

        public Task<HttpResponseMessage> StartConversationAsTextAsync(string json) =>
            http.PostAsync("https://livedesk-api.engagelab.com/api/v2/accounts/conversations", new StringContent(json, Encoding.UTF8, "text/plain"));
    }

    [Fact]
    public async Task A_method_the_descriptor_does_not_have_for_the_path_fails_naming_the_endpoint_and_the_rule()
    {
        using var fake = new LiveDeskFake();
        var api = new LegacyContactsApi(new HttpClient(fake));

        var ex = await Assert.ThrowsAsync<FakeRequestException>(api.DeleteContactsAsync);

        Assert.Equal("CreateContact", ex.Endpoint);
        Assert.Equal("LiveDesk CreateContact: the method DELETE is not allowed: the path is CreateContact's, whose method is POST (DELETE /api/v2/accounts/contacts)", ex.Message);
        Assert.Same(ex, Assert.Single(fake.Violations));
    }

    [Fact]
    public async Task A_body_without_a_required_field_fails_naming_the_field()
    {
        using var fake = new LiveDeskFake();
        var api = new LegacyContactsApi(new HttpClient(fake));

        var ex = await Assert.ThrowsAsync<FakeRequestException>(() => api.StartConversationAsync("""{"source_id": "crm-1234"}"""));

        Assert.Equal("CreateConversation", ex.Endpoint);
        Assert.StartsWith("the body is not a valid CreateConversationRequest: ", ex.Rule, StringComparison.Ordinal);
        Assert.Contains("inbox_id", ex.Rule, StringComparison.Ordinal);
        Assert.Empty(fake.CreateConversation.Calls);
    }

    [Fact]
    public async Task A_body_of_another_content_type_fails_naming_the_declared_one()
    {
        using var fake = new LiveDeskFake();
        var api = new LegacyContactsApi(new HttpClient(fake));

        var ex = await Assert.ThrowsAsync<FakeRequestException>(() => api.StartConversationAsTextAsync("""{"inbox_id": 407}"""));

        Assert.Equal("the content type is text/plain, but the descriptor's is application/json", ex.Rule);
    }

    [Fact]
    public async Task A_swallowed_violation_still_fails_the_test_through_VerifyNoViolations()
    {
        using var fake = new LiveDeskFake();
        var api = new LegacyContactsApi(new HttpClient(fake));
        try
        {
            await api.DeleteContactsAsync();
        }
        catch (FakeRequestException)
        {
            // The code under test hides the failure.
        }

        var ex = Assert.Throws<FakeRequestException>(fake.VerifyNoViolations);
        Assert.Equal("CreateContact", ex.Endpoint);
    }
}
