using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net.Http;

namespace EndpointGen.Runtime;

/// <summary>
/// The tracing and metrics of one service's calls: an <see cref="ActivitySource"/> and a <see cref="Meter"/>, both
/// named <c>EndpointGen.&lt;ServiceName&gt;</c>, created once per service name and shared by every client of that
/// service. Nothing a call sends or receives is recorded beyond its method, server, URL template, operation, status
/// and the kind of failure: no full URL, query, header, credential or body.
/// </summary>
internal sealed class ApiTelemetry
{
    /// <summary>What every source and meter name starts with: <c>AddSource("EndpointGen.*")</c> listens to them all.</summary>
    public const string NamePrefix = "EndpointGen.";

    /// <summary>The histogram of call durations, in seconds.</summary>
    public const string DurationName = "endpointgen.client.request.duration";

    /// <summary>The counter of calls that ended in an exception.</summary>
    public const string FailuresName = "endpointgen.client.request.failures";

    /// <summary>The URL template of an endpoint whose URL the caller gives (<c>url: given</c>), as the descriptor's model spells it.</summary>
    public const string GivenUrlTemplate = "{url}";

    private static readonly Dictionary<string, ApiTelemetry> s_services = new(StringComparer.Ordinal);

    // The runtime's own version (major.minor.build, as the package's), the version of every source and meter.
    private static readonly string s_version = typeof(ApiTelemetry).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

#if NET9_0_OR_GREATER || !NETCOREAPP
    // The OpenTelemetry semantic conventions' advice for http.client.request.duration, in seconds.
    private static readonly double[] s_durationBuckets = { 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10 };
#endif

    private static readonly string[] s_statusClasses = { "1xx", "2xx", "3xx", "4xx", "5xx" };

    // The boxed status codes and their texts, made once each: a listened call tags its status without allocating.
    private static readonly object?[] s_boxed = new object?[600];
    private static readonly string?[] s_statusText = new string?[600];

