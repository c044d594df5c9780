using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EndpointGen.Runtime;
using EndpointGen.Tests.Infrastructure;
using EndpointGen.Tests.Robustness;
using Xunit;

namespace EndpointGen.Tests.Wire;

/// <summary>
/// <c>tests/EndpointGen.Tests/Features/ticker.endpoints.yaml</c> against a loopback server that writes
/// <c>text/event-stream</c> answers piece by piece: events arrive one by one (the server writes the second only once the
/// test has the first), the WHATWG parsing rules hold (multi-line data, comments, <c>id</c>, <c>event</c>,
/// <c>retry</c>, CRLF, CR, a BOM), an event cut by the end of the body is dropped, a broken connection, an oversize
/// event and data of the wrong type fail with <c>TickerApiException</c>, and cancelling closes the connection.
/// </summary>
public sealed class TickerWireTests : IClassFixture<TickerWireTests.TickerClient>
{
    private const string Service = "Features.Ticker.Ticker";
    private const string Key = "k3y-for-ticker";

    /// <summary>How long a server script or the test waits for the other side before the test fails instead of hanging; never a timing assertion.</summary>
    private static readonly TimeSpan s_hang = TimeSpan.FromSeconds(30);

    private readonly DynamicClient _dynamic;

    public TickerWireTests(TickerClient ticker) => _dynamic = ticker.Client;

    /// <summary>The feature descriptor, compiled once for the class.</summary>
    public sealed class TickerClient : IDisposable
    {
        public DynamicClient Client { get; } = DynamicClient.Compile(
            File.ReadAllText(Path.Combine(Repository.Root, "tests", "EndpointGen.Tests", "Features", "ticker.endpoints.yaml")));

        public void Dispose() => Client.Dispose();
    }

    [Fact]
    public async Task Events_are_read_as_they_arrive_the_first_before_the_server_writes_the_second_and_the_request_is_exact()
    {
        var firstReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new ScriptedServer(async (_, stream, token) =>
        {
            await WriteHeadAsync(stream, token);
            // One JSON value over three data lines: the parser joins them with \n.
            await WriteChunkAsync(stream, "event: message\nid: 1\ndata: {\"kind\": \"message\", \"conversation_id\": 42,\ndata:  \"message\": {\"id\": 7, \"author\": \"ada\",\ndata: \"text\": \"Hello\\nworld\"}}\n\n", token);
            await firstReceived.Task.WaitAsync(s_hang, token);
            await WriteChunkAsync(stream, "event: typing\ndata: {\"kind\": \"typing\", \"conversation_id\": 42, \"user\": \"bob\"}\n\n", token);
            await WriteChunkAsync(stream, "id: 2\nevent: delivery\ndata: {\"kind\": \"delivery\", \"conversation_id\": \"42\", \"message_id\": 7, \"status\": \"read\"}\n\n", token);
            await EndChunkedAsync(stream, token);
        });
        var client = Client(server);
        var parameters = _dynamic.New("Features.Ticker.StreamEventsParameters",
            ("Types", MakeList(_dynamic.Type("Features.Ticker.EventKind"), "Message", "Typing")),
            ("LastEventID", "0"));

        var received = new List<(object? Data, string Event, string Id)>();
        await foreach (var (data, name, id, _) in Events(Invoke(client, "StreamEventsAsync", 42L, parameters, CancellationToken.None), CancellationToken.None))
        {
            received.Add((data, name, id));
            firstReceived.TrySetResult();
        }

        Assert.Equal(new[] { ("message", "1"), ("typing", "1"), ("delivery", "2") }, received.Select(e => (e.Event, e.Id)));
        var message = Property(received[0].Data!, "Message")!;
        Assert.Equal("message", Property(Property(received[0].Data!, "Kind")!, "Value"));
        Assert.Equal(42L, Property(received[0].Data!, "ConversationId"));
        Assert.Equal(7L, Property(message, "Id"));
        Assert.Equal("Hello\nworld", Property(message, "Text"));
        Assert.Equal("bob", Property(received[1].Data!, "User"));
        Assert.Equal("read", Property(Property(received[2].Data!, "Status")!, "Value"));

        var request = Assert.Single(server.Received);
        Assert.Equal("GET /api/conversations/42/events?types=message,typing", request.Method + " " + request.Target);
        Assert.Equal(
            new[] { "Host: " + server.Origin.Substring("http://".Length), "X-Ticker-Key: " + Key, "Last-Event-ID: 0", "Accept: text/event-stream" },
            request.Headers.Select(h => h.Key + ": " + h.Value));
        Assert.Equal(string.Empty, request.Body);
    }

