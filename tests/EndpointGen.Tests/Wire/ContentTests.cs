using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using EndpointGen.Runtime;
using EndpointGen.Tests.Infrastructure;
using EndpointGen.Tests.Robustness;
using Xunit;

namespace EndpointGen.Tests.Wire;

/// <summary>
/// Request and response content beyond JSON, byte for byte on a loopback server, through the client generated from
/// <c>Features/postbox.endpoints.yaml</c>: form keys in declared order with their nesting and array styles and
/// <see cref="FormUrlEncodedContent"/>'s percent-encoding, multipart parts with their boundary, names, file names and
/// content types, raw binary and text bodies, a JSON body under a declared media type, and bytes, text and stream
/// answers within the size limit.
/// </summary>
public sealed class ContentTests : IClassFixture<ContentTests.PostboxClient>
{
    private const string Service = "Features.Postbox.Postbox";
    private readonly DynamicClient _dynamic;

    public ContentTests(PostboxClient postbox) => _dynamic = postbox.Client;

    /// <summary>The feature descriptor, compiled once for the class.</summary>
    public sealed class PostboxClient : IDisposable
    {
        public DynamicClient Client { get; } =
            DynamicClient.Compile(File.ReadAllText(Path.Combine(Repository.Root, "tests", "EndpointGen.Tests", "Features", "postbox.endpoints.yaml")));

        public void Dispose() => Client.Dispose();
    }

    private object Client(RecordingServer server, long? maxResponseBodyBytes = null) =>
        _dynamic.Client(Service, new HttpClient(EndpointGenHttpClient.CreateHandler()), _dynamic.Options(Service, options =>
        {
            options.BaseAddress = server.BaseAddress;
            options.Username = "AC1";
            options.Password = "secret";
            if (maxResponseBodyBytes is long max)
            {
                options.MaxResponseBodyBytes = max;
            }
        }));

    private static RecordingServer Answering(string status = "204 No Content", string? contentType = null, byte[]? body = null, bool declareLength = true) =>
        new(_ => RecordingServer.Response(status, contentType, body ?? Array.Empty<byte>(), declareLength));

    private static RecordingServer AnsweringJson(string json) => Answering("200 OK", "application/json", Encoding.UTF8.GetBytes(json));

    private object Enum(string type, string value) => _dynamic.Type(type).GetProperty(value)!.GetValue(null)!;

    [Fact]
    public async Task A_form_body_writes_declared_fields_in_order_with_dotted_nested_keys_and_repeated_array_keys()
    {
        await using var server = AnsweringJson("""{"sid":"SM1"}""");
        var reminder = _dynamic.New("Features.Postbox.Reminder", ("Text", "ping me"));
        var timers = _dynamic.New("Features.Postbox.Timers", ("Inactive", (int?)60), ("Closed", (int?)300), ("Reminder", reminder));
        var message = _dynamic.New(
            "Features.Postbox.NewMessage",
            ("To", "+1 555 123"),
            ("Body", "Hi there & bye ~ ünïcode/?"),
            ("Priority", Enum("Features.Postbox.Priority", "High")),
            ("MediaUrl", new[] { "https://a.example/1.png", "https://a.example/2.png" }),
            ("SendAt", (DateTimeOffset?)new DateTimeOffset(2024, 5, 2, 10, 15, 30, TimeSpan.Zero)),
            ("ValidityPeriod", (int?)600),
            ("Shorten", (bool?)true),
            ("Attempt", (double?)1.5),
            ("Tracking", (Guid?)Guid.Parse("6ed7c941-2c8a-411e-95d2-338a9f64800a")),
            ("Timers", timers));

        var result = await DynamicClient.CallAsync(Client(server), "SendMessageAsync", message);

        Assert.Equal("SM1", result!.GetType().GetProperty("Sid")!.GetValue(result));
        var request = server.Last;
        Assert.Equal("POST /api/messages", request.Method + " " + request.Target);
        Assert.Equal("application/x-www-form-urlencoded", request.Header("Content-Type"));
        Assert.Equal(
            "To=%2B1+555+123&Body=Hi+there+%26+bye+~+%C3%BCn%C3%AFcode%2F%3F&Priority=high"
            + "&MediaUrl=https%3A%2F%2Fa.example%2F1.png&MediaUrl=https%3A%2F%2Fa.example%2F2.png"
            + "&SendAt=2024-05-02T10%3A15%3A30%2B00%3A00&ValidityPeriod=600&Shorten=true&Attempt=1.5"
            + "&Tracking=6ed7c941-2c8a-411e-95d2-338a9f64800a&Timers.Inactive=60&Timers.Closed=300&Timers.Reminder.Text=ping+me",
            request.BodyText);
        Assert.Equal(request.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Header("Content-Length"));
    }

