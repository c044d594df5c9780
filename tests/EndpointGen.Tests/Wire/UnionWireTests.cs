using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ContactCenter.Ccai;
using EndpointGen.Runtime;
using EndpointGen.Tests.Infrastructure;
using EndpointGen.Tests.Robustness;
using Xunit;

namespace EndpointGen.Tests.Wire;

/// <summary>
/// Unions on the wire, against a loopback server that keeps the exact request: each variant's body is its
/// discriminator first, then its fields; an answer with variants the client does not know is read, and sent back as
/// the same bytes; an answer without a discriminator fails with the service's exception. CCAI's custom data sends
/// exactly one of its two forms, and the example of spec/README.md 5.13 sends what it says.
/// </summary>
public sealed class UnionWireTests : IClassFixture<UnionWireTests.BlocksClient>
{
    private const string Ns = "Features.Blocks.";
    private const string Service = "Features.Blocks.Blocks";
    private readonly DynamicClient _dynamic;

    public UnionWireTests(BlocksClient blocks) => _dynamic = blocks.Client;

    /// <summary>The blocks feature descriptor, compiled once for the class.</summary>
    public sealed class BlocksClient : IDisposable
    {
        public DynamicClient Client { get; } = DynamicClient.Compile(File.ReadAllText(Path.Combine(Repository.Root, "tests", "EndpointGen.Tests", "Features", "blocks.endpoints.yaml")));

        public void Dispose() => Client.Dispose();
    }

    public static TheoryData<string, string> EachVariant() => new()
    {
        // The writer escapes non-ASCII as \uXXXX (System.Text.Json's default encoder); an unknown variant keeps its own bytes.
        { "header", """{"type":"header","text":"Order shipped"}""" },
        { "section", """{"type":"section","text":{"kind":"markdown","text":"*A-1001* \u00E9"},"fields":[{"kind":"plain_text","text":"Total"}]}""" },
        { "image", """{"type":"image","image_url":"https://cdn.example.com/p.png","alt_text":"The parcel"}""" },
        { "divider", """{"type":"divider"}""" },
        { "group", """{"type":"group","title":"Details","blocks":[{"type":"divider"},{"type":"header","text":"In"}]}""" },
        { "unknown", """{ "type" : "poll", "options": [1, 2.50] }""" },
    };

    [Theory]
    [MemberData(nameof(EachVariant))]
    public async Task Each_variant_as_the_body_is_these_bytes_and_the_answer_reads_back_as_it(string kind, string expected)
    {
        var block = Build(kind);

        var (received, result) = await CallAsync(expected, "ReplaceBlockAsync", 42L, 3, block);

        Assert.Equal("PUT", received.Method);
        Assert.Equal("/api/messages/42/blocks/3", received.Target);
        Assert.Equal("application/json", received.Header("Content-Type")?.Split(';')[0]);
        Assert.Equal(expected, received.Body);
        Assert.Equal(block.GetType(), result!.GetType());
    }

    [Fact]
    public async Task A_list_of_every_variant_is_sent_in_order_each_with_its_discriminator_first()
    {
        var blocks = Array.CreateInstance(_dynamic.Type(Ns + "Block"), 6);
        var kinds = new[] { "group", "header", "unknown", "image", "divider", "section" };
        for (var i = 0; i < kinds.Length; i++)
        {
            blocks.SetValue(Build(kinds[i]), i);
        }

        var message = _dynamic.New(Ns + "NewMessage", ("Blocks", blocks), ("Thread", "t-1"));

        var (received, _) = await CallAsync("""{"id":1,"blocks":[]}""", "PostMessageAsync", "general", message);

        var expected = "{\"blocks\":[" + string.Join(",", kinds.Select(k => (string)EachVariant().Single(r => (string)r[0] == k)[1])) + "],\"thread\":\"t-1\"}";
        Assert.Equal("/api/channels/general/messages", received.Target);
        Assert.Equal(expected, received.Body);
    }

