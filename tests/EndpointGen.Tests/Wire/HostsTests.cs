using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using EndpointGen.Runtime;
using EndpointGen.Tests.Robustness;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EndpointGen.Tests.Wire;

/// <summary>
/// Other hosts, server-given URLs and credential providers on the wire, between loopback servers of different origins
/// (127.0.0.1 and 127.0.0.2): an endpoint goes to its server, a given URL keeps its query, the credential and header
/// parameters reach the service's own origins only (never a given URL elsewhere, never an <c>auth: none</c>
/// endpoint), and a provider is asked on every request, so a rotated token shows on the next one.
/// </summary>
public sealed class HostsTests : IClassFixture<HostsTests.Clients>
{
    private readonly Clients _clients;

    public HostsTests(Clients clients) => _clients = clients;

    /// <summary>The descriptor compiled once per auth scheme; the tests point its addresses at their servers.</summary>
    public sealed class Clients : IDisposable
    {
        public Clients()
        {
            Bearer = DynamicClient.Compile(Descriptor("Wire.Hosts.Bearer", "auth: { scheme: bearer }"));
            ApiKey = DynamicClient.Compile(Descriptor("Wire.Hosts.Key", "auth: { scheme: apiKey, header: X-Api-Key }"));
        }

        public DynamicClient Bearer { get; }

        public DynamicClient ApiKey { get; }

        public void Dispose()
        {
            Bearer.Dispose();
            ApiKey.Dispose();
        }
    }

    private static string Descriptor(string ns, string auth) => $$"""
        service:
          name: Hosts
          namespace: {{ns}}
          baseUrl: http://127.0.0.1/api
          servers:
            media: http://127.0.0.2/{tenant}/media
          {{auth}}
          headers:
            X-Client: wire-tests
        endpoints:
          GetItem:
            method: GET
            path: items/{id}
            parameters:
              path:
                id: string
              header:
                X-Trace: string
            response: Item
          GetFile:
            method: GET
            server: media
            path: files/{name}
            parameters:
              path:
                name: string
            response: Item
          PutFile:
            method: POST
            server: media
            path: files
            body: Item
            response: Item
          Next:
            method: GET
            url: given
            parameters:
              query:
                page_size: int32
              header:
                X-Trace: string
            response: Item
          Upload:
            method: PUT
            url: given
            body: Item
          Status:
            method: GET
            path: status
            auth: none
            response: Item
          NextAnonymous:
            method: GET
            url: given
            auth: none
            parameters:
              header:
                X-Trace: string
            response: Item
        types:
          Item:
            fields:
              name: { type: string, required: true }
        """;

    private const string Answer = """{"name": "ok"}""";

    private static ScriptedServer Server(IPAddress? address = null) =>
        new((_, stream, token) => ScriptedServer.RespondAsync(stream, "200 OK", null, Answer, token), address);

    private static object Client(DynamicClient dynamic, string ns, ScriptedServer origin, ScriptedServer media, Action<dynamic> credential)
    {
        var options = dynamic.Options(ns + ".Hosts", o =>
        {
            o.BaseAddress = origin.BaseAddress;
            o.MediaBaseAddress = new Uri(media.Origin + "/acme/media");
            credential(o);
        });
        return dynamic.Client(ns + ".Hosts", EndpointGenHttpClient.Create(), options);
    }

    private object BearerClient(ScriptedServer origin, ScriptedServer media, string token = "token-1/a+b") =>
        Client(_clients.Bearer, "Wire.Hosts.Bearer", origin, media, o => o.Token = token);

    private object Parameters(string type, params (string Property, object? Value)[] values) => _clients.Bearer.New("Wire.Hosts.Bearer." + type, values);

    private object Item(string name) => _clients.Bearer.New("Wire.Hosts.Bearer.Item", ("Name", name));

    private static string Lines(ReceivedRequest request) =>
        request.Method + " " + request.Target + "\n" + string.Join("\n", request.Headers.Select(h => h.Key + ": " + h.Value));

    [Fact]
    public async Task An_endpoint_of_a_server_goes_to_that_server_with_the_credential()
    {
        await using var origin = Server();
        await using var media = Server(ScriptedServer.OtherLoopback);
        var client = BearerClient(origin, media);

        await DynamicClient.CallAsync(client, "GetFileAsync", "a b.png");

        Assert.Empty(origin.Received);
        var request = Assert.Single(media.Received);
        Assert.Equal(
            $"GET /acme/media/files/a%20b.png\nHost: {Host(media)}\nX-Client: wire-tests\nAuthorization: Bearer token-1/a+b",
            Lines(request));
    }

