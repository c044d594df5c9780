using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EndpointGen.Runtime;
using EndpointGen.Tests.Infrastructure;
using EndpointGen.Tests.Robustness;
using Xunit;

namespace EndpointGen.Tests.Wire;

/// <summary>
/// Where the merged issue-13 features meet, on the wire (<c>Wire/Courier/seams.endpoints.yaml</c>): the
/// <c>...WithResponseAsync</c> sibling of a <c>bytes</c>, a <c>text</c> and a <c>stream</c> answer, of a <c>url: given</c>
/// endpoint and of a form body sends exactly the plain call's request and gives the status, the headers and the body;
/// <c>error.inSuccess</c> (its path through a three-state field) judges a bytes or text answer only when the server says
/// it is JSON, and never a stream; a
/// date, an enum array and a date array in a form body are written in their one wire format.
/// </summary>
public sealed class SeamTests : IClassFixture<SeamTests.SeamsClient>
{
    private const string Service = "Wire.Seams.Seams";
    private const string Ns = "Wire.Seams.";
    private const string Failure = """{"ok":false,"error":"blob_gone"}""";

    private readonly DynamicClient _dynamic;

    public SeamTests(SeamsClient seams) => _dynamic = seams.Client;

    /// <summary>The descriptor, compiled once for the class.</summary>
    public sealed class SeamsClient : IDisposable
    {
        public DynamicClient Client { get; } = DynamicClient.Compile(
            File.ReadAllText(Path.Combine(Repository.Root, "tests", "EndpointGen.Tests", "Wire", "Courier", "seams.endpoints.yaml")));

        public void Dispose() => Client.Dispose();
    }

    [Fact]
    public async Task Bytes_with_response_gives_status_headers_and_the_bytes_of_the_plain_calls_request()
    {
        var blob = new byte[] { 0x00, 0xFF, 0x7B, 0x22, 0x0D, 0x0A };
        await using var server = new RecordingServer(_ => Response("206 Partial Content", "application/octet-stream", blob, ("Content-Range", "bytes 0-5/12"), ("X-Request-Id", "r-1")));
        var client = Client(server);

        var plain = (byte[])(await DynamicClient.CallAsync(client, "GetBytesAsync", "b 1/2"))!;
        var answer = (ApiResponse<byte[]>)(await DynamicClient.CallAsync(client, "GetBytesWithResponseAsync", "b 1/2"))!;

        Assert.Equal(blob, plain);
        Assert.Equal(blob, answer.Body);
        Assert.Equal(HttpStatusCode.PartialContent, answer.StatusCode);
        Assert.Equal("bytes 0-5/12", answer.GetHeader("content-range"));
        Assert.Equal("r-1", answer.GetHeader("X-Request-Id"));
        Assert.Equal("application/octet-stream", answer.GetHeader("Content-Type"));
        Assert.Equal("6", answer.GetHeader("Content-Length"));
        AssertSameRequests(server, $"GET /v1/blobs/b%201%2F2 HTTP/1.1\r\nHost: {server.Host}\r\nAuthorization: Bearer t-1\r\n");
    }

    [Fact]
    public async Task Text_with_response_decodes_by_the_charset_and_gives_status_and_headers()
    {
        await using var server = new RecordingServer(_ => Response("200 OK", "text/plain; charset=iso-8859-1", new byte[] { 0x63, 0x61, 0x66, 0xE9 }, ("ETag", "\"v7\"")));
        var client = Client(server);

        var plain = (string)(await DynamicClient.CallAsync(client, "GetTextAsync", "n1"))!;
        var answer = (ApiResponse<string>)(await DynamicClient.CallAsync(client, "GetTextWithResponseAsync", "n1"))!;

        Assert.Equal("café", plain);
        Assert.Equal("café", answer.Body);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("\"v7\"", answer.GetHeader("etag"));
        Assert.Equal("text/plain; charset=iso-8859-1", answer.GetHeader("Content-Type"));
        AssertSameRequests(server, $"GET /v1/notes/n1 HTTP/1.1\r\nHost: {server.Host}\r\nAuthorization: Bearer t-1\r\n");
    }

