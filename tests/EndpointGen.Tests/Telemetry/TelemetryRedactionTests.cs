using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EndpointGen.Runtime;
using EndpointGen.Tests.Robustness;
using Xunit;

namespace EndpointGen.Tests.Telemetry;

/// <summary>
/// Nothing a call carries or receives reaches its telemetry but what is named: calls with every kind of credential
/// (bearer token, API key, Basic user and password, a provided token), secret-looking query values, a header
/// parameter, a path id, request and response bodies, a server-given URL's query and a redirect's, succeeding and
/// failing; every string of every activity and measurement captured is scanned.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryRedactionTests : IClassFixture<TelemetryRedactionTests.Client>
{
    private const string Ns = "Telemetry.Hush.Hush";

    // No endpoint, type or field name says "secret": every value the tests send or the server answers does, so no
    // captured string may contain the word at all.
    private const string Descriptor = """
        service:
          name: Hush
          namespace: Telemetry.Hush
          baseUrl: http://127.0.0.1/api
          auth:
            default: user
            schemes:
              user: { scheme: bearer }
              admin: { scheme: apiKey, header: X-Admin-Key }
              partner: { scheme: basic }
          headers:
            X-Client: telemetry-tests
        endpoints:
          GetItem:
            method: GET
            path: items/{name}
            parameters:
              path:
                name: string
              query:
                api_key: string
                signature: string
              header:
                X-Session: string
            response: Item
          PutItem:
            method: POST
            path: items
            auth: admin
            body: Item
            response: Item
          GetReport:
            method: GET
            path: reports
            auth: partner
            response: Item
          Next:
            method: GET
            url: given
            auth: admin
            response: Item
        types:
          Item:
            fields:
              name: { type: string, required: true }
              value: string
        """;

    private static readonly string[] s_secrets =
    {
        "secret",
        "user-secret-token",
        "admin-secret-key",
        "partner-secret-password",
        Convert.ToBase64String(Encoding.UTF8.GetBytes("partner:partner-secret-password")),
        "provided-secret-token",
        "path-secret-id",
        "query-secret-key",
        "query-secret-signature",
        "header-secret-session",
        "request-secret-body",
        "response-secret-body",
        "url-secret-cursor",
        "redirect-secret-token",
        "error-secret-body",
        "echoed-secret-header",
    };

    private readonly DynamicClient _dynamic;

    public TelemetryRedactionTests(Client client) => _dynamic = client.Dynamic;

    /// <summary>The descriptor, compiled once.</summary>
    public sealed class Client : IDisposable
    {
        public DynamicClient Dynamic { get; } = DynamicClient.Compile(Descriptor);

        public void Dispose() => Dynamic.Dispose();
    }

    /// <summary>
    /// Answers with the given status; the body and a response header echo every credential and parameter the request
    /// carried, as a careless server might. A request for <c>/api/redirect</c> is sent on with a secret in the query.
    /// </summary>
    private static ScriptedServer Echoing(string status) => new(async (request, stream, token) =>
    {
        if (request.Target.StartsWith("/api/redirect", StringComparison.Ordinal))
        {
            await ScriptedServer.RespondAsync(stream, "307 Temporary Redirect", "/api/items/moved?token=redirect-secret-token", string.Empty, token);
            return;
        }

        var echo = string.Join(" ", request.Headers.Select(h => h.Value)) + " " + request.Target + " " + request.Body;
        var body = "{\"name\": \"response-secret-body error-secret-body\", \"value\": " + System.Text.Json.JsonSerializer.Serialize(echo) + "}";
        var bytes = Encoding.UTF8.GetBytes(body);
        await ScriptedServer.WriteAsync(
            stream,
            "HTTP/1.1 " + status + "\r\nConnection: close\r\nContent-Type: application/json\r\nX-Echo: echoed-secret-header\r\nContent-Length: " + bytes.Length + "\r\n\r\n",
            token);
        await stream.WriteAsync(bytes, token);
    });

    private object Create(ScriptedServer server, bool provided) =>
        _dynamic.Client(Ns, EndpointGenHttpClient.Create(), _dynamic.Options(Ns, o =>
        {
            o.BaseAddress = server.BaseAddress;
            if (provided)
            {
                o.UserTokenProvider = (Func<CancellationToken, ValueTask<string?>>)(_ => new ValueTask<string?>("provided-secret-token"));
            }
            else
            {
                o.UserToken = "user-secret-token";
            }

            o.AdminApiKey = "admin-secret-key";
            o.PartnerUsername = "partner";
            o.PartnerPassword = "partner-secret-password";
        }));

    /// <summary>Every endpoint once (GetItem also through a redirect); the number of calls made.</summary>
    private async Task<int> CallEveryEndpointAsync(ScriptedServer server, object client, bool fails)
    {
        var calls = new List<Func<Task>>
        {
            () => DynamicClient.CallAsync(client, "GetItemAsync", "path-secret-id", _dynamic.New(
                "Telemetry.Hush.GetItemParameters", ("ApiKey", "query-secret-key"), ("Signature", "query-secret-signature"), ("XSession", "header-secret-session"))),
            () => DynamicClient.CallAsync(client, "PutItemAsync", _dynamic.New("Telemetry.Hush.Item", ("Name", "request-secret-body"), ("Value", "request-secret-body"))),
            () => DynamicClient.CallAsync(client, "GetReportAsync"),
            () => DynamicClient.CallAsync(client, "NextAsync", new Uri(server.Origin + "/api/items?cursor=url-secret-cursor")),
            () => DynamicClient.CallAsync(client, "NextAsync", new Uri(server.Origin + "/api/redirect?cursor=url-secret-cursor")),
        };
        foreach (var call in calls)
        {
            if (fails)
            {
                var exception = await Assert.ThrowsAnyAsync<ApiException>(call);
                Assert.Equal(400, (int)exception.StatusCode);
            }
            else
            {
                await call();
            }
        }

        return calls.Count;
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task No_credential_query_value_header_path_id_or_body_is_in_any_tag_event_baggage_or_metric(bool provided, bool fails)
    {
        await using var server = Echoing(fails ? "400 Bad Request" : "200 OK");
        using var capture = TelemetryCapture.Of("EndpointGen.Hush");

        var calls = await CallEveryEndpointAsync(server, Create(server, provided), fails);

        // The server did get the secrets (so the scan is not vacuous), and each call is one activity and one duration.
        Assert.Contains(server.Received, r => r.Target.Contains("query-secret-key", StringComparison.Ordinal));
        Assert.Contains(server.Received, r => r.Body.Contains("request-secret-body", StringComparison.Ordinal));
        Assert.Equal(calls, capture.Activities.Count);
        Assert.Equal(calls, capture.Of("endpointgen.client.request.duration").Count);
        Assert.Equal(fails ? calls : 0, capture.Of("endpointgen.client.request.failures").Count);
        Assert.Equal(
            new[] { "GET items/{name}", "POST items", "GET reports", "GET {url}", "GET {url}" },
            capture.Activities.Select(a => a.DisplayName));
        TelemetryAssert.ContainsNone(capture.AllText(), s_secrets);
    }

    [Fact]
    public async Task A_call_that_is_cancelled_or_refused_records_no_secret_either()
    {
        // Connection refused: the exception's message names the address, which is not recorded either.
        var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var server = Echoing("200 OK");
        using var capture = TelemetryCapture.Of("EndpointGen.Hush");
        var client = Create(server, provided: false);
        var parameters = _dynamic.New("Telemetry.Hush.GetItemParameters", ("ApiKey", "query-secret-key"));

        await Assert.ThrowsAnyAsync<Exception>(() => DynamicClient.CallAsync(client, "NextAsync", new Uri($"http://127.0.0.1:{port}/api/items?cursor=url-secret-cursor")));
        using (var cancelled = new CancellationTokenSource())
        {
            cancelled.Cancel();
            var method = client.GetType().GetMethod("GetItemAsync")!;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => (Task)method.Invoke(client, new object?[] { "path-secret-id", parameters, cancelled.Token })!);
        }

        Assert.Equal(
            new[] { "System.Net.Http.HttpRequestException", "System.Threading.Tasks.TaskCanceledException" },
            capture.Activities.Select(a => (string)a.GetTagItem("error.type")!));
        TelemetryAssert.ContainsNone(capture.AllText(), s_secrets);
    }
}