    [Fact]
    public async Task A_given_url_on_another_origin_keeps_its_query_and_gets_neither_the_credential_nor_the_header_parameters()
    {
        await using var origin = Server();
        await using var media = Server(ScriptedServer.OtherLoopback);
        await using var storage = Server(ScriptedServer.OtherLoopback);
        var client = BearerClient(origin, media);

        var next = new Uri(storage.Origin + "/bucket/photo.png?X-Amz-Signature=ab%2Fc%2B&X-Amz-Expires=300#fragment");
        await DynamicClient.CallAsync(client, "NextAsync", next, Parameters("NextParameters", ("PageSize", (int?)20), ("XTrace", "trace-1")));

        var request = Assert.Single(storage.Received);
        Assert.Equal(
            $"GET /bucket/photo.png?X-Amz-Signature=ab%2Fc%2B&X-Amz-Expires=300&page_size=20\nHost: {Host(storage)}\nX-Client: wire-tests",
            Lines(request));
        Assert.Empty(origin.Received);
        Assert.Empty(media.Received);
    }

    [Fact]
    public async Task A_given_upload_url_elsewhere_gets_the_body_but_not_the_credential()
    {
        await using var origin = Server();
        await using var media = Server(ScriptedServer.OtherLoopback);
        await using var storage = Server(ScriptedServer.OtherLoopback);
        var client = BearerClient(origin, media);

        await DynamicClient.CallAsync(client, "UploadAsync", new Uri(storage.Origin + "/upload?sig=s1"), Item("photo"));

        var request = Assert.Single(storage.Received);
        Assert.Equal(
            $"PUT /upload?sig=s1\nHost: {Host(storage)}\nX-Client: wire-tests\nContent-Type: application/json\nContent-Length: 16",
            Lines(request));
        Assert.Equal("""{"name":"photo"}""", request.Body);
    }

    [Fact]
    public async Task A_given_url_on_an_own_origin_gets_the_credential_and_the_header_parameters()
    {
        await using var origin = Server();
        await using var media = Server(ScriptedServer.OtherLoopback);
        var client = BearerClient(origin, media);

        await DynamicClient.CallAsync(client, "NextAsync", new Uri(origin.Origin + "/api/items?cursor=c%3D1"), Parameters("NextParameters", ("XTrace", "trace-2")));
        await DynamicClient.CallAsync(client, "NextAsync", new Uri(media.Origin + "/other/path"), null);

        Assert.Equal(
            $"GET /api/items?cursor=c%3D1\nHost: {Host(origin)}\nX-Client: wire-tests\nAuthorization: Bearer token-1/a+b\nX-Trace: trace-2",
            Lines(Assert.Single(origin.Received)));
        Assert.Equal(
            $"GET /other/path\nHost: {Host(media)}\nX-Client: wire-tests\nAuthorization: Bearer token-1/a+b",
            Lines(Assert.Single(media.Received)));
    }

    [Fact]
    public async Task Auth_none_sends_no_credential_anywhere_but_keeps_header_parameters_on_own_origins()
    {
        await using var origin = Server();
        await using var media = Server(ScriptedServer.OtherLoopback);
        var client = BearerClient(origin, media);

        await DynamicClient.CallAsync(client, "StatusAsync");
        await DynamicClient.CallAsync(client, "NextAnonymousAsync", new Uri(origin.Origin + "/api/page/2"), Parameters("NextAnonymousParameters", ("XTrace", "trace-3")));

        Assert.Equal(
            new[]
            {
                $"GET /api/status\nHost: {Host(origin)}\nX-Client: wire-tests",
                $"GET /api/page/2\nHost: {Host(origin)}\nX-Client: wire-tests\nX-Trace: trace-3",
            },
            origin.Received.Select(Lines));
    }

