using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EndpointGen.Runtime;
using EndpointGen.Tests.Infrastructure;
using EndpointGen.Tests.Robustness;
using Xunit;

namespace EndpointGen.Tests.Wire;

/// <summary>
/// <c>tests/EndpointGen.Tests/Features/relay.endpoints.yaml</c> against a loopback server: the <c>...WithResponseAsync</c>
/// methods send exactly what the plain ones send and give the answer's status and headers; a 200 whose body is
/// <c>{"ok": false, ...}</c> throws the typed exception (<c>error.inSuccess</c>), a 200 with <c>{"ok": true, ...}</c>
/// is the answer.
/// </summary>
public sealed class RelayWireTests : IClassFixture<RelayWireTests.RelayClient>
{
    private const string Service = "Features.Relay.Relay";
    private const string Token = "t0ken-for-relay";
    private const string Posted = """{"ok": true, "ts": "1503435956.000247", "channel": "C024BE91L"}""";

    private readonly DynamicClient _dynamic;

    public RelayWireTests(RelayClient relay) => _dynamic = relay.Client;

    /// <summary>The feature descriptor, compiled once for the class.</summary>
    public sealed class RelayClient : IDisposable
    {
        public DynamicClient Client { get; } = DynamicClient.Compile(
            File.ReadAllText(Path.Combine(Repository.Root, "tests", "EndpointGen.Tests", "Features", "relay.endpoints.yaml")));

        public void Dispose() => Client.Dispose();
    }

    [Fact]
    public async Task A_201_shows_its_status_Location_and_rate_limit_headers_and_the_request_is_the_plain_calls_byte_for_byte()
    {
        await using var server = new ScriptedServer((_, stream, token) => RespondAsync(
            stream,
            "201 Created",
            new[] { ("Location", "/api/channels/C024BE91L/messages/1503435956.000247"), ("X-RateLimit-Remaining", "42"), ("X-RateLimit-Reset", "1503436000"), ("X-Request-Id", "a"), ("x-request-id", "b") },
            Posted,
            token));
        var client = Client(server);
        var message = _dynamic.New("Features.Relay.NewMessage", ("Text", "Hello"));

        var plain = await DynamicClient.CallAsync(client, "PostMessageAsync", "C024BE91L", message);
        var answer = (ApiResponse)(await DynamicClient.CallAsync(client, "PostMessageWithResponseAsync", "C024BE91L", message))!;

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        Assert.Equal("/api/channels/C024BE91L/messages/1503435956.000247", answer.GetHeader("location"));
        Assert.Equal("42", answer.GetHeader("X-RATELIMIT-REMAINING"));
        Assert.True(answer.TryGetHeader("x-ratelimit-reset", out var reset));
        Assert.Equal("1503436000", reset);
        Assert.Equal("a, b", answer.GetHeader("X-Request-Id"));
        Assert.Equal(new[] { "a", "b" }, answer.Headers["x-request-id"]);
        Assert.Equal("application/json", answer.GetHeader("content-type"));
        Assert.Equal(Encoding.UTF8.GetByteCount(Posted).ToString(System.Globalization.CultureInfo.InvariantCulture), answer.GetHeader("Content-Length"));
        Assert.Null(answer.GetHeader("X-Not-Sent"));
        Assert.False(answer.TryGetHeader("X-Not-Sent", out _));

        // The body is what the plain call returns.
        var body = answer.GetType().GetProperty("Body")!.GetValue(answer)!;
        Assert.Equal("Features.Relay.PostedMessage", body.GetType().FullName);
        foreach (var value in new[] { plain!, body })
        {
            Assert.Equal(true, Property(value, "Ok"));
            Assert.Equal("1503435956.000247", Property(value, "Ts"));
            Assert.Equal("C024BE91L", Property(value, "Channel"));
        }

        // Both calls sent the same request, and it is the one the descriptor describes.
        Assert.Equal(2, server.Received.Count);
        var (first, second) = (server.Received[0], server.Received[1]);
        Assert.Equal(Describe(first), Describe(second));
        Assert.Equal("POST /api/channels/C024BE91L/messages", first.Method + " " + first.Target);
        Assert.Equal(
            new[] { "Host: " + server.Origin.Substring("http://".Length), "Authorization: Bearer " + Token, "Content-Type: application/json", "Content-Length: 16" },
            first.Headers.Select(h => h.Key + ": " + h.Value));
        Assert.Equal("""{"text":"Hello"}""", first.Body);
    }

    [Fact]
    public async Task A_200_with_ok_false_throws_the_typed_exception_with_the_vendors_message_and_parsed_body()
    {
        const string Failure = """{"ok": false, "error": "invalid_auth", "warning": "superfluous_charset"}""";
        await using var server = new ScriptedServer((_, stream, token) => RespondAsync(stream, "200 OK", new[] { ("X-Request-Id", "r-1") }, Failure, token));
        var client = Client(server);
        var message = _dynamic.New("Features.Relay.NewMessage", ("Text", "Hello"));

        foreach (var method in new[] { "PostMessageAsync", "PostMessageWithResponseAsync" })
        {
            var exception = await Assert.ThrowsAnyAsync<ApiException>(() => DynamicClient.CallAsync(client, method, "C024BE91L", message));

            Assert.Equal("Features.Relay.RelayApiException", exception.GetType().FullName);
            Assert.Equal("Relay PostMessage failed: 200 OK: invalid_auth", exception.Message);
            Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
            Assert.Equal("invalid_auth", exception.Detail);
            Assert.Equal(Failure, exception.ResponseBody);
            Assert.Equal(new[] { "r-1" }, exception.Headers["X-Request-Id"]);
            var error = exception.ErrorBody!;
            Assert.Equal("Features.Relay.RelayError", error.GetType().FullName);
            Assert.Equal(false, Property(error, "Ok"));
            Assert.Equal("invalid_auth", Property(error, "Error"));
            Assert.Equal("superfluous_charset", Property(error, "Warning"));
            Assert.Null(exception.InnerException);
        }
    }