    [Fact]
    public async Task Unknown_variants_in_an_answer_are_read_and_sent_back_unchanged()
    {
        const string blocks = """[{"type":"header","text":"Hi"},{"cards":[{"title":"A","price":1.50}],"type":"carousel" , "layout":"wide"},{"type":"group","blocks":[{"type":"video","src":"https://v.example.com/1","caf\u00e9":true}]}]""";
        var answer = """{"id":9,"blocks":""" + blocks + ""","delivery":{"delivered":false,"reason":"offline"},"pinned":{"type":"sticker","id":"s-1"}}""";

        var (_, read) = await CallAsync(answer, "GetMessageAsync", 9L);

        var list = ((IEnumerable)Get(read!, "Blocks")!).Cast<object>().ToList();
        Assert.Equal(new[] { "HeaderBlock", "Block+Unknown", "GroupBlock" }, list.Select(b => b.GetType().FullName![Ns.Length..]).ToArray());
        Assert.Equal("carousel", Get(list[1], "Discriminator"));
        Assert.Equal("sticker", Get(Get(read!, "Pinned")!, "Discriminator"));
        Assert.Equal(Ns + "Pending", Get(read!, "Delivery")!.GetType().FullName);

        var again = _dynamic.New(Ns + "NewMessage", ("Blocks", Get(read!, "Blocks")));
        var (resent, _) = await CallAsync("""{"id":10,"blocks":[]}""", "PostMessageAsync", "general", again);

        Assert.Equal("{\"blocks\":" + blocks + "}", resent.Body);
    }

    [Theory]
    [InlineData("""{"id":9,"blocks":[{"text":"no type"}]}""", "The discriminator 'type' of Block is missing, so the object is none of its variants.")]
    [InlineData("""{"id":9,"blocks":[],"delivery":{"delivered":null}}""", "The discriminator 'delivered' of Delivery is null, so the object is none of its variants.")]
    public async Task An_answer_without_a_discriminator_fails_with_the_services_exception(string answer, string why)
    {
        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => CallAsync(answer, "GetMessageAsync", 9L));

