using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sandbox;

/// <summary>
/// One Kestrel server on 127.0.0.1 that emulates the Thulium, CCAI Platform and LiveDesk chat APIs as
/// their documentation describes them, plus the object storage behind CCAI's presigned uploads.
/// Start it with <see cref="StartAsync"/>, point clients at the base URLs, inspect
/// <see cref="State"/>, and dispose it when done. Each instance has its own port and state.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private SandboxServer(WebApplication app, SandboxOptions options, SandboxState state, int port)
    {
        _app = app;
        Options = options;
        State = state;
        Port = port;
        var origin = $"http://127.0.0.1:{port}";
        ThuliumBaseUrl = new Uri(origin + "/api");
        CcaiBaseUrl = new Uri(origin + "/apps/api/v1");
        LiveDeskBaseUrl = new Uri(origin);
        StorageUploadUrl = new Uri(origin + UploadEndpoints.UploadPath);
    }

    /// <summary>The port actually bound (useful when <see cref="SandboxOptions.Port"/> was 0).</summary>
    public int Port { get; }

    /// <summary>Thulium base URL, <c>http://127.0.0.1:{port}/api</c> (no trailing slash).</summary>
    public Uri ThuliumBaseUrl { get; }

    /// <summary>CCAI Platform base URL, <c>http://127.0.0.1:{port}/apps/api/v1</c> (no trailing slash).</summary>
    public Uri CcaiBaseUrl { get; }

    /// <summary>LiveDesk base URL, <c>http://127.0.0.1:{port}</c>; its paths begin <c>/api/v2/accounts</c>.</summary>
    public Uri LiveDeskBaseUrl { get; }

    /// <summary>Where presigned uploads are posted (the <c>url</c> of <c>photos/upload</c> answers).</summary>
    public Uri StorageUploadUrl { get; }

    /// <summary>The options the server runs with (credentials, clock, ...).</summary>
    public SandboxOptions Options { get; }

    /// <summary>Everything the server remembers, for assertions.</summary>
    public SandboxState State { get; }

    /// <summary>Binds 127.0.0.1:<see cref="SandboxOptions.Port"/> (0 = a free port) and starts serving.</summary>
    public static async Task<SandboxServer> StartAsync(SandboxOptions? options = null, CancellationToken ct = default)
    {
        options ??= new SandboxOptions();
        options.Validate();
        var state = new SandboxState();
        state.AddLiveDeskSampleContacts(options.LiveDeskSampleContacts, options.TimeProvider.GetUtcNow());
        var sandbox = new SandboxContext(options, state);

        // The empty builder reads no appsettings, environment variables (ASPNETCORE_URLS!) or launch
        // profiles: an in-process sandbox must behave the same on every machine.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(SandboxServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.AddServerHeader = false;

            // Room for video uploads (50 MiB policy limit plus multipart overhead); JSON bodies have
            // their own 1 MiB limit in JsonBody.
            kestrel.Limits.MaxRequestBodySize = 64L * 1024 * 1024 + 64 * 1024;
        });
        builder.Services.AddRouting();
        builder.Services.AddSingleton<IHostLifetime, NoopHostLifetime>();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(options.MinimumLogLevel);

        var app = builder.Build();
        VendorApi[] vendors =
        [
            new ThuliumEndpoints(sandbox),
            new CcaiEndpoints(sandbox),
            new LiveDeskEndpoints(sandbox),
            new UploadEndpoints(sandbox),
        ];

        app.UseRouting();
        var logger = app.Services.GetRequiredService<ILogger<VendorGate>>();
        app.Use(next => new VendorGate(next, vendors, sandbox, logger).InvokeAsync);
        foreach (var vendor in vendors)
        {
            vendor.Map(app);
        }

        // Lets scripts poll for readiness without credentials.
        app.MapGet("/_sandbox/health", (RequestDelegate)(http => JsonResponse.WriteAsync(http, StatusCodes.Status200OK, new System.Text.Json.Nodes.JsonObject { ["status"] = "ok" })));

        await app.StartAsync(ct);
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            var port = new Uri(address).Port;
            sandbox.Origin = $"http://127.0.0.1:{port}";
            return new SandboxServer(app, options, state, port);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the server and releases the port. Safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _app.StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
