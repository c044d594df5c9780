using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace EndpointGen.Runtime;

/// <content>
/// Event-stream answers (<c>response.encoding: events</c>): the request asks for <c>text/event-stream</c>, a non-2xx
/// answer throws before any event, and the events are parsed as they arrive by <see cref="SseParser"/> (the WHATWG
/// rules), each one's data within <c>MaxResponseBodyBytes</c> and read as JSON of the declared type, or as text.
/// </content>
public sealed partial class ApiRequestRunner<TError>
{
    private const string EventStreamMediaType = "text/event-stream";

    /// <summary>
    /// Sends a request when the enumeration starts and yields the events of its <c>text/event-stream</c> answer as they
    /// arrive, each one's data read as JSON by <paramref name="read"/>.
    /// </summary>
    /// <typeparam name="T">The type of each event's data.</typeparam>
    /// <param name="operation">The endpoint name, as messages show it.</param>
    /// <param name="request">The request, sent once by the first enumeration and disposed however it ends.</param>
    /// <param name="typeName">The data type as the descriptor spells it, for messages.</param>
    /// <param name="read">The generated reader of an event's data.</param>
    /// <param name="cancellationToken">Cancels the enumeration, beside the token given to <c>WithCancellation</c>.</param>
    /// <returns>The events; enumerable once.</returns>
    public IAsyncEnumerable<ApiEvent<T>> SendForEventsAsync<T>(string operation, HttpRequestMessage request, string typeName, JsonReadFunc<T> read, CancellationToken cancellationToken) =>
        EnumerateEventsAsync(operation, new OnceRequest(request), typeName, read ?? throw new ArgumentNullException(nameof(read)), cancellationToken);

    /// <summary>As <see cref="SendForEventsAsync{T}"/>, each event's data as text.</summary>
    /// <param name="operation">The endpoint name, as messages show it.</param>
    /// <param name="request">The request, sent once by the first enumeration and disposed however it ends.</param>
    /// <param name="cancellationToken">Cancels the enumeration, beside the token given to <c>WithCancellation</c>.</param>
    /// <returns>The events; enumerable once.</returns>
    public IAsyncEnumerable<ApiEvent<string>> SendForTextEventsAsync(string operation, HttpRequestMessage request, CancellationToken cancellationToken) =>
        EnumerateEventsAsync<string>(operation, new OnceRequest(request), "text", null, cancellationToken);

    /// <summary>
    /// Sends a request and gives its <c>text/event-stream</c> answer once the headers have arrived: its status and
    /// headers, and its events to enumerate, each one's data read as JSON by <paramref name="read"/>.
    /// </summary>
    /// <typeparam name="T">The type of each event's data.</typeparam>
    /// <param name="operation">The endpoint name, as messages show it.</param>
    /// <param name="request">The request, disposed however the call ends.</param>
    /// <param name="typeName">The data type as the descriptor spells it, for messages.</param>
    /// <param name="read">The generated reader of an event's data.</param>
    /// <param name="cancellationToken">Cancels the call, and the enumeration of its events.</param>
    /// <returns>The answer; the caller disposes it.</returns>
    public Task<ApiEventStream<T>> SendForEventsWithResponseAsync<T>(string operation, HttpRequestMessage request, string typeName, JsonReadFunc<T> read, CancellationToken cancellationToken) =>
        OpenEventsAsync(operation, request, typeName, read ?? throw new ArgumentNullException(nameof(read)), cancellationToken);

    /// <summary>As <see cref="SendForEventsWithResponseAsync{T}"/>, each event's data as text.</summary>
    /// <param name="operation">The endpoint name, as messages show it.</param>
    /// <param name="request">The request, disposed however the call ends.</param>
    /// <param name="cancellationToken">Cancels the call, and the enumeration of its events.</param>
    /// <returns>The answer; the caller disposes it.</returns>
    public Task<ApiEventStream<string>> SendForTextEventsWithResponseAsync(string operation, HttpRequestMessage request, CancellationToken cancellationToken) =>
        OpenEventsAsync<string>(operation, request, "text", null, cancellationToken);

    /// <summary>Whether a success answer's media type is an event stream; an answer without one is taken as one.</summary>
    private static bool IsEventStreamMediaType(string? mediaType) =>
        mediaType is null || mediaType.Equals(EventStreamMediaType, StringComparison.OrdinalIgnoreCase);

    /// <summary>The service's exception for a 2xx answer that is not an event stream, with its body (and the error body, when it is one).</summary>
    private ApiException NotAnEventStream(string operation, HttpResponseMessage response, ResponseBody body)
    {
        TError? error = null;
        if (_readError is not null && IsJsonObject(body.Span))
        {
            try
            {
                error = JsonValueReader.Deserialize(body.Span, _readError);
            }
            catch (Exception ex) when (ApiRequest.IsBodyException(ex))
            {
                // Not the error body either: the raw body stays on the exception.
            }
        }

        var detail = "the answer is " + response.Content?.Headers.ContentType?.MediaType + ", not " + EventStreamMediaType;
        return Fail(operation, response, body.Text(), error, error is null ? detail : _describeError?.Invoke(error) ?? detail, null);
    }

