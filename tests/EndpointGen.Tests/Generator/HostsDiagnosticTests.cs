using System.Threading.Tasks;
using Xunit;
using static EndpointGen.Tests.Infrastructure.EndpointGenTest;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// The diagnostics of <c>service.servers</c> and an endpoint's <c>server</c>, <c>url: given</c> and <c>auth</c>, in
/// the style of <see cref="DiagnosticTests"/>: each names every diagnostic with its ID and exact span, and that
/// nothing is generated when there is one.
/// </summary>
public sealed class HostsDiagnosticTests
{
    private const string Valid = """
        service:
          name: Demo
          namespace: Demo.Api
          baseUrl: https://api.example.com/v1
          servers:
            media: https://media.example.com/{tenant}
            cdn: https://cdn.example.com
          auth: { scheme: bearer }
        endpoints:
          GetThing:
            method: GET
            server: media
            path: things/{id}
            parameters:
              path:
                id: int64
            response: Thing
          Next:
            method: GET
            url: given
            parameters:
              query:
                page: int32
            response: Thing
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
    public Task EPG005_an_endpoint_naming_a_server_the_service_does_not_declare() =>
        VerifyAsync(
            Valid.Replace("server: media", "server: {|#0:medai|}"),
            Error("EPG005", 0).WithArguments("server", "'medai' is not a server of the service: service.servers declares media, cdn"));

    [Fact]
    public Task EPG005_a_server_when_the_service_declares_none() =>
        VerifyAsync(
            Valid.Replace("  servers:\n    media: https://media.example.com/{tenant}\n    cdn: https://cdn.example.com\n", string.Empty).Replace("server: media", "server: {|#0:media|}"),
            Error("EPG005", 0).WithArguments("server", "'media' is not a server of the service: service.servers declares none"));

    [Fact]
    public Task EPG005_url_given_together_with_a_path() =>
        VerifyAsync(
            Valid.Replace("    url: given\n", "    url: given\n    path: {|#0:next|}\n"),
            Error("EPG005", 0).WithArguments("path", "an endpoint with 'url: given' is called with the whole URL and has no path; write one of them"));

    [Fact]
    public Task EPG005_url_with_another_value_than_given() =>
        VerifyAsync(Valid.Replace("url: given", "url: {|#0:https://api.example.com/next|}"), Error("EPG005", 0));

    [Fact]
    public Task EPG005_a_server_with_a_given_url() =>
        VerifyAsync(Valid.Replace("    url: given\n", "    url: given\n    server: {|#0:cdn|}\n"), Error("EPG005", 0));

    [Fact]
    public Task EPG004_an_endpoint_with_neither_path_nor_url() =>
        VerifyAsync(
            Valid.Replace("    path: ping\n", string.Empty).Replace("  Ping:\n    method: GET", "  Ping:\n    {|#0:|}method: GET"),
            Error("EPG004", 0).WithArguments("path", "endpoint 'Ping' (or 'url: given')"));

    [Fact]
    public Task EPG009_a_path_parameter_of_a_given_url() =>
        VerifyAsync(Valid.Replace("      query:\n        page: int32", "      path:\n        {|#0:page|}: int32"), Error("EPG009", 0));

    [Theory]
    [InlineData("ftp://media.example.com/files")]
    [InlineData("media.example.com/files")]
    [InlineData("https://media.example.com/files?key=1")]
    [InlineData("https://media.example.com/files#top")]
    [InlineData("https://media.example.com/{tenant")]
    public Task EPG005_a_server_url_that_is_not_an_absolute_http_url_without_query_or_fragment(string url) =>
        VerifyAsync(
            Valid.Replace("media: https://media.example.com/{tenant}", "media: {|#0:'" + url + "'|}").Replace("server: media", "server: cdn"),
            Error("EPG005", 0).WithArguments("servers.media", $"'{url}' is not an absolute http or https URL without query or fragment"));

    [Fact]
    public Task EPG011_a_server_placeholder_that_cannot_be_a_csharp_name() =>
        VerifyAsync(Valid.Replace("media: https://media.example.com/{tenant}", "media: {|#0:https://media.example.com/{2x}|}"), Error("EPG011", 0));

    [Fact]
    public Task EPG012_a_server_placeholder_named_like_the_builders_local() =>
        VerifyAsync(Valid.Replace("media: https://media.example.com/{tenant}", "media: {|#0:https://media.example.com/{url}|}"), Error("EPG012", 0));

    [Fact]
    public Task EPG011_a_server_name_that_cannot_be_a_csharp_name() =>
        VerifyAsync(Valid.Replace("    cdn: https://cdn.example.com", "    {|#0:\"2cdn\"|}: https://cdn.example.com"), Error("EPG011", 0));

    [Fact]
    public Task EPG007_a_server_declared_twice() =>
        VerifyAsync(Valid.Replace("    cdn: https://cdn.example.com", "    cdn: https://cdn.example.com\n    {|#0:cdn|}: https://cdn2.example.com"), Error("EPG007", 0));

    [Fact]
    public Task EPG012_two_servers_that_become_one_csharp_name() =>
        VerifyAsync(
            Valid.Replace("    cdn: https://cdn.example.com", "    cdn_eu: https://cdn.example.com\n    {|#0:cdn-eu|}: https://cdn2.example.com"),
            Error("EPG012", 0).WithArguments("server", "cdn-eu", "CdnEuBaseAddress", "the server 'cdn_eu' becomes too"));

    [Theory]
    [InlineData("create")]
    [InlineData("create_cdn")]
    public Task EPG012_a_server_named_like_the_method_that_builds_another_address(string name) =>
        VerifyAsync(
            Valid.Replace("    cdn: https://cdn.example.com", "    cdn: https://cdn.example.com\n    {|#0:" + name + "|}: https://other.example.com"),
            Error("EPG012", 0));

    [Theory]
    [InlineData("bearer")]
    [InlineData("basic")]
    [InlineData("other")]
    public Task EPG005_an_auth_value_that_names_no_scheme(string value) =>
        VerifyAsync(
            Valid.Replace("auth: none", "auth: {|#0:" + value + "|}"),
            Error("EPG005", 0).WithArguments("auth", $"'{value}' names no scheme: an endpoint takes 'auth: none' to send no credential, and the service's auth when it says nothing"));

    [Fact]
    public Task EPG005_servers_that_are_not_a_mapping() =>
        VerifyAsync(
            Valid.Replace("  servers:\n    media: https://media.example.com/{tenant}\n    cdn: https://cdn.example.com\n", "  servers: {|#0:|}[media]\n").Replace("    server: media\n", string.Empty),
            Error("EPG005", 0));

    [Fact]
    public Task Auth_none_on_a_service_without_auth_is_allowed()
    {
        var test = Descriptor(Valid.Replace("  auth: { scheme: bearer }\n", string.Empty));
        test.ExpectedHintNames = new[] { "Demo.Api.Demo.g.cs" };
        return test.RunAsync();
    }
}
