using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using EndpointGen.Runtime;
using EndpointGen.Tests.Robustness;
using Xunit;

namespace EndpointGen.Tests.Wire;

/// <summary>
/// Named credential schemes on the wire, between loopback servers of different origins (127.0.0.1 and 127.0.0.2):
/// each endpoint sends exactly its scheme's header and no other (the default scheme's when it names none, nothing
/// with <c>auth: none</c>), a scheme's provider is asked only for its own endpoints, a given URL elsewhere gets no
/// credential, and a failure's exception shows none of the credentials.
/// </summary>
public sealed class SchemesTests : IClassFixture<SchemesTests.Client>
{
    private const string Ns = "Wire.Schemes.Keys";

    private const string Descriptor = """
        service:
          name: Keys
          namespace: Wire.Schemes
          baseUrl: http://127.0.0.1/api
          servers:
            media: http://127.0.0.2/media
          auth:
            default: user
            schemes:
              user: { scheme: bearer }
              admin: { scheme: apiKey, header: X-Admin-Key }
              partner: { scheme: basic }
          headers:
            X-Client: wire-tests
        endpoints:
          GetMe:
            method: GET
            path: me
          DeleteUser:
            method: DELETE
            path: users/{id}
            auth: admin
            parameters:
              path:
                id: string
          GetReport:
            method: GET
            path: reports
            auth: partner
          GetFile:
            method: GET
            server: media
            path: files
            auth: admin
          Next:
            method: GET
            url: given
            auth: admin
          Health:
            method: GET
            path: health
            auth: none
        """;

    private readonly DynamicClient _dynamic;

    public SchemesTests(Client client) => _dynamic = client.Dynamic;

    /// <summary>The descriptor, compiled once.</summary>
    public sealed class Client : IDisposable
    {
        public DynamicClient Dynamic { get; } = DynamicClient.Compile(Descriptor);

        public void Dispose() => Dynamic.Dispose();
    }

    private static ScriptedServer Server(IPAddress? address = null) =>
        new((_, stream, token) => ScriptedServer.RespondAsync(stream, "200 OK", null, string.Empty, token), address);

    private object Create(ScriptedServer origin, ScriptedServer media, Action<dynamic> credentials) =>
        _dynamic.Client(Ns, EndpointGenHttpClient.Create(), Options(origin, media, credentials));

    private object Options(ScriptedServer origin, ScriptedServer media, Action<dynamic> credentials) =>
        _dynamic.Options(Ns, o =>
        {
            o.BaseAddress = origin.BaseAddress;
            o.MediaBaseAddress = new Uri(media.Origin + "/media");
            credentials(o);
        });

    private static void Fixed(dynamic o)
    {
        o.UserToken = "user-token-1";
        o.AdminApiKey = "admin-key-1";
        o.PartnerUsername = "partner";
        o.PartnerPassword = "partner-secret";
    }

    private static string Lines(ReceivedRequest request) =>
        request.Method + " " + request.Target + "\n" + string.Join("\n", request.Headers.Select(h => h.Key + ": " + h.Value));

    private static string Host(ScriptedServer server) => new Uri(server.Origin).Authority;