    [Fact]
    public async Task Stream_with_response_gives_status_and_headers_and_disposing_the_body_releases_the_response()
    {
        var export = Encoding.UTF8.GetBytes("id,name\n1,Ada\n");
        await using var server = new RecordingServer(_ => Response("200 OK", "text/csv", export, ("X-Export-Rows", "1")));
        var capture = new CapturingHandler(EndpointGenHttpClient.CreateHandler());
        var client = Client(server, capture);

        var answer = (ApiResponse<Stream>)(await DynamicClient.CallAsync(client, "GetStreamWithResponseAsync", "e1"))!;
        var response = Assert.Single(capture.Responses);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("1", answer.GetHeader("X-Export-Rows"));
        Assert.Equal("text/csv", answer.GetHeader("Content-Type"));
        using (var copy = new MemoryStream())
        {
            await answer.Body.CopyToAsync(copy);
            Assert.Equal(export, copy.ToArray());
        }

        // Released when the caller disposes the stream; the copied headers stay readable.
        await answer.Body.DisposeAsync();
        Assert.Throws<ObjectDisposedException>(() => response.Content.ReadAsStream());
        Assert.Equal("1", answer.GetHeader("X-Export-Rows"));

        await using var plain = (Stream)(await DynamicClient.CallAsync(client, "GetStreamAsync", "e1"))!;
        AssertSameRequests(server, $"GET /v1/exports/e1 HTTP/1.1\r\nHost: {server.Host}\r\nAuthorization: Bearer t-1\r\n");
    }

    [Fact]
    public async Task A_given_url_with_response_goes_to_that_url_with_its_query_and_the_appended_parameter()
    {
        await using var server = new RecordingServer(_ => Response("200 OK", "application/json", Encoding.UTF8.GetBytes("""{"ok":true,"next":"n2"}"""), ("X-RateLimit-Remaining", "9")));
        var client = Client(server);
        var url = new Uri(server.Origin + "/v1/channels?cursor=dXNlcjpVMDYx%3D%3D&a=%2F");
        var parameters = _dynamic.New(Ns + "FollowLinkParameters", ("PageSize", (int?)50));

        var plain = await DynamicClient.CallAsync(client, "FollowLinkAsync", url, parameters);
        var answer = (ApiResponse)(await DynamicClient.CallAsync(client, "FollowLinkWithResponseAsync", url, parameters))!;

        Assert.Equal("n2", Property(plain!, "Next"));
        Assert.Equal("n2", Property(answer.GetType().GetProperty("Body")!.GetValue(answer)!, "Next"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("9", answer.GetHeader("x-ratelimit-remaining"));
        AssertSameRequests(server, $"GET /v1/channels?cursor=dXNlcjpVMDYx%3D%3D&a=%2F&page_size=50 HTTP/1.1\r\nHost: {server.Host}\r\nAuthorization: Bearer t-1\r\n");
    }

    [Fact]
    public async Task A_form_body_with_response_writes_a_date_an_enum_array_and_a_date_array_in_their_wire_format()
    {
        await using var server = new RecordingServer(_ => Response("201 Created", "application/json", Encoding.UTF8.GetBytes("""{"ok":true}"""), ("Location", "/v1/schedule/s1")));
        var client = Client(server);
        var kind = _dynamic.Type(Ns + "Kind");
        var kinds = Array.CreateInstance(kind, 2);
        kinds.SetValue(kind.GetProperty("PublicChannel")!.GetValue(null), 0);
        kinds.SetValue(kind.GetProperty("Im")!.GetValue(null), 1);
        var form = _dynamic.New(
            Ns + "ScheduleForm",
            ("Day", new DateOnly(2024, 5, 2)),
            ("Kinds", kinds),
            ("Days", new[] { new DateOnly(2024, 2, 29), new DateOnly(1999, 12, 31) }),
            ("Kind", kind.GetProperty("PrivateChannel")!.GetValue(null)));

        await DynamicClient.CallAsync(client, "ScheduleAsync", form);
        var answer = (ApiResponse)(await DynamicClient.CallAsync(client, "ScheduleWithResponseAsync", form))!;

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        Assert.Equal("/v1/schedule/s1", answer.GetHeader("Location"));
        const string Body = "day=2024-05-02&kinds=public_channel%2Cim&days=2024-02-29%2C1999-12-31&kind=private_channel";
        AssertSameRequests(
            server,
            $"POST /v1/schedule HTTP/1.1\r\nHost: {server.Host}\r\nAuthorization: Bearer t-1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {Body.Length}\r\n");
        Assert.Equal(Body, server.Received[0].BodyText);
        Assert.Equal(Body, server.Received[1].BodyText);
    }

    [Theory]
    [InlineData("GetBytesAsync")]
    [InlineData("GetBytesWithResponseAsync")]
    [InlineData("GetTextAsync")]
    [InlineData("GetTextWithResponseAsync")]
    public async Task A_bytes_or_text_answer_that_the_server_calls_json_and_is_the_error_throws_the_typed_exception(string method)
    {
        await using var server = new RecordingServer(_ => Response("200 OK", "application/json; charset=utf-8", Encoding.UTF8.GetBytes(Failure), ("X-Request-Id", "r-9")));

        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => DynamicClient.CallAsync(Client(server), method, "x"));

        var operation = method.StartsWith("GetBytes", StringComparison.Ordinal) ? "GetBytes" : "GetText";
        Assert.Equal(Ns + "SeamsApiException", exception.GetType().FullName);
        Assert.Equal($"Seams {operation} failed: 200 OK: blob_gone", exception.Message);
        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Equal("blob_gone", exception.Detail);
        Assert.Equal(Failure, exception.ResponseBody);
        Assert.Equal(new[] { "r-9" }, exception.Headers["X-Request-Id"]);
        Assert.Equal((Optional<string?>)"blob_gone", Property(exception.ErrorBody!, "Error"));
        Assert.Equal((Optional<bool?>)false, Property(exception.ErrorBody!, "Ok"));
    }

    [Theory]
    [InlineData("application/octet-stream", Failure)]
    [InlineData("text/plain", Failure)]
    [InlineData(null, Failure)]
    [InlineData("application/json", """{"ok":true,"error":"not an error: ok is true"}""")]
    [InlineData("application/json", """[{"ok":false}]""")]
    [InlineData("application/json", """{"ok":null,"error":"ok is null: the three-state field is set to null"}""")]
    [InlineData("application/json", """{"error":"ok is absent: the three-state field is unset"}""")]
    [InlineData("application/problem+json", """{"ok":"no"}""")]
    public async Task A_bytes_or_text_answer_that_is_not_json_or_not_the_error_is_the_answer_as_it_is(string? contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        await using var server = new RecordingServer(_ => Response("200 OK", contentType, bytes));
        var client = Client(server);

        Assert.Equal(bytes, (byte[])(await DynamicClient.CallAsync(client, "GetBytesAsync", "x"))!);
        Assert.Equal(body, (string)(await DynamicClient.CallAsync(client, "GetTextAsync", "x"))!);
        Assert.Equal(bytes, ((ApiResponse<byte[]>)(await DynamicClient.CallAsync(client, "GetBytesWithResponseAsync", "x"))!).Body);
    }

    [Fact]
    public async Task A_problem_json_answer_that_is_the_error_throws_too()
    {
        await using var server = new RecordingServer(_ => Response("200 OK", "application/problem+json", Encoding.UTF8.GetBytes(Failure)));

        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => DynamicClient.CallAsync(Client(server), "GetBytesAsync", "x"));

        Assert.Equal("Seams GetBytes failed: 200 OK: blob_gone", exception.Message);
    }

