using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EndpointGen.Runtime;
using EndpointGen.Tests.Infrastructure;
using EndpointGen.Tests.Robustness;
using Xunit;

namespace EndpointGen.Tests.Wire;

/// <summary>
/// <c>tests/EndpointGen.Tests/Features/ledger.endpoints.yaml</c> against a loopback server: <c>...AllAsync</c> pages by
/// page number (to a total, to a last page, to an empty page), by cursor and by next URL, sending exactly the request
/// of each page; it stops with <see cref="InvalidOperationException"/> where a server would make it loop, gives a next
/// URL on another origin no credential, and stops at once when cancelled.
/// </summary>
public sealed class PaginationWireTests : IClassFixture<PaginationWireTests.LedgerClient>
{
    private const string Service = "Features.Ledger.Ledger";
    private const string Token = "t0ken-for-ledger";

    private readonly DynamicClient _dynamic;

    public PaginationWireTests(LedgerClient ledger) => _dynamic = ledger.Client;

    /// <summary>The feature descriptor, compiled once for the class.</summary>
    public sealed class LedgerClient : IDisposable
    {
        public DynamicClient Client { get; } = DynamicClient.Compile(
            File.ReadAllText(Path.Combine(Repository.Root, "tests", "EndpointGen.Tests", "Features", "ledger.endpoints.yaml")));

        public void Dispose() => Client.Dispose();
    }

    [Fact]
    public async Task Page_numbers_go_up_until_the_total_is_reached_and_every_page_is_the_plain_calls_request()
    {
        var pages = new Dictionary<string, string>
        {
            ["/api/entries?page=1&account=A%2F1"] = """{"entries": [{"id": 1}, {"id": 2}], "meta": {"total": 5, "page": 1}}""",
            ["/api/entries?page=2&account=A%2F1"] = """{"entries": [{"id": 3}, {"id": 4}], "meta": {"total": 5, "page": 2}}""",
            ["/api/entries?page=3&account=A%2F1"] = """{"entries": [{"id": 5}], "meta": {"total": 5, "page": 3}}""",
        };
        await using var server = new ScriptedServer((request, stream, token) => RespondAsync(stream, pages[request.Target], token, ("X-Page", request.Target)));
        var client = Client(server);
        var parameters = _dynamic.New("Features.Ledger.ListEntriesParameters", ("Account", "A/1"), ("XLedgerBook", "main"));

        var items = await ItemsAsync(All(client, "ListEntriesAllAsync", parameters));

        Assert.Equal(new object[] { 1L, 2L, 3L, 4L, 5L }, items.Select(i => Property(i, "Id")));
        Assert.Equal(pages.Keys, server.Received.Select(r => r.Target));
        foreach (var request in server.Received)
        {
            Assert.Equal("GET", request.Method);
            Assert.Equal(
                new[] { "Host: " + server.Origin["http://".Length..], "Authorization: Bearer " + Token, "X-Ledger-Book: main" },
                request.Headers.Select(h => h.Key + ": " + h.Value));
            Assert.Equal(string.Empty, request.Body);
        }

        // The first page is the plain call's request for page 1, byte for byte.
        await DynamicClient.CallAsync(client, "ListEntriesAsync", _dynamic.New("Features.Ledger.ListEntriesParameters", ("Page", 1), ("Account", "A/1"), ("XLedgerBook", "main")));
        Assert.Equal(Describe(server.Received[0]), Describe(server.Received[^1]));

        // Page by page: the number that fetched each, its status, headers and body.
        var received = server.Received.Count;
        var byPage = await ItemsAsync((IAsyncEnumerable<object>)Invoke(All(client, "ListEntriesAllAsync", parameters), "AsPages"));
        Assert.Equal(3, server.Received.Count - received);
        Assert.Equal(new int?[] { 1, 2, 3 }, byPage.Select(p => (int?)Property(p, "PageNumber")));
        Assert.All(byPage, p => Assert.Null(Property(p, "Cursor")));
        Assert.Equal(new[] { 2, 2, 1 }, byPage.Select(p => ((System.Collections.ICollection)Property(p, "Items")!).Count));
        Assert.Equal(pages.Keys.Select(k => server.Origin + k), byPage.Select(p => ((Uri)Property(p, "Url")!).AbsoluteUri));
        Assert.All(byPage, p => Assert.Equal(HttpStatusCode.OK, ((ApiResponse)p).StatusCode));
        Assert.Equal(pages.Keys, byPage.Select(p => ((ApiResponse)p).GetHeader("X-Page")));
        Assert.Equal(new object[] { 1, 2, 3 }, byPage.Select(p => Property(Property(Property(p, "Body")!, "Meta")!, "Page")));
    }

