using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Ccai;
using EndpointGen.Runtime;
using EndpointGen.Tests.Robustness;
using Xunit;
using Xunit.Abstractions;

namespace EndpointGen.Tests.Telemetry;

/// <summary>
/// Each call of a generated client as its service's <c>EndpointGen.&lt;ServiceName&gt;</c> source and meter record it,
/// against a loopback server through the HttpClient a user would make: one client activity per call, redirects and
/// the body inside it, HttpClient's own activities its children, the outcome in the status, tags and instruments.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class CallTelemetryTests
{
    private const string Source = "EndpointGen.Ccai";
    private const string ChatJson = """{"id": 1234, "status": "assigned"}""";
    private readonly ITestOutputHelper _output;

    public CallTelemetryTests(ITestOutputHelper output) => _output = output;

    private static ScriptedServer Answering(string status, string body) =>
        new((_, stream, token) => ScriptedServer.RespondAsync(stream, status, null, body, token));

    private static CcaiClient Ccai(Uri baseAddress) =>
        new(EndpointGenHttpClient.Create(), new CcaiClientOptions { BaseAddress = baseAddress, Username = "u", Password = "p" });

    private static int Port(ScriptedServer server) => new Uri(server.Origin).Port;

    /// <summary>Tags one per line, sorted, so a difference shows at once.</summary>
    private static string Lines(IEnumerable<KeyValuePair<string, object?>> tags) =>
        string.Join("\n", tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key + " = " + t.Value + " (" + t.Value?.GetType().Name + ")"));

    private static string Lines(params (string Key, object? Value)[] tags) => Lines(tags.Select(t => new KeyValuePair<string, object?>(t.Key, t.Value)));

    [Fact]
    public async Task A_call_is_one_client_activity_named_by_method_and_url_template_with_the_conventions_tags()
    {
        await using var server = Answering("200 OK", ChatJson);
        using var capture = TelemetryCapture.Of(Source);

        var chat = await Ccai(server.BaseAddress).GetChatAsync(1234);

        Assert.Equal(1234, chat.Id);
        var activity = Assert.Single(capture.Activities);
        Assert.Equal("GET chats/{id}", activity.DisplayName);
        Assert.Equal(ActivityKind.Client, activity.Kind);
        Assert.Equal(("EndpointGen.Ccai", "0.1.0"), (activity.Source.Name, activity.Source.Version));
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
        Assert.Equal(
            Lines(
                ("endpointgen.operation", "GetChat"),
                ("endpointgen.service", "Ccai"),
                ("http.request.method", "GET"),
                ("http.response.status_code", 200),
                ("server.address", "127.0.0.1"),
                ("server.port", Port(server)),
                ("url.template", "chats/{id}")),
            Lines(activity.TagObjects));
        Assert.Empty(activity.Events);
        Assert.Empty(activity.Baggage);
        Assert.Null(Activity.Current);
    }

    [Fact]
    public async Task Every_kind_of_endpoint_names_its_template_a_given_url_included()
    {
        await using var server = Answering("200 OK", "{}");
        using var capture = TelemetryCapture.Of(Source);
        var client = Ccai(server.BaseAddress);

        await client.SendMessageAsync(7, new SendMessageRequest { Message = new ChatMessage { Type = "text", Content = new MessageContent { Text = "hello" } } });
        await client.UploadToStorageAsync(new Uri(server.Origin + "/bucket?X-Amz-Signature=abc"), new StorageUpload
        {
            Fields = new Dictionary<string, string> { ["key"] = "chats/7/photo.jpg" },
            File = new FileContent(new byte[] { 1, 2, 3 }, "photo.jpg", "image/jpeg"),
        });

        Assert.Equal(
            new[] { ("POST chats/{id}/message", "chats/{id}/message", "SendMessage"), ("POST {url}", "{url}", "UploadToStorage") },
            capture.Activities.Select(a => (a.DisplayName, (string)a.GetTagItem("url.template")!, (string)a.GetTagItem("endpointgen.operation")!)));
    }

    [Fact]
    public async Task HttpClients_own_activity_is_a_child_of_the_call_and_the_server_gets_the_trace()
    {
        await using var server = Answering("200 OK", ChatJson);
        using var parentSource = new ActivitySource("Tests.Telemetry.Parent");
        using var capture = TelemetryCapture.Of(Source, "System.Net.Http", parentSource.Name);

        using (var parent = parentSource.StartActivity("the caller's operation"))
        {
            await Ccai(server.BaseAddress).GetChatAsync(1234);
            Assert.Same(parent, Activity.Current);
        }

        var call = Assert.Single(capture.Activities, a => a.Source.Name == Source);
        var send = Assert.Single(capture.Activities, a => a.Source.Name == "System.Net.Http");
        var caller = Assert.Single(capture.Activities, a => a.Source.Name == parentSource.Name);
        Assert.Equal(caller.SpanId, call.ParentSpanId);
        Assert.Equal(call.SpanId, send.ParentSpanId);
        Assert.Equal(call.TraceId, caller.TraceId);
        Assert.Contains(call.TraceId.ToHexString(), Assert.Single(server.Received).Header("traceparent"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirected_call_is_one_activity_with_a_child_for_each_request_sent()
    {
        await using var server = new ScriptedServer((request, stream, token) => request.Target == "/api/chats/1234"
            ? ScriptedServer.RespondAsync(stream, "302 Found", "/api/chats/1234/moved", string.Empty, token)
            : ScriptedServer.RespondAsync(stream, "200 OK", null, ChatJson, token));
        using var capture = TelemetryCapture.Of(Source, "System.Net.Http");

        await Ccai(server.BaseAddress).GetChatAsync(1234);

        Assert.Equal(new[] { "/api/chats/1234", "/api/chats/1234/moved" }, server.Received.Select(r => r.Target));
        var call = Assert.Single(capture.Activities, a => a.Source.Name == Source);
        var sends = capture.Activities.Where(a => a.Source.Name == "System.Net.Http").ToList();
        Assert.Equal(2, sends.Count);
        Assert.All(sends, send => Assert.Equal(call.SpanId, send.ParentSpanId));
        Assert.Equal(200, call.GetTagItem("http.response.status_code"));
        Assert.Equal("chats/{id}", call.GetTagItem("url.template"));
        Assert.Equal(ActivityStatusCode.Unset, call.Status);
        Assert.Single(capture.Of("endpointgen.client.request.duration"));
    }

    [Fact]
    public async Task An_error_status_sets_the_status_error_type_and_the_failure_count()
    {
        await using var server = Answering("404 Not Found", """{"message": "no such chat"}""");
        using var capture = TelemetryCapture.Of(Source);

        await Assert.ThrowsAsync<CcaiApiException>(() => Ccai(server.BaseAddress).GetChatAsync(1234));

        var activity = Assert.Single(capture.Activities);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Null(activity.StatusDescription);
        Assert.Equal(404, activity.GetTagItem("http.response.status_code"));
        Assert.Equal("404", activity.GetTagItem("error.type"));
        Assert.Empty(activity.Events);

        var expected = Lines(
            ("endpointgen.operation", "GetChat"),
            ("endpointgen.status_class", "4xx"),
            ("error.type", "404"),
            ("http.request.method", "GET"),
            ("http.response.status_code", 404));
        var failure = Assert.Single(capture.Of("endpointgen.client.request.failures"));
        Assert.Equal((1d, "{request}", expected), (failure.Value, failure.Unit, Lines(failure.Tags)));
        var duration = Assert.Single(capture.Of("endpointgen.client.request.duration"));
        Assert.Equal(("s", expected), (duration.Unit, Lines(duration.Tags)));
        Assert.True(duration.Value > 0, duration.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_success_status_with_a_body_that_does_not_match_fails_with_the_exception_type()
    {
        await using var server = Answering("200 OK", "[1, 2]");
        using var capture = TelemetryCapture.Of(Source);

        await Assert.ThrowsAsync<CcaiApiException>(() => Ccai(server.BaseAddress).GetChatAsync(1234));

        var activity = Assert.Single(capture.Activities);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal((200, "ContactCenter.Ccai.CcaiApiException"), (activity.GetTagItem("http.response.status_code"), activity.GetTagItem("error.type")));
        var failure = Assert.Single(capture.Of("endpointgen.client.request.failures"));
        Assert.Equal(("2xx", "ContactCenter.Ccai.CcaiApiException"), (failure.Tags["endpointgen.status_class"], failure.Tags["error.type"]));
    }

    [Fact]
    public async Task A_call_that_gets_no_response_fails_with_the_exception_type_and_no_status()
    {
        // A port that was just free: nothing listens there.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var capture = TelemetryCapture.Of(Source);

        await Assert.ThrowsAsync<HttpRequestException>(() => Ccai(new Uri($"http://127.0.0.1:{port}/api/")).GetChatAsync(1234));

        var activity = Assert.Single(capture.Activities);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("System.Net.Http.HttpRequestException", activity.GetTagItem("error.type"));
        Assert.Null(activity.GetTagItem("http.response.status_code"));
        var failure = Assert.Single(capture.Of("endpointgen.client.request.failures"));
        Assert.Equal(
            Lines(("endpointgen.operation", "GetChat"), ("error.type", "System.Net.Http.HttpRequestException"), ("http.request.method", "GET")),
            Lines(failure.Tags));
    }

    [Fact]
    public async Task A_successful_call_records_its_duration_and_no_failure()
    {
        await using var server = Answering("200 OK", ChatJson);
        using var capture = TelemetryCapture.Of(Source);

        await Ccai(server.BaseAddress).GetChatAsync(1234);

        var duration = Assert.Single(capture.Measurements);
        Assert.Equal(("EndpointGen.Ccai", "endpointgen.client.request.duration", "s"), (duration.Meter, duration.Instrument, duration.Unit));
        Assert.Equal(
            Lines(("endpointgen.operation", "GetChat"), ("endpointgen.status_class", "2xx"), ("http.request.method", "GET"), ("http.response.status_code", 200)),
            Lines(duration.Tags));
        Assert.InRange(duration.Value, double.Epsilon, 60);
    }

    [Fact]
    public async Task Two_clients_of_one_service_share_its_source_and_meter()
    {
        await using var first = Answering("200 OK", ChatJson);
        await using var second = Answering("200 OK", ChatJson);
        using var capture = TelemetryCapture.Of(Source);

        await Ccai(first.BaseAddress).GetChatAsync(1);
        await Ccai(second.BaseAddress).GetChatAsync(2);

        Assert.Equal(2, capture.Activities.Count);
        Assert.Same(capture.Activities[0].Source, capture.Activities[1].Source);
        Assert.Equal(new[] { Port(first), Port(second) }, capture.Activities.Select(a => (int)a.GetTagItem("server.port")!));
        Assert.Equal(2, capture.Of("endpointgen.client.request.duration").Count);
    }

    [Fact]
    public async Task Without_a_listener_a_call_starts_no_activity_and_sends_a_plain_request()
    {
        var handler = new ObservingHandler();
        var client = new CcaiClient(new HttpClient(handler), new CcaiClientOptions { BaseAddress = new Uri("https://acme.example.com/apps/api/v1"), Username = "u", Password = "p" });
        using var parentSource = new ActivitySource("Tests.Telemetry.Parent");

        using (TelemetryCapture.Of(parentSource.Name))
        using (var parent = parentSource.StartActivity("the caller's operation"))
        {
            await client.GetChatAsync(1);
            Assert.Same(parent, handler.Current);
            Assert.Equal(typeof(HttpRequestMessage), handler.RequestType);
        }

        using (var capture = TelemetryCapture.Of(Source))
        {
            await client.GetChatAsync(1);
            Assert.Equal(Source, handler.Current?.Source.Name);
            Assert.NotEqual(typeof(HttpRequestMessage), handler.RequestType);
            Assert.Single(capture.Activities);
        }
    }

    [Fact]
    public async Task The_instruments_alone_record_the_call_with_its_status_and_no_activity()
    {
        var handler = new ObservingHandler();
        var client = new CcaiClient(new HttpClient(handler), new CcaiClientOptions { BaseAddress = new Uri("https://acme.example.com/apps/api/v1"), Username = "u", Password = "p" });
        using var meters = new System.Diagnostics.Metrics.MeterListener();
        var statuses = new List<object?>();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == Source)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "http.response.status_code")
                {
                    statuses.Add(tag.Value);
                }
            }
        });
        meters.Start();

        await client.GetChatAsync(1);

        Assert.Null(handler.Current);
        Assert.Equal(new object?[] { 200 }, statuses);
    }

    [Fact]
    public async Task A_request_built_before_anything_listened_is_recorded_without_its_template_and_with_the_status_of_its_failure()
    {
        await using var server = Answering("404 Not Found", "{}");
        var runner = new ApiRequestRunner<object>(
            EndpointGenHttpClient.Create(),
            new ApiRunnerSettings { Service = "Late", BaseAddress = server.BaseAddress },
            static (operation, response, body, error, detail, inner) => new ApiException("Late", operation, response, body, detail, inner));
        var request = runner.CreateRequest(HttpMethod.Get, new Uri(server.BaseAddress, "things/7"), "things/{id}");
        using var capture = TelemetryCapture.Of("EndpointGen.Late");

        await Assert.ThrowsAsync<ApiException>(() => runner.SendAsync("GetThing", request, CancellationToken.None));

        var activity = Assert.Single(capture.Activities);
        Assert.Equal("GET", activity.DisplayName);
        Assert.Null(activity.GetTagItem("url.template"));
        Assert.Equal((404, "404", "GetThing"), (activity.GetTagItem("http.response.status_code"), activity.GetTagItem("error.type"), activity.GetTagItem("endpointgen.operation")));
    }

    [Fact]
    public async Task A_call_allocates_nothing_more_while_only_other_sources_and_meters_are_heard()
    {
        var client = new CcaiClient(new HttpClient(new ObservingHandler()), new CcaiClientOptions { BaseAddress = new Uri("https://acme.example.com/apps/api/v1"), Username = "u", Password = "p" });
        using var otherSource = new ActivitySource("Tests.Telemetry.Other");
        using var otherMeter = new System.Diagnostics.Metrics.Meter("Tests.Telemetry.Other");
        otherMeter.CreateCounter<long>("other");

        var alone = await BytesPerCallAsync(() => client.GetChatAsync(1));
        long others;
        using (TelemetryCapture.Of(otherSource.Name))
        {
            others = await BytesPerCallAsync(() => client.GetChatAsync(1));
        }

        long heard;
        using (TelemetryCapture.Of(Source))
        {
            heard = await BytesPerCallAsync(() => client.GetChatAsync(1));
        }

        _output.WriteLine($"GetChatAsync: {alone} bytes per call with no listener, {others} while only other sources and meters are heard, {heard} while its source and meter are");
        Assert.Equal(alone, others);
        Assert.True(heard > alone, $"heard {heard}, alone {alone}");
    }

    private static async Task<long> BytesPerCallAsync(Func<Task> call)
    {
        const int Calls = 1_000;
        for (var i = 0; i < 50; i++)
        {
            await call();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            var task = call();
            Assert.True(task.IsCompleted, "the call did not complete synchronously, so its allocations would be on other threads");
            await task;
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / Calls;
    }

    /// <summary>Answers every request at once with a chat, noting the activity current while it sends and the request's type.</summary>
    private sealed class ObservingHandler : HttpMessageHandler
    {
        private static readonly byte[] s_chat = Encoding.UTF8.GetBytes(ChatJson);

        public Activity? Current { get; private set; }

        public Type? RequestType { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Current = Activity.Current;
            RequestType = request.GetType();
            var content = new ByteArrayContent(s_chat);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        }
    }
}
