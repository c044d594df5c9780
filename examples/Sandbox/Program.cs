using System;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace Sandbox;

/// <summary>
/// Standalone entry point: <c>dotnet run --project examples/Sandbox [--port N]</c>. Prints the base
/// URLs and user names (never passwords or secrets) and serves until Ctrl+C or SIGTERM.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (!TryParsePort(args, out var port, out var error))
        {
            await Console.Error.WriteLineAsync(error);
            await Console.Error.WriteLineAsync("usage: Sandbox [--port N]   (N in 0..65535; 0 = any free port)");
            return 2;
        }

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true; // shut down cleanly instead of being killed mid-request
            stop.TrySetResult();
        };
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.TrySetResult();
        });

        var options = new SandboxOptions { Port = port, LiveDeskSampleContacts = SandboxOptions.DemoLiveDeskSampleContacts };
        await using var server = await SandboxServer.StartAsync(options);

        Console.WriteLine($"EndpointGen sandbox listening on http://127.0.0.1:{server.Port}");
        Console.WriteLine($"  Thulium   {server.ThuliumBaseUrl}   (Basic user: {options.ThuliumUser})");
        Console.WriteLine($"  CCAI      {server.CcaiBaseUrl}   (Basic user: {options.CcaiUser})");
        Console.WriteLine($"  LiveDesk  {server.LiveDeskBaseUrl}   (API key: {options.LiveDeskApiKey}; paths begin /api/v2/accounts; {options.LiveDeskSampleContacts} sample contacts)");
        Console.WriteLine($"  Storage   {server.StorageUploadUrl}   (presigned CCAI uploads)");
        Console.WriteLine("Press Ctrl+C to stop.");

        await stop.Task;
        Console.WriteLine("Stopping.");
        return 0;
    }

    private static bool TryParsePort(string[] args, out int port, out string error)
    {
        port = 0;
        error = string.Empty;
        for (var i = 0; i < args.Length; i++)
        {
            string? value;
            if (args[i] == "--port")
            {
                value = i + 1 < args.Length ? args[++i] : null;
            }
            else if (args[i].StartsWith("--port=", StringComparison.Ordinal))
            {
                value = args[i]["--port=".Length..];
            }
            else
            {
                error = $"unknown argument: {args[i]}";
                return false;
            }

            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
            {
                error = $"--port needs a number between 0 and 65535, got '{value}'";
                return false;
            }
        }

        return true;
    }
}
