using System.Threading.Tasks;
using Xunit;
using static EndpointGen.Tests.Infrastructure.EndpointGenTest;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// The diagnostics of <c>service.error.inSuccess</c> and of the <c>...WithResponseAsync</c> method names, in
/// <see cref="DiagnosticTests"/>' style: each misuse with its ID and exact span, nothing else reported, nothing generated.
/// </summary>
public sealed class ResponseDiagnosticTests
{
    // A valid descriptor with an error inside 2xx; the cases below change it in one place.
    private const string Valid = """
        service:
          name: Chat
          namespace: Demo.Chat
          baseUrl: https://api.example.com/v1
          error:
            type: ChatError
            message: error.message
            inSuccess: { path: ok, equals: false }
        endpoints:
          PostMessage:
            method: POST
            path: messages
            body: Message
            response: Message
        types:
          Message:
            fields:
              text: { type: string, required: true }
          ChatError:
            fields:
              ok: boolean
              error: ErrorDetail
              errors: ErrorDetail[]
              status: Status
              retries: int32
              big: int64
              score: number
              meta: map<string>
              id: uuid
          ErrorDetail:
            fields:
              message: string
              code: string
          Status:
            enum: [ok, failed]
        """;

    [Theory]
    [InlineData("{ path: ok, equals: false }")]
    [InlineData("{ path: ok, equals: true }")]
    [InlineData("{ path: error.code, equals: invalid_auth }")]
    [InlineData("{ path: error.code, equals: \"false\" }")]
    [InlineData("{ path: error.code, equals: '42' }")]
    [InlineData("{ path: status, equals: failed }")]
    [InlineData("{ path: retries, equals: -3 }")]
    [InlineData("{ path: big, equals: 9007199254740993 }")]
    [InlineData("{ path: score, equals: 0.5 }")]
    [InlineData("{ path: score, equals: 2 }")]
    [InlineData("{ path: score, equals: 1e300 }")]
    public Task Each_kind_of_field_with_a_value_of_its_type_is_valid(string inSuccess)
    {
        var test = Descriptor(Valid.Replace("{ path: ok, equals: false }", inSuccess));
        test.ExpectedHintNames = new[] { "Demo.Chat.Chat.g.cs" };
        return test.RunAsync();
    }

    [Fact]
    public Task EPG003_an_unknown_key_in_inSuccess() =>
        VerifyAsync(
            Valid.Replace("{ path: ok, equals: false }", "{ path: ok, equals: false, {|#0:message|}: error }"),
            Error("EPG003", 0).WithArguments("message", "inSuccess", "path, equals"));

    [Fact]
    public Task EPG004_inSuccess_without_equals() =>
        VerifyAsync(
            Valid.Replace("{ path: ok, equals: false }", "{|#0:|}{ path: ok }"),
            Error("EPG004", 0).WithArguments("equals", "inSuccess"));

    [Fact]
    public Task EPG004_inSuccess_without_path() =>
        VerifyAsync(
            Valid.Replace("{ path: ok, equals: false }", "{|#0:|}{ equals: false }"),
            Error("EPG004", 0).WithArguments("path", "inSuccess"));

    [Fact]
    public Task EPG004_inSuccess_without_an_error_type() =>
        VerifyAsync(
            Valid.Replace("    type: ChatError\n    message: error.message\n    inSuccess:", "    {|#0:|}inSuccess:"),
            Error("EPG004", 0).WithArguments("type", "error"));

    [Fact]
    public Task EPG005_inSuccess_is_not_a_mapping() =>
        VerifyAsync(
            Valid.Replace("{ path: ok, equals: false }", "{|#0:ok|}"),
            Error("EPG005", 0).WithArguments("inSuccess", "expected a mapping, found a scalar"));

    [Fact]
    public Task EPG005_a_path_step_that_is_not_a_field() =>
        VerifyAsync(
            Valid.Replace("{ path: ok, equals: false }", "{ path: {|#0:error.reason|}, equals: x }"),
            Error("EPG005", 0).WithArguments("path", "'reason' is not a field of ErrorDetail"));

    [Fact]
    public Task EPG005_a_path_through_a_scalar_field() =>
        VerifyAsync(
            Valid.Replace("{ path: ok, equals: false }", "{ path: {|#0:ok.value|}, equals: false }"),
            Error("EPG005", 0).WithArguments("path", "'value' is not a field of boolean"));

