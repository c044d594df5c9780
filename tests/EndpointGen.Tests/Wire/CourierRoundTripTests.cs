using System;
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
/// Issue 13's done-criterion: <c>Wire/Courier/courier.endpoints.yaml</c>, an invented form-encoded, multi-host API that
/// reports failures inside 200 answers, round-trips on the wire byte for byte. Three loopback origins: the API
/// (127.0.0.1), its <c>files</c> server (another loopback address) and a download host that is none of the service's
/// origins. Each server keeps the request line, the headers in order and the body's bytes, and answers canned bytes.
/// The token comes from a provider that gives a new one on every call, so each request shows which call asked.
/// </summary>
public sealed class CourierRoundTripTests : IClassFixture<CourierRoundTripTests.CourierClient>
{
    private const string Service = "Wire.Courier.Courier";
    private const string Ns = "Wire.Courier.";

    private static readonly byte[] s_pdf = { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x00, 0xFF, 0x0D, 0x0A, 0x80 };

    private readonly DynamicClient _dynamic;

    public CourierRoundTripTests(CourierClient courier) => _dynamic = courier.Client;

    /// <summary>The descriptor, compiled once for the class.</summary>
    public sealed class CourierClient : IDisposable
    {
        public DynamicClient Client { get; } = DynamicClient.Compile(
            File.ReadAllText(Path.Combine(Repository.Root, "tests", "EndpointGen.Tests", "Wire", "Courier", "courier.endpoints.yaml")));

        public void Dispose() => Client.Dispose();
    }

