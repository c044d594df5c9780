using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using ContactCenter.Thulium;
using EndpointGen.Tests.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace EndpointGen.Tests.Robustness;

/// <summary>Hostile values in generated clients: path, query and header values cannot change the request's shape, and secrets never show.</summary>
public sealed class HostileValueTests : IClassFixture<HostileValueTests.FilesClient>
{
    private readonly DynamicClient _dynamic;

    public HostileValueTests(FilesClient files) => _dynamic = files.Client;

    /// <summary>The test descriptor, compiled once for the class.</summary>
    public sealed class FilesClient : IDisposable
    {
        public DynamicClient Client { get; } = DynamicClient.Compile(Descriptor);

        public void Dispose() => Client.Dispose();
    }

    private const string Descriptor = """
        service:
          name: Files
          namespace: Hostile.Files
          baseUrl: https://files.example.com/v2
          auth: { scheme: apiKey, header: X-Api-Key }
        endpoints:
          GetFile:
            method: GET
            path: folders/{folder}/files/{name}
            parameters:
              path:
                folder: string
                name: string
              query:
                q: string
                tag: string
              header:
                X-Trace: string
            response: File
        types:
          File:
            fields:
              name: { type: string, required: true }
        """;

    private (object Client, StubHandler Handler) Create(string apiKey = "k-123")
    {
        var handler = new StubHandler(HttpStatusCode.OK, """{"name": "x"}""");
        var options = _dynamic.Options("Hostile.Files.Files", o => { o.ApiKey = apiKey; });
        return (_dynamic.Client("Hostile.Files.Files", handler, options), handler);
    }

    private object Parameters(string? q = null, string? tag = null, string? trace = null) =>
        _dynamic.New("Hostile.Files.GetFileParameters", ("Q", q), ("Tag", tag), ("XTrace", trace));

