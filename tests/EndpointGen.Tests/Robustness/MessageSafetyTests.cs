using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using ContactCenter.Ccai;
using EndpointGen.Runtime;
using EndpointGen.Tests.Client;
using Xunit;

namespace EndpointGen.Tests.Robustness;

/// <summary>
/// Exception messages are safe to log: the server's text in them is short and on one line, and what a server echoes
/// of the client's own credential is masked in everything the exception keeps.
/// </summary>
public sealed class MessageSafetyTests : IClassFixture<MessageSafetyTests.EchoClients>
{
    private readonly EchoClients _clients;

    public MessageSafetyTests(EchoClients clients) => _clients = clients;

    /// <summary>The Echo client for each auth scheme, with an error body whose <c>message</c> is the vendor's message.</summary>
    public sealed class EchoClients : SchemeClients
    {
        public EchoClients()
            : base("Echoed", "Echo", Descriptor)
        {
        }
    }

    private static string Descriptor(string ns, string auth) => $$"""
        service:
          name: Echo
          namespace: {{ns}}
          baseUrl: https://echo.example.com/v1
          {{auth}}
          error:
            type: Problem
            message: message
        endpoints:
          GetItem:
            method: GET
            path: items/1
            response: Item
        types:
          Problem:
            fields:
              message: string
          Item:
            fields:
              name: { type: string, required: true }
              count: int32
        """;

    [Fact]
    public async Task A_long_vendor_message_is_cut_in_the_message_and_whole_in_Detail()
    {
        var vendorMessage = new string('x', 10_000);
        var exception = await CcaiErrorAsync(HttpStatusCode.BadRequest, JsonSerializer.Serialize(new { message = vendorMessage }));

        Assert.Equal("Ccai GetChat failed: 400 Bad Request: " + new string('x', 500) + "…[truncated]", exception.Message);
        Assert.Equal(vendorMessage, exception.Detail);
    }

    [Fact]
    public async Task A_long_body_without_a_vendor_message_shows_its_first_200_characters()
    {
        var body = "<html>" + new string('y', 5_000) + "</html>";
        var exception = await CcaiErrorAsync(HttpStatusCode.BadGateway, body, "text/html");

        Assert.Equal("Ccai GetChat failed: 502 Bad Gateway: <html>" + new string('y', 194) + "…[truncated]", exception.Message);
        Assert.Equal(body, exception.ResponseBody);
    }

    [Theory]
    [InlineData("denied\r\n2025-01-01 12:00:00 INFO admin logged in", "denied\\r\\n2025-01-01 12:00:00 INFO admin logged in")]
    [InlineData("denied\n\tat Fake.Frame()", "denied\\n\\tat Fake.Frame()")]
    [InlineData("line\u2028separator\u2029paragraph\u0085next", "line\\u2028separator\\u2029paragraph\\u0085next")]
    [InlineData("bell\u0007escape\u001b[31mred", "bell\\u0007escape\\u001B[31mred")]
    [InlineData("user \u202Egnp.exe\u202C and \u2066isolate\u2069", "user \\u202Egnp.exe\\u202C and \\u2066isolate\\u2069")]
    public async Task Line_breaks_control_and_bidirectional_characters_in_the_vendor_message_are_escaped(string vendorMessage, string shown)
    {
        var exception = await CcaiErrorAsync(HttpStatusCode.Forbidden, JsonSerializer.Serialize(new { message = vendorMessage }));

        Assert.Equal("Ccai GetChat failed: 403 Forbidden: " + shown, exception.Message);
        Assert.Equal(vendorMessage, exception.Detail);
        Assert.DoesNotContain(exception.Message, c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u202E' or '\u2066');
    }

    [Fact]
    public async Task A_body_shown_without_a_vendor_message_is_one_line()
    {
        var exception = await CcaiErrorAsync(HttpStatusCode.InternalServerError, "oops\r\n\r\nFAKE LOG LINE\u2028\u202Eevil", "text/plain");

        Assert.Equal("Ccai GetChat failed: 500 Internal Server Error: oops FAKE LOG LINE \\u202Eevil", exception.Message);
    }

    public static IEnumerable<object[]> Echoes()
    {
        foreach (var scheme in SchemeClients.Schemes)
        {
            foreach (var echo in Enum.GetValues<Echo>())
            {
                yield return new object[] { scheme, echo };
            }
        }
    }

    public enum Echo
    {
        /// <summary>The vendor's message quotes the request's credential header.</summary>
        VendorMessage,

        /// <summary>An HTML page prints the request headers.</summary>
        HtmlPage,

        /// <summary>The request headers come back as JSON, escaped the way PHP escapes (<c>\/</c>).</summary>
        JsonWithEscapedSlashes,

        /// <summary>The request headers come back as JSON, escaped the way System.Text.Json escapes by default (<c>\u002B</c>).</summary>
        JsonAsSystemTextJsonWrites,

        /// <summary>The credential comes back URL-encoded, as in a query string.</summary>
        UrlEncoded,

        /// <summary>The reason phrase and a response header repeat it.</summary>
        ReasonAndHeader,

        /// <summary>A success body carries it where a number belongs, so the reader's error quotes it.</summary>
        UnreadableSuccessBody,
    }

    [Theory]
    [MemberData(nameof(Echoes))]
    public async Task A_server_echoing_the_credential_does_not_put_it_into_the_exception(string scheme, Echo echo)
    {
        var handler = new StubHandler(request => Respond(request, echo));
        var client = _clients.Client(scheme, new HttpClient(handler), _ => { });
        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => DynamicClient.CallAsync(client, "GetItemAsync"));

        Assert.Contains(SchemeClients.CredentialHeaderValue(scheme), handler.Last.Headers, StringComparison.Ordinal);
        var everything = string.Join("\n", new[] { exception.ToString(), exception.ResponseBody, exception.Detail ?? string.Empty, exception.ReasonPhrase }
            .Concat(exception.Headers.SelectMany(h => h.Value.Select(v => h.Key + ": " + v))));
        foreach (var secret in Secrets(scheme))
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }

