using System.Threading.Tasks;
using Xunit;
using static EndpointGen.Tests.Infrastructure.EndpointGenTest;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// Discriminated unions misused, in the style of <see cref="DiagnosticTests"/>: each case names every diagnostic with
/// its id, exact span and message, and nothing is generated; the valid uses generate the file and compile warning-free.
/// </summary>
public sealed class UnionDiagnosticTests
{
    private const string Valid = """
        service:
          name: Demo
          namespace: Demo.Api
          baseUrl: https://api.example.com/v1
          error: { type: Problem, message: detail }
        endpoints:
          PostBlocks:
            method: POST
            path: blocks
            body: Post
            response: Block
          PostHeader:
            method: POST
            path: headers
            body: HeaderBlock
            response: "Block[]"
          SendData:
            method: POST
            path: data
            body: Data
        types:
          Block:
            discriminator: type
            variants:
              header: HeaderBlock
              image: ImageBlock
          HeaderBlock:
            fields:
              text: { type: string, required: true }
          ImageBlock:
            fields:
              url: { type: string, required: true }
              caption: string
          Data:
            discriminator: signed
            variants:
              "false": Plain
              true: Signed
          Plain:
            fields:
              data: { type: "map<json>", required: true }
          Signed:
            fields:
              token: { type: string, required: true }
          Post:
            fields:
              blocks: { type: "Block[]", required: true }
              pinned: Block
              data: "map<Data>"
          Problem:
            fields:
              detail: string
          Kind:
            enum: [a, b]
          Upload:
            fields:
              name: string
              file: { type: file, required: true }
        """;

    private const string ObjectOnly = "; a variant is an object type declared under 'types' (with 'fields')";

    [Fact]
    public Task String_and_boolean_unions_as_bodies_responses_fields_arrays_and_maps_generate_and_compile()
    {
        var test = Descriptor(Valid);
        test.ExpectedHintNames = new[] { "Demo.Api.Demo.g.cs" };
        return test.RunAsync();
    }

    [Fact]
    public Task EPG006_a_variant_of_an_unknown_type_is_located_at_the_type() =>
        VerifyAsync(
            Valid.Replace("image: ImageBlock", "image: {|#0:ImageBlok|}"),
            Error("EPG006", 0).WithArguments("ImageBlok"));

    [Theory]
    [InlineData("Kind")]
    [InlineData("string")]
    [InlineData("\"ImageBlock[]\"")]
    [InlineData("\"map<ImageBlock>\"")]
    public Task EPG015_a_variant_that_is_not_an_object_type(string type) =>
        VerifyAsync(
            Valid.Replace("image: ImageBlock", "image: {|#0:" + type + "|}"),
            Error("EPG015", 0).WithArguments(type.Trim('"'), "as a variant of 'Block'" + ObjectOnly));

    [Fact]
    public Task EPG015_a_union_as_a_variant_of_another_union() =>
        VerifyAsync(
            Valid.Replace("image: ImageBlock", "image: {|#0:Data|}"),
            Error("EPG015", 0).WithArguments("Data", "as a variant of 'Block'; 'Data' is a union itself, and a union is not a variant: list its variants in 'Block' instead"));

    [Fact]
    public Task EPG015_a_variant_of_two_unions_is_located_at_the_second() =>
        VerifyAsync(
            Valid.Replace("true: Signed", "true: {|#0:HeaderBlock|}"),
            Error("EPG015", 0).WithArguments("HeaderBlock", "as a variant of 'Data'; it is a variant of 'Block' already, and a class has one base class (declare another type for this union)"));

    [Fact]
    public Task EPG015_one_type_under_two_discriminator_values() =>
        VerifyAsync(
            Valid.Replace("image: ImageBlock", "image: ImageBlock\n      picture: {|#0:ImageBlock|}"),
            Error("EPG015", 0).WithArguments("ImageBlock", "as a variant of 'Block'; it is the variant of 'image' already, and a variant writes one discriminator value"));

    [Fact]
    public Task EPG015_a_variant_with_file_fields() =>
        VerifyAsync(
            Valid.Replace("image: ImageBlock", "image: {|#0:Upload|}"),
            Error("EPG015", 0).WithArguments("Upload", "as a variant of 'Block'; 'Upload' has file fields, so it can only be a multipart body"));

    [Fact]
    public Task EPG005_a_variant_that_declares_the_discriminator_is_located_at_the_field() =>
        VerifyAsync(
            Valid.Replace("      caption: string", "      caption: string\n      {|#0:type|}: string"),
            Error("EPG005", 0).WithArguments("type", "the field 'type' of 'ImageBlock' is the discriminator of the union 'Block', which writes it before the variant's fields; remove the field from the variant"));

    [Fact]
    public Task EPG012_a_variant_property_named_Unknown_would_hide_the_unions_nested_class() =>
        VerifyAsync(
            Valid.Replace("      caption: string", "      caption: string\n      {|#0:unknown|}: string"),
            Error("EPG012", 0).WithArguments("field", "unknown", "Unknown", "is the class nested in the union 'Block' for an unknown variant, which its variants inherit; set 'name' to choose another C# name"));

    [Fact]
    public Task EPG012_a_union_named_Unknown() =>
        VerifyAsync(
            Valid.Replace("  Block:\n    discriminator: type", "  Unknown:\n    {|#0:|}discriminator: type").Replace("Block[]", "Unknown[]").Replace("response: Block", "response: Unknown").Replace("pinned: Block", "pinned: Unknown"),
            Error("EPG012", 0).WithArguments("type", "Unknown", "Unknown", "is the class nested in every union for a variant the descriptor does not list, and a type cannot have a member of its own name"));

