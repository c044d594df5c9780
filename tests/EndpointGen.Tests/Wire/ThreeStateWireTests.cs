using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading.Tasks;
using EndpointGen.Runtime;
using EndpointGen.Tests.Robustness;
using Xunit;

namespace EndpointGen.Tests.Wire;

/// <summary>
/// Three-state fields on the wire, against a loopback server that keeps the exact request: unset is left out, null is
/// written <c>null</c>, a value is written; and reading tells absent (unset) from <c>null</c> from a value, so a body
/// read and sent back is the same bytes.
/// </summary>
public sealed class ThreeStateWireTests : IClassFixture<ThreeStateWireTests.DeskClient>
{
    private const string Descriptor = """
        service:
          name: Desk
          namespace: Wire.Desk
          baseUrl: https://desk.example.com/v1
        endpoints:
          PatchContact:
            method: PATCH
            path: contacts/{sku}
            parameters:
              path:
                sku: string
            body: ContactPatch
            response: ContactPatch
        types:
          ContactPatch:
            threeState: true
            fields:
              sku: { type: string, required: true }
              name: string
              age: int32
              state: ContactState
              tags: string[]
              note: { type: string, threeState: false }
          ContactState:
            enum: [active, blocked]
        """;

    private const string Patch = "Wire.Desk.ContactPatch";
    private const string State = "Wire.Desk.ContactState";
    private readonly DynamicClient _dynamic;

    public ThreeStateWireTests(DeskClient desk) => _dynamic = desk.Client;

    /// <summary>The test descriptor, compiled once for the class.</summary>
    public sealed class DeskClient : IDisposable
    {
        public DynamicClient Client { get; } = DynamicClient.Compile(Descriptor);

        public void Dispose() => Client.Dispose();
    }

    public static TheoryData<string, string, string> OneField() => new()
    {
        { "Name", "unset", """{"sku":"c-1"}""" },
        { "Name", "null", """{"sku":"c-1","name":null}""" },
        { "Name", "value", """{"sku":"c-1","name":"Ada \u00C5"}""" },
        { "Age", "unset", """{"sku":"c-1"}""" },
        { "Age", "null", """{"sku":"c-1","age":null}""" },
        { "Age", "value", """{"sku":"c-1","age":0}""" },
        { "State", "unset", """{"sku":"c-1"}""" },
        { "State", "null", """{"sku":"c-1","state":null}""" },
        { "State", "value", """{"sku":"c-1","state":"blocked"}""" },
        { "Tags", "unset", """{"sku":"c-1"}""" },
        { "Tags", "null", """{"sku":"c-1","tags":null}""" },
        { "Tags", "value", """{"sku":"c-1","tags":[]}""" },
        { "Note", "unset", """{"sku":"c-1"}""" },
        { "Note", "null", """{"sku":"c-1"}""" }, // not three-state: null is unset, as for every optional field
        { "Note", "value", """{"sku":"c-1","note":""}""" },
    };

    [Theory]
    [MemberData(nameof(OneField))]
    public async Task Each_state_of_each_kind_of_field_is_sent_as_these_bytes(string property, string state, string expected)
    {
        var values = new List<(string, object?)> { ("Sku", "c-1") };
        if (state != "unset")
        {
            values.Add((property, Value(property, state == "null")));
        }

        var received = await PatchAsync(_dynamic.New(Patch, values.ToArray()));

        Assert.Equal("PATCH", received.Method);
        Assert.Equal("/api/contacts/c-1", received.Target);
        Assert.Equal("application/json", received.Header("Content-Type")?.Split(';')[0]);
        Assert.Equal(expected, received.Body);
        Assert.Equal(Encoding.UTF8.GetByteCount(expected).ToString(CultureInfo.InvariantCulture), received.Header("Content-Length"));
    }

