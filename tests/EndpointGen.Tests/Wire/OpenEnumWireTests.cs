using System;
using System.Net;
using System.Threading.Tasks;
using EndpointGen.Tests.Client;
using EndpointGen.Tests.Robustness;
using Xunit;

namespace EndpointGen.Tests.Wire;

/// <summary>
/// Open enums are classes: in a path, a query and a header they are sent as their wire text, listed or not; an
/// optional one left <see langword="null"/> is not sent; a required one that is <see langword="null"/> is refused
/// before anything is sent, as a string would be.
/// </summary>
public sealed class OpenEnumWireTests : IClassFixture<OpenEnumWireTests.BoardClient>
{
    private const string Descriptor = """
        service:
          name: Board
          namespace: Wire.Board
          baseUrl: https://board.example.com/v1
        endpoints:
          ListCards:
            method: GET
            path: lanes/{lane}/cards
            parameters:
              path:
                lane: Lane
              query:
                sort: { type: Sort, required: true }
                lane: Lane
              header:
                X-Lane: Lane
            response: Card[]
        types:
          Card:
            fields:
              lane: { type: Lane, required: true }
              next: Lane
          Lane:
            enum: [to-do, done]
          Sort:
            enum: [asc, desc]
        """;

    private readonly DynamicClient _dynamic;

    public OpenEnumWireTests(BoardClient board) => _dynamic = board.Client;

    /// <summary>The test descriptor, compiled once for the class.</summary>
    public sealed class BoardClient : IDisposable
    {
        public DynamicClient Client { get; } = DynamicClient.Compile(Descriptor);

        public void Dispose() => Client.Dispose();
    }

    [Fact]
    public async Task Listed_and_unlisted_values_are_sent_as_their_wire_text_and_read_back()
    {
        var handler = new StubHandler(HttpStatusCode.OK, """[{"lane":"to-do"},{"lane":"blocked","next":"done"}]""");
        var parameters = _dynamic.New("Wire.Board.ListCardsParameters", ("Sort", Enum("Sort", "desc")), ("Lane", Enum("Lane", "in review")), ("XLane", Enum("Lane", "to-do")));

        var cards = (System.Collections.IList)(await DynamicClient.CallAsync(Client(handler), "ListCardsAsync", Enum("Lane", "on/hold"), parameters))!;

        Assert.Equal("https://board.example.com/v1/lanes/on%2Fhold/cards?sort=desc&lane=in%20review", handler.Last.Uri.AbsoluteUri);
        Assert.Contains("X-Lane: to-do", handler.Last.Headers, StringComparison.Ordinal);
        var lane = _dynamic.Type("Wire.Board.Lane");
        Assert.Same(lane.GetProperty("ToDo")!.GetValue(null), Property(cards[0]!, "Lane"));
        Assert.Null(Property(cards[0]!, "Next"));
        Assert.Equal("blocked", Property(cards[1]!, "Lane")!.ToString());
        Assert.Equal(false, lane.GetProperty("IsKnown")!.GetValue(Property(cards[1]!, "Lane")));
        Assert.Same(lane.GetProperty("Done")!.GetValue(null), Property(cards[1]!, "Next"));
    }

    [Fact]
    public async Task An_optional_enum_left_null_is_not_sent()
    {
        var handler = new StubHandler(HttpStatusCode.OK, "[]");
        var parameters = _dynamic.New("Wire.Board.ListCardsParameters", ("Sort", Enum("Sort", "asc")));

        await DynamicClient.CallAsync(Client(handler), "ListCardsAsync", Enum("Lane", "done"), parameters);

        Assert.Equal("?sort=asc", handler.Last.Uri.Query);
        Assert.DoesNotContain("X-Lane", handler.Last.Headers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_null_path_enum_or_required_query_enum_is_refused_before_sending()
    {
        var handler = new StubHandler(HttpStatusCode.OK, "[]");
        var client = Client(handler);

        var path = await Assert.ThrowsAsync<ArgumentNullException>(() => DynamicClient.CallAsync(client, "ListCardsAsync", null, _dynamic.New("Wire.Board.ListCardsParameters", ("Sort", Enum("Sort", "asc")))));
        Assert.Equal("lane", path.ParamName);
        var query = await Assert.ThrowsAsync<ArgumentException>(() => DynamicClient.CallAsync(client, "ListCardsAsync", Enum("Lane", "done"), _dynamic.New("Wire.Board.ListCardsParameters")));
        Assert.Equal("The parameter 'sort' is required. (Parameter 'parameters')", query.Message);
        Assert.Empty(handler.Requests);
    }

    private object Client(StubHandler handler) => _dynamic.Client("Wire.Board.Board", handler, _dynamic.Options("Wire.Board.Board", _ => { }));

    private object Enum(string type, string value) => Activator.CreateInstance(_dynamic.Type("Wire.Board." + type), value)!;

    private static object? Property(object instance, string name) => instance.GetType().GetProperty(name)!.GetValue(instance);
}