    [Theory]
    [InlineData("bearer")]
    [InlineData("apiKey")]
    public async Task The_provider_is_asked_on_every_request_so_a_rotated_credential_shows_on_the_next_one(string scheme)
    {
        await using var origin = Server();
        await using var media = Server(ScriptedServer.OtherLoopback);
        await using var storage = Server(ScriptedServer.OtherLoopback);
        var calls = 0;
        Func<CancellationToken, ValueTask<string?>> provider = _ => new ValueTask<string?>("secret-" + Interlocked.Increment(ref calls));
        var (dynamic, ns) = scheme == "bearer" ? (_clients.Bearer, "Wire.Hosts.Bearer") : (_clients.ApiKey, "Wire.Hosts.Key");
        var client = Client(dynamic, ns, origin, media, o =>
        {
            if (scheme == "bearer")
            {
                o.TokenProvider = provider;
            }
            else
            {
                o.ApiKeyProvider = provider;
            }
        });

        await DynamicClient.CallAsync(client, "GetItemAsync", "a", null);
        await DynamicClient.CallAsync(client, "GetItemAsync", "b", null);
        await DynamicClient.CallAsync(client, "GetFileAsync", "c");
        await DynamicClient.CallAsync(client, "NextAsync", new Uri(storage.Origin + "/elsewhere"), null);
        await DynamicClient.CallAsync(client, "StatusAsync");

        // Neither the request elsewhere nor the one without auth asked for a credential.
        Assert.Equal(3, calls);
        var (header, prefix) = scheme == "bearer" ? ("Authorization", "Bearer ") : ("X-Api-Key", string.Empty);
        Assert.Equal(
            new[]
            {
                $"GET /api/items/a\nHost: {Host(origin)}\nX-Client: wire-tests\n{header}: {prefix}secret-1",
                $"GET /api/items/b\nHost: {Host(origin)}\nX-Client: wire-tests\n{header}: {prefix}secret-2",
                $"GET /api/status\nHost: {Host(origin)}\nX-Client: wire-tests",
            },
            origin.Received.Select(Lines));
        Assert.Equal($"GET /acme/media/files/c\nHost: {Host(media)}\nX-Client: wire-tests\n{header}: {prefix}secret-3", Lines(Assert.Single(media.Received)));
        Assert.Equal($"GET /elsewhere\nHost: {Host(storage)}\nX-Client: wire-tests", Lines(Assert.Single(storage.Received)));
    }

    [Fact]
    public async Task A_provided_token_is_asked_once_per_call_and_follows_a_redirect_between_the_services_origins()
    {
        ScriptedServer? mediaServer = null;
        await using var origin = new ScriptedServer((request, stream, token) =>
            ScriptedServer.RespondAsync(stream, "307 Temporary Redirect", mediaServer!.Origin + "/acme/media/moved", string.Empty, token));
        await using var media = mediaServer = Server(ScriptedServer.OtherLoopback);
        var calls = 0;
        var client = Client(_clients.Bearer, "Wire.Hosts.Bearer", origin, media, o =>
            o.TokenProvider = (Func<CancellationToken, ValueTask<string?>>)(_ => new ValueTask<string?>("rotating-" + Interlocked.Increment(ref calls))));

        await DynamicClient.CallAsync(client, "GetItemAsync", "a", Parameters("GetItemParameters", ("XTrace", "t")));

        Assert.Equal(1, calls);
        Assert.Equal("Bearer rotating-1", Assert.Single(origin.Received).Header("Authorization"));
        var followed = Assert.Single(media.Received);
        Assert.Equal("/acme/media/moved", followed.Target);
        Assert.Equal("Bearer rotating-1", followed.Header("Authorization"));
        Assert.Equal("t", followed.Header("X-Trace"));
    }

    [Fact]
    public async Task A_307_from_a_server_to_the_base_host_keeps_the_method_the_body_and_the_credential()
    {
        ScriptedServer? originServer = null;
        await using var media = new ScriptedServer((_, stream, token) =>
            ScriptedServer.RespondAsync(stream, "307 Temporary Redirect", originServer!.Origin + "/api/files", string.Empty, token), ScriptedServer.OtherLoopback);
        await using var origin = originServer = Server();
        var client = BearerClient(origin, media);

        await DynamicClient.CallAsync(client, "PutFileAsync", Item("f"));

        var (first, followed) = (Assert.Single(media.Received), Assert.Single(origin.Received));
        Assert.Equal(
            $"POST /api/files\nHost: {Host(origin)}\nX-Client: wire-tests\nAuthorization: Bearer token-1/a+b\nContent-Type: application/json\nContent-Length: 12",
            Lines(followed));
        Assert.Equal(first.Body, followed.Body);
        Assert.Equal("""{"name":"f"}""", followed.Body);
    }