    [Fact]
    public async Task The_WHATWG_rules_hold_multi_line_data_comments_id_event_retry_CRLF_CR_and_a_BOM()
    {
        // A BOM, then: a comment; two data lines (CRLF) and an id; an event name with CR line ends; a block without data
        // (not dispatched, but its id and retry stay); data without a space after the colon, and a line that is only
        // "data" (an empty line of data); an empty id (resets the last event ID); an unknown field; a 2xx body that is
        // the service's error body (error.inSuccess) is an event like any other.
        const string Stream = "\uFEFF: a comment\n"
            + "data: first line\r\ndata: second line\r\nid: 10\r\n\r\n"
            + "event: notice\rdata: cr ends\r\r"
            + "id: 11\nretry: 1500\n: keep-alive\n\n"
            + "data:no space\ndata\ndata:  two spaces\n\n"
            + "id\nfoo: bar\ndata: {\"ok\": false, \"error\": {\"message\": \"not an error here\"}}\n\n";
        await using var server = new ScriptedServer(async (_, stream, token) =>
        {
            await WriteHeadAsync(stream, token);
            // One byte a write: the parser must find every line end wherever a read ends.
            foreach (var b in Encoding.UTF8.GetBytes(Stream))
            {
                await WriteChunkAsync(stream, new[] { b }, token);
            }

            await EndChunkedAsync(stream, token);
        });

        var events = await ReadAllAsync(Log(Client(server)));

        Assert.Equal(
            new[]
            {
                ("first line\nsecond line", "message", "10", (TimeSpan?)null),
                ("cr ends", "notice", "10", null),
                ("no space\n\n two spaces", "message", "11", TimeSpan.FromMilliseconds(1500)),
                ("{\"ok\": false, \"error\": {\"message\": \"not an error here\"}}", "message", string.Empty, TimeSpan.FromMilliseconds(1500)),
            },
            events.Select(e => (e.Data, e.Event, e.Id, e.Retry)));
    }

    [Fact]
    public async Task A_body_that_ends_in_the_middle_of_an_event_drops_that_event_and_ends_the_events()
    {
        await using var server = new ScriptedServer(async (_, stream, token) =>
        {
            // No length and no chunking: the body ends where the connection does, cleanly.
            await ScriptedServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/event-stream\r\n\r\n", token);
            await ScriptedServer.WriteAsync(stream, "data: one\n\ndata: two\n\nid: 3\ndata: three, cut before its blank line\n", token);
        });

        var events = await ReadAllAsync(Log(Client(server)));

        Assert.Equal(new[] { "one", "two" }, events.Select(e => e.Data));
    }

