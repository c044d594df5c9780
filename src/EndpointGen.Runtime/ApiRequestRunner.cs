using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace EndpointGen.Runtime;

/// <summary>
/// Creates a generated service's typed exception. For generated code only: its parameters are those of the service
/// exception's constructor.
/// </summary>
/// <typeparam name="TError">The service's error body type (<see cref="object"/> when the descriptor declares none).</typeparam>
/// <param name="operation">The endpoint name from the descriptor.</param>
/// <param name="response">The response.</param>
/// <param name="responseBody">The raw response body as text (empty when it could not be read).</param>
/// <param name="error">The parsed error body, when there was one and it matched.</param>
/// <param name="detail">The vendor's message, or what was wrong with the response.</param>
/// <param name="innerException">The failure behind it, when there was one.</param>
/// <returns>The exception, not yet thrown.</returns>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate ApiException ApiExceptionFactory<in TError>(
    string operation,
    HttpResponseMessage response,
    string responseBody,
    TError? error,
    string? detail,
    Exception? innerException)
    where TError : class;

/// <summary>
/// What a generated client's constructor hands its <see cref="ApiRequestRunner{TError}"/>: where requests go and what
/// each one carries. For generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed partial class ApiRunnerSettings
{
    /// <summary>The service name from the descriptor, as messages show it.</summary>
    public string Service { get; set; } = string.Empty;

    /// <summary>The base address from the client options, if set.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The documented base URL, used when neither the options nor the HttpClient give an address; <see langword="null"/> when it has placeholders.</summary>
    public string? BaseUrlTemplate { get; set; }

    /// <summary>Whether plain http to a host other than loopback is allowed.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>The largest response body accepted, in bytes.</summary>
    public long MaxResponseBodyBytes { get; set; } = ApiRequest.DefaultMaxResponseBodyBytes;

    /// <summary>The header carrying the credential (<c>Authorization</c>, or an API key's header).</summary>
    public string? CredentialHeader { get; set; }

    /// <summary>The credential's header value; <see langword="null"/> sends none.</summary>
    public string? Credential { get; set; }

    /// <summary>The headers the descriptor sends on every request, by name and value.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? DefaultHeaders { get; set; }
}

