using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ContactCenter.Ccai;
using EndpointGen.Tests.Infrastructure;
using EndpointGen.Tests.Robustness;
using Xunit;

namespace EndpointGen.Tests.Json;

/// <summary>
/// Unions through the generated converters: the discriminator anywhere in the object, an unknown variant kept and
/// written back byte for byte, null, lists of unions, a union inside its own variant, the boolean union CCAI's custom
/// data is, and what a body without a discriminator does (a <see cref="JsonException"/>, which the client turns into
/// its typed exception).
/// </summary>
public sealed class UnionJsonTests : IClassFixture<UnionJsonTests.BlocksAssembly>
{
    private const string Ns = "Features.Blocks.";
    private readonly DynamicClient _blocks;

    public UnionJsonTests(BlocksAssembly blocks) => _blocks = blocks.Client;

    /// <summary>The blocks feature descriptor, compiled once for the class.</summary>
    public sealed class BlocksAssembly : IDisposable
    {
        public DynamicClient Client { get; } = DynamicClient.Compile(File.ReadAllText(Path.Combine(Repository.Root, "tests", "EndpointGen.Tests", "Features", "blocks.endpoints.yaml")));

        public void Dispose() => Client.Dispose();
    }

    [Theory]
    [InlineData("""{"type":"image","image_url":"https://cdn.example.com/a.png","alt_text":"A","title":"T"}""")]
    [InlineData("""{"image_url":"https://cdn.example.com/a.png","type":"image","alt_text":"A","title":"T"}""")]
    [InlineData("""{"image_url":"https://cdn.example.com/a.png","alt_text":"A","title":"T","type":"image"}""")]
    [InlineData("""{ "title" : "T", "alt_text": "A", "image_url": "https://cdn.example.com/a.png", "extra": {"type": "header"}, "type": "image" }""")]
    public void The_discriminator_is_found_first_in_the_middle_or_last_and_written_first(string json)
    {
        var block = Read("Block", json);

        Assert.Equal(Ns + "ImageBlock", block!.GetType().FullName);
        Assert.Equal("https://cdn.example.com/a.png", Get(block, "ImageUrl"));
        Assert.Equal("A", Get(block, "AltText"));
        Assert.Equal("T", Get(block, "Title"));
        Assert.Equal("""{"type":"image","image_url":"https://cdn.example.com/a.png","alt_text":"A","title":"T"}""", Write("Block", block));
    }

    [Theory]
    [InlineData("""{"type":"poll","question":"Lunch?","options":["pizza","sushi"]}""", "poll")]
    [InlineData("{ \"options\" : [ \"caf\\u00e9\", 1.50, 1e3, null, true ],\n  \"type\":\"poll\" ,\"nested\":{\"type\":\"header\"} }", "poll")]
    [InlineData("""{"type":"Header","text":"case matters"}""", "Header")]
    [InlineData("""{"type":"caf\u00e9","text":"escaped in the discriminator"}""", "café")]
    [InlineData("""{"type":7}""", "7")]
    [InlineData("""{"type":true,"text":"a boolean where the union has strings"}""", "true")]
    public void An_unknown_variant_keeps_its_discriminator_and_is_written_back_byte_for_byte(string json, string discriminator)
    {
        var block = Read("Block", json);

        Assert.Equal(Ns + "Block+Unknown", block!.GetType().FullName);
        Assert.Equal(discriminator, Get(block, "Discriminator"));
        var element = (JsonElement)Get(block, "Json")!;
        Assert.Equal(JsonValueKind.Object, element.ValueKind);
        Assert.Equal(json, element.GetRawText());
        Assert.Equal(json, Write("Block", block));
    }

    [Fact]
    public void A_list_of_unions_keeps_every_variant_and_every_unknown_one_in_order()
    {
        const string json = """{"id":7,"blocks":[{"type":"header","text":"Hi"},{"kind":"x","type":"carousel","cards":[{"a":1}]},{"type":"divider"},{"text":{"kind":"markdown","text":"*b*"},"type":"section"},{"type":"group","blocks":[{"type":"image","image_url":"u","alt_text":"a"},{"type":"video","src":"v"}]}],"pinned":null}""";

        var message = Read("Message", json)!;

        var blocks = ((IEnumerable)Get(message, "Blocks")!).Cast<object>().ToList();
        Assert.Equal(new[] { "HeaderBlock", "Block+Unknown", "DividerBlock", "SectionBlock", "GroupBlock" }, blocks.Select(b => b.GetType().FullName![Ns.Length..]).ToArray());
        var inner = ((IEnumerable)Get(blocks[4], "Blocks")!).Cast<object>().ToList();
        Assert.Equal(new[] { "ImageBlock", "Block+Unknown" }, inner.Select(b => b.GetType().FullName![Ns.Length..]).ToArray());
        Assert.Null(Get(message, "Pinned"));
        Assert.Null(Get(message, "Delivery"));

        // Known variants are written with their discriminator first; unknown ones exactly as read; null pinned is omitted.
        Assert.Equal(
            """{"id":7,"blocks":[{"type":"header","text":"Hi"},{"kind":"x","type":"carousel","cards":[{"a":1}]},{"type":"divider"},{"type":"section","text":{"kind":"markdown","text":"*b*"}},{"type":"group","blocks":[{"type":"image","image_url":"u","alt_text":"a"},{"type":"video","src":"v"}]}]}""",
            Write("Message", message));
    }

