using System.Threading.Tasks;
using Xunit;
using static EndpointGen.Tests.Infrastructure.EndpointGenTest;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// The diagnostics of named credential schemes (<c>service.auth: { default, schemes }</c>) and of an endpoint's
/// <c>auth</c> naming one, in the style of <see cref="DiagnosticTests"/>: each names every diagnostic with its ID and
/// exact span, and that nothing is generated when there is one.
/// </summary>
public sealed class SchemesDiagnosticTests
{
    private const string Valid = """
        service:
          name: Demo
          namespace: Demo.Api
          baseUrl: https://api.example.com/v1
          auth:
            default: user
            schemes:
              user: { scheme: bearer }
              admin: { scheme: apiKey, header: X-Admin-Key }
        endpoints:
          GetThing:
            method: GET
            path: things
            response: Thing
          DeleteThing:
            method: DELETE
            path: things
            auth: admin
          Ping:
            method: GET
            path: ping
            auth: none
        types:
          Thing:
            fields:
              id: { type: int64, required: true }
        """;

    [Fact]
    public Task The_valid_descriptor_has_no_diagnostics_and_compiles()
    {
        var test = Descriptor(Valid);
        test.ExpectedHintNames = new[] { "Demo.Api.Demo.g.cs" };
        return test.RunAsync();
    }

    [Fact]
    public Task A_default_of_none_is_allowed()
    {
        var test = Descriptor(Valid.Replace("default: user", "default: none"));
        test.ExpectedHintNames = new[] { "Demo.Api.Demo.g.cs" };
        return test.RunAsync();
    }

    [Fact]
    public Task EPG005_an_endpoint_naming_a_scheme_the_service_does_not_declare() =>
        VerifyAsync(
            Valid.Replace("auth: admin", "auth: {|#0:admn|}"),
            Error("EPG005", 0).WithArguments("auth", "'admn' is not a scheme of the service: service.auth.schemes declares user, admin; 'none' sends no credential"));

    [Fact]
    public Task EPG005_a_default_naming_no_scheme() =>
        VerifyAsync(
            Valid.Replace("default: user", "default: {|#0:usr|}"),
            Error("EPG005", 0).WithArguments("default", "'usr' is not a scheme under 'schemes': it declares user, admin (or 'none' for no credential)"));

    [Fact]
    public Task EPG004_named_schemes_without_a_default() =>
        VerifyAsync(
            Valid.Replace("    default: user\n    schemes:", "    {|#0:|}schemes:"),
            Error("EPG004", 0).WithArguments("default", "auth"));

    [Fact]
    public Task EPG007_a_scheme_declared_twice() =>
        VerifyAsync(
            Valid.Replace("      admin: { scheme: apiKey, header: X-Admin-Key }", "      admin: { scheme: apiKey, header: X-Admin-Key }\n      {|#0:admin|}: { scheme: bearer }"),
            Error("EPG007", 0).WithArguments("scheme", "admin"));

    [Fact]
    public Task EPG012_two_schemes_with_one_CSharp_name() =>
        VerifyAsync(
            Valid.Replace("      admin: { scheme: apiKey, header: X-Admin-Key }", "      admin: { scheme: apiKey, header: X-Admin-Key }\n      {|#0:Admin|}: { scheme: bearer }"),
            Error("EPG012", 0).WithArguments("auth scheme", "Admin", "Admin", "the scheme 'admin' becomes too"));

    [Fact]
    public Task EPG011_a_scheme_name_that_makes_no_CSharp_name() =>
        VerifyAsync(Valid.Replace("      admin: { scheme: apiKey", "      {|#0:\"2admin\"|}: { scheme: apiKey").Replace("auth: admin", "auth: 2admin"), Error("EPG011", 0));

    [Fact]
    public Task EPG005_a_scheme_named_none() =>
        VerifyAsync(
            Valid.Replace("      admin: { scheme: apiKey", "      {|#0:none|}: { scheme: apiKey").Replace("auth: admin", "auth: none"),
            Error("EPG005", 0).WithArguments("schemes", "'none' is what an endpoint writes to send no credential; give the scheme another name"));

    [Fact]
    public Task EPG005_no_schemes() =>
        VerifyAsync(
            Valid.Replace("    schemes:\n      user: { scheme: bearer }\n      admin: { scheme: apiKey, header: X-Admin-Key }\n", "    schemes: {|#0:|}{}\n").Replace("default: user", "default: none").Replace("    auth: admin\n", string.Empty),
            Error("EPG005", 0).WithArguments("schemes", "declare at least one scheme, or write the one scheme as service.auth itself"));

    [Fact]
    public Task EPG004_an_apiKey_scheme_without_a_header() =>
        VerifyAsync(
            Valid.Replace("admin: { scheme: apiKey, header: X-Admin-Key }", "admin: {|#0:|}{ scheme: apiKey }"),
            Error("EPG004", 0).WithArguments("header", "auth scheme 'admin' with scheme apiKey"));

    [Fact]
    public Task EPG005_a_header_on_a_bearer_scheme() =>
        VerifyAsync(
            Valid.Replace("user: { scheme: bearer }", "user: { scheme: bearer, header: {|#0:X-Token|} }"),
            Error("EPG005", 0).WithArguments("header", "only the apiKey scheme takes a header name"));

    [Fact]
    public Task EPG005_an_unknown_scheme_kind() =>
        VerifyAsync(
            Valid.Replace("user: { scheme: bearer }", "user: { scheme: {|#0:oauth|} }"),
            Error("EPG005", 0).WithArguments("scheme", "'oauth' is not one of basic, bearer, apiKey"));

    [Fact]
    public Task EPG003_an_unknown_key_beside_schemes() =>
        VerifyAsync(
            Valid.Replace("    default: user\n", "    default: user\n    {|#0:scheme|}: bearer\n"),
            Error("EPG003", 0).WithArguments("scheme", "auth", "default, schemes"));

    [Fact]
    public Task EPG003_an_unknown_key_in_a_scheme() =>
        VerifyAsync(
            Valid.Replace("user: { scheme: bearer }", "user: { scheme: bearer, {|#0:token|}: x }"),
            Error("EPG003", 0).WithArguments("token", "auth scheme 'user'", "scheme, header, description"));

    [Fact]
    public Task EPG005_schemes_that_are_not_a_mapping_and_no_name_reported_as_unknown() =>
        VerifyAsync(
            Valid.Replace("    schemes:\n      user: { scheme: bearer }\n      admin: { scheme: apiKey, header: X-Admin-Key }\n", "    schemes: {|#0:user|}\n"),
            Error("EPG005", 0).WithArguments("schemes", "expected a mapping, found a scalar"));

    [Fact]
    public Task A_scheme_in_error_is_not_reported_again_where_an_endpoint_names_it() =>
        VerifyAsync(
            Valid.Replace("admin: { scheme: apiKey, header: X-Admin-Key }", "admin: { scheme: {|#0:apikey|}, header: X-Admin-Key }"),
            Error("EPG005", 0).WithArguments("scheme", "'apikey' is not one of basic, bearer, apiKey"));
}