        Assert.Equal("Features.Blocks.BlocksApiException", exception.GetType().FullName);
        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Equal(answer, exception.ResponseBody);
        var inner = Assert.IsType<JsonException>(exception.InnerException);
        Assert.Equal(why, inner.Message);
    }

    [Fact]
    public async Task CCAI_custom_data_sends_exactly_one_of_its_two_forms()
    {
        var data = new CcaiCustomData().Add("order_id", "A-1001", "Order").VerifiedCustomer(true);
        var token = data.CreateSignedData("company-secret", DateTimeOffset.FromUnixTimeSeconds(1729679993), TimeSpan.FromMinutes(5));

        var unsigned = await SendCustomDataAsync(data.ToUnsignedRequest());
        var signed = await SendCustomDataAsync(data.ToSignedRequest("company-secret", DateTimeOffset.FromUnixTimeSeconds(1729679993), TimeSpan.FromMinutes(5)));

        Assert.Equal("POST", unsigned.Method);
        Assert.Equal("/api/chats/1234/custom_data", unsigned.Target);
        Assert.Equal("""{"signed":false,"data":{"order_id":{"label":"Order","value":"A-1001"},"reserved_verified_customer":{"value":true}}}""", unsigned.Body);
        Assert.Equal("{\"signed\":true,\"signed_data\":\"" + token + "\"}", signed.Body);
    }

    [Fact]
    public async Task The_example_of_section_5_13_sends_the_body_it_shows()
    {
        var reference = File.ReadAllText(Path.Combine(Repository.Root, "spec", "README.md"));
        var start = reference.IndexOf("### 5.13 ", StringComparison.Ordinal);
        var end = reference.IndexOf("\n## ", start, StringComparison.Ordinal);
        var next = reference.IndexOf("\n### ", start + 5, StringComparison.Ordinal);
        var section = reference[start..(next > 0 && next < end ? next : end)];
        var yaml = Regex.Match(section, "^```yaml\\n(?<body>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline).Groups["body"].Value;
        var shown = Regex.Match(section, "^// body: (?<json>.*)$", RegexOptions.Multiline).Groups["json"].Value;
        using var chat = DynamicClient.Compile(yaml);
        var blocks = Array.CreateInstance(chat.Type("Acme.Chat.Block"), 4);
        blocks.SetValue(chat.New("Acme.Chat.HeaderBlock", ("Text", "Order shipped")), 0);
        blocks.SetValue(chat.New("Acme.Chat.SectionBlock", ("Text", "*A-1001* is on its way"), ("Markdown", (bool?)true)), 1);
        blocks.SetValue(chat.New("Acme.Chat.DividerBlock"), 2);
        blocks.SetValue(chat.New("Acme.Chat.ImageBlock", ("ImageUrl", "https://cdn.example.com/parcel.png"), ("AltText", "The parcel")), 3);

        await using var server = new ScriptedServer((_, stream, token) => ScriptedServer.RespondAsync(stream, "200 OK", null, """{"id":1,"blocks":[]}""", token));
        using var http = new HttpClient();
        var client = chat.Client("Acme.Chat.Chat", http, chat.Options("Acme.Chat.Chat", o => o.BaseAddress = server.BaseAddress));
        await DynamicClient.CallAsync(client, "PostMessageAsync", "general", chat.New("Acme.Chat.NewMessage", ("Blocks", blocks)));

        Assert.NotEmpty(shown);
        Assert.Equal(shown, Assert.Single(server.Received).Body);
    }

    private static async Task<ReceivedRequest> SendCustomDataAsync(CustomDataRequest body)
    {
        await using var server = new ScriptedServer((_, stream, token) => ScriptedServer.RespondAsync(stream, "200 OK", null, "{}", token));
        using var http = new HttpClient();
        var client = new CcaiClient(http, new CcaiClientOptions { BaseAddress = server.BaseAddress, Username = "u", Password = "p" });
        await client.SendCustomDataAsync(1234, body);
        return Assert.Single(server.Received);
    }

    private object Build(string kind) => kind switch
    {
        "header" => _dynamic.New(Ns + "HeaderBlock", ("Text", "Order shipped")),
        "section" => _dynamic.New(
            Ns + "SectionBlock",
            ("Text", Text("markdown", "*A-1001* \u00e9")),
            ("Fields", List(Ns + "TextObject", Text("plain_text", "Total")))),
        "image" => _dynamic.New(Ns + "ImageBlock", ("ImageUrl", "https://cdn.example.com/p.png"), ("AltText", "The parcel")),
        "divider" => _dynamic.New(Ns + "DividerBlock"),
        "group" => _dynamic.New(Ns + "GroupBlock", ("Title", "Details"), ("Blocks", List(Ns + "Block", Build("divider"), _dynamic.New(Ns + "HeaderBlock", ("Text", "In"))))),
        "unknown" => Activator.CreateInstance(_dynamic.Type(Ns + "Block+Unknown"), "poll", JsonDocument.Parse("""{ "type" : "poll", "options": [1, 2.50] }""").RootElement)!,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private object Text(string kind, string text) =>
        _dynamic.New(Ns + "TextObject", ("Kind", Activator.CreateInstance(_dynamic.Type(Ns + "TextKind"), kind)), ("Text", text));

    private Array List(string type, params object[] items)
    {
        var array = Array.CreateInstance(_dynamic.Type(type), items.Length);
        Array.Copy(items, array, items.Length);
        return array;
    }

    private async Task<(ReceivedRequest Request, object? Result)> CallAsync(string answer, string method, params object?[] arguments)
    {
        await using var server = new ScriptedServer((_, stream, token) => ScriptedServer.RespondAsync(stream, "200 OK", null, answer, token));
        using var http = new HttpClient();
        var client = _dynamic.Client(Service, http, _dynamic.Options(Service, o => { o.BaseAddress = server.BaseAddress; o.Token = "t"; }));
        var result = await DynamicClient.CallAsync(client, method, arguments);
        return (Assert.Single(server.Received), result);
    }

    private static object? Get(object instance, string property) => instance.GetType().GetProperty(property)!.GetValue(instance);
}