    [Fact]
    public async Task A_page_style_without_a_total_ends_at_the_first_empty_page()
    {
        var pages = new[] { """{"tags": ["a", "b"]}""", """{"tags": ["c"]}""", """{"tags": []}""" };
        await using var server = new ScriptedServer((request, stream, token) => RespondAsync(stream, pages[PageOf(request) - 1], token));

        var items = await ItemsAsync(All(Client(server), "ListTagsAllAsync", new object?[] { null }));

        Assert.Equal(new object[] { "a", "b", "c" }, items);
        Assert.Equal(new[] { "/api/tags?page=1", "/api/tags?page=2", "/api/tags?page=3" }, server.Received.Select(r => r.Target));
    }

    [Fact]
    public async Task The_page_the_parameters_set_is_the_first_one_fetched()
    {
        var pages = new[] { """{"tags": ["a"]}""", """{"tags": ["b"]}""", """{"tags": ["c"]}""", """{"tags": []}""" };
        await using var server = new ScriptedServer((request, stream, token) => RespondAsync(stream, pages[PageOf(request) - 1], token));

        var items = await ItemsAsync(All(Client(server), "ListTagsAllAsync", _dynamic.New("Features.Ledger.ListTagsParameters", ("Page", 2))));

        Assert.Equal(new object[] { "b", "c" }, items);
        Assert.Equal(new[] { "/api/tags?page=2", "/api/tags?page=3", "/api/tags?page=4" }, server.Received.Select(r => r.Target));
    }

    [Fact]
    public async Task A_last_page_number_ends_the_pages_counted_from_the_declared_start()
    {
        await using var server = new ScriptedServer((request, stream, token) => RespondAsync(
            stream,
            request.Target == "/api/accounts?p=0" ? """{"data": {"accounts": [{"number": "100"}], "paging": {"last": 1}}}""" : """{"data": {"accounts": [{"number": "200"}], "paging": {"last": 1}}}""",
            token));

        var items = await ItemsAsync(All(Client(server), "ListAccountsAllAsync", new object?[] { null }));

        Assert.Equal(new object[] { "100", "200" }, items.Select(i => Property(i, "Number")));
        Assert.Equal(new[] { "/api/accounts?p=0", "/api/accounts?p=1" }, server.Received.Select(r => r.Target));
    }