    [Fact]
    public async Task A_given_url_elsewhere_keeps_its_body_on_a_redirect_within_its_host_but_not_beyond()
    {
        await using var origin = Server();
        await using var media = Server(ScriptedServer.OtherLoopback);
        await using var beyond = Server(ScriptedServer.OtherLoopback);
        await using var storage = new ScriptedServer((request, stream, token) => request.Target switch
        {
            "/upload" => ScriptedServer.RespondAsync(stream, "307 Temporary Redirect", "/upload-here", string.Empty, token),
            "/upload-here" => ScriptedServer.RespondAsync(stream, "200 OK", null, string.Empty, token),
            _ => ScriptedServer.RespondAsync(stream, "307 Temporary Redirect", beyond.Origin + "/elsewhere", string.Empty, token),
        }, ScriptedServer.OtherLoopback);
        var client = BearerClient(origin, media);

        await DynamicClient.CallAsync(client, "UploadAsync", new Uri(storage.Origin + "/upload"), Item("p"));
        var refused = await Assert.ThrowsAnyAsync<ApiException>(() => DynamicClient.CallAsync(client, "UploadAsync", new Uri(storage.Origin + "/away"), Item("q")));

        Assert.Equal(new[] { "/upload", "/upload-here", "/away" }, storage.Received.Select(r => r.Target));
        Assert.Equal("""{"name":"p"}""", storage.Received[1].Body);
        Assert.Null(storage.Received[1].Header("Authorization"));
        Assert.Contains("redirects the PUT request to another origin, " + beyond.Origin + ", which is not followed", refused.Message, StringComparison.Ordinal);
        Assert.Empty(beyond.Received);
        Assert.Empty(origin.Received);
    }

    [Fact]
    public async Task A_provided_token_the_server_echoes_is_masked_in_the_exception()
    {
        const string Secret = "provided-9f/3c+d>";
        await using var origin = new ScriptedServer((request, stream, token) => ScriptedServer.RespondAsync(
            stream, "401 Unauthorized", null, "{\"error\": \"bad " + request.Header("Authorization") + "\", \"slashes\": \"provided-9f\\/3c+d>\", \"encoded\": \"provided-9f/3c\\u002Bd\\u003E\"}", token));
        await using var media = Server(ScriptedServer.OtherLoopback);
        var client = Client(_clients.Bearer, "Wire.Hosts.Bearer", origin, media, o =>
            o.TokenProvider = (Func<CancellationToken, ValueTask<string?>>)(_ => new ValueTask<string?>(Secret)));

        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => DynamicClient.CallAsync(client, "GetItemAsync", "a", null));

        Assert.Equal("Bearer " + Secret, Assert.Single(origin.Received).Header("Authorization"));
        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        foreach (var text in new[] { exception.Message, exception.ToString(), exception.ResponseBody })
        {
            Assert.DoesNotContain("provided-9f", text, StringComparison.Ordinal);
        }