    [Fact]
    public async Task A_200_with_ok_true_is_the_answer()
    {
        await using var server = new ScriptedServer((_, stream, token) => RespondAsync(stream, "200 OK", Array.Empty<(string, string)>(), Posted, token));
        var client = Client(server);

        var posted = await DynamicClient.CallAsync(client, "PostMessageAsync", "C024BE91L", _dynamic.New("Features.Relay.NewMessage", ("Text", "Hello")));

        Assert.Equal("1503435956.000247", Property(posted!, "Ts"));
    }

    [Theory]
    [InlineData("""{"ok": true}""")]
    [InlineData("")]
    [InlineData("OK")]
    [InlineData("""[{"ok": false}]""")]
    [InlineData("""{"ok": "no", "error": "not a boolean, so not the error type"}""")]
    [InlineData("""{"error": "without ok, so not the error type"}""")]
    public async Task An_endpoint_without_a_response_type_succeeds_on_a_2xx_body_that_is_not_the_error(string body)
    {
        await using var server = new ScriptedServer((_, stream, token) => RespondAsync(stream, "200 OK", Array.Empty<(string, string)>(), body, token));
        var client = Client(server);

        await DynamicClient.CallAsync(client, "DeleteMessageAsync", "C024BE91L", "1503435956.000247");
        var answer = (ApiResponse)(await DynamicClient.CallAsync(client, "DeleteMessageWithResponseAsync", "C024BE91L", "1503435956.000247"))!;

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("DELETE /api/channels/C024BE91L/messages/1503435956.000247", server.Received[0].Method + " " + server.Received[0].Target);
        Assert.Equal(Describe(server.Received[0]), Describe(server.Received[1]));
    }

    [Fact]
    public async Task An_endpoint_without_a_response_type_reads_the_body_to_find_an_error()
    {
        const string Failure = """{"ok": false, "error": "message_not_found"}""";
        await using var server = new ScriptedServer((_, stream, token) => RespondAsync(stream, "200 OK", Array.Empty<(string, string)>(), Failure, token));
        var client = Client(server);

        foreach (var method in new[] { "DeleteMessageAsync", "DeleteMessageWithResponseAsync" })
        {
            var exception = await Assert.ThrowsAnyAsync<ApiException>(() => DynamicClient.CallAsync(client, method, "C024BE91L", "1"));

            Assert.Equal("Relay DeleteMessage failed: 200 OK: message_not_found", exception.Message);
            Assert.Equal(Failure, exception.ResponseBody);
            Assert.Equal("message_not_found", Property(exception.ErrorBody!, "Error"));
        }
    }

    [Fact]
    public async Task A_2xx_body_that_is_not_the_error_type_is_judged_as_the_answer()
    {
        // Not an error body (ok is a string), so the answer's reader judges it: a ChannelList's ok must be a boolean too.
        await using var server = new ScriptedServer((_, stream, token) => RespondAsync(stream, "200 OK", Array.Empty<(string, string)>(), """{"ok": "yes"}""", token));
        var client = Client(server);

        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => DynamicClient.CallAsync(client, "ListChannelsAsync", new object?[] { null }));

        Assert.StartsWith("Relay ListChannels failed: 200 OK: the response body is not a valid ChannelList: ", exception.Message, StringComparison.Ordinal);
        Assert.Null(exception.ErrorBody);
    }

    [Fact]
    public async Task A_non_2xx_answer_is_the_typed_exception_as_before()
    {
        await using var server = new ScriptedServer((_, stream, token) => RespondAsync(stream, "429 Too Many Requests", new[] { ("Retry-After", "30") }, """{"ok": false, "error": "ratelimited"}""", token));
        var client = Client(server);

        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => DynamicClient.CallAsync(client, "ListChannelsWithResponseAsync", new object?[] { null }));

        Assert.Equal("Relay ListChannels failed: 429 Too Many Requests: ratelimited", exception.Message);
        Assert.Equal(new[] { "30" }, exception.Headers["Retry-After"]);
    }

    private object Client(ScriptedServer server) =>
        _dynamic.Client(Service, new System.Net.Http.HttpClient(EndpointGenHttpClient.CreateHandler()), _dynamic.Options(Service, o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.Token = Token;
        }));

    private static object? Property(object value, string name) => value.GetType().GetProperty(name)!.GetValue(value);

    private static string Describe(ReceivedRequest request) =>
        request.Method + " " + request.Target + "\n" + string.Join("\n", request.Headers.Select(h => h.Key + ": " + h.Value)) + "\n\n" + request.Body;

    /// <summary>Writes a whole response with the given extra headers, closing the connection.</summary>
    private static async Task RespondAsync(NetworkStream stream, string status, IEnumerable<(string Name, string Value)> headers, string body, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder("HTTP/1.1 ").Append(status).Append("\r\nConnection: close\r\nContent-Type: application/json\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("Content-Length: ").Append(bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("\r\n\r\n");
        await ScriptedServer.WriteAsync(stream, head.ToString(), cancellationToken);
        await stream.WriteAsync(bytes, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }
}
