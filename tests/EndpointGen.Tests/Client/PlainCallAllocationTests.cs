using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Text.Json;
using System.Threading.Tasks;
using ContactCenter.Ccai;
using EndpointGen.Runtime;
using Xunit;
using Xunit.Abstractions;

namespace EndpointGen.Tests.Client;

/// <summary>
/// What a call allocates, measured on one thread over a handler that answers synchronously, so the whole call runs on
/// it. The plain method pays nothing for its <c>...WithResponseAsync</c> sibling: the sibling allocates what the plain
/// call does plus the answer's object and its copied headers.
/// </summary>
public sealed class PlainCallAllocationTests
{
    private const int Calls = 2_000;
    private static readonly byte[] s_chat = Encoding.UTF8.GetBytes("""{"id": 1234, "status": "assigned"}""");
    private static readonly byte[] s_photos = Encoding.UTF8.GetBytes("""[{"url": "https://cdn.example.com/1.jpg", "media_id": 1}, {"url": "https://cdn.example.com/2.jpg", "media_id": 2}]""");

    private readonly ITestOutputHelper _output;

    public PlainCallAllocationTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task The_plain_call_allocates_less_than_the_call_with_the_response_by_the_answer_object_alone()
    {
        var client = new CcaiClient(new HttpClient(new SyncHandler(s_chat)), new CcaiClientOptions { BaseAddress = new Uri("https://acme.example.com/apps/api/v1"), Username = "u", Password = "p" });

        var plain = await BytesPerCallAsync(() => client.GetChatAsync(1));
        var withResponse = await BytesPerCallAsync(() => client.GetChatWithResponseAsync(1));
        _output.WriteLine($"GetChatAsync: {plain} bytes per call; GetChatWithResponseAsync: {withResponse} bytes per call");

        Assert.True(plain < withResponse, $"plain {plain}, with response {withResponse}");

        // The difference is the ApiResponse<Chat> and the headers' dictionary (one Content-Type, one Content-Length).
        Assert.InRange(withResponse - plain, 1, 1_000);
    }

    [Fact]
    public async Task So_does_a_call_without_a_response_body()
    {
        var client = new CcaiClient(new HttpClient(new SyncHandler(s_chat)), new CcaiClientOptions { BaseAddress = new Uri("https://acme.example.com/apps/api/v1"), Username = "u", Password = "p" });
        var flags = new CustomerFlags { VerifiedCustomer = true };

        var plain = await BytesPerCallAsync(() => client.UpdateCustomerFlagsAsync(1, flags));
        var withResponse = await BytesPerCallAsync(() => client.UpdateCustomerFlagsWithResponseAsync(1, flags));
        _output.WriteLine($"UpdateCustomerFlagsAsync: {plain} bytes per call; UpdateCustomerFlagsWithResponseAsync: {withResponse} bytes per call");

        Assert.InRange(withResponse - plain, 1, 1_000);
    }

    [Fact]
    public async Task A_list_call_allocates_no_more_than_through_a_lambda_over_ReadList()
    {
        // The runner caches the list reader of each element reader, so handing it the element reader costs nothing
        // over the static lambda the generated code spelled before.
        var runner = PhotosRunner();

        var list = await BytesPerCallAsync(() => runner.SendListAsync("ListPhotos", PhotosRequest(runner), "Media[]", Media.JsonConverter.ReadValue, CancellationToken.None));
        var lambda = await BytesPerCallAsync(() => runner.SendAsync<IReadOnlyList<Media>>(
            "ListPhotos",
            PhotosRequest(runner),
            "Media[]",
            static (ref Utf8JsonReader r) => JsonValueReader.ReadList<Media>(ref r, Media.JsonConverter.ReadValue),
            CancellationToken.None));
        _output.WriteLine($"SendListAsync: {list} bytes per call; SendAsync over a ReadList lambda: {lambda} bytes per call");

        Assert.True(list <= lambda, $"list {list}, lambda {lambda}");
    }

