using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Threading.Tasks;
using EndpointGen.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EndpointGen.Tests.Robustness;

/// <summary>
/// Redirects between two loopback servers of different origins (127.0.0.1 and 127.0.0.2 where the system has it,
/// else another port): no credential, header parameter or body reaches the second origin, whatever the redirect and
/// however the HttpClient was made; within the origin, redirects are followed as HttpClient would follow them.
/// </summary>
public sealed class RedirectTests : IClassFixture<RedirectTests.VaultClients>
{
    private const string OtherBody = """{"name": "from-the-other-origin"}""";
    private readonly VaultClients _clients;

    public RedirectTests(VaultClients clients) => _clients = clients;

    public enum Route
    {
        /// <summary><c>services.AddVaultClient(...)</c>, resolved from the container.</summary>
        DependencyInjection,

        /// <summary>A named client from IHttpClientFactory, its primary handler configured by hand.</summary>
        FactoryConfiguredByHand,

        /// <summary><c>EndpointGenHttpClient.Create()</c>.</summary>
        HandMade,
    }

    /// <summary>The Vault client for each auth scheme, with Microsoft.Extensions.Http for the registration.</summary>
    public sealed class VaultClients : SchemeClients
    {
        public VaultClients()
            : base("Redirected", "Vault", Descriptor, withDependencyInjection: true)
        {
        }
    }

    private static string Descriptor(string ns, string auth) => $$"""
        service:
          name: Vault
          namespace: {{ns}}
          baseUrl: https://vault.example.com/v1
          {{auth}}
          headers:
            X-Client: endpointgen-tests
        endpoints:
          GetSecret:
            method: GET
            path: secrets/{name}
            parameters:
              path:
                name: string
              header:
                X-Trace: string
            response: Secret
          PutSecret:
            method: POST
            path: secrets
            body: Secret
            response: Secret
        types:
          Secret:
            fields:
              name: { type: string, required: true }
              value: string
        """;

    public static IEnumerable<object[]> CrossOriginCases()
    {
        foreach (var status in new[] { 301, 302, 303, 307, 308 })
        {
            foreach (var method in new[] { "GET", "POST" })
            {
                foreach (var route in Enum.GetValues<Route>())
                {
                    yield return new object[] { "apiKey", route, status, method };
                }

                yield return new object[] { "bearer", Route.HandMade, status, method };
                yield return new object[] { "basic", Route.DependencyInjection, status, method };
            }
        }
    }

    [Theory]
    [MemberData(nameof(CrossOriginCases))]
    public async Task Nothing_but_the_url_follows_a_redirect_to_another_origin(string scheme, Route route, int status, string method)
    {
        await using var other = new ScriptedServer((_, stream, token) => ScriptedServer.RespondAsync(stream, "200 OK", null, OtherBody, token), ScriptedServer.OtherLoopback);
        await using var origin = new ScriptedServer((_, stream, token) => ScriptedServer.RespondAsync(stream, status + " Redirect", other.Origin + "/landing", string.Empty, token));
        Assert.NotEqual(origin.Origin, other.Origin);

        using var client = CreateClient(scheme, route, origin.BaseAddress);
        var call = Call(client.Value, method);
        var bodyFollows = method == "POST" && status is 307 or 308;
        if (bodyFollows)
        {
            var exception = await Assert.ThrowsAnyAsync<ApiException>(() => call);
            Assert.Equal(status, (int)exception.StatusCode);
            Assert.Contains("redirects the POST request to another origin, " + other.Origin + ", which is not followed", exception.Message, StringComparison.Ordinal);
            Assert.Empty(other.Received);
        }
        else
        {
            Assert.Equal("from-the-other-origin", Name(await call));
            var followed = Assert.Single(other.Received);
            Assert.Equal("GET", followed.Method);
            Assert.Equal("/landing", followed.Target);
            Assert.Equal(string.Empty, followed.Body);
            Assert.Null(followed.Header("Content-Length"));
            Assert.Equal("endpointgen-tests", followed.Header("X-Client"));
            AssertCarriesNothingOf(scheme, followed);
        }

        // The origin itself had everything: the credential, the header parameter and the body.
        var first = Assert.Single(origin.Received);
        Assert.Equal(method, first.Method);
        Assert.Contains(first.Headers, h => ContainsSecret(scheme, h.Value));
        Assert.Equal(method == "GET" ? "t-1" : null, first.Header("X-Trace"));
        Assert.Equal(method == "POST" ? """{"name":"s1","value":"v"}""" : string.Empty, first.Body);
    }