    [Fact]
    public async Task Unset_fields_and_empty_arrays_are_left_out_of_a_form()
    {
        await using var server = AnsweringJson("""{"sid":"SM1"}""");
        var message = _dynamic.New("Features.Postbox.NewMessage", ("To", "x"), ("MediaUrl", Array.Empty<string>()));

        await DynamicClient.CallAsync(Client(server), "SendMessageAsync", message);

        Assert.Equal("To=x", server.Last.BodyText);
    }

    [Fact]
    public async Task A_form_body_writes_bracketed_nested_keys_and_bracketed_array_keys()
    {
        await using var server = Answering();
        var attributes = _dynamic.New("Features.Postbox.Attributes", ("Channel", Enum("Features.Postbox.Priority", "Low")), ("Ids", new long[] { 1, 2 }));
        var update = _dynamic.New("Features.Postbox.ConversationUpdate", ("FriendlyName", "Ops"), ("Labels", new[] { "a", "b c" }), ("Attributes", attributes));

        await DynamicClient.CallAsync(Client(server), "UpdateConversationAsync", "CH1", update);

        Assert.Equal("/api/conversations/CH1", server.Last.Target);
        Assert.Equal(
            "friendly_name=Ops&labels%5B%5D=a&labels%5B%5D=b+c&attributes%5Bchannel%5D=low&attributes%5Bids%5D%5B%5D=1&attributes%5Bids%5D%5B%5D=2",
            server.Last.BodyText);
    }

    [Fact]
    public async Task A_form_body_joins_a_comma_array_into_one_value()
    {
        await using var server = Answering();
        await DynamicClient.CallAsync(Client(server), "TagConversationAsync", "CH1", _dynamic.New("Features.Postbox.Tags", ("Values", new[] { "vip", "new lead" })));

        Assert.Equal("tags=vip%2Cnew+lead", server.Last.BodyText);
    }

    [Fact]
    public async Task A_multipart_body_has_one_part_per_field_in_declared_order_the_file_last_with_its_name_and_type()
    {
        await using var server = Answering("201 Created", "application/json", Encoding.UTF8.GetBytes("""{"sid":"ME1","size":4}"""));
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF, 0x0D, 0x0A };
        var upload = _dynamic.New(
            "Features.Postbox.MediaUpload",
            ("Caption", "Zachód słońca"),
            ("Kinds", Priorities("Low", "High")),
            ("Private", (bool?)false),
            ("File", new FileContent(png, "sunset.png", "image/png")));

        var media = await DynamicClient.CallAsync(Client(server), "UploadMediaAsync", upload);