    [Fact]
    public async Task A_connection_broken_in_the_middle_of_an_event_fails_with_the_typed_exception_after_the_events_that_arrived()
    {
        await using var server = new ScriptedServer(async (_, stream, token) =>
        {
            await WriteHeadAsync(stream, token);
            await WriteChunkAsync(stream, "data: one\n\ndata: two\n\ndata: thr", token);
            // Closed without the last chunk: the chunked body is broken off.
        });
        var received = new List<string>();

        var exception = await Assert.ThrowsAnyAsync<ApiException>(async () =>
        {
            await foreach (var item in Log(Client(server)))
            {
                received.Add(item.Data);
            }
        });

        Assert.Equal(new[] { "one", "two" }, received);
        Assert.Equal("Features.Ticker.TickerApiException", exception.GetType().FullName);
        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.StartsWith("Ticker StreamLog failed: 200 OK: the event stream broke off after 2 events: ", exception.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(exception.InnerException);
    }

    [Fact]
    public async Task An_event_larger_than_MaxResponseBodyBytes_fails_with_the_typed_exception_before_the_server_has_sent_it_all()
    {
        var serverStopped = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new ScriptedServer(async (_, stream, token) =>
        {
            await WriteHeadAsync(stream, token);
            await WriteChunkAsync(stream, "data: small\n\n", token);
            // A line that never ends: 64 MiB offered 4 KiB a chunk, far beyond the limit; the client must stop reading.
            var sent = 0L;
            var piece = Encoding.ASCII.GetBytes("data: " + new string('x', 4090));
            try
            {
                for (var i = 0; i < 16 * 1024; i++)
                {
                    await WriteChunkAsync(stream, piece, token);
                    sent += piece.Length;
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException)
            {
                // The client closed the connection.
            }

            serverStopped.TrySetResult(sent);
        });
        var received = new List<string>();

        var exception = await Assert.ThrowsAnyAsync<ApiException>(async () =>
        {
            await foreach (var item in Log(Client(server, maxResponseBodyBytes: 1024)))
            {
                received.Add(item.Data);
            }
        });

        Assert.Equal(new[] { "small" }, received);
        Assert.Equal("Features.Ticker.TickerApiException", exception.GetType().FullName);
        Assert.Equal("Ticker StreamLog failed: 200 OK: an event is larger than the limit of 1024 bytes (more than that arrived without ending an event)", exception.Message);
        Assert.True(await serverStopped.Task.WaitAsync(s_hang) < 16L * 1024 * 4096, "the client read the whole oversize event");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Cancelling_while_waiting_for_an_event_stops_at_once_and_the_server_sees_the_connection_closed(bool withCancellation)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new ScriptedServer(async (_, stream, token) =>
        {
            await WriteHeadAsync(stream, token);
            await WriteChunkAsync(stream, "data: one\n\n", token);
            // Nothing more: wait for the client to go away.
            try
            {
                while (await stream.ReadAsync(new byte[16], token) > 0)
                {
                }
            }
            catch (IOException)
            {
            }

            closed.TrySetResult();
        });
        using var cancel = new CancellationTokenSource();
        // WithCancellation(token) hands its token to GetAsyncEnumerator, as here.
        var enumerator = withCancellation
            ? Log(Client(server)).GetAsyncEnumerator(cancel.Token)
            : ((IAsyncEnumerable<ApiEvent<string>>)Invoke(Client(server), "StreamLogAsync", 1L, cancel.Token)).GetAsyncEnumerator();
        try
        {
            Assert.True(await enumerator.MoveNextAsync());
            Assert.Equal("one", enumerator.Current.Data);
            var waiting = enumerator.MoveNextAsync().AsTask();
            Assert.False(waiting.IsCompleted);

            cancel.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(s_hang));
        }
        finally
        {
            await enumerator.DisposeAsync();
        }

        await closed.Task.WaitAsync(s_hang);
    }

    [Fact]
    public async Task A_404_throws_the_typed_exception_with_the_error_body_before_any_event_from_both_methods()
    {
        const string Error = """{"ok": false, "error": {"code": "not_found", "message": "No conversation 9"}}""";
        await using var server = new ScriptedServer((_, stream, token) => ScriptedServer.RespondAsync(stream, "404 Not Found", null, Error, token));
        var client = Client(server);

        var fromPlain = await Assert.ThrowsAnyAsync<ApiException>(async () =>
        {
            await foreach (var item in Events(Invoke(client, "StreamEventsAsync", 9L, null, CancellationToken.None), CancellationToken.None))
            {
                Assert.Fail("no event: " + item.Event);
            }
        });
        var fromWithResponse = await Assert.ThrowsAnyAsync<ApiException>(() => DynamicClient.CallAsync(client, "StreamEventsWithResponseAsync", 9L, null));

        foreach (var exception in new[] { fromPlain, fromWithResponse })
        {
            Assert.Equal("Features.Ticker.TickerApiException", exception.GetType().FullName);
            Assert.Equal("Ticker StreamEvents failed: 404 Not Found: No conversation 9", exception.Message);
            Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
            Assert.Equal(Error, exception.ResponseBody);
            Assert.Equal("not_found", Property(Property(exception.ErrorBody!, "Error")!, "Code"));
        }

        Assert.Equal(2, server.Received.Count);
        Assert.All(server.Received, r => Assert.Equal("text/event-stream", r.Header("Accept")));
    }

    [Fact]
    public async Task A_2xx_answer_that_is_not_an_event_stream_throws_the_typed_exception_with_its_body()
    {
        const string Error = """{"ok": false, "error": {"code": "busy", "message": "Try later"}}""";
        await using var server = new ScriptedServer((_, stream, token) => ScriptedServer.RespondAsync(stream, "200 OK", null, Error, token));

        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => ReadAllAsync(Log(Client(server))));

        Assert.Equal("Ticker StreamLog failed: 200 OK: Try later", exception.Message);
        Assert.Equal(Error, exception.ResponseBody);
        Assert.Equal("busy", Property(Property(exception.ErrorBody!, "Error")!, "Code"));
    }