    [Theory]
    [InlineData(301, "GET", "GET")]
    [InlineData(301, "POST", "GET")]
    [InlineData(302, "GET", "GET")]
    [InlineData(302, "POST", "GET")]
    [InlineData(303, "GET", "GET")]
    [InlineData(303, "POST", "GET")]
    [InlineData(307, "GET", "GET")]
    [InlineData(307, "POST", "POST")]
    [InlineData(308, "GET", "GET")]
    [InlineData(308, "POST", "POST")]
    public async Task Within_the_origin_a_redirect_is_followed_as_HttpClient_would_follow_it(int status, string method, string followedAs)
    {
        await using var origin = new ScriptedServer((request, stream, token) => request.Target.EndsWith("/moved", StringComparison.Ordinal)
            ? ScriptedServer.RespondAsync(stream, "200 OK", null, """{"name": "moved"}""", token)
            : ScriptedServer.RespondAsync(stream, status + " Redirect", "moved", string.Empty, token));

        using var client = CreateClient("apiKey", Route.HandMade, origin.BaseAddress);
        Assert.Equal("moved", Name(await Call(client.Value, method)));

        var (first, second) = (origin.Received[0], origin.Received[1]);
        Assert.Equal(2, origin.Received.Count);
        Assert.Equal(followedAs, second.Method);
        Assert.Equal(SchemeClients.ApiKey, second.Header("X-Api-Key"));
        Assert.Equal(first.Header("X-Trace"), second.Header("X-Trace"));
        Assert.Equal(followedAs == "POST" ? first.Body : string.Empty, second.Body);
        Assert.Equal(followedAs == "POST" ? "application/json" : null, second.Header("Content-Type")?.Split(';')[0]);
    }

    [Fact]
    public async Task A_redirect_back_to_the_origin_after_leaving_it_carries_no_credential()
    {
        ScriptedServer? origin = null;
        await using var other = new ScriptedServer((_, stream, token) => ScriptedServer.RespondAsync(stream, "302 Found", origin!.Origin + "/api/back", string.Empty, token), ScriptedServer.OtherLoopback);
        await using var server = origin = new ScriptedServer((request, stream, token) => request.Target == "/api/back"
            ? ScriptedServer.RespondAsync(stream, "200 OK", null, """{"name": "back"}""", token)
            : ScriptedServer.RespondAsync(stream, "307 Temporary Redirect", other.Origin + "/away", string.Empty, token));

        using var client = CreateClient("apiKey", Route.HandMade, origin.BaseAddress);
        Assert.Equal("back", Name(await Call(client.Value, "GET")));

        Assert.Equal(2, origin.Received.Count);
        Assert.Equal(SchemeClients.ApiKey, origin.Received[0].Header("X-Api-Key"));
        AssertCarriesNothingOf("apiKey", origin.Received[1]);
        AssertCarriesNothingOf("apiKey", Assert.Single(other.Received));
    }

    [Fact]
    public async Task A_redirect_loop_ends_in_the_typed_exception_after_ten_redirects()
    {
        await using var origin = new ScriptedServer((_, stream, token) => ScriptedServer.RespondAsync(stream, "302 Found", "again", string.Empty, token));

        using var client = CreateClient("apiKey", Route.HandMade, origin.BaseAddress);
        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => Call(client.Value, "GET"));

