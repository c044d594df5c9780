using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using ContactCenter.Ccai;
using EndpointGen.Runtime;
using EndpointGen.Tests.Robustness;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Xunit;

namespace EndpointGen.Tests.Telemetry;

/// <summary>
/// The calls as OpenTelemetry exports them, registered with the README's lines (<c>AddSource("EndpointGen.*")</c>,
/// <c>AddMeter("EndpointGen.*")</c>) and read back from the in-memory exporter.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class OpenTelemetryExporterTests
{
    [Fact]
    public async Task The_in_memory_exporter_gets_one_span_per_call_and_the_duration_and_failure_metrics_without_a_secret()
    {
        await using var server = new ScriptedServer((request, stream, token) => request.Target.EndsWith("/404", StringComparison.Ordinal)
            ? ScriptedServer.RespondAsync(stream, "404 Not Found", null, """{"message": "no chat 404"}""", token)
            : ScriptedServer.RespondAsync(stream, "200 OK", null, """{"id": 1234, "status": "assigned"}""", token));
        var spans = new List<Activity>();
        var exportedMetrics = new List<MetricSnapshot>();
        List<MetricSnapshot> metrics;
        var client = new CcaiClient(EndpointGenHttpClient.Create(), new CcaiClientOptions { BaseAddress = server.BaseAddress, Username = "otel-user", Password = "otel-password-1" });

        using (var tracing = Sdk.CreateTracerProviderBuilder().AddSource("EndpointGen.*").AddInMemoryExporter(spans).Build())
        using (var metering = Sdk.CreateMeterProviderBuilder().AddMeter("EndpointGen.*").AddInMemoryExporter(exportedMetrics).Build())
        {
            await client.GetChatAsync(1234);
            await client.GetChatAsync(1234);
            await Assert.ThrowsAsync<CcaiApiException>(() => client.GetChatAsync(404));
            tracing.ForceFlush();
            metering.ForceFlush();

            // What the flush exported: disposing the provider exports the same cumulative points once more.
            metrics = exportedMetrics.ToList();
        }

        Assert.Equal(new[] { "GET chats/{id}", "GET chats/{id}", "GET chats/{id}" }, spans.Select(s => s.DisplayName));
        Assert.All(spans, span => Assert.Equal(("EndpointGen.Ccai", ActivityKind.Client), (span.Source.Name, span.Kind)));
        Assert.Equal(new[] { ActivityStatusCode.Unset, ActivityStatusCode.Unset, ActivityStatusCode.Error }, spans.Select(s => s.Status));
        Assert.Equal("404", spans[2].GetTagItem("error.type"));

        var duration = Assert.Single(metrics, m => m.Name == "endpointgen.client.request.duration" && m.MeterName == "EndpointGen.Ccai");
        Assert.Equal(("s", MetricType.Histogram), (duration.Unit, duration.MetricType));
        var points = duration.MetricPoints.Select(p => (Tag(p, "http.response.status_code"), p.GetHistogramCount())).OrderBy(p => (int)p.Item1!);
        Assert.Equal(new (object?, long)[] { (200, 2), (404, 1) }, points);

        var failures = Assert.Single(metrics, m => m.Name == "endpointgen.client.request.failures" && m.MeterName == "EndpointGen.Ccai");
        var failure = Assert.Single(failures.MetricPoints);
        Assert.Equal(1, failure.GetSumLong());
        Assert.Equal(("GetChat", "4xx", "404"), (Tag(failure, "endpointgen.operation"), Tag(failure, "endpointgen.status_class"), Tag(failure, "error.type")));

        var exported = spans.SelectMany(TelemetryCapture.TextOf)
            .Concat(metrics.SelectMany(m => m.MetricPoints).SelectMany(TagText));
        TelemetryAssert.ContainsNone(exported, new[] { "otel-password-1", "otel-user", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("otel-user:otel-password-1")), "chats/1234", "chats/404", "no chat" });
    }

    private static object? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value;
            }
        }

        return null;
    }

    private static IEnumerable<string> TagText(MetricPoint point)
    {
        var texts = new List<string>();
        foreach (var tag in point.Tags)
        {
            texts.Add(tag.Key);
            texts.Add(Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        }

        return texts;
    }
}