    [Fact]
    public async Task WithResponseAsync_gives_the_status_and_headers_before_any_event_and_disposing_it_closes_the_connection()
    {
        var mayWrite = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new ScriptedServer(async (_, stream, token) =>
        {
            await WriteHeadAsync(stream, token, ("X-Stream-Id", "s-1"));
            await mayWrite.Task.WaitAsync(s_hang, token);
            await WriteChunkAsync(stream, "data: one\n\ndata: two\n\n", token);
            try
            {
                while (await stream.ReadAsync(new byte[16], token) > 0)
                {
                }
            }
            catch (IOException)
            {
            }

            closed.TrySetResult();
        });

        var answer = (ApiEventStream<string>)(await DynamicClient.CallAsync(Client(server), "StreamLogWithResponseAsync", 5L))!;
        await using (answer)
        {
            // The server has written no event yet.
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal("s-1", answer.GetHeader("x-stream-id"));
            Assert.Equal("text/event-stream", answer.GetHeader("Content-Type"));
            mayWrite.SetResult();

            await foreach (var item in answer)
            {
                Assert.Equal("one", item.Data);
                break;
            }

            Assert.Throws<InvalidOperationException>(() => answer.GetAsyncEnumerator());
        }

        await closed.Task.WaitAsync(s_hang);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await ReadAllAsync(answer));
    }

    [Fact]
    public async Task Data_that_is_not_the_declared_type_fails_with_the_typed_exception_naming_the_event()
    {
        await using var server = new ScriptedServer(async (_, stream, token) =>
        {
            await WriteHeadAsync(stream, token);
            await WriteChunkAsync(stream, "data: {\"kind\": \"typing\", \"conversation_id\": 1}\n\nevent: message\ndata: {\"kind\": \"message\"}\n\n", token);
            await EndChunkedAsync(stream, token);
        });
        var received = 0;

        var exception = await Assert.ThrowsAnyAsync<ApiException>(async () =>
        {
            await foreach (var item in Events(Invoke(Client(server), "StreamEventsAsync", 1L, null, CancellationToken.None), CancellationToken.None))
            {
                received++;
            }
        });

        Assert.Equal(1, received);
        Assert.StartsWith("Ticker StreamEvents failed: 200 OK: the data of event 2 (message) is not a valid ConversationEvent: ", exception.Message, StringComparison.Ordinal);
        Assert.Equal("{\"kind\": \"message\"}", exception.ResponseBody);
    }

    [Fact]
    public async Task A_POST_with_a_body_streams_events_of_a_JSON_array_and_a_second_enumeration_is_refused()
    {
        await using var server = new ScriptedServer(async (_, stream, token) =>
        {
            await WriteHeadAsync(stream, token);
            await WriteChunkAsync(stream, "data: [{\"id\": 1, \"author\": \"ada\"}, {\"id\": 2, \"author\": \"bob\"}]\n\ndata: []\n\n", token);
            await EndChunkedAsync(stream, token);
        });
        var filter = _dynamic.New("Features.Ticker.InboxFilter", ("Inboxes", new long[] { 1, 2 }));
        var events = Invoke(Client(server), "WatchInboxesAsync", filter, CancellationToken.None);

        var batches = new List<int>();
        await foreach (var (data, _, _, _) in Events(events, CancellationToken.None))
        {
            batches.Add(((System.Collections.IEnumerable)data!).Cast<object>().Count());
        }

        Assert.Equal(new[] { 2, 0 }, batches);
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var item in Events(events, CancellationToken.None))
            {
            }
        });
        var request = Assert.Single(server.Received);
        Assert.Equal("POST /api/inboxes/watch", request.Method + " " + request.Target);
        Assert.Equal(
            new[] { "Host: " + server.Origin.Substring("http://".Length), "X-Ticker-Key: " + Key, "Accept: text/event-stream", "Content-Type: application/json", "Content-Length: 17" },
            request.Headers.Select(h => h.Key + ": " + h.Value));
        Assert.Equal("""{"inboxes":[1,2]}""", request.Body);
    }

    private object Client(ScriptedServer server, long? maxResponseBodyBytes = null) =>
        _dynamic.Client(Service, new System.Net.Http.HttpClient(EndpointGenHttpClient.CreateHandler()), _dynamic.Options(Service, o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.ApiKey = Key;
            if (maxResponseBodyBytes is long limit)
            {
                o.MaxResponseBodyBytes = limit;
            }
        }));

    private static IAsyncEnumerable<ApiEvent<string>> Log(object client) =>
        (IAsyncEnumerable<ApiEvent<string>>)Invoke(client, "StreamLogAsync", 1L, CancellationToken.None);

    private static object Invoke(object client, string method, params object?[] arguments)
    {
        try
        {
            return client.GetType().GetMethod(method)!.Invoke(client, arguments)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    private static async Task<List<ApiEvent<string>>> ReadAllAsync(IAsyncEnumerable<ApiEvent<string>> events)
    {
        var all = new List<ApiEvent<string>>();
        await foreach (var item in events)
        {
            all.Add(item);
        }

        return all;
    }

    /// <summary>The events of an <c>IAsyncEnumerable&lt;ApiEvent&lt;T&gt;&gt;</c> whose <c>T</c> is a generated type, read by reflection.</summary>
    private static async IAsyncEnumerable<(object? Data, string Event, string Id, TimeSpan? Retry)> Events(object events, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var enumerable = events.GetType().GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>));
        var eventType = enumerable.GetGenericArguments()[0];
        var enumeratorType = typeof(IAsyncEnumerator<>).MakeGenericType(eventType);
        var enumerator = (IAsyncDisposable)enumerable.GetMethod("GetAsyncEnumerator")!.Invoke(events, new object[] { cancellationToken })!;
        try
        {
            while (await (ValueTask<bool>)enumeratorType.GetMethod("MoveNextAsync")!.Invoke(enumerator, null)!)
            {
                var current = enumeratorType.GetProperty("Current")!.GetValue(enumerator)!;
                yield return (Property(current, "Data"), (string)Property(current, "Event")!, (string)Property(current, "Id")!, (TimeSpan?)Property(current, "Retry"));
            }
        }
        finally
        {
            await enumerator.DisposeAsync();
        }
    }

    private static object? Property(object value, string name) => value.GetType().GetProperty(name)!.GetValue(value);

    private static Array MakeList(Type enumType, params string[] members)
    {
        var list = Array.CreateInstance(enumType, members.Length);
        for (var i = 0; i < members.Length; i++)
        {
            list.SetValue(enumType.GetProperty(members[i], BindingFlags.Public | BindingFlags.Static)!.GetValue(null), i);
        }

        return list;
    }

    private static Task WriteHeadAsync(NetworkStream stream, CancellationToken cancellationToken, params (string Name, string Value)[] headers)
    {
        var head = new StringBuilder("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nTransfer-Encoding: chunked\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        return ScriptedServer.WriteAsync(stream, head.Append("\r\n").ToString(), cancellationToken);
    }

    private static Task WriteChunkAsync(NetworkStream stream, string text, CancellationToken cancellationToken) =>
        WriteChunkAsync(stream, Encoding.UTF8.GetBytes(text), cancellationToken);

    /// <summary>Writes one chunk of a chunked body and flushes it, so the client can read it before the next.</summary>
    private static async Task WriteChunkAsync(NetworkStream stream, byte[] bytes, CancellationToken cancellationToken)
    {
        await ScriptedServer.WriteAsync(stream, bytes.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n", cancellationToken);
        await stream.WriteAsync(bytes, cancellationToken);
        await ScriptedServer.WriteAsync(stream, "\r\n", cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    private static async Task EndChunkedAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        await ScriptedServer.WriteAsync(stream, "0\r\n\r\n", cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }
}