    [Fact]
    public async Task Each_endpoint_sends_exactly_its_schemes_header_and_no_other()
    {
        await using var origin = Server();
        await using var media = Server(ScriptedServer.OtherLoopback);
        var client = Create(origin, media, Fixed);

        await DynamicClient.CallAsync(client, "GetMeAsync");
        await DynamicClient.CallAsync(client, "DeleteUserAsync", "u1");
        await DynamicClient.CallAsync(client, "GetReportAsync");
        await DynamicClient.CallAsync(client, "HealthAsync");
        await DynamicClient.CallAsync(client, "NextAsync", new Uri(origin.Origin + "/api/users?page=2"));
        await DynamicClient.CallAsync(client, "GetFileAsync");

        var basic = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("partner:partner-secret"));
        Assert.Equal(
            new[]
            {
                $"GET /api/me\nHost: {Host(origin)}\nX-Client: wire-tests\nAuthorization: Bearer user-token-1",
                $"DELETE /api/users/u1\nHost: {Host(origin)}\nX-Client: wire-tests\nX-Admin-Key: admin-key-1",
                $"GET /api/reports\nHost: {Host(origin)}\nX-Client: wire-tests\nAuthorization: {basic}",
                $"GET /api/health\nHost: {Host(origin)}\nX-Client: wire-tests",
                $"GET /api/users?page=2\nHost: {Host(origin)}\nX-Client: wire-tests\nX-Admin-Key: admin-key-1",
            },
            origin.Received.Select(Lines));
        Assert.Equal($"GET /media/files\nHost: {Host(media)}\nX-Client: wire-tests\nX-Admin-Key: admin-key-1", Lines(Assert.Single(media.Received)));
    }

    [Fact]
    public async Task A_given_url_on_another_origin_gets_no_credential()
    {
        await using var origin = Server();
        await using var media = Server(ScriptedServer.OtherLoopback);
        await using var storage = Server(ScriptedServer.OtherLoopback);
        var client = Create(origin, media, Fixed);

        await DynamicClient.CallAsync(client, "NextAsync", new Uri(storage.Origin + "/bucket?sig=1"));

        Assert.Equal($"GET /bucket?sig=1\nHost: {Host(storage)}\nX-Client: wire-tests", Lines(Assert.Single(storage.Received)));
        Assert.Empty(origin.Received);
    }

    [Fact]
    public async Task Each_schemes_provider_is_asked_for_its_own_endpoints_only()
    {
        await using var origin = Server();
        await using var media = Server(ScriptedServer.OtherLoopback);
        await using var storage = Server(ScriptedServer.OtherLoopback);
        var users = 0;
        var admins = 0;
        var client = Create(origin, media, o =>
        {
            o.UserTokenProvider = (Func<CancellationToken, ValueTask<string?>>)(_ => new ValueTask<string?>("user-" + Interlocked.Increment(ref users)));
            o.AdminApiKeyProvider = (Func<CancellationToken, ValueTask<string?>>)(_ => new ValueTask<string?>("admin-" + Interlocked.Increment(ref admins)));
        });

        await DynamicClient.CallAsync(client, "GetMeAsync");
        await DynamicClient.CallAsync(client, "DeleteUserAsync", "u1");
        await DynamicClient.CallAsync(client, "GetMeAsync");
        await DynamicClient.CallAsync(client, "GetReportAsync");
        await DynamicClient.CallAsync(client, "HealthAsync");
        await DynamicClient.CallAsync(client, "NextAsync", new Uri(storage.Origin + "/elsewhere"));

        // Neither the partner endpoint (no credential set), the one without auth, nor the given URL elsewhere asked.
        Assert.Equal(2, users);
        Assert.Equal(1, admins);
        Assert.Equal(
            new[]
            {
                $"GET /api/me\nHost: {Host(origin)}\nX-Client: wire-tests\nAuthorization: Bearer user-1",
                $"DELETE /api/users/u1\nHost: {Host(origin)}\nX-Client: wire-tests\nX-Admin-Key: admin-1",
                $"GET /api/me\nHost: {Host(origin)}\nX-Client: wire-tests\nAuthorization: Bearer user-2",
                $"GET /api/reports\nHost: {Host(origin)}\nX-Client: wire-tests",
                $"GET /api/health\nHost: {Host(origin)}\nX-Client: wire-tests",
            },
            origin.Received.Select(Lines));
        Assert.Equal($"GET /elsewhere\nHost: {Host(storage)}\nX-Client: wire-tests", Lines(Assert.Single(storage.Received)));
    }

    [Fact]
    public async Task A_failure_shows_none_of_the_credentials_whichever_scheme_its_call_carried()
    {
        // The server echoes every credential it could know of, fixed and provided, into its error body.
        await using var origin = new ScriptedServer((request, stream, token) => ScriptedServer.RespondAsync(
            stream, "400 Bad Request", null, "{\"error\": \"bad user-token-1 admin-key-1 partner-secret " + request.Header("X-Admin-Key") + "\"}", token));
        await using var media = Server(ScriptedServer.OtherLoopback);
        var client = Create(origin, media, o =>
        {
            o.UserToken = "user-token-1";
            o.AdminApiKeyProvider = (Func<CancellationToken, ValueTask<string?>>)(_ => new ValueTask<string?>("provided-admin-7"));
            o.PartnerUsername = "partner";
            o.PartnerPassword = "partner-secret";
        });

        foreach (var call in new[] { "GetMeAsync", "GetReportAsync", "HealthAsync" })
        {
            var exception = await Assert.ThrowsAnyAsync<ApiException>(() => DynamicClient.CallAsync(client, call));
            foreach (var text in new[] { exception.Message, exception.ToString(), exception.ResponseBody })
            {
                Assert.DoesNotContain("user-token-1", text, StringComparison.Ordinal);
                Assert.DoesNotContain("partner-secret", text, StringComparison.Ordinal);
            }
        }

        var admin = await Assert.ThrowsAnyAsync<ApiException>(() => DynamicClient.CallAsync(client, "DeleteUserAsync", "u1"));
        Assert.Equal("provided-admin-7", origin.Received[^1].Header("X-Admin-Key"));
        foreach (var text in new[] { admin.Message, admin.ToString(), admin.ResponseBody })
        {
            Assert.DoesNotContain("user-token-1", text, StringComparison.Ordinal);
            Assert.DoesNotContain("partner-secret", text, StringComparison.Ordinal);
            Assert.DoesNotContain("provided-admin-7", text, StringComparison.Ordinal);
        }

        Assert.Equal("{\"error\": \"bad *** admin-key-1 *** ***\"}", admin.ResponseBody);
    }

    [Fact]
    public async Task The_options_show_no_secret_and_a_scheme_with_both_a_value_and_a_provider_is_refused()
    {
        await using var origin = Server();
        await using var media = Server(ScriptedServer.OtherLoopback);
        var options = Options(origin, media, o =>
        {
            Fixed(o);
            o.AdminApiKeyProvider = (Func<CancellationToken, ValueTask<string?>>)(_ => new ValueTask<string?>("x"));
        });

        Assert.Equal(
            $"KeysClientOptions {{ BaseAddress = {origin.BaseAddress}, UserToken = ***, UserTokenProvider = (unset), AdminApiKey = ***, AdminApiKeyProvider = (set), PartnerUsername = partner, PartnerPassword = ***, MediaBaseAddress = {media.Origin}/media }}",
            options.ToString());
        var refused = Assert.Throws<ArgumentException>(() => _dynamic.Client(Ns, EndpointGenHttpClient.Create(), options));
        Assert.Equal("KeysClientOptions sets both a fixed credential and a credential provider of the 'admin' scheme: set one of them. (Parameter 'options')", refused.Message);
    }
}
