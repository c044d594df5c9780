using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace EndpointGen.Runtime;

/// <content>
/// Tracing and metrics: every call of every entry point goes through <see cref="RunAsync"/>, which records it as one
/// client activity of the service's <see cref="ApiTelemetry.Source"/> and one measurement of its instruments while
/// anything listens, and costs one check when nothing does.
/// </content>
public sealed partial class ApiRequestRunner<TError>
{
    private readonly ApiTelemetry _telemetry;

    /// <summary>
    /// One call, recorded when anything listens to the service's source or instruments. The activity covers the whole
    /// call (the credential provider, every redirect, the body read; for a stream, up to the headers), so the
    /// HttpClient's own activities, one per request sent, are its children.
    /// </summary>
    private Task<TResult?> RunAsync<T, TResult>(string operation, HttpRequestMessage request, string typeName, JsonReadFunc<T>? read, CancellationToken cancellationToken, SuccessContent content = SuccessContent.Json) =>
        _telemetry.IsListening
            ? RunTracedAsync<T, TResult>(operation, request, typeName, read, cancellationToken, content)
            : RunCoreAsync<T, TResult>(operation, request, typeName, read, cancellationToken, content);

    private async Task<TResult?> RunTracedAsync<T, TResult>(string operation, HttpRequestMessage request, string typeName, JsonReadFunc<T>? read, CancellationToken cancellationToken, SuccessContent content)
    {
        // Started here, in an async method: the activity is Activity.Current for the call and not after it.
        var traced = request as TracedRequest;
        var trace = new ApiCallTrace(_telemetry, operation, request, traced?.Template);
        if (traced is not null)
        {
            // RunCoreAsync tells it each response's status through the request: a parameter would enlarge every call's state machine.
            traced.Trace = trace;
        }

        TResult? result;
        try
        {
            result = await RunCoreAsync<T, TResult>(operation, request, typeName, read, cancellationToken, content).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            trace.Stop(ex);
            throw;
        }

        trace.Stop(null);
        return result;
    }

    /// <summary>
    /// A new request for <see cref="CreateRequest(HttpMethod, Uri, bool, string)"/>: while anything listens, one that
    /// carries its URL template and, once sent, the call's trace; when nothing does, a plain one, allocated as without telemetry.
    /// </summary>
    private HttpRequestMessage NewRequest(HttpMethod method, Uri uri, string? template) =>
        _telemetry.IsListening ? new TracedRequest(method, uri, template) : new HttpRequestMessage(method, uri);

    /// <summary>
    /// A request that carries its endpoint's URL template (<c>chats/{id}</c>) to the call's activity, and the call's
    /// trace to the send loop. A request built before anything listened is a plain one: its call is recorded without
    /// the template and the status of a successful answer.
    /// </summary>
    private class TracedRequest : HttpRequestMessage
    {
        public TracedRequest(HttpMethod method, Uri uri, string? template)
            : base(method, uri) => Template = template;

        /// <summary>The path as the descriptor writes it, or <see langword="null"/> when the request was made without one.</summary>
        public string? Template { get; }

        /// <summary>The call's record, once the call has started and while anything listens.</summary>
        public ApiCallTrace? Trace { get; set; }
    }
}
