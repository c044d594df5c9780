using System.Threading.Tasks;
using Xunit;
using static EndpointGen.Tests.Infrastructure.EndpointGenTest;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// The diagnostics of event-stream answers (<c>response.encoding</c>), in <see cref="DiagnosticTests"/>' style: each
/// misuse with its ID and exact span, nothing else reported, nothing generated.
/// </summary>
public sealed class EventsDiagnosticTests
{
    // A valid descriptor with an event stream; the cases below change it in one place.
    private const string Valid = """
        service:
          name: Chat
          namespace: Demo.Chat
          baseUrl: https://api.example.com/v1
          error:
            type: ChatError
            inSuccess: { path: ok, equals: false }
        endpoints:
          Follow:
            method: GET
            path: events
            response: { type: Message, encoding: events }
        types:
          Message:
            fields:
              text: { type: string, required: true }
          Kind:
            enum: [a, b]
          ChatError:
            fields:
              ok: boolean
        """;

    [Theory]
    [InlineData("{ type: Message, encoding: events }")]
    [InlineData("{ type: text, encoding: events }")]
    [InlineData("{ type: 'Message[]', encoding: events, status: 200, description: Batches. }")]
    [InlineData("{ type: 'map<int64>', encoding: events }")]
    [InlineData("{ type: json, encoding: events }")]
    [InlineData("{ type: string, encoding: events }")]
    [InlineData("{ type: Kind, encoding: events }")]
    [InlineData("{ type: date-time, encoding: events }")]
    [InlineData("{ type: Message, encoding: json }")]
    [InlineData("{ encoding: json }")]
    public Task Events_of_any_JSON_type_or_text_and_an_explicit_json_are_valid(string response)
    {
        var test = Descriptor(Valid.Replace("{ type: Message, encoding: events }", response));
        test.ExpectedHintNames = new[] { "Demo.Chat.Chat.g.cs" };
        return test.RunAsync();
    }

    [Fact]
    public Task EPG005_an_unknown_encoding() =>
        VerifyAsync(
            Valid.Replace("encoding: events", "encoding: {|#0:sse|}"),
            Error("EPG005", 0).WithArguments("encoding", "'sse' is not one of json, events"));

    [Fact]
    public Task EPG004_events_without_a_type() =>
        VerifyAsync(
            Valid.Replace("{ type: Message, encoding: events }", "{|#0:|}{ encoding: events }"),
            Error("EPG004", 0).WithArguments("type", "a response with 'encoding: events' (the type of each event's data, or text)"));

    [Theory]
    [InlineData("bytes")]
    [InlineData("stream")]
    public Task EPG015_events_of_bytes_or_a_stream(string type) =>
        VerifyAsync(
            Valid.Replace("type: Message, encoding: events", "type: {|#0:" + type + "|}, encoding: events"),
            Error("EPG015", 0).WithArguments(type, "as the data of events ('encoding: events'); an event's data is JSON of a type, or 'text'"));

    [Fact]
    public Task EPG015_events_of_a_file() =>
        VerifyAsync(
            Valid.Replace("type: Message, encoding: events", "type: {|#0:file|}, encoding: events"),
            Error("EPG015", 0).WithArguments("file", "as a response; a file is sent, not answered: use 'bytes' or 'stream' for a binary answer"));

    [Theory]
    [InlineData("bytes")]
    [InlineData("stream")]
    [InlineData("text")]
    public Task EPG015_an_explicit_json_beside_a_content_type(string type) =>
        VerifyAsync(
            Valid.Replace("type: Message, encoding: events", "type: {|#0:" + type + "|}, encoding: json"),
            Error("EPG015", 0).WithArguments(type, "with 'encoding: json'; a bytes, stream or text answer is not JSON: leave 'encoding' out"));

    [Fact]
    public Task EPG005_events_is_a_response_encoding_not_a_body_encoding() =>
        VerifyAsync(
            Valid.Replace("    response: { type: Message, encoding: events }", "    body: { type: Message, encoding: {|#0:events|} }\n    response: Message").Replace("method: GET", "method: POST"),
            Error("EPG005", 0).WithArguments("encoding", "'events' is not one of json, form, multipart"));
}