    [Fact]
    public async Task A_stream_answer_is_never_judged_as_an_error_it_is_handed_over_as_it_comes()
    {
        await using var server = new RecordingServer(_ => Response("200 OK", "application/json", Encoding.UTF8.GetBytes(Failure)));

        await using var stream = (Stream)(await DynamicClient.CallAsync(Client(server), "GetStreamAsync", "x"))!;
        using var reader = new StreamReader(stream, Encoding.UTF8);

        Assert.Equal(Failure, await reader.ReadToEndAsync());
    }

    private object Client(RecordingServer server, HttpMessageHandler? handler = null) =>
        _dynamic.Client(Service, new HttpClient(handler ?? EndpointGenHttpClient.CreateHandler()), _dynamic.Options(Service, o =>
        {
            o.BaseAddress = new Uri(server.Origin + "/v1/");
            o.Token = "t-1";
        }));

    /// <summary>Every request the server got is the same, and is <paramref name="head"/> (request line and headers).</summary>
    private static void AssertSameRequests(RecordingServer server, string head)
    {
        Assert.Equal(2, server.Received.Count);
        Assert.All(server.Received, request => Assert.Equal(head, request.Head));
        Assert.Equal(server.Received[0].Body, server.Received[1].Body);
    }

    private static object? Property(object value, string name) => value.GetType().GetProperty(name)!.GetValue(value);

    private static byte[] Response(string status, string? contentType, byte[] body, params (string Name, string Value)[] headers)
    {
        var head = new StringBuilder("HTTP/1.1 ").Append(status).Append("\r\nConnection: close\r\n");
        if (contentType is not null)
        {
            head.Append("Content-Type: ").Append(contentType).Append("\r\n");
        }

        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("Content-Length: ").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n");
        return Encoding.ASCII.GetBytes(head.ToString()).Concat(body).ToArray();
    }

    /// <summary>Keeps every response the inner handler gives, to see when the client releases it.</summary>
    private sealed class CapturingHandler : DelegatingHandler
    {
        private readonly List<HttpResponseMessage> _responses = new();

        public CapturingHandler(HttpMessageHandler inner)
            : base(inner)
        {
        }

        public IReadOnlyList<HttpResponseMessage> Responses
        {
            get
            {
                lock (_responses)
                {
                    return _responses.ToArray();
                }
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            lock (_responses)
            {
                _responses.Add(response);
            }

            return response;
        }
    }
}
