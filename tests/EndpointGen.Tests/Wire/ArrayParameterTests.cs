using System;
using System.Linq;
using System.Threading.Tasks;
using EndpointGen.Runtime;
using EndpointGen.Tests.Robustness;
using Xunit;

namespace EndpointGen.Tests.Wire;

/// <summary>
/// Array query and header parameters and dates on the wire, against a loopback server: the request target byte for
/// byte in each style (with <c>,</c>, <c>[</c>, <c>]</c>, <c>&amp;</c>, a space and non-ASCII escaped in the values),
/// the comma-joined header line, and <c>date</c> in the path, the query, a header and the JSON body.
/// </summary>
public sealed class ArrayParameterTests : IClassFixture<ArrayParameterTests.ListsClient>
{
    private const string Descriptor = """
        service:
          name: Lists
          namespace: Wire.Lists
          baseUrl: https://lists.example.com/v1
        endpoints:
          Find:
            method: POST
            path: days/{day}
            parameters:
              path:
                day: date
              query:
                ids: { type: "int64[]", required: true, style: comma }
                repeat: "string[]"
                brackets: { type: "string[]", style: brackets }
                comma: { type: "string[]", style: comma }
                colors: { type: "Color[]", style: comma }
                numbers: "number[]"
                flags: { type: "boolean[]", style: brackets }
                since: { type: date, default: 2024-01-01 }
                days: { type: "date[]", style: comma }
                page: { type: int32, default: 1 }
              header:
                X-Tags: "string[]"
                X-Days: "date[]"
                X-Day: date
            body: Event
            response: Event
        types:
          Color:
            enum: [red, light-green]
          Event:
            fields:
              day: { type: date, required: true }
              days: date[]
              page: { type: int32, default: 1 }
        """;

    // Each value holds what a query must escape: the comma separator, brackets, the pair separators, a space, non-ASCII.
    private static readonly string[] s_values = { "a,b", "x y", "[1]", "&=", "z\u00df\u20ac" };
    private const string Escaped0 = "a%2Cb";
    private const string Escaped1 = "x%20y";
    private const string Escaped2 = "%5B1%5D";
    private const string Escaped3 = "%26%3D";
    private const string Escaped4 = "z%C3%9F%E2%82%AC";

    private readonly DynamicClient _dynamic;

    public ArrayParameterTests(ListsClient lists) => _dynamic = lists.Client;

    /// <summary>The test descriptor, compiled once for the class.</summary>
    public sealed class ListsClient : IDisposable
    {
        public DynamicClient Client { get; } = DynamicClient.Compile(Descriptor);

        public void Dispose() => Client.Dispose();
    }

    [Fact]
    public async Task Each_style_and_type_writes_the_exact_query_headers_and_body()
    {
        await using var server = Server("""{"day": "2024-05-02T23:30:00-05:00", "days": ["2024-02-29"], "page": 2}""");
        var parameters = Parameters(
            ("Ids", new long[] { 1, -2, long.MaxValue }),
            ("Repeat", s_values),
            ("Brackets", s_values),
            ("Comma", s_values),
            ("Colors", Colors("Red", "LightGreen")),
            ("Numbers", new[] { 0.1, -1.5, 1e20 }),
            ("Flags", new[] { true, false }),
            ("Since", (DateOnly?)new DateOnly(2024, 2, 29)),
            ("Days", new[] { new DateOnly(2024, 2, 29), new DateOnly(1, 1, 1) }),
            ("XTags", new[] { "alpha", "b c", "x=y" }),
            ("XDays", new[] { new DateOnly(2024, 5, 2), new DateOnly(9999, 12, 31) }),
            ("XDay", (DateOnly?)new DateOnly(2024, 5, 2)));

        var answer = await Find(server, new DateOnly(2024, 5, 2), _dynamic.New("Wire.Lists.Event", ("Day", new DateOnly(2024, 12, 31)), ("Days", new[] { new DateOnly(2024, 1, 2) })), parameters);

        var request = Assert.Single(server.Received);
        Assert.Equal(
            "/api/days/2024-05-02"
            + "?ids=1,-2,9223372036854775807"
            + $"&repeat={Escaped0}&repeat={Escaped1}&repeat={Escaped2}&repeat={Escaped3}&repeat={Escaped4}"
            + $"&brackets[]={Escaped0}&brackets[]={Escaped1}&brackets[]={Escaped2}&brackets[]={Escaped3}&brackets[]={Escaped4}"
            + $"&comma={Escaped0},{Escaped1},{Escaped2},{Escaped3},{Escaped4}"
            + "&colors=red,light-green"
            + "&numbers=0.1&numbers=-1.5&numbers=1E%2B20"
            + "&flags[]=true&flags[]=false"
            + "&since=2024-02-29"
            + "&days=2024-02-29,0001-01-01",
            request.Target);
        Assert.Equal(new[] { "alpha,b c,x=y" }, request.Headers.Where(h => h.Key == "X-Tags").Select(h => h.Value));
        Assert.Equal(new[] { "2024-05-02,9999-12-31" }, request.Headers.Where(h => h.Key == "X-Days").Select(h => h.Value));
        Assert.Equal(new[] { "2024-05-02" }, request.Headers.Where(h => h.Key == "X-Day").Select(h => h.Value));
        Assert.Equal("""{"day":"2024-12-31","days":["2024-01-02"]}""", request.Body);

        // A date-time in a date field reads as its date as written, in its own offset.
        Assert.Equal(new DateOnly(2024, 5, 2), Get(answer, "Day"));
        Assert.Equal(new[] { new DateOnly(2024, 2, 29) }, Get(answer, "Days"));
    }

