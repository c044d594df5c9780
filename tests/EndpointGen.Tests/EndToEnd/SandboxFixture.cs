using System;
using System.Net.Http;
using System.Threading.Tasks;
using ContactCenter.Ccai;
using ContactCenter.LiveDesk;
using ContactCenter.Thulium;
using Sandbox;
using Xunit;

namespace EndpointGen.Tests.EndToEnd;

/// <summary>
/// One sandbox per test class, on its own loopback port, and the generated clients pointed at it the way
/// a user configures them (base address, user, password). Tests of a class run one after another, so
/// they share the sandbox but each creates the chats and conversations it asserts on.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private SandboxServer? _server;

    /// <summary>The running sandbox.</summary>
    public SandboxServer Server => _server ?? throw new InvalidOperationException("The sandbox has not started.");

    /// <summary>A plain client for calls that need no recording.</summary>
    public HttpClient Http { get; } = new();

    public async Task InitializeAsync() => _server = await SandboxServer.StartAsync();

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public ThuliumClient Thulium(HttpClient? http = null, string? password = null) =>
        new(http ?? Http, new ThuliumClientOptions { BaseAddress = Server.ThuliumBaseUrl, Username = Server.Options.ThuliumUser, Password = password ?? Server.Options.ThuliumPassword });

    public CcaiClient Ccai(HttpClient? http = null, string? password = null) =>
        new(http ?? Http, new CcaiClientOptions { BaseAddress = Server.CcaiBaseUrl, Username = Server.Options.CcaiUser, Password = password ?? Server.Options.CcaiPassword });

    public LiveDeskClient LiveDesk(HttpClient? http = null, string? password = null, Uri? baseAddress = null) =>
        new(http ?? Http, new LiveDeskClientOptions { BaseAddress = baseAddress ?? Server.LiveDeskBaseUrl, Username = Server.Options.LiveDeskApiKey, Password = password ?? Server.Options.LiveDeskApiSecret });
}