        Assert.Equal(4L, media!.GetType().GetProperty("Size")!.GetValue(media));
        var request = server.Last;
        var boundary = Boundary(request);
        var expected = Concat(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\nZachód słońca\r\n",
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"kinds\"\r\n\r\nlow\r\n",
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"kinds\"\r\n\r\nhigh\r\n",
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"private\"\r\n\r\nfalse\r\n",
            $"--{boundary}\r\nContent-Type: image/png\r\nContent-Disposition: form-data; name=\"file\"; filename=\"sunset.png\"\r\n\r\n",
            png,
            $"\r\n--{boundary}--\r\n");
        Assert.Equal(Show(expected), Show(request.Body));
        Assert.False(request.Chunked);
    }

    [Fact]
    public async Task A_map_in_a_multipart_body_is_one_part_per_entry_named_by_its_key_in_the_maps_order_before_the_file()
    {
        await using var server = Answering("201 Created", "application/json", Encoding.UTF8.GetBytes("""{"sid":"ME1"}"""));
        // A presigned POST policy's fields: the order is the server's, not sorted, and each key is a part's name as it is.
        var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["key"] = "uploads/${filename}", ["x-amz-signature"] = "ab/c=", ["Content-Type"] = "image/png", ["acl"] = "private" };
        var upload = _dynamic.New("Features.Postbox.MediaUpload", ("Caption", "c"), ("Fields", fields), ("File", new FileContent(new byte[] { 1, 2 }, "a.png", "image/png")));

        await DynamicClient.CallAsync(Client(server), "UploadMediaAsync", upload);

        var boundary = Boundary(server.Last);
        var expected = Concat(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\nc\r\n",
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nuploads/${{filename}}\r\n",
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"x-amz-signature\"\r\n\r\nab/c=\r\n",
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"Content-Type\"\r\n\r\nimage/png\r\n",
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"acl\"\r\n\r\nprivate\r\n",
            $"--{boundary}\r\nContent-Type: image/png\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n",
            new byte[] { 1, 2 },
            $"\r\n--{boundary}--\r\n");
        Assert.Equal(Show(expected), Show(server.Last.Body));
    }

    [Fact]
    public async Task A_map_in_a_form_body_spreads_its_entries_under_the_key_of_the_object_that_holds_it()
    {
        await using var server = Answering();
        var extra = new Dictionary<string, string>(StringComparer.Ordinal) { ["zone"] = "eu west", ["a"] = "1" };
        var attributes = _dynamic.New("Features.Postbox.Attributes", ("Channel", Enum("Features.Postbox.Priority", "High")), ("Extra", extra));
        var update = _dynamic.New("Features.Postbox.ConversationUpdate", ("Attributes", attributes));

        await DynamicClient.CallAsync(Client(server), "UpdateConversationAsync", "CH1", update);

        // attributes[channel]=high&attributes[zone]=eu+west&attributes[a]=1: Stripe's metadata[k]=v, in the map's order.
        Assert.Equal("attributes%5Bchannel%5D=high&attributes%5Bzone%5D=eu+west&attributes%5Ba%5D=1", server.Last.BodyText);
    }

    [Fact]
    public async Task A_map_read_from_json_keeps_the_servers_order_when_sent_back_as_parts()
    {
        // The generated reader of map<string> fills its dictionary in the order of the JSON object and never removes,
        // so enumerating it gives the server's order: what a presigned upload's fields need.
        var json = """{"zeta":"1","alpha":"2","key":"3","Mid":"4"}"""u8;
        var reader = new System.Text.Json.Utf8JsonReader(json);
        reader.Read();
        var map = JsonValueReader.ReadMap(ref reader, static (ref System.Text.Json.Utf8JsonReader r) => r.GetString()!);

        Assert.Equal(new[] { "zeta", "alpha", "key", "Mid" }, map.Keys);
        await using var server = Answering("201 Created", "application/json", Encoding.UTF8.GetBytes("""{"sid":"ME1"}"""));
        var upload = _dynamic.New("Features.Postbox.MediaUpload", ("Caption", "c"), ("Fields", map), ("File", new FileContent(new byte[] { 7 })));
        await DynamicClient.CallAsync(Client(server), "UploadMediaAsync", upload);
        var names = System.Text.RegularExpressions.Regex.Matches(server.Last.BodyText, "; name=\"([^\"]+)\"").Select(m => m.Groups[1].Value);
        Assert.Equal(new[] { "caption", "zeta", "alpha", "key", "Mid", "file" }, names);
    }

    [Fact]
    public async Task Multipart_file_arrays_repeat_the_part_as_name_brackets_and_a_stream_that_cannot_seek_goes_chunked()
    {
        await using var server = Answering();
        var first = new FileContent(new byte[] { 1, 2, 3 });
        var second = new FileContent(new ForwardOnlyStream(new byte[] { 4, 5 }), "b.bin");
        var upload = _dynamic.New("Features.Postbox.GalleryUpload", ("Title", "Trip"), ("Photos", new[] { first, second }));

        await DynamicClient.CallAsync(Client(server), "UploadGalleryAsync", upload);

        var request = server.Last;
        var boundary = Boundary(request);
        var expected = Concat(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nTrip\r\n",
            $"--{boundary}\r\nContent-Type: application/octet-stream\r\nContent-Disposition: form-data; name=\"photos[]\"; filename=\"photos[]\"\r\n\r\n",
            new byte[] { 1, 2, 3 },
            $"\r\n--{boundary}\r\nContent-Type: application/octet-stream\r\nContent-Disposition: form-data; name=\"photos[]\"; filename=\"b.bin\"\r\n\r\n",
            new byte[] { 4, 5 },
            $"\r\n--{boundary}--\r\n");
        Assert.Equal(Show(expected), Show(request.Body));
        Assert.True(request.Chunked);
    }

    [Fact]
    public async Task A_file_name_outside_ascii_is_written_as_system_net_http_encodes_it_an_rfc_2047_encoded_word()
    {
        await using var server = Answering();
        var upload = _dynamic.New("Features.Postbox.GalleryUpload", ("Photos", new[] { new FileContent(new byte[] { 1 }, "zdjęcie \"1\".png") }));

        await DynamicClient.CallAsync(Client(server), "UploadGalleryAsync", upload);

        // The quote is percent-encoded first (as browsers do), then System.Net.Http encodes the non-ASCII name.
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("zdjęcie %221%22.png"));
        Assert.Contains($"Content-Disposition: form-data; name=\"photos[]\"; filename=\"=?utf-8?B?{encoded}?=\"\r\n", server.Last.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_binary_body_is_sent_as_it_is_typed_by_the_caller_else_the_descriptor_else_octet_stream()
    {
        await using var server = Answering();
        var client = Client(server);
        var bytes = new byte[] { 0, 1, 2, 0xFE, 0xFF };

        await DynamicClient.CallAsync(client, "PutAvatarAsync", 7L, new FileContent(bytes));
        Assert.Equal("PUT /api/users/7/avatar", server.Last.Method + " " + server.Last.Target);
        Assert.Equal("image/png", server.Last.Header("Content-Type"));
        Assert.Equal(bytes, server.Last.Body);

        await DynamicClient.CallAsync(client, "PutAvatarAsync", 7L, new FileContent(bytes, contentType: "image/webp"));
        Assert.Equal("image/webp", server.Last.Header("Content-Type"));

        // A stream is read from where it stood when the FileContent was made, and left open for its owner.
        using var stream = new MemoryStream(bytes) { Position = 2 };
        await DynamicClient.CallAsync(client, "PutRawAsync", "b1", new FileContent(stream));
        Assert.Equal("application/octet-stream", server.Last.Header("Content-Type"));
        Assert.Equal(new byte[] { 2, 0xFE, 0xFF }, server.Last.Body);
        Assert.Equal("3", server.Last.Header("Content-Length"));
        Assert.True(stream.CanRead);
    }

    [Fact]
    public async Task A_text_body_is_utf8_typed_text_plain_or_the_declared_type()
    {
        await using var server = Answering();
        var client = Client(server);

        await DynamicClient.CallAsync(client, "PostNoteAsync", "Grüße\n");
        Assert.Equal("text/plain; charset=utf-8", server.Last.Header("Content-Type"));
        Assert.Equal(Encoding.UTF8.GetBytes("Grüße\n"), server.Last.Body);

        await DynamicClient.CallAsync(client, "PostCsvAsync", "a,b\n1,2\n");
        Assert.Equal("text/csv; charset=utf-8", server.Last.Header("Content-Type"));
        Assert.Equal("a,b\n1,2\n", server.Last.BodyText);
    }

    [Fact]
    public async Task A_json_body_goes_under_its_declared_media_type()
    {
        await using var server = Answering();
        await DynamicClient.CallAsync(Client(server), "PatchMessageAsync", "SM1", _dynamic.New("Features.Postbox.MessagePatch", ("Body", "fixed")));

        Assert.Equal("PATCH", server.Last.Method);
        Assert.Equal("application/merge-patch+json", server.Last.Header("Content-Type"));
        Assert.Equal("""{"body":"fixed"}""", server.Last.BodyText);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_bytes_answer_is_the_exact_body_up_to_the_limit_and_a_larger_one_fails(bool declareLength)
    {
        var body = new byte[] { 0, 0xFF, 0x10, 0x80, 0x7F, 1, 2, 3 };
        await using var server = Answering("200 OK", "application/octet-stream", body, declareLength);

        Assert.Equal(body, await DynamicClient.CallAsync(Client(server, maxResponseBodyBytes: 8), "DownloadMediaAsync", "ME1"));

        var ex = await Assert.ThrowsAnyAsync<ApiException>(() => DynamicClient.CallAsync(Client(server, maxResponseBodyBytes: 7), "DownloadMediaAsync", "ME1"));
        Assert.Equal("PostboxApiException", ex.GetType().Name);
        Assert.Contains("larger than the limit of 7 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_bytes_answer_is_an_empty_array()
    {
        await using var server = Answering("200 OK", "application/octet-stream");
        Assert.Equal(Array.Empty<byte>(), await DynamicClient.CallAsync(Client(server), "DownloadMediaAsync", "ME1"));
    }

    [Theory]
    [InlineData("text/plain", new byte[] { 0x47, 0x72, 0xC3, 0xBC, 0xC3, 0x9F, 0x65 })]
    [InlineData("text/plain; charset=utf-8", new byte[] { 0xEF, 0xBB, 0xBF, 0x47, 0x72, 0xC3, 0xBC, 0xC3, 0x9F, 0x65 })]
    [InlineData("text/plain; charset=iso-8859-1", new byte[] { 0x47, 0x72, 0xFC, 0xDF, 0x65 })]
    [InlineData("text/plain; charset=\"utf-16le\"", new byte[] { 0x47, 0, 0x72, 0, 0xFC, 0, 0xDF, 0, 0x65, 0 })]
    public async Task A_text_answer_is_decoded_by_its_charset_utf8_by_default_without_a_byte_order_mark(string contentType, byte[] body)
    {
        await using var server = Answering("200 OK", contentType, body);
        Assert.Equal("Grüße", await DynamicClient.CallAsync(Client(server), "GetTranscriptAsync", "SM1"));
    }

    [Fact]
    public async Task A_text_answer_in_an_unknown_charset_or_over_the_limit_fails_with_the_service_exception()
    {
        await using (var server = Answering("200 OK", "text/plain; charset=x-unknown", Encoding.ASCII.GetBytes("hi")))
        {
            var ex = await Assert.ThrowsAnyAsync<ApiException>(() => DynamicClient.CallAsync(Client(server), "GetTranscriptAsync", "SM1"));
            Assert.Contains("charset 'x-unknown' is not supported", ex.Message, StringComparison.Ordinal);
        }

        await using (var server = Answering("200 OK", "text/plain", Encoding.ASCII.GetBytes("hello"), declareLength: false))
        {
            var ex = await Assert.ThrowsAnyAsync<ApiException>(() => DynamicClient.CallAsync(Client(server, maxResponseBodyBytes: 4), "GetTranscriptAsync", "SM1"));
            Assert.Contains("larger than the limit of 4 bytes", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_stream_answer_reads_the_exact_body_and_reading_past_the_limit_throws_the_service_exception()
    {
        var body = Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray();
        await using var server = Answering("200 OK", "application/octet-stream", body, declareLength: false);

        var stream = (Stream)(await DynamicClient.CallAsync(Client(server, maxResponseBodyBytes: 5000), "StreamMediaAsync", "ME1"))!;
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.Equal(body, copy.ToArray());
        Assert.False(stream.CanSeek);
        await stream.DisposeAsync();
        Assert.False(stream.CanRead);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => stream.ReadAsync(new byte[1], 0, 1));

        await using (var limited = (Stream)(await DynamicClient.CallAsync(Client(server, maxResponseBodyBytes: 4999), "StreamMediaAsync", "ME1"))!)
        {
            var ex = await Assert.ThrowsAnyAsync<ApiException>(() => limited.CopyToAsync(new MemoryStream()));
            Assert.Equal("PostboxApiException", ex.GetType().Name);
            Assert.Contains("larger than the limit of 4999 bytes", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_stream_answer_declared_larger_than_the_limit_or_not_a_success_fails_before_any_stream()
    {
        await using (var server = Answering("200 OK", "application/octet-stream", new byte[10]))
        {
            var ex = await Assert.ThrowsAnyAsync<ApiException>(() => DynamicClient.CallAsync(Client(server, maxResponseBodyBytes: 9), "StreamMediaAsync", "ME1"));
            Assert.Contains("of 10 bytes is larger than the limit of 9 bytes", ex.Message, StringComparison.Ordinal);
        }

        await using (var server = Answering("404 Not Found", "application/json", Encoding.UTF8.GetBytes("""{"code":20404}""")))
        {
            var ex = await Assert.ThrowsAnyAsync<ApiException>(() => DynamicClient.CallAsync(Client(server), "StreamMediaAsync", "ME1"));
            Assert.Equal(System.Net.HttpStatusCode.NotFound, ex.StatusCode);
            Assert.Equal("""{"code":20404}""", ex.ResponseBody);
        }
    }

    private static string Boundary(RecordedWireRequest request)
    {
        var contentType = request.Header("Content-Type")!;
        Assert.StartsWith("multipart/form-data; boundary=", contentType, StringComparison.Ordinal);
        var boundary = contentType["multipart/form-data; boundary=".Length..];
        Assert.DoesNotContain("\"", boundary, StringComparison.Ordinal);
        Assert.True(Guid.TryParse(boundary, out _), boundary);
        return boundary;
    }

    private Array Priorities(params string[] names)
    {
        var array = Array.CreateInstance(_dynamic.Type("Features.Postbox.Priority"), names.Length);
        for (var i = 0; i < names.Length; i++)
        {
            array.SetValue(Enum("Features.Postbox.Priority", names[i]), i);
        }

        return array;
    }

    private static byte[] Concat(params object[] pieces) =>
        pieces.SelectMany(piece => piece is string text ? Encoding.UTF8.GetBytes(text) : (byte[])piece).ToArray();

    // Bytes shown as text with the non-printable ones escaped, so a failure shows where the bodies part.
    private static string Show(byte[] bytes) =>
        string.Concat(bytes.Select(b => b is >= 0x20 and < 0x7F or (byte)'\r' or (byte)'\n' ? ((char)b).ToString() : "\\x" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>A stream that cannot seek, so its length is unknown.</summary>
    private sealed class ForwardOnlyStream : MemoryStream
    {
        public ForwardOnlyStream(byte[] bytes)
            : base(bytes)
        {
        }

        public override bool CanSeek => false;
    }
}