    /// <summary>The plain method's events: the answer is opened by the first enumeration, and released when it ends.</summary>
    private async IAsyncEnumerable<ApiEvent<T>> EnumerateEventsAsync<T>(string operation, OnceRequest request, string typeName, JsonReadFunc<T>? read, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = await OpenEventsAsync(operation, request.Take(), typeName, read, cancellationToken).ConfigureAwait(false);
        await using (((IAsyncDisposable)stream).ConfigureAwait(false))
        {
            await foreach (var item in stream.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }

    private async Task<ApiEventStream<T>> OpenEventsAsync<T>(string operation, HttpRequestMessage request, string typeName, JsonReadFunc<T>? read, CancellationToken cancellationToken)
    {
        // In place of any Accept of the service's default headers: the answer must be the event stream.
        request.Headers.Remove("Accept");
        request.Headers.TryAddWithoutValidation("Accept", EventStreamMediaType);
        var response = (await RunAsync<HttpResponseMessage, HttpResponseMessage>(operation, request, typeName, null, cancellationToken, SuccessContent.Events).ConfigureAwait(false))!;
        try
        {
            return new ApiEventStream<T>(response, ReadEventsAsync(operation, response, typeName, read, cancellationToken));
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Parses the events of an answer as they arrive, and releases the answer however the enumeration ends. A clean end
    /// of the body ends the events, dropping an event it cut (the WHATWG rule); a broken connection fails with the
    /// service's exception after the events that did arrive.
    /// </summary>
    private async IAsyncEnumerable<ApiEvent<T>> ReadEventsAsync<T>(string operation, HttpResponseMessage response, string typeName, JsonReadFunc<T>? read, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using (response)
        {
            // Closing the response stops a read that does not watch the token, and releases the connection at once.
            using var abort = cancellationToken.Register(static state => ((HttpResponseMessage)state!).Dispose(), response);
            Stream body;
            try
            {
#if NET5_0_OR_GREATER
                body = response.Content is null ? Stream.Null : await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
                body = response.Content is null ? Stream.Null : await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            }
            catch (Exception ex) when (IsCancellation(ex) && cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(_service + " " + operation + " was cancelled.", ex, cancellationToken);
            }

            var limit = _maxResponseBodyBytes;
            var guarded = new EventSizeLimitStream(body, limit, detail => Fail(operation, response, detail));
            var count = 0;
            var parser = SseParser.Create(guarded, (eventType, data) =>
            {
                guarded.EventDispatched();
                count++;
                if (data.Length > limit)
                {
                    throw Fail(operation, response, string.Empty, null, $"event {count} ({eventType}) has {data.Length} bytes of data, more than the limit of {limit} bytes", null);
                }

                if (read is null)
                {
                    return (T)(object)Utf8(data);
                }

                try
                {
                    return JsonValueReader.Deserialize(data, read);
                }
                catch (Exception ex) when (ApiRequest.IsBodyException(ex))
                {
                    throw Fail(operation, response, Utf8(data), null, $"the data of event {count} ({eventType}) is not a valid {typeName}: {ex.Message}", ex);
                }
            });

            var events = parser.EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                while (true)
                {
                    bool more;
                    try
                    {
                        more = await events.MoveNextAsync().ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException && IsCancellation(ex) && cancellationToken.IsCancellationRequested)
                    {
                        throw new OperationCanceledException(_service + " " + operation + " was cancelled.", ex, cancellationToken);
                    }
                    catch (Exception ex) when (ex is IOException or HttpRequestException or ObjectDisposedException && !cancellationToken.IsCancellationRequested)
                    {
                        throw Fail(operation, response, string.Empty, null, $"the event stream broke off after {count} events: {ex.Message}", ex);
                    }

                    if (!more)
                    {
                        yield break;
                    }

                    var item = events.Current;
                    var retry = parser.ReconnectionInterval;
                    yield return new ApiEvent<T>(item.Data, item.EventType, parser.LastEventId, retry == Timeout.InfiniteTimeSpan ? null : retry);
                }
            }
            finally
            {
                await events.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static string Utf8(ReadOnlySpan<byte> data) =>
#if NET5_0_OR_GREATER
        Encoding.UTF8.GetString(data);
#else
        data.IsEmpty ? string.Empty : Encoding.UTF8.GetString(data.ToArray());
#endif

    /// <summary>The plain method's request: the first enumeration sends it; another one has none to send.</summary>
    private sealed class OnceRequest
    {
        private HttpRequestMessage? _request;

        public OnceRequest(HttpRequestMessage request) => _request = request;

        public HttpRequestMessage Take() => Interlocked.Exchange(ref _request, null)
            ?? throw new InvalidOperationException("The events of an event-stream call can be enumerated once; call the client's method again for a new stream.");
    }
}
