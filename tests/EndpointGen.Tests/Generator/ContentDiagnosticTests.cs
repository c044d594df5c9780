using System.Threading.Tasks;
using EndpointGen.Tests.Infrastructure;
using Xunit;
using static EndpointGen.Tests.Infrastructure.EndpointGenTest;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// The misuse of request and response content (spec/README.md 5.7), each with its exact id, message arguments and
/// span: the content types (<c>file</c>, <c>bytes</c>, <c>stream</c>, <c>text</c>) where JSON is, form and multipart
/// bodies of what has no form encoding, the form key styles and <c>contentType</c> where they do not apply.
/// </summary>
public sealed class ContentDiagnosticTests
{
    private const string Valid = """
        service:
          name: Demo
          namespace: Demo.Api
          baseUrl: https://api.example.com/v1
        endpoints:
          Send:
            method: POST
            path: things
            body: { type: Thing, encoding: form }
            response: Thing
          Upload:
            method: POST
            path: uploads
            body: { type: Upload, encoding: multipart }
        types:
          Thing:
            fields:
              id: { type: int64, required: true }
              name: string
              inner: Inner
          Inner:
            fields:
              tags: 'string[]'
          Upload:
            fields:
              caption: string
              file: { type: file, required: true }
        """;

    [Fact]
    public Task The_valid_descriptor_has_no_diagnostics_and_compiles()
    {
        var test = Descriptor(Valid);
        test.ExpectedHintNames = new[] { "Demo.Api.Demo.g.cs" };
        return test.RunAsync();
    }

    [Fact]
    public Task EPG015_a_form_body_of_a_type_that_is_not_an_object() =>
        VerifyAsync(
            Valid.Replace("body: { type: Thing, encoding: form }", "body: { type: {|#0:'string[]'|}, encoding: form }"),
            Error("EPG015", 0).WithArguments("string[]", "as a form body; it must be an object type declared under 'types'"));

    [Fact]
    public Task EPG015_a_file_field_in_a_form_body() =>
        VerifyAsync(
            Valid.Replace("body: { type: Upload, encoding: multipart }", "body: { type: {|#0:Upload|}, encoding: form }"),
            Error("EPG015", 0).WithArguments("file", "in a form body (field 'file' of 'Upload'); files need 'encoding: multipart'"));

    [Fact]
    public Task EPG015_a_json_field_in_a_form_body_is_refused() =>
        VerifyAsync(
            Valid.Replace("body: { type: Thing, encoding: form }", "body: { type: {|#0:Thing|}, encoding: form }").Replace("      tags: 'string[]'", "      tags: 'string[]'\n      extra: json"),
            Error("EPG015", 0).WithArguments("json", "in a form body (field 'inner.extra' of 'Inner'); form and multipart values are scalars, enums and arrays of them, and nested objects (a json value has no agreed form encoding: send such a body as JSON)"));

    [Fact]
    public Task Maps_of_scalars_in_form_and_multipart_bodies_are_valid_and_compile()
    {
        var test = Descriptor(Valid.Replace("      name: string", "      name: 'map<string>'").Replace("      tags: 'string[]'", "      tags: 'string[]'\n      extra: 'map<Level>'\n  Level:\n    enum: [low, high]").Replace("      caption: string", "      caption: 'map<int32>'"));
        test.ExpectedHintNames = new[] { "Demo.Api.Demo.g.cs" };
        return test.RunAsync();
    }

    [Fact]
    public Task EPG015_a_map_of_objects_in_a_form_body() =>
        VerifyAsync(
            Valid.Replace("body: { type: Thing, encoding: form }", "body: { type: {|#0:Thing|}, encoding: form }").Replace("      name: string", "      name: 'map<Inner>'"),
            Error("EPG015", 0).WithArguments("map<Inner>", "in a form body (field 'name' of 'Thing'); a map in a form body writes each entry as a field named by its key, so its values must be scalars or enums, as in 'map<string>' (send a map of Inner as JSON)"));

    [Fact]
    public Task EPG015_an_array_of_objects_in_a_form_body() =>
        VerifyAsync(
            Valid.Replace("body: { type: Thing, encoding: form }", "body: { type: {|#0:Thing|}, encoding: form }").Replace("      inner: Inner", "      inner: 'Inner[]'"),
            Error("EPG015", 0).WithArguments("Inner[]", "in a form body (field 'inner' of 'Thing'); form and multipart values are scalars, enums and arrays of them, and nested objects"));

    [Fact]
    public Task EPG015_a_nested_object_in_a_multipart_body() =>
        VerifyAsync(
            Valid.Replace("body: { type: Upload, encoding: multipart }", "body: { type: {|#0:Upload|}, encoding: multipart }").Replace("      caption: string", "      caption: Inner"),
            Error("EPG015", 0).WithArguments("Inner", "in a multipart body (field 'caption' of 'Upload'); a multipart part is a value or a file: nested objects need 'encoding: form' or JSON"));

