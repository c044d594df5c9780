using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace EndpointGen.Runtime;

/// <summary>
/// One event of a <c>text/event-stream</c> answer: what a generated client's event-stream method yields for each
/// event the server dispatched (its <c>data</c> lines followed by a blank line).
/// </summary>
/// <typeparam name="T">The type of the event's data: the descriptor's <c>response.type</c>, or <see cref="string"/> for <c>type: text</c>.</typeparam>
public sealed class ApiEvent<T>
{
    /// <summary>The event type a server that names none dispatches: <c>message</c>.</summary>
    public const string DefaultEvent = "message";

    /// <summary>Creates an event, for a test double of a generated client interface.</summary>
    /// <param name="data">The event's data.</param>
    /// <param name="eventType">The event's type; <see langword="null"/> or empty for <see cref="DefaultEvent"/>.</param>
    /// <param name="id">The last event ID; <see langword="null"/> for none (empty).</param>
    /// <param name="retry">The reconnection time the server asked for, if it did.</param>
    public ApiEvent(T data, string? eventType = null, string? id = null, TimeSpan? retry = null)
    {
        Data = data;
        Event = string.IsNullOrEmpty(eventType) ? DefaultEvent : eventType!;
        Id = id ?? string.Empty;
        Retry = retry;
    }

    /// <summary>The event's data: its <c>data</c> lines joined with <c>\n</c>, read as <typeparamref name="T"/>.</summary>
    public T Data { get; }

    /// <summary>The event's type (its <c>event</c> field), <c>message</c> when it has none.</summary>
    public string Event { get; }

    /// <summary>
    /// The last event ID: the latest <c>id</c> field of the stream up to this event, this event's own or an earlier
    /// one's; empty when the stream has set none (or set it empty). Send it as <c>Last-Event-ID</c> to resume.
    /// </summary>
    public string Id { get; }

    /// <summary>The reconnection time the stream's latest <c>retry</c> field asked for, up to this event; <see langword="null"/> when none did.</summary>
    public TimeSpan? Retry { get; }

    /// <summary>Describes the event's type and ID (never its data).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Id.Length == 0 ? "event " + Event : "event " + Event + " (id " + Id + ")";
}

/// <summary>
/// A <c>text/event-stream</c> answer: its status and headers, available as soon as they have arrived, and its events,
/// read as they arrive. What a generated client's <c>...WithResponseAsync</c> method returns for an event-stream endpoint.
/// </summary>
/// <typeparam name="T">The type of each event's data.</typeparam>
/// <remarks>
/// The events can be enumerated once: call the method again for a new stream (with <c>Last-Event-ID</c>, where the
/// service takes it, to resume). Dispose the stream to release the response and its connection; an enumeration that
/// ends, fails or is cancelled releases them as well. Both the token given to the method and the one given to
/// <c>WithCancellation</c> cancel the enumeration.
/// </remarks>
public sealed class ApiEventStream<T> : ApiResponse, IAsyncEnumerable<ApiEvent<T>>, IAsyncDisposable
{
    private readonly IDisposable? _response;
    private IAsyncEnumerable<ApiEvent<T>>? _events;
    private int _disposed;

    /// <summary>Creates an event stream, for a test double of a generated client interface.</summary>
    /// <param name="statusCode">The success status.</param>
    /// <param name="events">The events.</param>
    /// <param name="headers">The headers by name, looked up ignoring case; <see langword="null"/> for none.</param>
    public ApiEventStream(HttpStatusCode statusCode, IAsyncEnumerable<ApiEvent<T>> events, IReadOnlyDictionary<string, IReadOnlyList<string>>? headers = null)
        : base(statusCode, headers) =>
        _events = events ?? throw new ArgumentNullException(nameof(events));

    /// <summary>Takes the status and copies the headers of a received response, whose events <paramref name="events"/> reads.</summary>
    internal ApiEventStream(HttpResponseMessage response, IAsyncEnumerable<ApiEvent<T>> events)
        : base(response)
    {
        _response = response;
        _events = events;
    }

    /// <summary>Starts reading the events; allowed once.</summary>
    /// <param name="cancellationToken">Cancels the enumeration, beside the token given to the method that made the stream.</param>
    /// <returns>The enumerator.</returns>
    /// <exception cref="InvalidOperationException">The events have been enumerated already.</exception>
    /// <exception cref="ObjectDisposedException">The stream has been disposed.</exception>
    public IAsyncEnumerator<ApiEvent<T>> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(ApiEventStream<T>));
        }

        var events = Interlocked.Exchange(ref _events, null)
            ?? throw new InvalidOperationException("The events of an event stream can be enumerated once; call the client's method again for a new stream.");
        return events.GetAsyncEnumerator(cancellationToken);
    }

    /// <summary>Releases the response and its connection; an enumeration in progress then fails.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _response?.Dispose();
        }

        return default;
    }
}