        Assert.Contains(CredentialRedactor.Mask, everything, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://user:pa55w0rd@files.example.com/v2", "EchoClientOptions { BaseAddress = https://***@files.example.com/v2")]
    [InlineData("https://files.example.com/v2", "EchoClientOptions { BaseAddress = https://files.example.com/v2")]
    public void The_options_show_no_user_info_of_the_base_address(string baseAddress, string shown)
    {
        var options = _clients.Options("apiKey", o => { o.BaseAddress = new Uri(baseAddress); });

        Assert.StartsWith(shown, options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("pa55w0rd", options.ToString()!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://user:pa55w0rd@files.example.com/v2")]
    [InlineData("http://user:pa55w0rd@10.0.0.8/v2")]
    [InlineData("https://user:pa55w0rd@files.example.com/v2?tenant=1")]
    [InlineData("ftp://user:pa55w0rd@files.example.com/v2")]
    [InlineData("//user:pa55w0rd@files.example.com/v2")]
    public void A_base_address_with_user_info_is_refused_without_showing_it(string baseAddress)
    {
        var exception = Assert.Throws<ArgumentException>(() => _clients.Client("apiKey", new HttpClient(new StubHandler(HttpStatusCode.OK)), o => { o.BaseAddress = new Uri(baseAddress, UriKind.RelativeOrAbsolute); }));

        Assert.DoesNotContain("pa55w0rd", exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("user:", exception.ToString(), StringComparison.Ordinal);
    }

    private static HttpResponseMessage Respond(HttpRequestMessage request, Echo echo)
    {
        var headers = request.Headers.ToString();
        var credential = request.Headers.TryGetValues("X-Api-Key", out var keys) ? keys.Single() : request.Headers.Authorization!.ToString();
        var phpJson = JsonSerializer.Serialize(new { headers }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).Replace("/", "\\/", StringComparison.Ordinal);
        return echo switch
        {
            Echo.VendorMessage => StubHandler.Respond(HttpStatusCode.Unauthorized, JsonSerializer.Serialize(new { message = "invalid credential: " + credential })),
            Echo.HtmlPage => StubHandler.Respond(HttpStatusCode.BadRequest, "<html><pre>" + headers + "</pre></html>", "text/html"),
            Echo.JsonWithEscapedSlashes => StubHandler.Respond(HttpStatusCode.BadRequest, phpJson),
            Echo.JsonAsSystemTextJsonWrites => StubHandler.Respond(HttpStatusCode.BadRequest, JsonSerializer.Serialize(new { headers })),
            Echo.UrlEncoded => StubHandler.Respond(HttpStatusCode.BadRequest, "denied: ?auth=" + Uri.EscapeDataString(credential.Split(' ').Last()), "text/plain"),
            Echo.ReasonAndHeader => EchoInReasonAndHeader(credential),
            _ => StubHandler.Respond(HttpStatusCode.OK, JsonSerializer.Serialize(new { name = "x", count = credential.Split(' ').Last() })),
        };
    }

    private static HttpResponseMessage EchoInReasonAndHeader(string credential)
    {
        var response = StubHandler.Respond(HttpStatusCode.Forbidden, null, reason: "Forbidden for " + credential);
        response.Headers.TryAddWithoutValidation("X-Echo", credential);
        return response;
    }

    /// <summary>Every form of the scheme's secret that must not show: raw, and as JSON and URLs encode it.</summary>
    private static IEnumerable<string> Secrets(string scheme)
    {
        return SchemeClients.Secrets(scheme).SelectMany(secret => new[]
        {
            secret,
            secret.Replace("/", "\\/", StringComparison.Ordinal),
            JsonEncodedText.Encode(secret).ToString(),
            Uri.EscapeDataString(secret),
        });
    }

    private static async Task<CcaiApiException> CcaiErrorAsync(HttpStatusCode status, string body, string contentType = "application/json")
    {
        var client = new CcaiClient(new HttpClient(new StubHandler(status, body, contentType)), new CcaiClientOptions { BaseAddress = new Uri("https://acme.example.com/apps/api/v1"), Username = "u", Password = "p" });
        return await Assert.ThrowsAsync<CcaiApiException>(() => client.GetChatAsync(1));
    }
}
