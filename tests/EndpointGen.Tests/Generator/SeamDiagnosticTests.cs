using System.Threading.Tasks;
using Xunit;
using static EndpointGen.Tests.Infrastructure.EndpointGenTest;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// Where two issue-13 features meet in a descriptor, in the style of <see cref="DiagnosticTests"/>: a three-state field
/// (unset, null or a value) in a form or multipart body, which has no null, is EPG015 at the body's type, naming the
/// field; the same type stays valid as a JSON body.
/// </summary>
public sealed class SeamDiagnosticTests
{
    private const string Valid = """
        service:
          name: Demo
          namespace: Demo.Api
          baseUrl: https://api.example.com/v1
        endpoints:
          PatchThing:
            method: PATCH
            path: things
            body: ThingPatch
          PostThing:
            method: POST
            path: things
            body: { type: ThingForm, encoding: form }
        types:
          ThingPatch:
            threeState: true
            fields:
              id: { type: int64, required: true }
              name: string
              inner: Inner
          ThingForm:
            fields:
              id: { type: int64, required: true }
              day: date
              inner: Inner
          Inner:
            fields:
              note: string
        """;

    private const string Why = "; a form or multipart body has no null, so a three-state field (unset, null or a value) is for JSON bodies: send this body as JSON, or give the field 'threeState: false'";

    [Fact]
    public Task A_three_state_type_as_a_json_body_and_a_plain_type_as_a_form_body_generate_and_compile()
    {
        var test = Descriptor(Valid);
        test.ExpectedHintNames = new[] { "Demo.Api.Demo.g.cs" };
        return test.RunAsync();
    }

    [Fact]
    public Task EPG015_a_three_state_type_as_a_form_body_names_its_first_three_state_field() =>
        VerifyAsync(
            Valid.Replace("body: { type: ThingForm, encoding: form }", "body: { type: {|#0:ThingPatch|}, encoding: form }"),
            Error("EPG015", 0).WithArguments("string", "in a form body (field 'name' of 'ThingPatch')" + Why));

    [Fact]
    public Task EPG015_a_three_state_type_as_a_multipart_body_names_its_first_three_state_field() =>
        VerifyAsync(
            Valid.Replace("body: { type: ThingForm, encoding: form }", "body: { type: {|#0:ThingPatch|}, encoding: multipart }"),
            Error("EPG015", 0).WithArguments("string", "in a multipart body (field 'name' of 'ThingPatch')" + Why));

    [Fact]
    public Task EPG015_a_three_state_field_of_a_nested_type_in_a_form_body_names_its_dotted_path() =>
        VerifyAsync(
            Valid
                .Replace("body: { type: ThingForm, encoding: form }", "body: { type: {|#0:ThingForm|}, encoding: form }")
                .Replace("      note: string", "      note: { type: string, threeState: true }"),
            Error("EPG015", 0).WithArguments("string", "in a form body (field 'inner.note' of 'Inner')" + Why));
}