    [Fact]
    public async Task Unset_and_empty_lists_send_nothing_and_a_default_is_never_sent()
    {
        await using var server = Server("""{"day": "2024-05-02"}""");
        var parameters = Parameters(
            ("Ids", new long[] { 7 }),
            ("Repeat", Array.Empty<string>()),
            ("Comma", Array.Empty<string>()),
            ("XTags", Array.Empty<string>()));

        await Find(server, new DateOnly(2024, 5, 2), _dynamic.New("Wire.Lists.Event", ("Day", new DateOnly(2024, 5, 2))), parameters);

        var request = Assert.Single(server.Received);
        Assert.Equal("/api/days/2024-05-02?ids=7", request.Target);
        Assert.DoesNotContain(request.Headers, h => h.Key.StartsWith("X-", StringComparison.Ordinal));
        Assert.Equal("""{"day":"2024-05-02"}""", request.Body);
    }

    [Theory]
    [InlineData("Repeat")]
    [InlineData("Brackets")]
    [InlineData("Comma")]
    public async Task A_null_element_is_refused_before_anything_is_sent(string property)
    {
        await using var server = Server("{}");
        var parameters = Parameters(("Ids", new long[] { 7 }), (property, new[] { "a", null }));

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => Find(server, new DateOnly(2024, 5, 2), _dynamic.New("Wire.Lists.Event", ("Day", new DateOnly(2024, 5, 2))), parameters));
        Assert.Contains("null element at index 1", exception.Message, StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    [Theory]
    [InlineData("a,b")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("a\r\nX-Evil: 1")]
    public async Task A_header_element_that_cannot_be_one_element_is_refused(string? element)
    {
        await using var server = Server("{}");
        var parameters = Parameters(("Ids", new long[] { 7 }), ("XTags", new[] { "ok", element }));

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => Find(server, new DateOnly(2024, 5, 2), _dynamic.New("Wire.Lists.Event", ("Day", new DateOnly(2024, 5, 2))), parameters));
        Assert.Contains("X-Tags", exception.Message, StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_required_list_must_hold_an_element(bool empty)
    {
        await using var server = Server("{}");
        var parameters = empty ? Parameters(("Ids", Array.Empty<long>())) : Parameters();

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => Find(server, new DateOnly(2024, 5, 2), _dynamic.New("Wire.Lists.Event", ("Day", new DateOnly(2024, 5, 2))), parameters));
        Assert.Equal("The parameter 'ids' is required and needs at least one element. (Parameter 'parameters')", exception.Message);
        Assert.Empty(server.Received);
    }

    private static ScriptedServer Server(string answer) =>
        new((_, stream, token) => ScriptedServer.RespondAsync(stream, "200 OK", null, answer, token));

    private object Parameters(params (string Property, object? Value)[] values) => _dynamic.New("Wire.Lists.FindParameters", values);

    private Array Colors(params string[] members)
    {
        var type = _dynamic.Type("Wire.Lists.Color");
        var colors = Array.CreateInstance(type, members.Length);
        for (var i = 0; i < members.Length; i++)
        {
            colors.SetValue(type.GetProperty(members[i])!.GetValue(null), i);
        }

        return colors;
    }

    private Task<object?> Find(ScriptedServer server, DateOnly day, object body, object parameters)
    {
        var client = _dynamic.Client("Wire.Lists.Lists", EndpointGenHttpClient.Create(), _dynamic.Options("Wire.Lists.Lists", o => o.BaseAddress = server.BaseAddress));
        return DynamicClient.CallAsync(client, "FindAsync", day, body, parameters);
    }

    private static object? Get(object? instance, string property) => instance!.GetType().GetProperty(property)!.GetValue(instance);
}
