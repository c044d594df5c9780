using System;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ChatDemo;

/// <summary>
/// <c>dotnet run --project examples/ChatDemo -- --telemetry</c>: the generated clients' activities and metrics,
/// printed by OpenTelemetry's console exporter. Each activity is printed when its call ends; the metrics once, when
/// the demo disposes this at the end of the run.
/// </summary>
public sealed class DemoTelemetry : IDisposable
{
    /// <summary>The command-line argument that turns the mode on.</summary>
    public const string Argument = "--telemetry";

    // The OpenTelemetry HTTP conventions' buckets for a duration in seconds. The runtime advises them itself where its
    // DiagnosticSource can (netstandard2.0 with the 10.0 package); its net8.0 build, which this demo runs, cannot.
    private static readonly double[] s_durationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private readonly TracerProvider _tracing;
    private readonly MeterProvider _metering;

    private DemoTelemetry(TracerProvider tracing, MeterProvider metering)
    {
        _tracing = tracing;
        _metering = metering;
    }

    /// <summary>Starts listening to every generated client's source and meter, <c>EndpointGen.&lt;ServiceName&gt;</c>.</summary>
    /// <returns>The listeners; disposing them prints the metrics.</returns>
    public static DemoTelemetry Start()
    {
        var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource("EndpointGen.*")
            .AddConsoleExporter()
            .Build();
        var metering = Sdk.CreateMeterProviderBuilder()
            .AddMeter("EndpointGen.*")
            .AddView("endpointgen.client.request.duration", new ExplicitBucketHistogramConfiguration { Boundaries = s_durationBuckets })
            .AddConsoleExporter()
            .Build();
        return new DemoTelemetry(tracing, metering);
    }

    /// <summary>Prints the metrics and stops listening.</summary>
    public void Dispose()
    {
        _tracing.Dispose();
        _metering.Dispose();
    }
}