    [Fact]
    public Task EPG007_a_repeated_discriminator_value_quoted_or_not() =>
        VerifyAsync(
            Valid.Replace("true: Signed", "true: Signed\n      {|#0:\"true\"|}: Plain"),
            Error("EPG007", 0).WithArguments("discriminator value", "true"));

    [Fact]
    public Task EPG005_boolean_and_string_values_in_one_union() =>
        VerifyAsync(
            Valid.Replace("true: Signed", "true: Signed\n      {|#0:maybe|}: ImageBlock"),
            Error("EPG005", 0).WithArguments("variants", "'maybe' is a string, but 'false' makes the discriminator a JSON boolean: a discriminator's values are all true and false, or all strings"));

    [Fact]
    public Task EPG005_a_boolean_value_among_strings() =>
        VerifyAsync(
            Valid.Replace("image: ImageBlock", "image: ImageBlock\n      {|#0:false|}: Plain"),
            Error("EPG005", 0).WithArguments("variants", "'false' is a JSON boolean, but 'header' makes the discriminator a string: a discriminator's values are all true and false, or all strings"));

    [Theory]
    [InlineData(" {|#0:|}{}")]
    [InlineData("{|#0:|}")]
    public Task EPG005_a_union_without_variants(string variants) =>
        VerifyAsync(
            Valid.Replace("    variants:\n      header: HeaderBlock\n      image: ImageBlock", "    variants:" + variants),
            Error("EPG005", 0).WithArguments("variants", "a union needs at least one variant: discriminator value → object type"));

    [Fact]
    public Task EPG005_an_empty_discriminator() =>
        VerifyAsync(
            Valid.Replace("discriminator: type", "discriminator: {|#0:\"\"|}"),
            Error("EPG005", 0).WithArguments("discriminator", "the discriminator is the JSON name of the property that tells the variants apart; it cannot be empty"));

    [Fact]
    public Task EPG004_a_union_without_discriminator() =>
        VerifyAsync(
            Valid.Replace("  Block:\n    discriminator: type\n    variants:", "  Block:\n    {|#0:|}variants:"),
            Error("EPG004", 0).WithArguments("discriminator", "union type 'Block'"));

    [Fact]
    public Task EPG004_a_discriminator_without_variants() =>
        VerifyAsync(
            Valid.Replace("    discriminator: signed\n    variants:\n      \"false\": Plain\n      true: Signed\n", "    {|#0:|}discriminator: signed\n"),
            Error("EPG004", 0).WithArguments("variants", "union type 'Data'"));

    [Theory]
    [InlineData("fields", "{ text: string }")]
    [InlineData("enum", "[a, b]")]
    [InlineData("threeState", "true")]
    public Task EPG003_fields_enum_or_three_state_beside_a_discriminator(string key, string value) =>
        VerifyAsync(
            Valid.Replace("    discriminator: type\n", "    discriminator: type\n    {|#0:" + key + "|}: " + value + "\n"),
            Error("EPG003", 0).WithArguments(key, "union type 'Block'", "description, discriminator, variants"));

    [Theory]
    [InlineData("form")]
    [InlineData("multipart")]
    public Task EPG015_a_union_as_a_form_or_multipart_body(string encoding) =>
        VerifyAsync(
            Valid.Replace("    body: Data\n", "    body: { type: {|#0:Data|}, encoding: " + encoding + " }\n"),
            Error("EPG015", 0).WithArguments("Data", "as a " + encoding + " body; 'Data' is a union, whose variants are told apart by a JSON property: send it as JSON"));

    [Fact]
    public Task EPG015_a_variant_as_a_form_body() =>
        VerifyAsync(
            Valid.Replace("    body: HeaderBlock\n", "    body: { type: {|#0:HeaderBlock|}, encoding: form }\n"),
            Error("EPG015", 0).WithArguments("HeaderBlock", "as a form body; 'HeaderBlock' is a variant of the union 'Block', whose JSON carries the discriminator 'type': send it as JSON"));

    [Fact]
    public Task EPG015_a_union_field_in_a_form_body() =>
        VerifyAsync(
            Valid.Replace("    body: Data\n", "    body: { type: {|#0:Holder|}, encoding: form }\n") + "\n  Holder:\n    fields:\n      name: string\n      block: Block\n",
            Error("EPG015", 0).WithArguments("Block", "in a form body (field 'block' of 'Holder'); 'Block' is a union, whose variants are told apart by a JSON property: send it as JSON"));

    [Fact]
    public Task EPG015_a_union_as_the_error_body() =>
        VerifyAsync(
            Valid.Replace("error: { type: Problem, message: detail }", "error: { type: {|#0:Block|} }"),
            Error("EPG015", 0).WithArguments("Block", "as the error body; it must be an object type declared under 'types', and a union is not one"));

    [Theory]
    [InlineData("query")]
    [InlineData("header")]
    public Task EPG015_a_union_as_a_parameter(string group) =>
        VerifyAsync(
            Valid.Replace("    path: data\n    body: Data\n", "    path: data\n    parameters:\n      " + group + ":\n        x-data: {|#0:Data|}\n    body: Data\n"),
            Error("EPG015", 0).WithArguments("Data", "as a " + group + " parameter"));
}
