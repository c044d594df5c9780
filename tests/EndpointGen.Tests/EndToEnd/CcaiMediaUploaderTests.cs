using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ContactCenter.Ccai;
using Sandbox;
using Xunit;

namespace EndpointGen.Tests.EndToEnd;

/// <summary>
/// <see cref="CcaiMediaUploader"/> against the sandbox and its S3 look-alike: the four calls of a photo or
/// video upload, the multipart form the generated <c>UploadToStorage</c> writes, byte for byte, and the storage's
/// refusals as the generated <see cref="CcaiApiException"/> with the storage's XML error as its body.
/// </summary>
public sealed class CcaiMediaUploaderTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private static readonly byte[] Photo = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5, 0xFF, 0xD9];
    private static readonly byte[] Video = [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', 9, 8, 7];

    [Fact]
    public async Task A_photo_reaches_the_storage_is_attached_and_is_listed()
    {
        var wire = new WireRecorder();
        using var http = wire.CreateClient();
        var ccai = fixture.Ccai(http);
        var chatId = await CreateChatAsync(ccai);
        using var content = new MemoryStream(Photo);

        var uploaded = await new CcaiMediaUploader(ccai).UploadPhotoAsync(chatId, content, "receipt.jpg");

        Assert.True(content.CanRead, "the caller's stream stays open");
        var stored = fixture.Server.State.GetUpload(uploaded.StorageKey)!;
        Assert.Equal(Photo, stored.Content.ToArray());
        Assert.Equal(("image/jpeg", "receipt.jpg", chatId, CcaiMediaKind.Photo), (stored.ContentType, stored.FileName, stored.ChatId, stored.Kind));

        var attached = Assert.Single(fixture.Server.State.GetCcaiPhotos(chatId));
        Assert.Equal((uploaded.StorageKey, "image/jpeg"), (attached.Key, attached.PhotoType));
        Assert.Equal(attached.MediaId, uploaded.Attached.MediaId);
        Assert.Equal(attached.MediaId, Assert.Single(uploaded.ChatMedia).MediaId);

        // The four calls, in order; the storage POST carries no CCAI credentials.
        Assert.Equal(
            [$"POST /apps/api/v1/chats/{chatId}/photos/upload", "POST /sandbox-storage/upload", $"POST /apps/api/v1/chats/{chatId}/photos", $"GET /apps/api/v1/chats/{chatId}/photos"],
            wire.Requests.Skip(1).Select(r => r.Method + " " + r.Uri.AbsolutePath));
        Assert.False(wire.Requests[2].Headers.ContainsKey("Authorization"));

        // The attached media's URL serves the uploaded bytes.
        Assert.Equal(Photo, await fixture.Http.GetByteArrayAsync(uploaded.Attached.Url));
    }

    [Fact]
    public async Task A_video_reaches_the_storage_is_attached_and_is_listed()
    {
        var ccai = fixture.Ccai();
        var chatId = await CreateChatAsync(ccai);
        using var content = new MemoryStream(Video);

        var uploaded = await new CcaiMediaUploader(ccai).UploadVideoAsync(chatId, content, "unboxing.mp4");

        Assert.StartsWith($"chats/{chatId}/videos/", uploaded.StorageKey, StringComparison.Ordinal);
        Assert.Equal(Video, fixture.Server.State.GetUpload(uploaded.StorageKey)!.Content.ToArray());
        var attached = Assert.Single(fixture.Server.State.GetCcaiVideos(chatId));
        Assert.Equal((uploaded.StorageKey, attached.MediaId), (attached.Key, uploaded.Attached.MediaId!.Value));
        Assert.Equal(uploaded.Attached.Url, Assert.Single(uploaded.ChatMedia).Url);
        Assert.Empty(fixture.Server.State.GetCcaiPhotos(chatId));
    }

    [Fact]
    public async Task The_form_sends_every_field_in_order_with_its_value_then_the_file_last()
    {
        var wire = new WireRecorder();
        using var http = wire.CreateClient();
        var ccai = fixture.Ccai();
        var chatId = await CreateChatAsync(ccai);
        var upload = await ccai.CreatePhotoUploadAsync(chatId);
        using var content = new MemoryStream(Photo);

        var key = await new CcaiMediaUploader(fixture.Ccai(http)).PostToStorageAsync(upload, content, "../scans/ré\"ceipt.jpg");

        Assert.Equal(upload.Fields["key"], key);
        var post = wire.Single("POST");
        Assert.Equal(upload.Url, post.Uri.AbsoluteUri);
        Assert.False(post.Headers.ContainsKey("Authorization"));
        var boundary = Regex.Match(post.ContentType!, "^multipart/form-data; boundary=([0-9a-f-]{36})$").Groups[1].Value;
        Assert.NotEmpty(boundary);

        // Every field CCAI returned, in its order and with its exact value, each a plain part; then the file, last.
        var expected = new MemoryStream();
        foreach (var field in upload.Fields)
        {
            expected.Write(Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"{field.Key}\"\r\n\r\n{field.Value}\r\n"));
        }

        expected.Write(Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Type: image/jpeg\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r__ceipt.jpg\"\r\n\r\n"));
        expected.Write(Photo);
        expected.Write(Encoding.UTF8.GetBytes($"\r\n--{boundary}--\r\n"));
        Assert.Equal(Show(expected.ToArray()), Show(post.Body));
        Assert.Equal(
            ["key", "success_action_status", "Content-Type", "acl", "policy"],
            ReadParts(post).Select(p => p.Name).Take(5));
        Assert.Equal(HttpStatusCode.Created, post.Status);
    }

    [Fact]
    public async Task A_tampered_field_is_refused_with_the_storages_xml_error_as_the_response_body()
    {
        var ccai = fixture.Ccai();
        var chatId = await CreateChatAsync(ccai);
        var upload = await ccai.CreatePhotoUploadAsync(chatId);
        var fields = new Dictionary<string, string>(upload.Fields) { ["x-amz-signature"] = new string('0', 64) };
        using var content = new MemoryStream(Photo);

        var error = await Assert.ThrowsAsync<CcaiApiException>(() =>
            new CcaiMediaUploader(ccai).PostToStorageAsync(new PresignedUpload { Url = upload.Url, Fields = fields }, content, "receipt.jpg"));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("UploadToStorage", error.Operation);
        Assert.StartsWith("<?xml", error.ResponseBody, StringComparison.Ordinal);
        Assert.Contains("<Code>SignatureDoesNotMatch</Code>", error.ResponseBody, StringComparison.Ordinal);
        Assert.Contains("<Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message>", error.ResponseBody, StringComparison.Ordinal);
        Assert.Null(error.Error);
        Assert.DoesNotContain(fixture.Server.State.GetUploadedKeys(), k => k.StartsWith($"chats/{chatId}/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_file_is_refused_as_too_small_and_nothing_is_attached()
    {
        var ccai = fixture.Ccai();
        var chatId = await CreateChatAsync(ccai);
        using var empty = new MemoryStream();

        var error = await Assert.ThrowsAsync<CcaiApiException>(() => new CcaiMediaUploader(ccai).UploadPhotoAsync(chatId, empty, "receipt.jpg"));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("<Code>EntityTooSmall</Code>", error.ResponseBody, StringComparison.Ordinal);
        Assert.Empty(fixture.Server.State.GetCcaiPhotos(chatId));
    }

    [Fact]
    public async Task An_expired_upload_policy_is_refused_as_access_denied()
    {
        // A sandbox of its own, whose clock the test moves past the policy's 15-minute lifetime.
        var clock = new ManualClock(new DateTimeOffset(2026, 5, 18, 12, 0, 0, TimeSpan.Zero));
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { TimeProvider = clock });
        var ccai = new CcaiClient(fixture.Http, new CcaiClientOptions { BaseAddress = sandbox.CcaiBaseUrl, Username = sandbox.Options.CcaiUser, Password = sandbox.Options.CcaiPassword });
        var chatId = await CreateChatAsync(ccai);
        var upload = await ccai.CreateVideoUploadAsync(chatId);
        clock.Advance(TimeSpan.FromMinutes(16));
        using var content = new MemoryStream(Video);

        var error = await Assert.ThrowsAsync<CcaiApiException>(() => new CcaiMediaUploader(ccai).PostToStorageAsync(upload, content, "unboxing.mp4"));

        Assert.Contains("<Code>AccessDenied</Code><Message>Invalid according to Policy: Policy expired.</Message>", error.ResponseBody, StringComparison.Ordinal);
        Assert.Empty(sandbox.State.GetUploadedKeys());
    }

    [Theory]
    [InlineData("ftp://media.example.com/", "key")]
    [InlineData("/relative", "key")]
    [InlineData("http://media.example.com/", "key")]
    [InlineData("https://media.example.com/", "not-key")]
    public async Task An_upload_without_an_http_url_or_a_key_is_refused_before_sending(string url, string field)
    {
        var wire = new WireRecorder();
        using var http = wire.CreateClient();
        using var content = new MemoryStream(Photo);
        var upload = new PresignedUpload { Url = url, Fields = new Dictionary<string, string> { [field] = "chats/1/photos/x" } };

        await Assert.ThrowsAsync<ArgumentException>(() => new CcaiMediaUploader(fixture.Ccai(http)).PostToStorageAsync(upload, content, "receipt.jpg"));

        Assert.Empty(wire.Requests);
    }

    private static string Show(byte[] bytes) =>
        string.Concat(bytes.Select(b => b is >= 0x20 and < 0x7F or (byte)'\r' or (byte)'\n' ? ((char)b).ToString() : "\\x" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Splits a recorded multipart/form-data body into its parts' name, file name, content type and text value.</summary>
    private static (string Name, string FileName, string Type, string Value)[] ReadParts(RecordedRequest post)
    {
        var boundary = Regex.Match(post.ContentType!, "boundary=\"?([^\";]+)").Groups[1].Value;
        var sections = post.BodyText.Split("--" + boundary);
        Assert.Equal("--\r\n", sections[^1]);
        return sections[1..^1]
            .Select(section =>
            {
                var split = section.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                var headers = section[..split];
                var value = section[(split + 4)..^2];
                return (
                    Regex.Match(headers, "Content-Disposition: form-data; name=\"([^\"]+)\"").Groups[1].Value,
                    Regex.Match(headers, "; filename=\"([^\"]*)\"").Groups[1].Value,
                    Regex.Match(headers, "Content-Type: ([^\r]+)").Groups[1].Value,
                    value);
            })
            .ToArray();
    }

    private static async Task<long> CreateChatAsync(CcaiClient ccai) =>
        (await ccai.CreateChatAsync(new CreateChatRequest { Chat = new NewChat { MenuId = 17 } })).Id!.Value;

    /// <summary>A clock that only moves when told to, so expiry is tested without waiting.</summary>
    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