    [Fact]
    public Task EPG015_a_map_of_arrays_in_a_multipart_body() =>
        VerifyAsync(
            Valid.Replace("body: { type: Upload, encoding: multipart }", "body: { type: {|#0:Upload|}, encoding: multipart }").Replace("      caption: string", "      caption: 'map<int32[]>'"),
            Error("EPG015", 0).WithArguments("map<int32[]>", "in a multipart body (field 'caption' of 'Upload'); a map in a multipart body writes each entry as a field named by its key, so its values must be scalars or enums, as in 'map<string>' (send a map of int32[] as JSON)"));

    [Fact]
    public Task EPG015_a_map_of_files_in_a_multipart_body() =>
        VerifyAsync(
            Valid.Replace("      caption: string", "      caption: {|#0:'map<file>'|}"),
            Error("EPG015", 0).WithArguments("map<file>", "as a field (field 'caption' of 'Upload'); a file is a multipart field of its own, 'file' or 'file[]'"));

    [Fact]
    public Task EPG015_unix_time_in_a_form_body() =>
        VerifyAsync(
            Valid.Replace("body: { type: Thing, encoding: form }", "body: { type: {|#0:Thing|}, encoding: form }").Replace("      name: string", "      name: unix-time"),
            Error("EPG015", 0).WithArguments("unix-time", "in a form body (field 'name' of 'Thing'); unix-time is a JSON type (declare the field as int64 or date-time for a form)"));

    [Fact]
    public Task EPG015_a_type_with_file_fields_as_a_json_body() =>
        VerifyAsync(
            Valid.Replace("body: { type: Upload, encoding: multipart }", "body: {|#0:Upload|}"),
            Error("EPG015", 0).WithArguments("Upload", "as a JSON body; 'Upload' has file fields: send it with 'encoding: multipart'"));

    [Fact]
    public Task EPG015_a_type_with_file_fields_as_a_response() =>
        VerifyAsync(
            Valid.Replace("    response: Thing", "    response: {|#0:'Upload[]'|}"),
            Error("EPG015", 0).WithArguments("Upload[]", "as a response; 'Upload' has file fields, so it can only be a multipart body"));

    [Fact]
    public Task EPG015_a_type_with_file_fields_as_a_field() =>
        VerifyAsync(
            Valid.Replace("      name: string", "      name: {|#0:Upload|}"),
            Error("EPG015", 0).WithArguments("Upload", "as a field (field 'name' of 'Thing'); 'Upload' has file fields, so it can only be a multipart body"));

    [Fact]
    public Task EPG015_a_type_with_file_fields_as_the_error_body() =>
        VerifyAsync(
            Valid.Replace("  baseUrl: https://api.example.com/v1", "  baseUrl: https://api.example.com/v1\n  error: { type: {|#0:Upload|} }"),
            Error("EPG015", 0).WithArguments("Upload", "as the error body; 'Upload' has file fields, so it can only be a multipart body"));

    [Theory]
    [InlineData("'map<file>'", "map<file>", "; a file is a multipart field of its own, 'file' or 'file[]'")]
    [InlineData("'file[][]'", "file[][]", "; a file is a multipart field of its own, 'file' or 'file[]'")]
    [InlineData("bytes", "bytes", "; 'bytes' and 'stream' are response bodies and 'text' a request or response body, not JSON values")]
    [InlineData("'stream[]'", "stream[]", "; 'bytes' and 'stream' are response bodies and 'text' a request or response body, not JSON values")]
    [InlineData("text", "text", "; 'bytes' and 'stream' are response bodies and 'text' a request or response body, not JSON values")]
    public Task EPG015_a_content_type_as_a_field(string written, string shown, string why) =>
        VerifyAsync(
            Valid.Replace("      name: string", "      name: {|#0:" + written + "|}"),
            Error("EPG015", 0).WithArguments(shown, "as a field (field 'name' of 'Thing')" + why));

    [Theory]
    [InlineData("query")]
    [InlineData("header")]
    public Task EPG015_file_as_a_parameter(string group) =>
        VerifyAsync(
            Valid.Replace("    path: uploads\n", "    path: uploads\n    parameters:\n      " + group + ":\n        X-File: {|#0:file|}\n"),
            Error("EPG015", 0).WithArguments("file", "as a " + group + " parameter"));

    [Theory]
    [InlineData("file", "file", "as a response; a file is sent, not answered: use 'bytes' or 'stream' for a binary answer")]
    [InlineData("'bytes[]'", "bytes[]", "as a response; 'bytes', 'stream' and 'text' are whole answers, not JSON values")]
    [InlineData("'map<text>'", "map<text>", "as a response; 'bytes', 'stream' and 'text' are whole answers, not JSON values")]
    public Task EPG015_a_content_type_inside_a_json_response(string written, string shown, string why) =>
        VerifyAsync(
            Valid.Replace("    response: Thing", "    response: {|#0:" + written + "|}"),
            Error("EPG015", 0).WithArguments(shown, why));