    private ApiTelemetry(string service)
    {
        Service = service;
        Source = new ActivitySource(NamePrefix + service, s_version);
        Meter = new Meter(NamePrefix + service, s_version);
#if NET9_0_OR_GREATER || !NETCOREAPP
        Duration = Meter.CreateHistogram<double>(
            DurationName,
            "s",
            "How long a call took: the request, every redirect, and reading the response body.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_durationBuckets });
#else
        Duration = Meter.CreateHistogram<double>(DurationName, "s", "How long a call took: the request, every redirect, and reading the response body.");
#endif
        Failures = Meter.CreateCounter<long>(FailuresName, "{request}", "Calls that ended in an exception: an error status, a response that does not match the descriptor, a timeout, a cancellation, a connection failure.");
    }

    /// <summary>The service name, as the generated <c>ServiceName</c> constant gives it.</summary>
    public string Service { get; }

    /// <summary>The source of the calls' activities, <c>EndpointGen.&lt;ServiceName&gt;</c>.</summary>
    public ActivitySource Source { get; }

    /// <summary>The meter of the calls' instruments, <c>EndpointGen.&lt;ServiceName&gt;</c>.</summary>
    public Meter Meter { get; }

    /// <summary><c>endpointgen.client.request.duration</c>: seconds per call.</summary>
    public Histogram<double> Duration { get; }

    /// <summary><c>endpointgen.client.request.failures</c>: calls that ended in an exception.</summary>
    public Counter<long> Failures { get; }

    /// <summary>Whether anything listens to the source or either instrument: when not, a call records nothing and costs nothing more.</summary>
    public bool IsListening => Source.HasListeners() || Duration.Enabled || Failures.Enabled;

    /// <summary>The one telemetry of a service name, made on first use.</summary>
    /// <param name="service">The service name.</param>
    /// <returns>The source, meter and instruments of that service.</returns>
    public static ApiTelemetry For(string service)
    {
        // A lock, not GetOrAdd: an ActivitySource registers itself when made, so a race must not make two.
        lock (s_services)
        {
            if (!s_services.TryGetValue(service, out var telemetry))
            {
                telemetry = new ApiTelemetry(service);
                s_services.Add(service, telemetry);
            }

            return telemetry;
        }
    }

    /// <summary>Starts recording one call, or returns <see langword="null"/> when nothing listens.</summary>
    /// <param name="operation">The endpoint name.</param>
    /// <param name="request">The call's first request.</param>
    /// <param name="template">The endpoint's URL template, when the request carried it.</param>
    /// <returns>The call's record; <see cref="ApiCallTrace.Stop"/> ends it.</returns>
    public ApiCallTrace? Start(string operation, HttpRequestMessage request, string? template) =>
        IsListening ? new ApiCallTrace(this, operation, request, template) : null;

    /// <summary>A status code or port boxed once (below 600), for tags.</summary>
    internal static object Boxed(int value)
    {
        if (value is < 0 or >= 600)
        {
            return value;
        }

        return s_boxed[value] ??= value;
    }

    /// <summary>The status code as text (<c>"404"</c>), made once, for <c>error.type</c>.</summary>
    internal static string StatusText(int status)
    {
        if (status is < 0 or >= 600)
        {
            return status.ToString(CultureInfo.InvariantCulture);
        }

        return s_statusText[status] ??= status.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The status class, <c>"2xx"</c> to <c>"5xx"</c>, or <see langword="null"/> for a code outside 100–599.</summary>
    internal static string? StatusClass(int status) => status is >= 100 and < 600 ? s_statusClasses[(status / 100) - 1] : null;
}

/// <summary>
/// One call as its activity and instruments see it: started before the first request, told each response's status,
/// stopped once with the call's exception or none.
/// </summary>
internal sealed class ApiCallTrace
{
    private readonly ApiTelemetry _telemetry;
    private readonly string _operation;
    private readonly string _method;
    private readonly long _started;
    private int _status;

    internal ApiCallTrace(ApiTelemetry telemetry, string operation, HttpRequestMessage request, string? template)
    {
        _telemetry = telemetry;
        _operation = operation;
        _method = request.Method.Method;

        // Named as the OpenTelemetry HTTP client conventions name a span: "{method} {url.template}", the method alone without a template.
        Activity = telemetry.Source.StartActivity(template is null ? _method : _method + " " + template, ActivityKind.Client);
        if (Activity is { IsAllDataRequested: true } activity)
        {
            activity.SetTag("http.request.method", _method);
            if (request.RequestUri is { IsAbsoluteUri: true } uri)
            {
                // The host and port only: the path holds ids and the query may hold secrets.
                activity.SetTag("server.address", uri.Host);
                activity.SetTag("server.port", ApiTelemetry.Boxed(uri.Port));
            }

            if (template is not null)
            {
                activity.SetTag("url.template", template);
            }

            activity.SetTag("endpointgen.operation", operation);
            activity.SetTag("endpointgen.service", telemetry.Service);
        }

        _started = Stopwatch.GetTimestamp();
    }

    /// <summary>The call's activity, or <see langword="null"/> when only the instruments listen (or the sampler said no).</summary>
    public Activity? Activity { get; }

    /// <summary>Notes the status of a response; the last one, after any redirects, is the call's.</summary>
    /// <param name="response">A response to one of the call's requests.</param>
    public void Answered(HttpResponseMessage response) => _status = (int)response.StatusCode;

    /// <summary>Ends the activity and records the call's duration, and its failure when there was one.</summary>
    /// <param name="failure">What ended the call, or <see langword="null"/> when it succeeded.</param>
    public void Stop(Exception? failure)
    {
        var seconds = (Stopwatch.GetTimestamp() - _started) / (double)Stopwatch.Frequency;
        if (_status == 0 && failure is ApiException answered)
        {
            // A request built before anything listened told no status on the way: its exception has it.
            _status = (int)answered.StatusCode;
        }


        // error.type as the conventions give it: the status code of an error status, else the exception's type.
        string? errorType = failure is null ? null
            : _status >= 400 ? ApiTelemetry.StatusText(_status)
            : failure.GetType().FullName;

        if (Activity is { } activity)
        {
            if (activity.IsAllDataRequested)
            {
                if (_status != 0)
                {
                    activity.SetTag("http.response.status_code", ApiTelemetry.Boxed(_status));
                }

                if (errorType is not null)
                {
                    activity.SetTag("error.type", errorType);
                }
            }

            if (errorType is not null)
            {
                // No description: an exception's message may quote the response body.
                activity.SetStatus(ActivityStatusCode.Error);
            }

            activity.Stop();
        }

        if (!_telemetry.Duration.Enabled && !(errorType is not null && _telemetry.Failures.Enabled))
        {
            return;
        }

        var tags = new TagList
        {
            { "endpointgen.operation", _operation },
            { "http.request.method", _method },
        };
        if (_status != 0)
        {
            tags.Add("http.response.status_code", ApiTelemetry.Boxed(_status));
            tags.Add("endpointgen.status_class", ApiTelemetry.StatusClass(_status));
        }

        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
            _telemetry.Failures.Add(1, tags);
        }

        _telemetry.Duration.Record(seconds, tags);
    }
}