    [Fact]
    public async Task A_list_call_past_the_cached_call_sites_allocates_no_more()
    {
        // Seventy element readers of one type, each a closure of its own (so none equals another), fill the runner's
        // table of list readers (64 call sites) and go on into its weak table: the last one's calls find their list
        // reader there, allocating nothing the lambda did not.
        var runner = PhotosRunner();
        var readers = new List<JsonReadFunc<Media>>();
        for (var i = 0; i < 70; i++)
        {
            var tag = new object();
            readers.Add((ref Utf8JsonReader r) =>
            {
                GC.KeepAlive(tag);
                return Media.JsonConverter.ReadValue(ref r);
            });
        }

        foreach (var reader in readers)
        {
            Assert.Equal(2, (await runner.SendListAsync("ListPhotos", PhotosRequest(runner), "Media[]", reader, CancellationToken.None)).Count);
        }

        var last = readers[^1];
        var past = await BytesPerCallAsync(() => runner.SendListAsync("ListPhotos", PhotosRequest(runner), "Media[]", last, CancellationToken.None));
        var lambda = await BytesPerCallAsync(() => runner.SendAsync<IReadOnlyList<Media>>(
            "ListPhotos",
            PhotosRequest(runner),
            "Media[]",
            (ref Utf8JsonReader r) => JsonValueReader.ReadList(ref r, last),
            CancellationToken.None));
        _output.WriteLine($"SendListAsync past the table: {past} bytes per call; SendAsync over a ReadList lambda: {lambda} bytes per call");

        Assert.True(past <= lambda, $"past the table {past}, lambda {lambda}");
    }

    [Fact]
    public async Task So_does_a_list_call()
    {
        var client = new CcaiClient(new HttpClient(new SyncHandler(s_photos)), new CcaiClientOptions { BaseAddress = new Uri("https://acme.example.com/apps/api/v1"), Username = "u", Password = "p" });

        var plain = await BytesPerCallAsync(() => client.ListPhotosAsync(1));
        var withResponse = await BytesPerCallAsync(() => client.ListPhotosWithResponseAsync(1));
        _output.WriteLine($"ListPhotosAsync: {plain} bytes per call; ListPhotosWithResponseAsync: {withResponse} bytes per call");

        Assert.InRange(withResponse - plain, 1, 1_000);
    }

    // A runner over a handler that answers every request with the two photos, synchronously.
    private static ApiRequestRunner<object> PhotosRunner() =>
        new(
            new HttpClient(new SyncHandler(s_photos)),
            new ApiRunnerSettings { Service = "Ccai", BaseAddress = new Uri("https://acme.example.com/apps/api/v1") },
            static (operation, response, body, _, detail, innerException) => new ApiException("Ccai", operation, response, body, detail, innerException));

    private static HttpRequestMessage PhotosRequest(ApiRequestRunner<object> runner)
    {
        var url = runner.CreateUrl();
        url.AppendPath("chats/1/photos");
        return runner.CreateRequest(HttpMethod.Get, url.ToUri(), "chats/{chat_id}/photos");
    }

    private static async Task<long> BytesPerCallAsync(Func<Task> call)
    {
        for (var i = 0; i < 50; i++)
        {
            await call();
        }

        var thread = Environment.CurrentManagedThreadId;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            var task = call();
            Assert.True(task.IsCompleted, "the call did not complete synchronously, so its allocations would be on other threads");
            await task;
        }

        Assert.Equal(thread, Environment.CurrentManagedThreadId);
        return (GC.GetAllocatedBytesForCurrentThread() - before) / Calls;
    }

    /// <summary>Answers every request at once with the same small body.</summary>
    private sealed class SyncHandler : HttpMessageHandler
    {
        private readonly byte[] _body;

        public SyncHandler(byte[] body) => _body = body;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(_body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        }
    }
}