    [Theory]
    [InlineData("bytes", "bytes", "as a request body; 'bytes' and 'stream' are response types: a binary request body is 'file'")]
    [InlineData("stream", "stream", "as a request body; 'bytes' and 'stream' are response types: a binary request body is 'file'")]
    [InlineData("'file[]'", "file[]", "as a request body; files go in a multipart body, as 'file' or 'file[]' fields")]
    public Task EPG015_a_content_type_as_a_json_request_body(string written, string shown, string why) =>
        VerifyAsync(
            Valid.Replace("body: { type: Thing, encoding: form }", "body: {|#0:" + written + "|}"),
            Error("EPG015", 0).WithArguments(shown, why));

    [Fact]
    public Task EPG015_a_file_body_declared_as_json() =>
        VerifyAsync(
            Valid.Replace("body: { type: Thing, encoding: form }", "body: { type: {|#0:file|}, encoding: json }"),
            Error("EPG015", 0).WithArguments("file", "as a JSON body; 'body: file' (without 'encoding') sends a file as the whole body, and file fields go in 'encoding: multipart'"));

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    public Task EPG015_an_encoded_body_on_a_get_or_head(string method) =>
        VerifyAsync(
            Valid.Replace("    method: POST\n    path: things", "    method: " + method + "\n    path: things").Replace("body: { type: Thing, encoding: form }", "body: { type: {|#0:Thing|}, encoding: form }"),
            Error("EPG015", 0).WithArguments("Thing", "as the body of a " + method + " request"));

    [Fact]
    public Task EPG005_an_unknown_encoding() =>
        VerifyAsync(
            Valid.Replace("encoding: form", "encoding: {|#0:xml|}"),
            Error("EPG005", 0).WithArguments("encoding", "'xml' is not one of json, form, multipart"));

    [Theory]
    [InlineData("nested: {|#0:square|}", "nested", "'square' is not one of dots, brackets")]
    [InlineData("arrays: {|#0:indexed|}", "arrays", "'indexed' is not one of repeat, brackets, comma")]
    public Task EPG005_an_unknown_form_style(string key, string name, string message) =>
        VerifyAsync(
            Valid.Replace("encoding: form }", "encoding: form, " + key + " }"),
            Error("EPG005", 0).WithArguments(name, message));

    [Fact]
    public Task EPG005_nested_outside_a_form_body() =>
        VerifyAsync(
            Valid.Replace("encoding: multipart }", "encoding: multipart, nested: {|#0:brackets|} }"),
            Error("EPG005", 0).WithArguments("nested", "'nested' applies to 'encoding: form' only"));

    [Fact]
    public Task EPG005_arrays_on_a_json_body() =>
        VerifyAsync(
            Valid.Replace("body: { type: Thing, encoding: form }", "body: { type: Thing, arrays: {|#0:comma|} }"),
            Error("EPG005", 0).WithArguments("arrays", "'arrays' applies to 'encoding: form' and 'encoding: multipart' only"));

    [Theory]
    [InlineData("png")]
    [InlineData("image/")]
    [InlineData("'text/plain; charset=utf-8'")]
    [InlineData("'image /png'")]
    public Task EPG005_a_content_type_that_is_not_a_media_type(string written) =>
        VerifyAsync(
            Valid.Replace("body: { type: Thing, encoding: form }", "body: { type: file, contentType: {|#0:" + written + "|} }"),
            Error("EPG005", 0).WithArguments("contentType", $"'{written.Trim('\'')}' is not a media type such as 'image/png' or 'application/vnd.api+json' (type/subtype, without parameters)"));

    [Fact]
    public Task EPG005_a_content_type_on_a_form_body() =>
        VerifyAsync(
            Valid.Replace("encoding: form }", "encoding: form, contentType: {|#0:application/json|} }"),
            Error("EPG005", 0).WithArguments("contentType", "a form or multipart body has its own content type; 'contentType' applies to json, file and text bodies"));

    [Fact]
    public Task EPG003_an_unknown_body_key() =>
        VerifyAsync(
            Valid.Replace("encoding: form }", "encoding: form, {|#0:charset|}: utf-8 }"),
            Error("EPG003", 0).WithArguments("charset", "body", "type, encoding, nested, arrays, contentType, description"));

    [Fact]
    public Task EPG004_a_long_form_body_without_a_type() =>
        VerifyAsync(
            Valid.Replace("body: { type: Thing, encoding: form }", "body: {|#0:|}{ encoding: form }"),
            Error("EPG004", 0).WithArguments("type", "body"));
}