        Assert.Contains("redirects once more after 10 redirects", exception.Message, StringComparison.Ordinal);
        Assert.Equal(11, origin.Received.Count);
    }

    [Theory]
    [InlineData("http://10.255.255.1/elsewhere", "redirects to plain http at http://10.255.255.1, which is not followed")]
    [InlineData("ftp://127.0.0.1/file", "redirects to a ftp: URI, which is not followed")]
    public async Task A_redirect_to_what_the_base_address_could_not_be_is_refused(string location, string message)
    {
        await using var origin = new ScriptedServer((_, stream, token) => ScriptedServer.RespondAsync(stream, "302 Found", location, string.Empty, token));

        using var client = CreateClient("apiKey", Route.HandMade, origin.BaseAddress);
        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => Call(client.Value, "GET"));

        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_handler_that_follows_redirects_itself_fails_the_call_once_it_has_left_the_origin(int status)
    {
        await using var other = new ScriptedServer((_, stream, token) => ScriptedServer.RespondAsync(stream, "200 OK", null, OtherBody, token), ScriptedServer.OtherLoopback);
        await using var origin = new ScriptedServer((_, stream, token) => ScriptedServer.RespondAsync(stream, status + " Redirect", other.Origin + "/landing", string.Empty, token));

        using var http = new HttpClient();
        var client = _clients.Client("apiKey", http, o => { o.BaseAddress = origin.BaseAddress; });
        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => Call(client, "GET"));

        Assert.Contains("the HttpClient's handler followed a redirect to " + other.Origin + " by itself", exception.Message, StringComparison.Ordinal);
        Assert.Contains("EndpointGenHttpClient.CreateHandler()", exception.Message, StringComparison.Ordinal);

        // What the README says the client cannot prevent: HttpClientHandler forwarded the API key before the client saw anything.
        Assert.Equal(SchemeClients.ApiKey, Assert.Single(other.Received).Header("X-Api-Key"));
    }

    private static void AssertCarriesNothingOf(string scheme, ReceivedRequest request)
    {
        Assert.Null(request.Header("X-Api-Key"));
        Assert.Null(request.Header("Authorization"));
        Assert.Null(request.Header("X-Trace"));
        Assert.DoesNotContain(request.Headers, h => ContainsSecret(scheme, h.Value));
        Assert.Equal(string.Empty, request.Body);
    }

    private static bool ContainsSecret(string scheme, string value) =>
        SchemeClients.Secrets(scheme).Any(secret => value.Contains(secret, StringComparison.Ordinal));

    private static Task<object?> Call(object client, string method)
    {
        var assembly = client.GetType().Assembly;
        var ns = client.GetType().Namespace!;
        if (method == "GET")
        {
            var parameters = Activator.CreateInstance(assembly.GetType(ns + ".GetSecretParameters")!)!;
            parameters.GetType().GetProperty("XTrace")!.SetValue(parameters, "t-1");
            return DynamicClient.CallAsync(client, "GetSecretAsync", "s1", parameters);
        }

        var secret = Activator.CreateInstance(assembly.GetType(ns + ".Secret")!)!;
        secret.GetType().GetProperty("Name")!.SetValue(secret, "s1");
        secret.GetType().GetProperty("Value")!.SetValue(secret, "v");
        return DynamicClient.CallAsync(client, "PutSecretAsync", secret);
    }

    private static string Name(object? secret) => (string)secret!.GetType().GetProperty("Name")!.GetValue(secret)!;

    /// <summary>A Vault client of the scheme, by one route, with what it needs disposed together.</summary>
    private Owned CreateClient(string scheme, Route route, Uri baseAddress)
    {
        switch (route)
        {
            case Route.DependencyInjection:
            {
                var services = new ServiceCollection();
                var ns = _clients.Namespace(scheme);
                var configure = typeof(RedirectTests).GetMethod(nameof(Typed), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(_clients[scheme].Type(ns + ".VaultClientOptions"))
                    .Invoke(null, new object[] { (Action<dynamic>)(options =>
                    {
                        SchemeClients.SetCredential(options, scheme);
                        options.BaseAddress = baseAddress;
                    }) })!;
                _clients[scheme].Type(ns + ".VaultServiceCollectionExtensions").GetMethod("AddVaultClient")!.Invoke(null, new[] { services, configure });
                var provider = services.BuildServiceProvider();
                return new Owned(provider.GetRequiredService(_clients[scheme].Type(ns + ".IVaultClient")), provider);
            }

            case Route.FactoryConfiguredByHand:
            {
                var services = new ServiceCollection();
                services.AddHttpClient("vault").ConfigurePrimaryHttpMessageHandler(EndpointGenHttpClient.CreateHandler);
                var provider = services.BuildServiceProvider();
                var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient("vault");
                return new Owned(_clients.Client(scheme, http, o => { o.BaseAddress = baseAddress; }), provider);
            }

            default:
            {
                var http = EndpointGenHttpClient.Create();
                return new Owned(_clients.Client(scheme, http, o => { o.BaseAddress = baseAddress; }), http);
            }
        }
    }

    private static Action<T> Typed<T>(Action<dynamic> configure) => options => configure(options!);

    private sealed record Owned(object Value, IDisposable Owner) : IDisposable
    {
        public void Dispose() => Owner.Dispose();
    }
}