        Assert.Contains("bad ***", exception.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_calls_each_mask_the_token_the_provider_gave_them()
    {
        await using var origin = new ScriptedServer((request, stream, token) => ScriptedServer.RespondAsync(
            stream, "401 Unauthorized", null, "{\"error\": \"bad " + request.Header("Authorization") + "\"}", token));
        await using var media = Server(ScriptedServer.OtherLoopback);
        var calls = 0;
        var client = Client(_clients.Bearer, "Wire.Hosts.Bearer", origin, media, o =>
            o.TokenProvider = (Func<CancellationToken, ValueTask<string?>>)(async _ =>
            {
                var n = Interlocked.Increment(ref calls);
                await Task.Yield();
                return "concurrent-token-" + n.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
            }));

        var failures = await Task.WhenAll(Enumerable.Range(0, 24).Select(async _ =>
            await Assert.ThrowsAnyAsync<ApiException>(() => DynamicClient.CallAsync(client, "GetItemAsync", "a", null))));

        Assert.Equal(24, calls);
        Assert.Equal(24, origin.Received.Select(r => r.Header("Authorization")).Distinct().Count());
        Assert.All(failures, failure =>
        {
            Assert.DoesNotContain("concurrent-token-", failure.ResponseBody, StringComparison.Ordinal);
            Assert.DoesNotContain("concurrent-token-", failure.Message, StringComparison.Ordinal);
            Assert.Contains("bad ***", failure.ResponseBody, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_provider_that_throws_ends_the_call_with_its_exception_before_anything_is_sent()
    {
        await using var origin = Server();
        await using var media = Server(ScriptedServer.OtherLoopback);
        var client = Client(_clients.Bearer, "Wire.Hosts.Bearer", origin, media, o =>
            o.TokenProvider = (Func<CancellationToken, ValueTask<string?>>)(_ => throw new InvalidOperationException("no token: sign in first")));

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => DynamicClient.CallAsync(client, "GetItemAsync", "a", null));

        Assert.Equal("no token: sign in first", exception.Message);
        Assert.Empty(origin.Received);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task A_provider_that_gives_no_token_sends_the_request_without_one(string? token)
    {
        await using var origin = Server();
        await using var media = Server(ScriptedServer.OtherLoopback);
        var client = Client(_clients.Bearer, "Wire.Hosts.Bearer", origin, media, o =>
            o.TokenProvider = (Func<CancellationToken, ValueTask<string?>>)(_ => new ValueTask<string?>(token)));

        await DynamicClient.CallAsync(client, "GetItemAsync", "a", null);

        Assert.Equal($"GET /api/items/a\nHost: {Host(origin)}\nX-Client: wire-tests", Lines(Assert.Single(origin.Received)));
    }

    [Fact]
    public async Task The_provider_gets_the_calls_token_and_cancelling_it_cancels_the_call()
    {
        await using var origin = Server();
        await using var media = Server(ScriptedServer.OtherLoopback);
        var client = Client(_clients.Bearer, "Wire.Hosts.Bearer", origin, media, o =>
            o.TokenProvider = (Func<CancellationToken, ValueTask<string?>>)(async token =>
            {
                await Task.Delay(Timeout.Infinite, token);
                return "never";
            }));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var method = client.GetType().GetMethod("GetItemAsync")!;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => (Task)method.Invoke(client, new object?[] { "a", null, cancel.Token })!);
        Assert.Empty(origin.Received);
    }

    [Theory]
    [InlineData("relative/path", "The URL must be an absolute https URL, not a relative one.")]
    [InlineData("ftp://127.0.0.1/file", "The URL must be an absolute https URL, not a ftp: URI.")]
    [InlineData("https://user:pass@storage.example.com/x", "The URL must not carry credentials (user-info before '@').")]
    [InlineData("http://storage.example.com/x?sig=secret", "The URL at http://storage.example.com uses plain http.")]
    public async Task A_given_url_that_is_not_absolute_https_or_loopback_http_is_refused_before_anything_is_sent(string url, string message)
    {
        await using var origin = Server();
        await using var media = Server(ScriptedServer.OtherLoopback);
        var client = BearerClient(origin, media);

        var exception = Assert.Throws<ArgumentException>(() => CallSynchronously(client, "NextAsync", new Uri(url, UriKind.RelativeOrAbsolute), null));

        Assert.StartsWith(message, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pass", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", exception.Message, StringComparison.Ordinal);
        Assert.Equal("url", exception.ParamName);
        Assert.Throws<ArgumentNullException>(() => CallSynchronously(client, "NextAsync", null, null));
        Assert.Empty(origin.Received);
    }

    [Fact]
    public async Task Options_check_the_servers_and_the_credential_and_never_show_a_secret()
    {
        await using var origin = Server();
        await using var media = Server(ScriptedServer.OtherLoopback);
        var ns = "Wire.Hosts.Bearer.Hosts";
        var dynamic = _clients.Bearer;
        Func<CancellationToken, ValueTask<string?>> provider = _ => new ValueTask<string?>("t");

        // A server with placeholders has no default address.
        var unset = dynamic.Options(ns, o => o.BaseAddress = origin.BaseAddress);
        var missing = Assert.Throws<ArgumentException>(() => dynamic.Client(ns, EndpointGenHttpClient.Create(), unset));
        Assert.Equal("HostsClientOptions.MediaBaseAddress is not set: set it (HostsClientOptions.CreateMediaBaseAddress builds the documented one). (Parameter 'options')", missing.Message);

        // Its address follows the base address's rules.
        var insecure = dynamic.Options(ns, o => o.MediaBaseAddress = new Uri("http://media.example.com/x"));
        Assert.StartsWith("HostsClientOptions.MediaBaseAddress: The base address 'http://media.example.com' uses plain http", Assert.Throws<ArgumentException>(() => dynamic.Client(ns, EndpointGenHttpClient.Create(), insecure)).Message, StringComparison.Ordinal);

        // One of Token and TokenProvider.
        var both = dynamic.Options(ns, o =>
        {
            o.MediaBaseAddress = new Uri(media.Origin + "/m");
            o.Token = "fixed-secret";
            o.TokenProvider = provider;
        });
        Assert.Contains("sets both a fixed credential and a credential provider", Assert.Throws<ArgumentException>(() => dynamic.Client(ns, EndpointGenHttpClient.Create(), both)).Message, StringComparison.Ordinal);
        Assert.Equal(
            $"HostsClientOptions {{ BaseAddress = (unset), Token = ***, TokenProvider = (set), MediaBaseAddress = {media.Origin}/m }}",
            both.ToString());

        // The documented address builder escapes its placeholder.
        var create = dynamic.Type(ns + "ClientOptions").GetMethod("CreateMediaBaseAddress")!;
        Assert.Equal("http://127.0.0.2/a%2Fb/media/", ((Uri)create.Invoke(null, new object[] { "a/b" })!).AbsoluteUri);
    }

    [Fact]
    public async Task Options_bound_from_configuration_with_a_provider_set_in_code_work_through_dependency_injection()
    {
        await using var origin = Server();
        await using var media = Server(ScriptedServer.OtherLoopback);
        using var dynamic = DynamicClient.Compile(Descriptor("Wire.Hosts.Bound", "auth: { scheme: bearer }"), withDependencyInjection: true);
        var optionsType = dynamic.Type("Wire.Hosts.Bound.HostsClientOptions");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hosts:BaseAddress"] = origin.BaseAddress.AbsoluteUri,
            ["Hosts:MediaBaseAddress"] = media.Origin + "/acme/media",
            ["Hosts:AllowInsecureHttp"] = "false",
        }).Build();

        var services = new ServiceCollection();
        typeof(OptionsConfigurationServiceCollectionExtensions).GetMethod("Configure", new[] { typeof(IServiceCollection), typeof(IConfiguration) })!
            .MakeGenericMethod(optionsType).Invoke(null, new object[] { services, configuration.GetSection("Hosts") });
        var calls = 0;
        Func<CancellationToken, ValueTask<string?>> provider = _ => new ValueTask<string?>("bound-" + Interlocked.Increment(ref calls));
        var configure = typeof(HostsTests).GetMethod(nameof(SetProvider), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(optionsType).Invoke(null, new object[] { provider })!;
        dynamic.Type("Wire.Hosts.Bound.HostsServiceCollectionExtensions").GetMethod("AddHostsClient")!.Invoke(null, new[] { services, configure });

        using var container = services.BuildServiceProvider();
        var client = container.GetRequiredService(dynamic.Type("Wire.Hosts.Bound.IHostsClient"));
        await DynamicClient.CallAsync(client, "GetFileAsync", "f");
        await DynamicClient.CallAsync(client, "GetItemAsync", "i", null);

        Assert.Equal("Bearer bound-1", Assert.Single(media.Received).Header("Authorization"));
        Assert.Equal("Bearer bound-2", Assert.Single(origin.Received).Header("Authorization"));
    }

    private static Action<T> SetProvider<T>(Func<CancellationToken, ValueTask<string?>> provider) =>
        options => typeof(T).GetProperty("TokenProvider")!.SetValue(options, provider);

    /// <summary>Calls a method as far as the task it returns: what it throws before any task exists, it throws here.</summary>
    private static void CallSynchronously(object client, string method, params object?[] arguments)
    {
        try
        {
            _ = client.GetType().GetMethod(method)!.Invoke(client, arguments.Append(CancellationToken.None).ToArray());
        }
        catch (System.Reflection.TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
        }
    }

    private static string Host(ScriptedServer server) => new Uri(server.Origin).Authority;
}