/// <summary>
/// Runs the requests of one generated client: creates each request with the service's headers and credential, sends
/// it, follows redirects without letting the credential or the body leave the service's own origins, checks the
/// status, reads the body within the size limit, reads a success body with the generated reader, and turns every
/// failure into the service's typed exception with the credential masked, all within the HttpClient's Timeout.
/// For generated code only: generated methods build the URL and the body, then make one call here.
/// </summary>
/// <typeparam name="TError">The service's error body type (<see cref="object"/> when the descriptor declares none).</typeparam>
/// <remarks>Thread-safe: one instance serves every concurrent call of its client.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed partial class ApiRequestRunner<TError>
    where TError : class
{
    private readonly HttpClient _httpClient;
    private readonly string _service;
    private readonly bool _allowInsecureHttp;
    private readonly long _maxResponseBodyBytes;
    private readonly string? _credentialHeader;
    private readonly string? _credential;
    private readonly CredentialRedactor? _redactor;
    private readonly KeyValuePair<string, string>[] _defaultHeaders;
    private readonly ApiExceptionFactory<TError> _createException;
    private readonly JsonReadFunc<TError>? _readError;
    private readonly Func<TError, string?>? _describeError;

    /// <summary>Checks the settings and creates the runner.</summary>
    /// <param name="httpClient">The HTTP client; its handlers apply to every call.</param>
    /// <param name="settings">The base address, limits and credential.</param>
    /// <param name="createException">Creates the service's typed exception.</param>
    /// <param name="readError">Reads the service's error body; <see langword="null"/> when the descriptor declares none.</param>
    /// <param name="describeError">Finds the vendor's message in a parsed error body; <see langword="null"/> when the descriptor names none.</param>
    /// <param name="isErrorInSuccess">
    /// Whether a 2xx body, read as the error body, is a failure (<c>service.error.inSuccess</c>); <see langword="null"/> when
    /// the descriptor declares none. Used only with <paramref name="readError"/>.
    /// </param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// No base address is set; it is not an absolute https URI (http is for loopback, or with <c>AllowInsecureHttp</c>);
    /// or the body limit is not positive.
    /// </exception>
    public ApiRequestRunner(
        HttpClient httpClient,
        ApiRunnerSettings settings,
        ApiExceptionFactory<TError> createException,
        JsonReadFunc<TError>? readError = null,
        Func<TError, string?>? describeError = null,
        Func<TError, bool>? isErrorInSuccess = null)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        if (settings is null)
        {
            throw new ArgumentNullException(nameof(settings));
        }

        _createException = createException ?? throw new ArgumentNullException(nameof(createException));
        _service = settings.Service;
        var baseAddress = settings.BaseAddress ?? httpClient.BaseAddress
            ?? (settings.BaseUrlTemplate is { } template ? new Uri(template, UriKind.Absolute) : null)
            ?? throw new ArgumentException(
                settings.Service + "ClientOptions.BaseAddress is not set: set it (" + settings.Service
                + "ClientOptions.CreateBaseAddress builds the documented one) or give the HttpClient a BaseAddress.",
                "options");
        BaseAddress = ApiUrl.NormalizeBaseAddress(baseAddress, settings.AllowInsecureHttp);
        _allowInsecureHttp = settings.AllowInsecureHttp;

        _maxResponseBodyBytes = settings.MaxResponseBodyBytes > 0
            ? settings.MaxResponseBodyBytes
            : throw new ArgumentException(settings.Service + "ClientOptions.MaxResponseBodyBytes must be positive.", "options");
        _credentialHeader = settings.CredentialHeader;
        _credential = settings.Credential;
        _schemes = SchemesOf(settings);
        _telemetry = ApiTelemetry.For(settings.Service);
        _redactor = CredentialRedactor.Create(settings.CredentialHeader, settings.Credential) ?? SchemesRedactor(_schemes);
        _servers = NormalizeServers(settings);
        (_credentialProvider, _credentialScheme) = CredentialProviderOf(settings);
        _defaultHeaders = settings.DefaultHeaders is { Count: > 0 } headers ? new List<KeyValuePair<string, string>>(headers).ToArray() : s_noHeaders;
        _readError = readError;
        _describeError = describeError;
        _isErrorInSuccess = readError is null ? null : isErrorInSuccess;
    }

    private static readonly KeyValuePair<string, string>[] s_noHeaders = new KeyValuePair<string, string>[0];

    /// <summary>The normalized base address every request goes to (it ends in a slash).</summary>
    internal Uri BaseAddress { get; }

    /// <summary>Starts a request URI at the base address.</summary>
    /// <returns>The builder; keep it in a local.</returns>
    public ApiUrlBuilder CreateUrl() => new(BaseAddress);

    /// <summary>A request with the service's default headers and credential.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="uri">The absolute request URI.</param>
    /// <param name="template">The endpoint's path as the descriptor writes it (<c>chats/{id}</c>), for the call's activity; never sent.</param>
    /// <returns>The request; <see cref="SendAsync{T}"/> and <see cref="SendAsync"/> dispose it.</returns>
    public HttpRequestMessage CreateRequest(HttpMethod method, Uri uri, string? template = null) => CreateRequest(method, uri, credential: true, template);

    private void AddDefaultHeaders(HttpRequestMessage request)
    {
        foreach (var header in _defaultHeaders)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    /// <summary>Sends a request and reads its success body.</summary>
    /// <typeparam name="T">The success body type.</typeparam>
    /// <param name="operation">The endpoint name, as messages show it.</param>
    /// <param name="request">The request, disposed however the call ends.</param>
    /// <param name="typeName">The body type as the descriptor spells it, for messages.</param>
    /// <param name="read">The generated reader of the body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body.</returns>
    /// <exception cref="TaskCanceledException">The whole call took longer than the HttpClient's Timeout (the inner exception is a <see cref="TimeoutException"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<T> SendAsync<T>(string operation, HttpRequestMessage request, string typeName, JsonReadFunc<T> read, CancellationToken cancellationToken) =>
        RunAsync<T, T>(operation, request, typeName, read ?? throw new ArgumentNullException(nameof(read)), cancellationToken)!;

    /// <summary>Sends a request whose success body is ignored.</summary>
    /// <param name="operation">The endpoint name, as messages show it.</param>
    /// <param name="request">The request, disposed however the call ends.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the service has answered with a success status.</returns>
    /// <exception cref="TaskCanceledException">The whole call took longer than the HttpClient's Timeout (the inner exception is a <see cref="TimeoutException"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task SendAsync(string operation, HttpRequestMessage request, CancellationToken cancellationToken) =>
        RunAsync<object, object>(operation, request, string.Empty, null, cancellationToken);

    /// <summary>
    /// One call: sends, follows redirects (<see cref="NextHop"/>), checks the status and reads the success body when
    /// <paramref name="read"/> is set, all within the HttpClient's Timeout as well as the caller's token. HttpClient
    /// applies its Timeout to each send only until the response headers arrive; the body is read afterwards, so a
    /// server that sent headers and then stalled or trickled would otherwise hold the call, and its connection, for as
    /// long as it liked. <typeparamref name="TResult"/> is <typeparamref name="T"/> for the plain methods, and
    /// <see cref="ApiResponse{T}"/> or <see cref="ApiResponse"/> for the <c>...WithResponse</c> ones (<see cref="Answer"/>).
    /// </summary>
    private async Task<TResult?> RunCoreAsync<T, TResult>(string operation, HttpRequestMessage request, string typeName, JsonReadFunc<T>? read, CancellationToken cancellationToken, SuccessContent content)
    {
        using (request)
        {
            var timeout = _httpClient.Timeout;
            var started = Stopwatch.GetTimestamp();
            using var deadline = timeout == Timeout.InfiniteTimeSpan ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline?.CancelAfter(timeout);
            var token = deadline?.Token ?? cancellationToken;
            var hop = request;
            try
            {
                if (request is ProvidedCredentialRequest)
                {
                    // Set here, not in the callee, so that it flows to every Fail of this call and no further.
                    s_providedCredential.Value = await ProvideCredentialAsync(request, token).ConfigureAwait(false);
                }

                var onOrigin = true;
                for (var redirects = 0; ; redirects++)
                {
                    var sentTo = hop.RequestUri!;
                    var response = await _httpClient.SendAsync(hop, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                    (request as TracedRequest)?.Trace?.Answered(response);
                    HttpRequestMessage? next;
                    try
                    {
                        (next, onOrigin) = NextHop(operation, response, hop, sentTo, redirects, onOrigin);
                    }
                    catch
                    {
                        response.Dispose();
                        throw;
                    }

                    if (next is not null)
                    {
                        response.Dispose();
                        if (!ReferenceEquals(hop, request))
                        {
                            hop.Dispose();
                        }

                        hop = next;
                        continue;
                    }

                    if (content != SuccessContent.Json)
                    {
                        // The response is ReadContentAsync's to dispose, or, for a stream, the caller's.
                        // The headers are copied before a stream is handed over, and stay readable once the body is read.
                        return Answer<T, TResult>((T)await ReadContentAsync(operation, response, content, token).ConfigureAwait(false), response);
                    }

                    using (response)
                    {
                        if (!response.IsSuccessStatusCode)
                        {
                            throw await CreateExceptionAsync(operation, response, token).ConfigureAwait(false);
                        }

                        // Without a reader the body is read only to see whether it is an error (service.error.inSuccess).
                        // The body first: an argument before the await would be kept in the state machine, for every call.
                        return Answer<T, TResult>(read is null && _isErrorInSuccess is null ? default : await ReadAsync(operation, response, typeName, read, token).ConfigureAwait(false), response);
                    }
                }
            }
            catch (Exception ex) when (IsCancellation(ex) && !cancellationToken.IsCancellationRequested
                && deadline is not null && (deadline.IsCancellationRequested || HasElapsed(started, timeout)))
            {
                // Whichever timer fired first, the deadline's or the HttpClient's own while waiting for headers.
                var message = _service + " " + operation + " took longer than the HttpClient's Timeout of "
                    + timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " seconds (headers, redirects and body together), and was cancelled.";
                throw new TaskCanceledException(message, new TimeoutException(message, ex));
            }
            catch (Exception ex) when (ex is not OperationCanceledException && IsCancellation(ex) && cancellationToken.IsCancellationRequested)
            {
                // The body's stream was closed to stop a read that ignored the token.
                throw new OperationCanceledException(_service + " " + operation + " was cancelled.", ex, cancellationToken);
            }
            finally
            {
                // The last request of a redirected call; the caller's own goes with the using above.
                if (!ReferenceEquals(hop, request))
                {
                    hop.Dispose();
                }
            }
        }
    }

    /// <summary>
    /// The request that follows a response, or <see langword="null"/> when the response is the answer. Within the
    /// service's own origins (<see cref="IsOwnOrigin"/>), or the origin of the request answered, a redirect is followed
    /// as <see cref="HttpClientHandler"/> would follow it: every header, and the body unless the method turns into GET.
    /// Once a redirect leaves them, no later request carries the
    /// credential, header parameters or a body: a GET or HEAD goes on with the descriptor's default headers alone,
    /// anything else is refused, as is plain http where the base address would not allow it.
    /// </summary>
    /// <exception cref="ApiException">
    /// The redirect is refused, there were more than <see cref="Redirects.MaxRedirects"/>, or the HttpClient's handler
    /// followed a redirect to another origin by itself.
    /// </exception>
    private (HttpRequestMessage? Next, bool OnOrigin) NextHop(string operation, HttpResponseMessage response, HttpRequestMessage hop, Uri sentTo, int redirects, bool onOrigin)
    {
        // A handler that follows redirects leaves the last URI it sent to on the response's request.
        if (response.RequestMessage?.RequestUri is { IsAbsoluteUri: true } answered && !Redirects.SameOrigin(answered, sentTo))
        {
            throw Fail(operation, response, "the HttpClient's handler followed a redirect to " + Redirects.Origin(answered)
                + " by itself, so what the request carried, its credential and body, may have gone there: give the HttpClient a handler that leaves redirects to the client, such as EndpointGenHttpClient.CreateHandler() (services.Add"
                + _service + "Client() installs one)");
        }

        if (!Redirects.IsRedirect(response.StatusCode) || response.Headers.Location is not { } location)
        {
            return (null, onOrigin);
        }

        if (redirects == Redirects.MaxRedirects)
        {
            throw Fail(operation, response, "the response redirects once more after " + Redirects.MaxRedirects.ToString(CultureInfo.InvariantCulture) + " redirects");
        }

        var target = location.IsAbsoluteUri ? location : new Uri(sentTo, location);
        if (target.Scheme != Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttp)
        {
            throw Fail(operation, response, "the response redirects to a " + target.Scheme + ": URI, which is not followed");
        }

        var method = Redirects.MethodAfter(response.StatusCode, hop.Method);
        onOrigin = onOrigin && (IsOwnOrigin(target) || Redirects.SameOrigin(target, sentTo));
        if (!onOrigin && method != HttpMethod.Get && method != HttpMethod.Head)
        {
            throw Fail(operation, response, "the response redirects the " + method.Method + " request to another origin, " + Redirects.Origin(target)
                + ", which is not followed: its body and credential stay with " + Redirects.Origin(sentTo));
        }

        if (!onOrigin && !ApiUrl.IsSecure(target, _allowInsecureHttp))
        {
            throw Fail(operation, response, "the response redirects to plain http at " + Redirects.Origin(target) + ", which is not followed");
        }

        var next = new HttpRequestMessage(method, target) { Version = hop.Version };
#if NET5_0_OR_GREATER
        next.VersionPolicy = hop.VersionPolicy;
#endif
        if (!onOrigin)
        {
            AddDefaultHeaders(next);
            return (next, false);
        }

        foreach (var header in hop.Headers)
        {
            next.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (method == hop.Method)
        {
            // The body moves on: the last request owns it, and each request is sent once.
            next.Content = hop.Content;
            hop.Content = null;
        }

        return (next, true);
    }

    /// <summary>The service's exception for a response that is not the answer, with what was wrong with it.</summary>
    private ApiException Fail(string operation, HttpResponseMessage response, string detail) =>
        Fail(operation, response, string.Empty, null, detail, null);

    /// <summary>
    /// The service's exception, with the client's credential masked in everything from the server that it keeps: the
    /// body, the vendor's message, the reason phrase, the headers, and the message of the failure behind it. The parsed
    /// error body is kept as it was sent.
    /// </summary>
    private ApiException Fail(string operation, HttpResponseMessage response, string body, TError? error, string? detail, Exception? innerException)
    {
        // The fixed credentials, and the one a provider gave this call: with named schemes, a call may have both.
        foreach (var redactor in new[] { _redactor, ProvidedCredentialRedactor() })
        {
            if (redactor is not null)
            {
                body = redactor.Redact(body);
                detail = detail is null ? null : redactor.Redact(detail);
                innerException = redactor.Redact(innerException);
                redactor.Redact(response);
            }
        }

        return _createException(operation, response, body, error, detail, innerException);
    }

    /// <summary>Whether <paramref name="timeout"/> has passed since the <see cref="Stopwatch"/> timestamp <paramref name="started"/>.</summary>
    private static bool HasElapsed(long started, TimeSpan timeout) =>
        (Stopwatch.GetTimestamp() - started) * (double)TimeSpan.TicksPerSecond / Stopwatch.Frequency >= timeout.Ticks;

    /// <summary>Whether an exception is how a send or a read ends when its token is cancelled (or its stream closed for it).</summary>
    private static bool IsCancellation(Exception exception) =>
        exception is OperationCanceledException or IOException or ObjectDisposedException or HttpRequestException;

    private async ValueTask<T?> ReadAsync<T>(string operation, HttpResponseMessage response, string typeName, JsonReadFunc<T>? read, CancellationToken cancellationToken)
    {
        ResponseBody body;
        try
        {
            body = await ApiRequest.ReadPooledBodyAsync(response, _maxResponseBodyBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (ResponseBodyException ex)
        {
            throw Fail(operation, response, string.Empty, null, ex.Message, ex);
        }

        // The buffer goes back to the pool once parsed: the readers copy every string they keep.
        using (body)
        {
            ThrowIfErrorInSuccess(operation, response, body);
            if (read is null)
            {
                return default;
            }

            try
            {
                return JsonValueReader.Deserialize(body.Span, read);
            }
            catch (Exception ex) when (ApiRequest.IsBodyException(ex))
            {
                throw Fail(operation, response, body.Text(), null, "the response body is not a valid " + typeName + ": " + ex.Message, ex);
            }
        }
    }

    private async Task<ApiException> CreateExceptionAsync(string operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ResponseBody body;
        try
        {
            body = await ApiRequest.ReadPooledBodyAsync(response, _maxResponseBodyBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (ResponseBodyException ex)
        {
            return Fail(operation, response, string.Empty, null, ex.Message, ex);
        }

        using (body)
        {
            TError? error = null;
            string? detail = null;
            if (_readError is not null && body.HasContent)
            {
                try
                {
                    error = JsonValueReader.Deserialize(body.Span, _readError);
                    detail = _describeError?.Invoke(error);
                }
                catch (Exception ex) when (ApiRequest.IsBodyException(ex))
                {
                    // Not the documented error body (a proxy's HTML page, say): the raw body stays on the exception.
                }
            }

            return Fail(operation, response, body.Text(), error, detail, null);
        }
    }
}
