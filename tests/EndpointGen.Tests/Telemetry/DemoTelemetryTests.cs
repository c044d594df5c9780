using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ChatDemo;
using Sandbox;
using Xunit;

namespace EndpointGen.Tests.Telemetry;

/// <summary>
/// The demo's telemetry mode (<c>dotnet run --project examples/ChatDemo -- --telemetry</c>): the whole flow against a
/// sandbox with <see cref="DemoTelemetry"/> on, everything written to the console read back. Every call is an activity
/// of its vendor's source, the metrics follow, and neither holds a secret, a full URL or a filled path.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class DemoTelemetryTests
{
    [Fact]
    public async Task The_telemetry_mode_prints_an_activity_for_every_call_and_the_metrics_and_no_secret()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var settings = DemoSettings.FromEnvironment(_ => null).ForSandbox(sandbox);
        using var console = new StringWriter();
        var original = Console.Out;
        bool succeeded;
        Console.SetOut(console);
        try
        {
            using (DemoTelemetry.Start())
            using (var flow = new ChatFlow(settings, Console.Out))
            {
                succeeded = await flow.RunAsync();
            }
        }
        finally
        {
            Console.SetOut(original);
        }

        var output = console.ToString();
        Assert.True(succeeded, output);
        Assert.Matches(@"\nDone: 31 calls to Thulium, Ccai, LiveDesk succeeded in \d+ ms\.", output);

        // One activity per call, named by method and template, from the vendor's source.
        Assert.Equal(31, Regex.Matches(output, @"^Activity\.DisplayName: ", RegexOptions.Multiline).Count);
        Assert.Contains("Activity.DisplayName:        GET chats/{id}\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Activity.DisplayName:        POST {url}\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        foreach (var source in new[] { "EndpointGen.Thulium", "EndpointGen.Ccai", "EndpointGen.LiveDesk" })
        {
            Assert.Contains("    Name: " + source, output, StringComparison.Ordinal);
        }

        // The metrics, printed when the mode ends: the duration of each operation.
        Assert.Matches(@"Metric Name: endpointgen\.client\.request\.duration, .*Unit: s, Metric Type: Histogram", output);
        Assert.Matches(@"endpointgen\.operation: GetChat endpointgen\.status_class: 2xx http\.request\.method: GET http\.response\.status_code: 200", output);

        // No secret, credential header, full URL or filled path: the chat the flow created is 1001, its paths chats/1001/...
        var options = sandbox.Options;
        var secrets = settings.Secrets
            .Concat(new[] { options.ThuliumPassword, options.CcaiPassword, options.LiveDeskApiSecret, options.CcaiSigningSecret, options.StorageSigningSecret })
            .Concat(new[] { (options.ThuliumUser, options.ThuliumPassword), (options.CcaiUser, options.CcaiPassword), (options.LiveDeskApiKey, options.LiveDeskApiSecret) }
                .Select(user => Convert.ToBase64String(Encoding.UTF8.GetBytes(user.Item1 + ":" + user.Item2))))
            .Concat(new[] { "Authorization", "127.0.0.1:" + sandbox.Port, "chats/1001", "jan.kowalski@example.org", "Kowalski" })
            .ToList();
        TelemetryAssert.ContainsNone(output.Split('\n').Where(line => !IsFlowLine(line)), secrets);
    }

    /// <summary>A line the flow itself writes (scrubbed by the demo, and naming what came back), not the exporter.</summary>
    private static bool IsFlowLine(string line) =>
        line.StartsWith("Thulium ", StringComparison.Ordinal) || line.StartsWith("Ccai ", StringComparison.Ordinal)
        || line.StartsWith("LiveDesk ", StringComparison.Ordinal) || line.StartsWith("Done: ", StringComparison.Ordinal);
}