    [Fact]
    public async Task Every_endpoint_round_trips_byte_for_byte_across_three_origins_with_a_rotating_token()
    {
        await using var api = new RecordingServer(AnswerApi);
        await using var downloads = new RecordingServer(_ => RecordingServer.Response("200 OK", "application/pdf", s_pdf), ScriptedServer.OtherLoopback);
        var fileInfo = "{\"ok\":true,\"id\":\"F0TD00400\",\"url\":\"" + downloads.Origin + "/files/F0TD00400/report.pdf?sig=a%2Fb%2Bc&exp=300\"}";
        await using var files = new RecordingServer(_ => RecordingServer.Response("201 Created", "application/json; charset=utf-8", Encoding.UTF8.GetBytes(fileInfo)), ScriptedServer.OtherLoopback);
        var asked = 0;
        var client = _dynamic.Client(Service, new HttpClient(EndpointGenHttpClient.CreateHandler()), _dynamic.Options(Service, o =>
        {
            o.BaseAddress = new Uri(api.Origin + "/v2/");
            o.FilesBaseAddress = new Uri(files.Origin + "/eu");
            o.TokenProvider = new Func<CancellationToken, ValueTask<string?>>(_ => new ValueTask<string?>("xoxb-" + Interlocked.Increment(ref asked)));
        }));

        // 1. A form-encoded write: declared order, the repeated array key, the dotted nested key, FormUrlEncodedContent's escaping.
        var posted = await DynamicClient.CallAsync(client, "PostMessageAsync", Message("C024BE91L"));

        Assert.Equal(true, Property(posted!, "Ok"));
        Assert.Equal("1503435956.000247", Property(posted!, "Ts"));
        Assert.Equal("C024BE91L", Property(posted!, "Channel"));
        const string Form = "channel=C024BE91L&text=Hello+%26+welcome%2C+%2Ateam%2A+%F0%9F%91%8B+~50%25+a%3Db"
            + "&mrkdwn=true&tags=a&tags=b+c&thread.ts=1503435956.000247&thread.broadcast=false";
        var write = api.Received[0];
        Assert.Equal(
            "POST /v2/chat.postMessage HTTP/1.1\r\n"
            + $"Host: {api.Host}\r\n"
            + "Authorization: Bearer xoxb-1\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\n"
            + $"Content-Length: {Form.Length}\r\n",
            write.Head);
        Assert.Equal(Form, Encoding.ASCII.GetString(write.Body));
        Assert.False(write.Chunked);

        // 2. The same write answered 200 {"ok":false,...}: the typed exception, the vendor's message, the parsed error.
        var failure = await Assert.ThrowsAnyAsync<ApiException>(() => DynamicClient.CallAsync(client, "PostMessageAsync", Message("C_GONE")));

        Assert.Equal(Ns + "CourierApiException", failure.GetType().FullName);
        Assert.Equal("Courier PostMessage failed: 200 OK: channel_not_found", failure.Message);
        Assert.Equal(HttpStatusCode.OK, failure.StatusCode);
        Assert.Equal("channel_not_found", failure.Detail);
        Assert.Equal(NotFoundJson, failure.ResponseBody);
        Assert.Equal(Ns + "CourierError", failure.ErrorBody!.GetType().FullName);
        Assert.Equal(false, Property(failure.ErrorBody, "Ok"));
        Assert.Equal("channel_not_found", Property(failure.ErrorBody, "Error"));
        Assert.Equal("Authorization: Bearer xoxb-2", Line(api.Received[1], "Authorization"));
        Assert.StartsWith("channel=C_GONE&", Encoding.ASCII.GetString(api.Received[1].Body), StringComparison.Ordinal);

        // 3. A JSON read with a comma array of enums and a date in the query; limit (default: 100) is not sent unset.
        var parameters = _dynamic.New(
            Ns + "ListChannelsParameters",
            ("Types", ChannelTypes("PublicChannel", "Im")),
            ("Since", (DateOnly?)new DateOnly(2024, 5, 2)));
        var list = await DynamicClient.CallAsync(client, "ListChannelsAsync", parameters);

        Assert.Equal(
            "GET /v2/conversations.list?types=public_channel,im&since=2024-05-02 HTTP/1.1\r\n"
            + $"Host: {api.Host}\r\n"
            + "Authorization: Bearer xoxb-3\r\n",
            api.Received[2].Head);
        Assert.Empty(api.Received[2].Body);
        Assert.Equal(true, Property(list!, "Ok"));
        var channels = ((System.Collections.IEnumerable)Property(list!, "Channels")!).Cast<object>().ToList();
        Assert.Equal(2, channels.Count);
        Assert.Equal(("C1", "general", (DateOnly?)new DateOnly(2024, 5, 2)), (Property(channels[0], "Id"), Property(channels[0], "Name"), (DateOnly?)Property(channels[0], "Created")));
        Assert.Equal(("D2", (object?)null, (DateOnly?)null), (Property(channels[1], "Id"), Property(channels[1], "Name"), (DateOnly?)Property(channels[1], "Created")));

        // 4. A multipart upload on the files server: an own origin of the service, so it carries the token (spec 5.9).
        var upload = _dynamic.New(
            Ns + "UploadForm",
            ("Channel", "C024BE91L"),
            ("Title", "Q2 report \"final\""),
            ("File", new FileContent(s_pdf, "report.pdf", "application/pdf")));
        var uploaded = (ApiResponse)(await DynamicClient.CallAsync(client, "UploadFileWithResponseAsync", upload))!;

        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var info = uploaded.GetType().GetProperty("Body")!.GetValue(uploaded)!;
        Assert.Equal("F0TD00400", Property(info, "Id"));
        var multipart = Assert.Single(files.Received);
        var boundary = Boundary(multipart);
        var expected = Concat(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"channel\"\r\n\r\nC024BE91L\r\n",
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nQ2 report \"final\"\r\n",
            $"--{boundary}\r\nContent-Type: application/pdf\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report.pdf\"\r\n\r\n",
            s_pdf,
            $"\r\n--{boundary}--\r\n");
        Assert.Equal(
            "POST /eu/upload HTTP/1.1\r\n"
            + $"Host: {files.Host}\r\n"
            + "Authorization: Bearer xoxb-4\r\n"
            + $"Content-Type: multipart/form-data; boundary={boundary}\r\n"
            + $"Content-Length: {expected.Length}\r\n",
            multipart.Head);
        Assert.Equal(Show(expected), Show(multipart.Body));

        // 5. Bytes from the URL the upload answer gave, on an origin that is not the service's: no token, and the provider is not asked.
        var url = (string)Property(info, "Url")!;
        Assert.StartsWith(downloads.Origin + "/", url, StringComparison.Ordinal);
        var bytes = (byte[])(await DynamicClient.CallAsync(client, "DownloadFileAsync", new Uri(url)))!;

        Assert.Equal(s_pdf, bytes);
        var download = Assert.Single(downloads.Received);
        Assert.Equal(
            "GET /files/F0TD00400/report.pdf?sig=a%2Fb%2Bc&exp=300 HTTP/1.1\r\n"
            + $"Host: {downloads.Host}\r\n",
            download.Head);
        Assert.Empty(download.Body);
        Assert.Equal(4, Volatile.Read(ref asked));

        // 6. The next call asks again and sends the next token.
        await DynamicClient.CallAsync(client, "ListChannelsAsync", new object?[] { null });

        Assert.Equal(
            "GET /v2/conversations.list HTTP/1.1\r\n"
            + $"Host: {api.Host}\r\n"
            + "Authorization: Bearer xoxb-5\r\n",
            api.Received[3].Head);
        Assert.Equal(4, api.Received.Count);
        Assert.Single(files.Received);
        Assert.Single(downloads.Received);
    }

