using System;
using System.Threading;
using System.Threading.Tasks;
using Sandbox;

namespace ChatDemo;

/// <summary>
/// <c>dotnet run --project examples/ChatDemo</c>: runs <see cref="ChatFlow"/> against the embedded sandbox,
/// or, when <c>THULIUM_URL</c>, <c>CCAI_URL</c> or <c>LIVEDESK_URL</c> is set, against those tenants; with
/// <c>-- --telemetry</c>, also prints the clients' activities and metrics (<see cref="DemoTelemetry"/>).
/// Exit codes: 0 every call succeeded, 1 a call failed, 2 the configuration (or an argument) is invalid, 130 cancelled.
/// </summary>
internal static class Program
{
    private const int Success = 0;
    private const int CallFailed = 1;
    private const int ConfigurationInvalid = 2;
    private const int Cancelled = 130;

    public static async Task<int> Main(string[] args)
    {
        foreach (var arg in args)
        {
            if (arg != DemoTelemetry.Argument)
            {
                Console.WriteLine($"Unknown argument '{arg}': the one argument is {DemoTelemetry.Argument}.");
                return ConfigurationInvalid;
            }
        }

        DemoSettings settings;
        try
        {
            settings = DemoSettings.FromEnvironment(Environment.GetEnvironmentVariable);
        }
        catch (DemoConfigurationException ex)
        {
            Console.WriteLine("Configuration error: " + ex.Message);
            return ConfigurationInvalid;
        }

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true; // finish the current line and exit cleanly
            cancellation.Cancel();
        };

        // Disposed last, after the flow: it prints the metrics of the whole run.
        using var telemetry = args.Length > 0 ? DemoTelemetry.Start() : null;
        try
        {
            if (!settings.UseSandbox)
            {
                Console.WriteLine("Running against " + settings + ".");
                return await RunAsync(settings, cancellation.Token);
            }

            await using var sandbox = await SandboxServer.StartAsync(DemoSettings.CreateSandboxOptions(), cancellation.Token);
            Console.WriteLine($"No {DemoSettings.ThuliumUrlVariable}, {DemoSettings.CcaiUrlVariable} or {DemoSettings.LiveDeskUrlVariable} set: running against the embedded sandbox on http://127.0.0.1:{sandbox.Port}.");
            return await RunAsync(settings.ForSandbox(sandbox), cancellation.Token);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Console.WriteLine("Cancelled.");
            return Cancelled;
        }
        catch (Exception ex)
        {
            // One line, no stack trace, as for a failed call (the sandbox failing to start, say).
            Console.WriteLine($"FAILED: {ex.GetType().Name}: {ex.Message}");
            return CallFailed;
        }
    }

    private static async Task<int> RunAsync(DemoSettings settings, CancellationToken cancellationToken)
    {
        using var flow = new ChatFlow(settings, Console.Out);
        return await flow.RunAsync(cancellationToken) ? Success : CallFailed;
    }
}
