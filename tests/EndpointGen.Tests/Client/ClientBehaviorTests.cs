using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using ContactCenter.Ccai;
using ContactCenter.LiveDesk;
using ContactCenter.Thulium;
using Xunit;

namespace EndpointGen.Tests.Client;

/// <summary>What the generated clients put on the wire and how they treat answers, over an in-memory handler.</summary>
public sealed class ClientBehaviorTests
{
    private static readonly Guid ConversationId = Guid.Parse("6ed7c941-2c8a-411e-95d2-338a9f64800a");

    private static ThuliumClient Thulium(StubHandler handler, string baseUrl = "https://acme.thulium.com/api") =>
        new(new HttpClient(handler), new ThuliumClientOptions { BaseAddress = new Uri(baseUrl), Username = "api_user", Password = "api_pass" });

    private static CcaiClient Ccai(StubHandler handler) =>
        new(new HttpClient(handler), new CcaiClientOptions { BaseAddress = CcaiClientOptions.CreateBaseAddress("acme", "example.com"), Username = "u", Password = "p" });

    [Theory]
    [InlineData("https://acme.thulium.com/api")]
    [InlineData("https://acme.thulium.com/api/")]
    public async Task A_base_url_with_a_path_keeps_it_and_query_parameters_are_sent_as_documented(string baseUrl)
    {
        var handler = new StubHandler(HttpStatusCode.OK, $$"""{"conversation_id": "{{ConversationId}}"}""");

        var result = await Thulium(handler, baseUrl).StartChatConversationAsync(new StartChatConversationParameters { ChatQueueId = 3, ClientId = "1234" });

        Assert.Equal(ConversationId, result.ConversationId);
        Assert.Equal("POST", handler.Last.Method);
        Assert.Equal("https://acme.thulium.com/api/chat_conversations/start?chat_queue_id=3&client_id=1234", handler.Last.Uri.AbsoluteUri);

        // Parameters in the query, an empty body typed application/json, as the vendor documents.
        Assert.Equal(string.Empty, handler.Last.Body);
        Assert.Equal("application/json", handler.Last.ContentType);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("api_user:api_pass")), handler.Last.Authorization);
        Assert.Contains("Accept: application/json", handler.Last.Headers, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_arguments_throw_when_the_method_is_called_before_a_task_or_a_request_exists()
    {
        var handler = new StubHandler(HttpStatusCode.OK, "{}");

        // Thrown by the call itself, not stored in a returned task (the .NET guideline for argument errors).
        Assert.Throws<ArgumentNullException>("body", () => { _ = Ccai(handler).CreateChatAsync(null!); });
        Assert.Throws<ArgumentNullException>("parameters", () => { _ = Thulium(handler).StartChatConversationAsync(null!); });
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Unset_and_empty_optional_query_parameters_are_omitted()
    {
        var handler = new StubHandler(HttpStatusCode.OK, $$"""{"conversation_id": "{{ConversationId}}"}""");

        await Thulium(handler).StartChatConversationAsync(new StartChatConversationParameters { ChatQueueId = 3, ClientName = string.Empty, ClientEmail = "jan kowalski+x@example.org" });

        Assert.Equal("?chat_queue_id=3&client_email=jan%20kowalski%2Bx%40example.org", handler.Last.Uri.Query);
    }

    [Fact]
    public async Task A_200_with_an_empty_body_is_success_for_an_endpoint_without_a_response_type()
    {
        var handler = new StubHandler(HttpStatusCode.OK, body: null);
        await Thulium(handler).StopChatConversationAsync(ConversationId);
        Assert.Equal("https://acme.thulium.com/api/chat_conversations/6ed7c941-2c8a-411e-95d2-338a9f64800a/stop", handler.Last.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task A_202_is_success_and_its_body_is_read()
    {
        var handler = new StubHandler(HttpStatusCode.Accepted, """{"message": "accepted"}""");
        var result = await Ccai(handler).UpdateEndUserAsync(42, new UpdateEndUserRequest { Identifier = "user-1", Email = "a@example.org" });
        Assert.Equal("accepted", result.Message);
        Assert.Equal("https://acme.example.com/apps/api/v1/chats/42/end_user", handler.Last.Uri.AbsoluteUri);
        Assert.Equal("""{"identifier":"user-1","email":"a@example.org"}""", handler.Last.Body);
    }

    [Fact]
    public async Task A_patch_sends_only_what_was_set()
    {
        var handler = new StubHandler(HttpStatusCode.OK, """{"id": 42, "status": "finished"}""");
        var chat = await Ccai(handler).UpdateChatAsync(42, new UpdateChatRequest { Chat = new ChatUpdate { Status = "finished" } });
        Assert.Equal("PATCH", handler.Last.Method);
        Assert.Equal("""{"chat":{"status":"finished"}}""", handler.Last.Body);
        Assert.Equal("finished", chat.Status);
    }

    [Fact]
    public async Task A_leading_slash_in_the_path_does_not_reset_the_base_path()
    {
        var handler = new StubHandler(HttpStatusCode.OK, """{"id": 40}""");
        var client = new LiveDeskClient(new HttpClient(handler), new LiveDeskClientOptions { BaseAddress = new Uri("https://proxy.example.com/livedesk"), Username = "k", Password = "s" });

        await client.CreateConversationAsync(new CreateConversationRequest { InboxId = 407 });

        Assert.Equal("https://proxy.example.com/livedesk/api/v2/accounts/conversations", handler.Last.Uri.AbsoluteUri);
        Assert.Equal("""{"inbox_id":407}""", handler.Last.Body);
    }

    [Fact]
    public async Task The_documented_base_url_is_the_default_when_it_has_no_placeholders()
    {
        var handler = new StubHandler(HttpStatusCode.OK, """{"id": 40}""");
        var client = new LiveDeskClient(new HttpClient(handler), new LiveDeskClientOptions());
        await client.CreateConversationAsync(new CreateConversationRequest { InboxId = 407 });
        Assert.Equal("https://livedesk-api.engagelab.com/api/v2/accounts/conversations", handler.Last.Uri.AbsoluteUri);
        Assert.Null(handler.Last.Authorization);
    }

    [Fact]
    public void A_base_url_with_placeholders_must_be_given()
    {
        var exception = Assert.Throws<ArgumentException>(() => new ThuliumClient(new HttpClient(), new ThuliumClientOptions()));
        Assert.Contains("CreateBaseAddress", exception.Message, StringComparison.Ordinal);
        Assert.Equal(new Uri("https://my-system.thulium.com/api/"), ThuliumClientOptions.CreateBaseAddress("my-system"));
    }

    [Fact]
    public async Task A_non_2xx_throws_the_typed_exception_with_the_vendors_messages()
    {
        var handler = new StubHandler(HttpStatusCode.Unauthorized, """{"request_id": "53678450401cf", "errors": [{"message": "invalid credentials", "code": 111111}, {"message": "second", "code": 2}]}""");

        var exception = await Assert.ThrowsAsync<ThuliumApiException>(() => Thulium(handler).StartChatConversationAsync(new StartChatConversationParameters { ChatQueueId = 3 }));

        Assert.Equal("Thulium StartChatConversation failed: 401 Unauthorized: invalid credentials; second", exception.Message);
        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.Equal("53678450401cf", exception.Error!.RequestId);
        Assert.Equal(111111, exception.Error.Errors![0].Code);
        Assert.Same(exception.Error, exception.ErrorBody);
        Assert.Contains("53678450401cf", exception.ResponseBody, StringComparison.Ordinal);
        Assert.Equal("application/json; charset=utf-8", string.Join(",", exception.Headers["content-type"]));
        Assert.DoesNotContain("api_pass", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_body_that_is_not_the_documented_shape_keeps_the_raw_body_in_the_message()
    {
        var handler = new StubHandler(HttpStatusCode.BadGateway, "<html><body>\n  <h1>502 Bad Gateway</h1>\n</body></html>", "text/html");
        var exception = await Assert.ThrowsAsync<CcaiApiException>(() => Ccai(handler).GetChatAsync(1));
        Assert.Null(exception.Error);
        Assert.Equal("Ccai GetChat failed: 502 Bad Gateway: <html><body> <h1>502 Bad Gateway</h1> </body></html>", exception.Message);
    }

    [Theory]
    [InlineData("""{"id": "not a number"}""", "Chat")]
    [InlineData("""{"id": 1""", "Chat")]
    [InlineData("<html>ok</html>", "Chat")]
    [InlineData("", "Chat")]
    public async Task A_success_body_that_does_not_match_throws_the_typed_exception(string body, string typeName)
    {
        var handler = new StubHandler(HttpStatusCode.OK, body);
        var exception = await Assert.ThrowsAsync<CcaiApiException>(() => Ccai(handler).GetChatAsync(1));
        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.StartsWith("Ccai GetChat failed: 200 OK: the response body is not a valid " + typeName + ": ", exception.Message, StringComparison.Ordinal);
        Assert.NotNull(exception.InnerException);
    }

    [Theory]
    [InlineData("../admin", "..%2Fadmin")]
    [InlineData("a/b?c#d", "a%2Fb%3Fc%23d")]
    [InlineData("%2e%2e", "%252e%252e")]
    [InlineData("...", "...")]
    [InlineData("żółw 1", "%C5%BC%C3%B3%C5%82w%201")]
    public void A_path_parameter_stays_in_its_own_segment(string value, string escaped)
    {
        var segment = EndpointGen.Runtime.ApiUrl.EscapePathSegment(value);
        var url = new EndpointGen.Runtime.ApiUrlBuilder(new Uri("https://h.example/api/"));
        url.AppendPath("chats/");
        url.AppendSegment(value);
        url.AppendPath("/stop");
        var uri = url.ToUri();

        Assert.Equal(escaped, segment);
        Assert.Equal("/api/chats/" + escaped + "/stop", uri.AbsolutePath);
        Assert.Empty(uri.Query);
        Assert.Empty(uri.Fragment);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    public void A_path_parameter_that_cannot_be_a_literal_segment_is_refused(string value) =>
        Assert.Throws<ArgumentException>(() => EndpointGen.Runtime.ApiUrl.EscapePathSegment(value));

    [Fact]
    public void Options_never_print_secrets()
    {
        var options = new ThuliumClientOptions { BaseAddress = new Uri("https://a.thulium.com/api"), Username = "api_user", Password = "s3cret" };
        Assert.Equal("ThuliumClientOptions { BaseAddress = https://a.thulium.com/api, Username = api_user, Password = *** }", options.ToString());
    }
}