    [Fact]
    public async Task A_patch_that_sets_one_field_clears_another_and_leaves_the_rest_is_these_bytes_in_declared_order()
    {
        var patch = _dynamic.New(
            Patch,
            ("Tags", new Optional<IReadOnlyList<string>?>(new[] { "vip", "b\"c" })),
            ("Sku", "c-1"),
            ("Age", new Optional<int?>(null)),
            ("Name", new Optional<string?>("Ada")));

        var received = await PatchAsync(patch);

        Assert.Equal("""{"sku":"c-1","name":"Ada","age":null,"tags":["vip","b\u0022c"]}""", received.Body);
    }

    [Fact]
    public async Task Reading_tells_absent_from_null_from_a_value()
    {
        var answer = """{"sku":"c-1","name":null,"age":41,"state":"suspended","tags":null,"note":null}""";
        var read = (await CallAsync(_dynamic.New(Patch, ("Sku", "c-1")), answer)).Result;

        Assert.Equal(new Optional<string?>(null), Get<Optional<string?>>(read, "Name"));
        Assert.Equal(new Optional<int?>(41), Get<Optional<int?>>(read, "Age"));
        Assert.Equal(new Optional<IReadOnlyList<string>?>(null), Get<Optional<IReadOnlyList<string>?>>(read, "Tags"));
        Assert.Null(Get<string?>(read, "Note"));
        var stateValue = read.GetType().GetProperty("State")!.GetValue(read)!;
        Assert.True((bool)stateValue.GetType().GetProperty("IsSet")!.GetValue(stateValue)!);
        Assert.Equal("suspended", stateValue.GetType().GetProperty("Value")!.GetValue(stateValue)!.ToString());

        var sparse = (await CallAsync(_dynamic.New(Patch, ("Sku", "c-1")), """{"sku":"c-1"}""")).Result;
        Assert.False(Get<Optional<string?>>(sparse, "Name").IsSet);
        Assert.False(Get<Optional<int?>>(sparse, "Age").IsSet);
        Assert.False(Get<Optional<IReadOnlyList<string>?>>(sparse, "Tags").IsSet);
    }

    [Theory]
    [InlineData("""{"sku":"c-1"}""")]
    [InlineData("""{"sku":"c-1","name":null,"age":null,"state":null,"tags":null}""")]
    [InlineData("""{"sku":"c-1","name":"Ada","age":-7,"state":"later-value","tags":["x",""],"note":"n"}""")]
    [InlineData("""{"sku":"c-1","age":null,"tags":[]}""")]
    public async Task A_body_read_and_sent_back_is_the_same_bytes(string answer)
    {
        var read = (await CallAsync(_dynamic.New(Patch, ("Sku", "c-1")), answer)).Result;

        var resent = await PatchAsync(read);

        Assert.Equal(answer, resent.Body);
    }

    private object Value(string property, bool isNull) => property switch
    {
        "Name" => new Optional<string?>(isNull ? null : "Ada \u00C5"),
        "Age" => new Optional<int?>(isNull ? null : 0),
        "Tags" => new Optional<IReadOnlyList<string>?>(isNull ? null : Array.Empty<string>()),
        "State" => Activator.CreateInstance(typeof(Optional<>).MakeGenericType(_dynamic.Type(State)), isNull ? null : Activator.CreateInstance(_dynamic.Type(State), "blocked"))!,
        "Note" => isNull ? null! : string.Empty,
        _ => throw new ArgumentOutOfRangeException(nameof(property)),
    };

    private static T Get<T>(object instance, string property) => (T)instance.GetType().GetProperty(property)!.GetValue(instance)!;

    private async Task<ReceivedRequest> PatchAsync(object patch) => (await CallAsync(patch, """{"sku":"c-1"}""")).Request;

    private async Task<(ReceivedRequest Request, object Result)> CallAsync(object patch, string answer)
    {
        await using var server = new ScriptedServer((_, stream, token) => ScriptedServer.RespondAsync(stream, "200 OK", null, answer, token));
        using var http = new System.Net.Http.HttpClient();
        var client = _dynamic.Client("Wire.Desk.Desk", http, _dynamic.Options("Wire.Desk.Desk", o => o.BaseAddress = server.BaseAddress));
        var result = await DynamicClient.CallAsync(client, "PatchContactAsync", "c-1", patch);
        return (Assert.Single(server.Received), result!);
    }
}