    private const string NotFoundJson = """{"ok":false,"error":"channel_not_found"}""";

    private static byte[] AnswerApi(RecordedWireRequest request)
    {
        var body = request.Target.StartsWith("/v2/chat.postMessage", StringComparison.Ordinal)
            ? request.BodyText.StartsWith("channel=C_GONE&", StringComparison.Ordinal)
                ? NotFoundJson
                : """{"ok":true,"ts":"1503435956.000247","channel":"C024BE91L"}"""
            : """{"ok":true,"channels":[{"id":"C1","name":"general","created":"2024-05-02"},{"id":"D2"}]}""";
        return RecordingServer.Response("200 OK", "application/json; charset=utf-8", Encoding.UTF8.GetBytes(body));
    }

    private object Message(string channel) => _dynamic.New(
        Ns + "PostMessageForm",
        ("Channel", channel),
        ("Text", "Hello & welcome, *team* 👋 ~50% a=b"),
        ("Mrkdwn", (bool?)true),
        ("Tags", new[] { "a", "b c" }),
        ("Thread", _dynamic.New(Ns + "ThreadRef", ("Ts", "1503435956.000247"), ("Broadcast", (bool?)false))));

    private Array ChannelTypes(params string[] names)
    {
        var type = _dynamic.Type(Ns + "ChannelType");
        var array = Array.CreateInstance(type, names.Length);
        for (var i = 0; i < names.Length; i++)
        {
            array.SetValue(type.GetProperty(names[i])!.GetValue(null), i);
        }

        return array;
    }

    private static object? Property(object value, string name) => value.GetType().GetProperty(name)!.GetValue(value);

    private static string Line(RecordedWireRequest request, string header) => header + ": " + request.Header(header);

    private static string Boundary(RecordedWireRequest request)
    {
        var contentType = request.Header("Content-Type")!;
        Assert.StartsWith("multipart/form-data; boundary=", contentType, StringComparison.Ordinal);
        var boundary = contentType["multipart/form-data; boundary=".Length..];
        Assert.True(Guid.TryParse(boundary, out _), boundary);
        return boundary;
    }

    private static byte[] Concat(params object[] pieces) =>
        pieces.SelectMany(piece => piece is string text ? Encoding.UTF8.GetBytes(text) : (byte[])piece).ToArray();

    // Bytes shown as text with the non-printable ones escaped, so a failure shows where the bodies part.
    private static string Show(byte[] bytes) =>
        string.Concat(bytes.Select(b => b is >= 0x20 and < 0x7F or (byte)'\r' or (byte)'\n' ? ((char)b).ToString() : "\\x" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
}