    [Fact]
    public async Task A_server_that_ignores_the_page_number_stops_the_enumeration_before_the_repeated_items()
    {
        await using var server = new ScriptedServer((_, stream, token) => RespondAsync(stream, """{"tags": ["a", "b"]}""", token));
        var seen = new List<object>();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var item in All(Client(server), "ListTagsAllAsync", new object?[] { null }))
            {
                seen.Add(item);
            }
        });

        Assert.Equal("Ledger ListTags: page 2 came back exactly as the page before it: the server seems to ignore the page number, so paging stopped: it would not end.", exception.Message);
        Assert.Equal(new object[] { "a", "b" }, seen);
        Assert.Equal(2, server.Received.Count);
    }

    [Fact]
    public async Task MaxPages_bounds_pages_that_never_end()
    {
        await using var server = new ScriptedServer((request, stream, token) => RespondAsync(stream, "{\"tags\": [\"" + request.Target + "\"]}", token));
        var pageable = All(Client(server), "ListTagsAllAsync", new object?[] { null });
        pageable.GetType().GetProperty("MaxPages")!.SetValue(pageable, 3);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => ItemsAsync(pageable));

        Assert.Equal("Ledger ListTags: fetched 3 pages (MaxPages) without reaching the last one, so paging stopped: it would not end.", exception.Message);
        Assert.Equal(3, server.Received.Count);
    }

    [Fact]
    public async Task A_cursor_goes_into_the_next_request_until_a_page_gives_an_empty_one()
    {
        var pages = new Dictionary<string, string>
        {
            ["/api/accounts/A-1/transfers?limit=50"] = """{"transfers": [{"id": "t1"}], "response_metadata": {"next_cursor": "c/1"}}""",
            ["/api/accounts/A-1/transfers?cursor=c%2F1&limit=50"] = """{"transfers": [{"id": "t2"}, {"id": "t3"}], "response_metadata": {"next_cursor": "c2"}}""",
            ["/api/accounts/A-1/transfers?cursor=c2&limit=50"] = """{"transfers": [], "response_metadata": {"next_cursor": "c3"}}""",
            ["/api/accounts/A-1/transfers?cursor=c3&limit=50"] = """{"transfers": [{"id": "t4"}], "response_metadata": {"next_cursor": ""}}""",
        };
        await using var server = new ScriptedServer((request, stream, token) => RespondAsync(stream, pages[request.Target], token));
        var parameters = _dynamic.New("Features.Ledger.ListTransfersParameters", ("Limit", 50));

        var byPage = await ItemsAsync((IAsyncEnumerable<object>)Invoke(All(Client(server), "ListTransfersAllAsync", "A-1", parameters), "AsPages"));

        // An empty page with a cursor goes on: only the cursor tells the end.
        Assert.Equal(pages.Keys, server.Received.Select(r => r.Target));
        Assert.Equal(new[] { null, "c/1", "c2", "c3" }, byPage.Select(p => (string?)Property(p, "Cursor")));
        Assert.Equal(new[] { "t1", "t2", "t3", "t4" }, byPage.SelectMany(p => ((IEnumerable<object>)Property(p, "Items")!).Select(i => (string)Property(i, "Id")!)));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"\"")]
    [InlineData(null)]
    public async Task An_absent_null_or_empty_cursor_is_the_last_page(string? next)
    {
        var last = next is null ? """{"transfers": [{"id": "t2"}]}""" : "{\"transfers\": [{\"id\": \"t2\"}], \"response_metadata\": {\"next_cursor\": " + next + "}}";
        await using var server = new ScriptedServer((request, stream, token) => RespondAsync(
            stream, request.Target.Contains("cursor", StringComparison.Ordinal) ? last : """{"transfers": [{"id": "t1"}], "response_metadata": {"next_cursor": "c1"}}""", token));

        var items = await ItemsAsync(All(Client(server), "ListTransfersAllAsync", "A-1", null));

        Assert.Equal(new[] { "t1", "t2" }, items.Select(i => (string)Property(i, "Id")!));
        Assert.Equal(2, server.Received.Count);
    }

    [Fact]
    public async Task A_repeated_cursor_stops_the_enumeration_after_the_page_that_repeats_it()
    {
        await using var server = new ScriptedServer((request, stream, token) => RespondAsync(
            stream,
            request.Target.EndsWith("cursor=c2", StringComparison.Ordinal) ? """{"transfers": [{"id": "t2"}], "response_metadata": {"next_cursor": "c1"}}""" : """{"transfers": [{"id": "t1"}], "response_metadata": {"next_cursor": "c2"}}""",
            token));
        var seen = new List<string>();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var item in All(Client(server), "ListTransfersAllAsync", "A-1", _dynamic.New("Features.Ledger.ListTransfersParameters", ("Cursor", "c1"))))
            {
                seen.Add((string)Property(item, "Id")!);
            }
        });

        Assert.Equal("Ledger ListTransfers: page 2 gave the cursor of an earlier page as the next one, so paging stopped: it would not end.", exception.Message);
        Assert.Equal(new[] { "t1", "t2" }, seen);
        Assert.Equal(new[] { "/api/accounts/A-1/transfers?cursor=c1", "/api/accounts/A-1/transfers?cursor=c2" }, server.Received.Select(r => r.Target));
    }

    [Fact]
    public async Task An_item_cursor_sends_the_first_items_id_as_before_until_a_page_without_items()
    {
        var pages = new Dictionary<string, string>
        {
            ["/api/entries/7/notes"] = """{"payload": [{"id": 41, "text": "c"}, {"id": 42}, {"id": 43}]}""",
            ["/api/entries/7/notes?before=41"] = """{"payload": [{"id": 38}, {"id": 40}]}""",
            ["/api/entries/7/notes?before=38"] = """{"payload": [{"id": -2}]}""",
            ["/api/entries/7/notes?before=-2"] = """{"payload": []}""",
        };
        await using var server = new ScriptedServer((request, stream, token) => RespondAsync(stream, pages[request.Target], token));
        var client = Client(server);

        var byPage = await ItemsAsync((IAsyncEnumerable<object>)Invoke(All(client, "ListNotesAllAsync", 7L, null), "AsPages"));

        Assert.Equal(pages.Keys, server.Received.Select(r => r.Target));
        Assert.Equal(new[] { null, "41", "38", "-2" }, byPage.Select(p => (string?)Property(p, "Cursor")));
        Assert.Equal(new object[] { 41L, 42L, 43L, 38L, 40L, -2L }, byPage.SelectMany(p => ((IEnumerable<object>)Property(p, "Items")!).Select(i => Property(i, "Id")!)));

        // A page after the first is the plain call's request with that before, byte for byte.
        await DynamicClient.CallAsync(client, "ListNotesAsync", 7L, _dynamic.New("Features.Ledger.ListNotesParameters", ("Before", 41L)));
        Assert.Equal(Describe(server.Received[1]), Describe(server.Received[^1]));
    }

    [Fact]
    public async Task An_item_cursor_starts_from_the_before_the_parameters_set_and_a_repeated_one_stops_the_enumeration()
    {
        // A server that ignores before answers the same page again: its first id is the cursor already sent.
        await using var server = new ScriptedServer((request, stream, token) => RespondAsync(
            stream, request.Target.EndsWith("before=100", StringComparison.Ordinal) ? """{"payload": [{"id": 90}, {"id": 95}]}""" : """{"payload": [{"id": 90}]}""", token));
        var seen = new List<long>();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var item in All(Client(server), "ListNotesAllAsync", 7L, _dynamic.New("Features.Ledger.ListNotesParameters", ("Before", 100L))))
            {
                seen.Add((long)Property(item, "Id")!);
            }
        });

        Assert.Equal("Ledger ListNotes: page 2 gave the cursor of an earlier page as the next one, so paging stopped: it would not end.", exception.Message);
        Assert.Equal(new[] { 90L, 95L, 90L }, seen);
        Assert.Equal(new[] { "/api/entries/7/notes?before=100", "/api/entries/7/notes?before=90" }, server.Received.Select(r => r.Target));
    }

    [Fact]
    public async Task A_POST_cursor_sends_its_body_again_with_each_uuid_cursor()
    {
        var cursor = new Guid("6ed7c941-2c8a-411e-95d2-338a9f64800a");
        await using var server = new ScriptedServer((request, stream, token) => RespondAsync(
            stream,
            request.Target == "/api/audits/search" ? "{\"audits\": [{\"id\": \"" + Guid.Empty + "\"}], \"paging\": {\"after\": \"" + cursor + "\"}}" : """{"audits": [], "paging": null}""",
            token));

        var items = await ItemsAsync(All(Client(server), "ListAuditsAllAsync", _dynamic.New("Features.Ledger.AuditQuery", ("Actor", "ada")), null));

        Assert.Single(items);
        Assert.Equal(new[] { "/api/audits/search", "/api/audits/search?after=6ed7c941-2c8a-411e-95d2-338a9f64800a" }, server.Received.Select(r => r.Target));
        Assert.All(server.Received, r => Assert.Equal("POST " + """{"actor":"ada"}""", r.Method + " " + r.Body));
        Assert.All(server.Received, r => Assert.Equal("application/json", r.Header("Content-Type")));
    }

    [Fact]
    public async Task Next_urls_are_followed_absolute_and_relative_without_adding_the_query_again()
    {
        string? origin = null;
        var pages = new Dictionary<string, Func<string>>
        {
            ["/api/statements?year=2026"] = () => "{\"data\": [{\"month\": \"2026-01\"}], \"links\": {\"next\": \"" + origin + "/api/statements?year=2026&page=2\"}}",
            ["/api/statements?year=2026&page=2"] = () => """{"data": [{"month": "2026-02"}], "links": {"next": "statements?year=2026&page=3"}}""",
            ["/api/statements?year=2026&page=3"] = () => """{"data": [{"month": "2026-03"}], "links": {"next": null}}""",
        };
        await using var server = new ScriptedServer((request, stream, token) => RespondAsync(stream, pages[request.Target](), token));
        origin = server.Origin;
        var parameters = _dynamic.New("Features.Ledger.ListStatementsParameters", ("Year", 2026), ("XLedgerBook", "main"));

        var byPage = await ItemsAsync((IAsyncEnumerable<object>)Invoke(All(Client(server), "ListStatementsAllAsync", parameters), "AsPages"));

        Assert.Equal(pages.Keys, server.Received.Select(r => r.Target));
        Assert.All(server.Received, r => Assert.Equal(
            new[] { "Host: " + server.Origin["http://".Length..], "Authorization: Bearer " + Token, "X-Ledger-Book: main" },
            r.Headers.Select(h => h.Key + ": " + h.Value)));
        Assert.Equal(pages.Keys.Select(k => server.Origin + k), byPage.Select(p => ((Uri)Property(p, "Url")!).AbsoluteUri));
        Assert.All(byPage, p => Assert.Null(Property(p, "PageNumber")));
    }

    [Fact]
    public async Task A_next_url_on_another_origin_gets_neither_the_credential_nor_the_header_parameters()
    {
        await using var other = new ScriptedServer((_, stream, token) => RespondAsync(stream, """{"data": [{"month": "2026-02"}], "links": {}}""", token), ScriptedServer.OtherLoopback);
        await using var server = new ScriptedServer((_, stream, token) => RespondAsync(stream, "{\"data\": [{\"month\": \"2026-01\"}], \"links\": {\"next\": \"" + other.Origin + "/archive/statements?page=2&sig=a%2Fb\"}}", token));

        var items = await ItemsAsync(All(Client(server), "ListStatementsAllAsync", _dynamic.New("Features.Ledger.ListStatementsParameters", ("XLedgerBook", "main"))));

        Assert.Equal(2, items.Count);
        Assert.Equal("Bearer " + Token, server.Received.Single().Header("Authorization"));
        var elsewhere = other.Received.Single();
        Assert.Equal("GET /archive/statements?page=2&sig=a%2Fb", elsewhere.Method + " " + elsewhere.Target);
        Assert.Equal(new[] { "Host: " + other.Origin["http://".Length..] }, elsewhere.Headers.Select(h => h.Key + ": " + h.Value));
    }

    [Fact]
    public async Task A_repeated_next_url_stops_the_enumeration()
    {
        string? origin = null;
        await using var server = new ScriptedServer((request, stream, token) => RespondAsync(
            stream,
            request.Target == "/api/statements" ? "{\"data\": [{\"month\": \"2026-01\"}], \"links\": {\"next\": \"" + origin + "/api/statements?page=2#top\"}}" : """{"data": [{"month": "2026-02"}], "links": {"next": "statements?page=2"}}""",
            token));
        origin = server.Origin;

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => ItemsAsync(All(Client(server), "ListStatementsAllAsync", new object?[] { null })));

        Assert.Equal($"Ledger ListStatements: page 2 gave the URL of an earlier page ({server.Origin}/api/statements) as the next one, so paging stopped: it would not end.", exception.Message);
        Assert.Equal(new[] { "/api/statements", "/api/statements?page=2" }, server.Received.Select(r => r.Target));
    }

    [Fact]
    public async Task A_given_url_endpoint_pages_from_the_url_passed_to_it()
    {
        string? origin = null;
        await using var server = new ScriptedServer((request, stream, token) => RespondAsync(
            stream,
            request.Target == "/kept/link?page=7" ? "{\"data\": [{\"month\": \"2025-07\"}], \"links\": {\"next\": \"" + origin + "/kept/link?page=8\"}}" : """{"data": [{"month": "2025-08"}], "links": {"next": ""}}""",
            token));
        origin = server.Origin;

        var items = await ItemsAsync(All(Client(server), "ListStatementsFromAllAsync", new Uri(server.Origin + "/kept/link?page=7")));

        Assert.Equal(new[] { "2025-07", "2025-08" }, items.Select(i => (string)Property(i, "Month")!));
        Assert.Equal(new[] { "/kept/link?page=7", "/kept/link?page=8" }, server.Received.Select(r => r.Target));
        Assert.All(server.Received, r => Assert.Equal("Bearer " + Token, r.Header("Authorization")));
    }

    [Fact]
    public async Task Arguments_are_checked_at_the_call_and_nothing_is_sent_before_the_enumeration()
    {
        await using var server = new ScriptedServer((_, stream, token) => RespondAsync(stream, """{"tags": []}""", token));
        var client = Client(server);

        Assert.Throws<ArgumentException>(() => All(client, "ListTransfersAllAsync", "..", null));
        Assert.Throws<ArgumentNullException>(() => All(client, "ListAuditsAllAsync", null, null));
        var pageable = All(client, "ListTagsAllAsync", new object?[] { null });
        Assert.Empty(server.Received);

        // Each enumeration starts from the first page again.
        Assert.Empty(await ItemsAsync(pageable));
        Assert.Empty(await ItemsAsync(pageable));
        Assert.Equal(new[] { "/api/tags?page=1", "/api/tags?page=1" }, server.Received.Select(r => r.Target));
    }

    [Fact]
    public async Task Cancelling_between_items_stops_at_once_and_sends_nothing_more()
    {
        await using var server = new ScriptedServer((request, stream, token) => RespondAsync(stream, "{\"tags\": [\"" + PageOf(request) + "a\", \"" + PageOf(request) + "b\"]}", token));
        using var cancel = new CancellationTokenSource();
        var seen = new List<object>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in All(Client(server), "ListTagsAllAsync", new object?[] { null }).WithCancellation(cancel.Token))
            {
                seen.Add(item);
                cancel.Cancel();
            }
        });

        Assert.Equal(new object[] { "1a" }, seen);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task Cancelling_the_calls_token_cancels_the_request_in_flight()
    {
        var secondArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new ScriptedServer(async (request, stream, token) =>
        {
            if (PageOf(request) == 1)
            {
                await RespondAsync(stream, """{"tags": ["a"]}""", token);
                return;
            }

            secondArrived.TrySetResult();
            await Task.Delay(Timeout.Infinite, token);
        });
        using var cancel = new CancellationTokenSource();
        var seen = new List<object>();
        var pageable = (IAsyncEnumerable<object>)Invoke(Client(server), "ListTagsAllAsync", null, cancel.Token);

        var enumeration = Task.Run(async () =>
        {
            await foreach (var item in pageable)
            {
                seen.Add(item);
            }
        });
        await secondArrived.Task;
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => enumeration);
        Assert.Equal(new object[] { "a" }, seen);
        Assert.Equal(new[] { "/api/tags?page=1", "/api/tags?page=2" }, server.Received.Select(r => r.Target));
    }

    private object Client(ScriptedServer server) =>
        _dynamic.Client(Service, new System.Net.Http.HttpClient(EndpointGenHttpClient.CreateHandler()), _dynamic.Options(Service, o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.Token = Token;
        }));

    /// <summary>Calls an <c>...AllAsync</c> method without a cancellation token: its items, as objects (the interface is covariant).</summary>
    private static IAsyncEnumerable<object> All(object client, string method, params object?[] arguments) =>
        (IAsyncEnumerable<object>)Invoke(client, method, arguments.Append(CancellationToken.None).ToArray());

    private static object Invoke(object target, string method, params object?[] arguments)
    {
        try
        {
            return target.GetType().GetMethod(method)!.Invoke(target, arguments)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    private static async Task<List<object>> ItemsAsync(IAsyncEnumerable<object> items)
    {
        var list = new List<object>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static int PageOf(ReceivedRequest request) => int.Parse(request.Target[(request.Target.IndexOf("page=", StringComparison.Ordinal) + 5)..], System.Globalization.CultureInfo.InvariantCulture);

    private static object? Property(object value, string name) => value.GetType().GetProperty(name)!.GetValue(value);

    private static string Describe(ReceivedRequest request) =>
        request.Method + " " + request.Target + "\n" + string.Join("\n", request.Headers.Select(h => h.Key + ": " + h.Value)) + "\n\n" + request.Body;

    /// <summary>Writes a whole 200 JSON response with the given extra headers, closing the connection.</summary>
    private static async Task RespondAsync(NetworkStream stream, string body, CancellationToken cancellationToken, params (string Name, string Value)[] headers)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\n");
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
