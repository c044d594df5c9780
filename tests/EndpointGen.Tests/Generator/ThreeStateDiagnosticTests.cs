using System.Threading.Tasks;
using Xunit;
using static EndpointGen.Tests.Infrastructure.EndpointGenTest;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// <c>threeState</c> misused, in the style of <see cref="DiagnosticTests"/>: each case names every diagnostic with its
/// id, exact span and message, and nothing is generated; the valid uses generate the file and compile warning-free.
/// </summary>
public sealed class ThreeStateDiagnosticTests
{
    private const string Valid = """
        service:
          name: Demo
          namespace: Demo.Api
          baseUrl: https://api.example.com/v1
          error: { type: Problem, message: detail }
        endpoints:
          PatchThing:
            method: PATCH
            path: things/{id}
            parameters:
              path:
                id: int64
              query:
                dryRun: boolean
            body: ThingPatch
            response: ThingPatch
        types:
          ThingPatch:
            threeState: true
            fields:
              id: { type: int64, required: true }
              name: string
              size: { type: int32, threeState: false }
              colour: Colour
          Problem:
            fields:
              detail: { type: string, threeState: true }
          Colour:
            enum: [red, green]
        """;

    private const string RequiredMessage = "a required field is always sent, so it cannot be unset; 'threeState' applies to optional fields only (remove 'required: true' or 'threeState: true')";

    [Fact]
    public Task Three_state_fields_on_a_type_a_field_and_the_error_message_path_generate_and_compile()
    {
        var test = Descriptor(Valid);
        test.ExpectedHintNames = new[] { "Demo.Api.Demo.g.cs" };
        return test.RunAsync();
    }

    [Fact]
    public Task EPG005_three_state_on_a_required_field_is_located_at_its_value() =>
        VerifyAsync(
            Valid.Replace("id: { type: int64, required: true }", "id: { type: int64, required: true, threeState: {|#0:true|} }"),
            Error("EPG005", 0).WithArguments("threeState", RequiredMessage));

    [Fact]
    public Task EPG005_three_state_on_a_required_field_in_a_block_mapping() =>
        VerifyAsync(
            Valid.Replace("      detail: { type: string, threeState: true }", "      detail:\n        type: string\n        required: true\n        threeState: {|#0:true|}"),
            Error("EPG005", 0).WithArguments("threeState", RequiredMessage));

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("'true '")]
    public Task EPG005_a_non_boolean_field_three_state(string value) =>
        VerifyAsync(
            Valid.Replace("name: string", "name: { type: string, threeState: {|#0:" + value + "|} }"),
            Error("EPG005", 0).WithArguments("threeState", $"'{value.Trim('\'')}' is not true or false"));

    [Fact]
    public Task EPG005_a_non_boolean_type_three_state() =>
        VerifyAsync(
            Valid.Replace("    threeState: true\n", "    threeState: {|#0:always|}\n"),
            Error("EPG005", 0).WithArguments("threeState", "'always' is not true or false"));

    [Fact]
    public Task EPG005_a_list_as_three_state() =>
        VerifyAsync(
            Valid.Replace("    threeState: true\n", "    threeState: {|#0:|}[true]\n"),
            Error("EPG005", 0).WithArguments("threeState", "expected a single value, found a list"));

    [Fact]
    public Task EPG005_nullable_false_contradicts_three_state() =>
        VerifyAsync(
            Valid.Replace("name: string", "name: { type: string, nullable: {|#0:false|} }"),
            Error("EPG005", 0).WithArguments("nullable", "a three-state field can always be set to null (that is its second state); remove 'nullable: false' or set 'threeState: false'"));

    [Fact]
    public Task Nullable_true_with_three_state_is_allowed()
    {
        var test = Descriptor(Valid.Replace("name: string", "name: { type: string, nullable: true }"));
        test.ExpectedHintNames = new[] { "Demo.Api.Demo.g.cs" };
        return test.RunAsync();
    }

    [Fact]
    public Task EPG003_three_state_on_an_enum_type_is_an_unknown_key() =>
        VerifyAsync(
            Valid.Replace("  Colour:\n    enum: [red, green]", "  Colour:\n    {|#0:threeState|}: true\n    enum: [red, green]"),
            Error("EPG003", 0).WithArguments("threeState", "enum type 'Colour'", "description, enum"));

    [Fact]
    public Task EPG003_three_state_on_a_parameter_is_an_unknown_key() =>
        VerifyAsync(
            Valid.Replace("dryRun: boolean", "dryRun: { type: boolean, {|#0:threeState|}: true }"),
            Error("EPG003", 0));
}