    [Fact]
    public void Null_reads_as_null_where_a_union_is_optional_and_a_null_union_writes_null()
    {
        var message = Read("Message", """{"id":1,"blocks":[],"delivery":null,"pinned":null}""")!;

        Assert.Null(Get(message, "Delivery"));
        Assert.Null(Get(message, "Pinned"));
        Assert.Equal("null", Write("Block", null));
        Assert.Throws<JsonException>(() => Read("Block", "null"));
    }

    [Theory]
    [InlineData("""{"text":"no type"}""", "The discriminator 'type' of Block is missing, so the object is none of its variants.")]
    [InlineData("""{}""", "The discriminator 'type' of Block is missing, so the object is none of its variants.")]
    [InlineData("""{"type":null,"text":"a"}""", "The discriminator 'type' of Block is null, so the object is none of its variants.")]
    [InlineData("""{"type":{"name":"header"}}""", "The discriminator 'type' of Block is an object; it must be a single value.")]
    [InlineData("""{"type":["header"]}""", "The discriminator 'type' of Block is an array; it must be a single value.")]
    [InlineData("""["header"]""", "Expected an object for Block but found an array at byte 0.")]
    public void A_body_without_a_usable_discriminator_does_not_match(string json, string message)
    {
        var error = Assert.Throws<JsonException>(() => Read("Block", json));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_known_variant_missing_a_required_field_fails_as_that_variant()
    {
        var error = Assert.Throws<JsonException>(() => Read("Block", """{"type":"header"}"""));

        Assert.Equal("The required property 'text' of HeaderBlock is missing.", error.Message);
    }

    [Fact]
    public void A_variant_used_on_its_own_writes_its_discriminator_and_reads_without_checking_it()
    {
        var header = Read("HeaderBlock", """{"text":"Hi","type":"not-checked"}""")!;

        Assert.Equal("Hi", Get(header, "Text"));
        Assert.Equal("""{"type":"header","text":"Hi"}""", Write("HeaderBlock", header));
        Assert.Equal("""{"type":"divider"}""", Write("DividerBlock", _blocks.New(Ns + "DividerBlock")));
    }

    [Theory]
    [InlineData("""{"delivered":true,"at":1766572062}""", "Delivered", """{"delivered":true,"at":1766572062}""")]
    [InlineData("""{"at":1766572062,"delivered":true}""", "Delivered", """{"delivered":true,"at":1766572062}""")]
    [InlineData("""{"reason":"offline","delivered":false,"retry_after":30}""", "Pending", """{"delivered":false,"reason":"offline","retry_after":30}""")]
    [InlineData("""{"delivered":"true","at":1}""", "Delivery+Unknown", """{"delivered":"true","at":1}""")]
    [InlineData("""{"delivered":1}""", "Delivery+Unknown", """{"delivered":1}""")]
    public void A_boolean_discriminator_reads_true_and_false_and_keeps_anything_else(string json, string type, string written)
    {
        var delivery = Read("Delivery", json)!;

        Assert.Equal(Ns + type, delivery.GetType().FullName);
        Assert.Equal(written, Write("Delivery", delivery));
    }

    [Fact]
    public void An_unknown_variant_built_from_an_element_is_written_as_that_element()
    {
        using var document = JsonDocument.Parse("""{ "type": "poll", "q": "Lunch?" }""");
        var unknownType = _blocks.Type(Ns + "Block+Unknown");

        var unknown = Activator.CreateInstance(unknownType, "poll", document.RootElement)!;
        document.Dispose();

        // A copy: the document it came from is gone.
        Assert.Equal("""{ "type": "poll", "q": "Lunch?" }""", Write("Block", unknown));
        using var array = JsonDocument.Parse("[1]");
        var error = Assert.Throws<System.Reflection.TargetInvocationException>(() => Activator.CreateInstance(unknownType, "poll", array.RootElement));
        Assert.IsType<ArgumentException>(error.InnerException);
    }

    [Theory]
    [InlineData("""{"signed":false,"data":{"field1":{"label":"LABEL 1","value":"dummy111"}}}""", typeof(UnsignedCustomData), """{"signed":false,"data":{"field1":{"label":"LABEL 1","value":"dummy111"}}}""")]
    [InlineData("""{"data":{"field1":{"value":true}},"signed":false}""", typeof(UnsignedCustomData), """{"signed":false,"data":{"field1":{"value":true}}}""")]
    [InlineData("""{"signed":true,"signed_data":"a.b.c"}""", typeof(SignedCustomData), """{"signed":true,"signed_data":"a.b.c"}""")]
    [InlineData("""{"signed_data":"a.b.c","signed":true}""", typeof(SignedCustomData), """{"signed":true,"signed_data":"a.b.c"}""")]
    public void CCAI_custom_data_reads_as_its_variant_and_writes_signed_first(string json, Type variant, string written)
    {
        var request = GeneratedJson.Read<CustomDataRequest>(json);

        Assert.IsType(variant, request);
        Assert.Equal(written, GeneratedJson.Write(request));
    }

    [Fact]
    public void CCAI_custom_data_without_signed_does_not_match()
    {
        var error = Assert.Throws<JsonException>(() => GeneratedJson.Read<CustomDataRequest>("""{"data":{},"signed_data":"a.b.c"}"""));

        Assert.Equal("The discriminator 'signed' of CustomDataRequest is missing, so the object is none of its variants.", error.Message);
    }

    private object? Read(string type, string json) => GeneratedJson.Read(_blocks.Type(Ns + type), Encoding.UTF8.GetBytes(json));

    private string Write(string type, object? value) => GeneratedJson.Write(_blocks.Type(Ns + type), value);

    private static object? Get(object instance, string property) => instance.GetType().GetProperty(property)!.GetValue(instance);
}