    [Theory]
    [InlineData("../admin", "a/b?c#d", "/v2/folders/..%2Fadmin/files/a%2Fb%3Fc%23d")]
    [InlineData("%2e%2e", "x y", "/v2/folders/%252e%252e/files/x%20y")]
    [InlineData("...", "\u00e9", "/v2/folders/.../files/%C3%A9")]
    public async Task A_path_parameter_stays_inside_its_own_segment(string folder, string name, string path)
    {
        var (client, handler) = Create();
        await DynamicClient.CallAsync(client, "GetFileAsync", folder, name, Parameters());
        Assert.Equal(path, handler.Last.Uri.AbsolutePath);
        Assert.Equal(string.Empty, handler.Last.Uri.Query);
        Assert.Equal(string.Empty, handler.Last.Uri.Fragment);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    public async Task A_path_parameter_that_would_leave_its_segment_is_refused_before_anything_is_sent(string folder)
    {
        var (client, handler) = Create();
        await Assert.ThrowsAsync<ArgumentException>(() => DynamicClient.CallAsync(client, "GetFileAsync", folder, "f", Parameters()));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Query_values_are_encoded_so_they_cannot_add_parameters()
    {
        var (client, handler) = Create();
        await DynamicClient.CallAsync(client, "GetFileAsync", "f", "n", Parameters(q: "a&admin=true#x", tag: "ü +/?"));
        Assert.Equal("?q=a%26admin%3Dtrue%23x&tag=%C3%BC%20%2B%2F%3F", handler.Last.Uri.Query);
    }

    [Theory]
    [InlineData("value\r\nX-Injected: yes")]
    [InlineData("value\nX-Injected: yes")]
    [InlineData("value\rmore")]
    public async Task A_header_value_with_a_line_break_is_refused_before_anything_is_sent(string trace)
    {
        var (client, handler) = Create();
        var exception = await Assert.ThrowsAsync<ArgumentException>(() => DynamicClient.CallAsync(client, "GetFileAsync", "f", "n", Parameters(trace: trace)));
        Assert.Contains("X-Trace", exception.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task An_api_key_with_a_line_break_is_refused_before_anything_is_sent()
    {
        var (client, handler) = Create(apiKey: "key\r\nX-Admin: 1");
        await Assert.ThrowsAsync<ArgumentException>(() => DynamicClient.CallAsync(client, "GetFileAsync", "f", "n", Parameters()));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void A_bearer_token_with_a_line_break_is_refused()
    {
        Assert.Throws<ArgumentException>(() => EndpointGen.Runtime.ApiRequest.BearerAuthorization("token\r\nX-Admin: 1"));
    }

    [Theory]
    [InlineData("http://files.example.com/v2", false, false)]
    [InlineData("http://10.0.0.8/v2", false, false)]
    [InlineData("ftp://files.example.com/v2", false, false)]
    [InlineData("https://user:pass@files.example.com/v2", false, false)]
    [InlineData("http://files.example.com/v2", true, true)]
    [InlineData("https://files.example.com/v2", false, true)]
    [InlineData("http://127.0.0.1:5000/v2", false, true)]
    [InlineData("http://127.12.0.1/v2", false, true)]
    [InlineData("http://localhost:5000/v2", false, true)]
    [InlineData("http://[::1]:5000/v2", false, true)]
    public void The_base_address_must_be_https_except_loopback_or_an_explicit_opt_in(string baseAddress, bool allowInsecureHttp, bool accepted)
    {
        var options = _dynamic.Options("Hostile.Files.Files", o =>
        {
            o.BaseAddress = new Uri(baseAddress);
            o.AllowInsecureHttp = allowInsecureHttp;
        });

        if (accepted)
        {
            Assert.NotNull(_dynamic.Client("Hostile.Files.Files", new StubHandler(HttpStatusCode.OK), options));
        }
        else
        {
            Assert.Throws<ArgumentException>(() => _dynamic.Client("Hostile.Files.Files", new StubHandler(HttpStatusCode.OK), options));
        }
    }

    [Fact]
    public async Task Credentials_never_appear_in_options_exceptions_or_logs()
    {
        const string Password = "pa55-Wörd!";
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("api_user:" + Password));
        var logs = new List<string>();

        var services = new ServiceCollection();
        services.AddLogging(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(new ListLoggerProvider(logs)));
        services.AddHttpClient("thulium")
            .ConfigurePrimaryHttpMessageHandler(() => new StubHandler(HttpStatusCode.Unauthorized, """{"request_id": "r1", "errors": [{"message": "invalid credentials", "code": 1}]}"""));
        using var provider = services.BuildServiceProvider();

        var options = new ThuliumClientOptions { BaseAddress = new Uri("https://acme.thulium.com/api"), Username = "api_user", Password = Password };
        var client = new ThuliumClient(provider.GetRequiredService<IHttpClientFactory>().CreateClient("thulium"), options);
        var exception = await Assert.ThrowsAsync<ThuliumApiException>(() => client.StartChatConversationAsync(new StartChatConversationParameters { ChatQueueId = 3 }));

        var everything = string.Join("\n", logs) + "\n" + options + "\n" + exception + "\n" + exception.ResponseBody + "\n"
            + string.Join("\n", exception.Headers.SelectMany(h => h.Value.Select(v => h.Key + ": " + v)));
        Assert.NotEmpty(logs);
        Assert.DoesNotContain(Password, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(encoded, everything, StringComparison.Ordinal);
        Assert.Contains("invalid credentials", exception.Message, StringComparison.Ordinal);
    }

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        private readonly List<string> _lines;

        public ListLoggerProvider(List<string> lines) => _lines = lines;

        public ILogger CreateLogger(string categoryName) => new ListLogger(_lines, categoryName);

        public void Dispose()
        {
        }

        private sealed class ListLogger : ILogger
        {
            private readonly List<string> _lines;
            private readonly string _category;

            public ListLogger(List<string> lines, string category)
            {
                _lines = lines;
                _category = category;
            }

            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (_lines)
                {
                    _lines.Add(_category + ": " + formatter(state, exception) + (state is IEnumerable<KeyValuePair<string, object?>> pairs ? " " + string.Join(", ", pairs.Select(p => p.Key + "=" + p.Value)) : string.Empty));
                }
            }
        }
    }
}