    [Fact]
    public Task EPG015_a_path_through_an_array_is_refused() =>
        VerifyAsync(
            Valid.Replace("{ path: ok, equals: false }", "{ path: {|#0:errors.code|}, equals: invalid_auth }"),
            Error("EPG015", 0).WithArguments("ErrorDetail[]", "in the inSuccess path ('errors'): the path cannot step into an array or map; it names one value"));

    [Fact]
    public Task EPG015_a_path_into_a_map_is_refused() =>
        VerifyAsync(
            Valid.Replace("{ path: ok, equals: false }", "{ path: {|#0:meta|}, equals: x }"),
            Error("EPG015", 0).WithArguments("map<string>", "in the inSuccess path ('meta'): the path cannot step into an array or map; it names one value"));

    [Theory]
    [InlineData("error", "ErrorDetail")]
    [InlineData("id", "uuid")]
    public Task EPG015_a_path_that_ends_at_an_object_or_a_value_that_cannot_be_written(string path, string type) =>
        VerifyAsync(
            Valid.Replace("{ path: ok, equals: false }", "{ path: {|#0:" + path + "|}, equals: x }"),
            Error("EPG015", 0).WithArguments(type, "at the end of the inSuccess path; it must end at a boolean, string, int32, int64, number or enum field"));

    [Theory]
    [InlineData("error.code", "false", "'false' is not a string value, and the field 'code' is string (quote it, equals: \"false\", to compare the text)")]
    [InlineData("error.code", "42", "'42' is not a string value, and the field 'code' is string (quote it, equals: \"42\", to compare the text)")]
    [InlineData("ok", "\"false\"", "'false' is not a boolean value, and the field 'ok' is boolean")]
    [InlineData("ok", "no", "'no' is not a boolean value, and the field 'ok' is boolean")]
    [InlineData("retries", "1.5", "'1.5' is not a int32 value, and the field 'retries' is int32")]
    [InlineData("retries", "3000000000", "'3000000000' is not a int32 value, and the field 'retries' is int32")]
    [InlineData("big", "true", "'true' is not a int64 value, and the field 'big' is int64")]
    [InlineData("score", "'0.5'", "'0.5' is not a number value, and the field 'score' is number")]
    [InlineData("score", ".nan", "'.nan' is not a number value, and the field 'score' is number")]
    [InlineData("status", "true", "'true' is not a Status value, and the field 'status' is Status (quote it, equals: \"true\", to compare the text)")]
    public Task EPG005_a_value_not_of_the_field_type(string path, string value, string message) =>
        VerifyAsync(
            Valid.Replace("{ path: ok, equals: false }", "{ path: " + path + ", equals: {|#0:" + value + "|} }"),
            Error("EPG005", 0).WithArguments("equals", message));

    [Fact]
    public Task EPG005_an_enum_value_the_enum_does_not_declare() =>
        VerifyAsync(
            Valid.Replace("{ path: ok, equals: false }", "{ path: status, equals: {|#0:broken|} }"),
            Error("EPG005", 0).WithArguments("equals", "'broken' is not a value of the enum Status; add it to the enum's values"));

    [Theory]
    [InlineData("{|#0:null|}")]
    [InlineData("{|#0:|}[false]")]
    [InlineData("{|#0:|}{ a: b }")]
    public Task EPG005_a_value_that_is_not_a_scalar(string value) =>
        VerifyAsync(
            Valid.Replace("{ path: ok, equals: false }", "{ path: ok, equals: " + value + " }"),
            Error("EPG005", 0).WithArguments("equals", "expected a scalar: true, false, a number or a string"));

    [Fact]
    public Task EPG012_an_endpoint_named_like_another_endpoints_WithResponse_method() =>
        VerifyAsync(
            Valid.Replace("types:\n", "  {|#0:PostMessageWithResponse|}:\n    method: GET\n    path: other\ntypes:\n"),
            Error("EPG012", 0).WithArguments("endpoint", "PostMessageWithResponse", "PostMessageWithResponseAsync", "the endpoint 'PostMessage' has too (every endpoint also has a ...WithResponseAsync method)"));

    [Fact]
    public Task EPG012_an_endpoint_whose_WithResponse_method_another_endpoint_has_already() =>
        VerifyAsync(
            Valid.Replace("  PostMessage:\n", "  ListWithResponse:\n    method: GET\n    path: list\n  {|#0:List|}:\n    method: GET\n    path: other\n  PostMessage:\n"),
            Error("EPG012", 0).WithArguments("endpoint", "List", "ListWithResponseAsync", "the endpoint 'ListWithResponse' has too (every endpoint also has a ...WithResponseAsync method)"));
}
