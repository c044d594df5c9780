using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Ccai;
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

    private readonly ITestOutputHelper _output;

    public PlainCallAllocationTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task The_plain_call_allocates_less_than_the_call_with_the_response_by_the_answer_object_alone()
    {
        var client = new CcaiClient(new HttpClient(new SyncHandler()), new CcaiClientOptions { BaseAddress = new Uri("https://acme.example.com/apps/api/v1"), Username = "u", Password = "p" });

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
        var client = new CcaiClient(new HttpClient(new SyncHandler()), new CcaiClientOptions { BaseAddress = new Uri("https://acme.example.com/apps/api/v1"), Username = "u", Password = "p" });
        var flags = new CustomerFlags { VerifiedCustomer = true };

        var plain = await BytesPerCallAsync(() => client.UpdateCustomerFlagsAsync(1, flags));
        var withResponse = await BytesPerCallAsync(() => client.UpdateCustomerFlagsWithResponseAsync(1, flags));
        _output.WriteLine($"UpdateCustomerFlagsAsync: {plain} bytes per call; UpdateCustomerFlagsWithResponseAsync: {withResponse} bytes per call");

        Assert.InRange(withResponse - plain, 1, 1_000);
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

    /// <summary>Answers every request at once with the same small chat.</summary>
    private sealed class SyncHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(s_chat);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        }
    }
}
