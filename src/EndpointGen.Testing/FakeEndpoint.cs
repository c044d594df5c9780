using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Net;
using System.Text.Json;
using EndpointGen.Runtime;

namespace EndpointGen.Testing;

/// <summary>One endpoint of a fake: what the descriptor says of its requests, and its answers and recorded calls.</summary>
public abstract class FakeEndpoint
{
    private protected readonly object Gate = new();
    private readonly List<FakeAnswer> _answers = new();
    private int _next;
    private TimeSpan _delay;

    private protected FakeEndpoint(string name, string method, string path, bool givenUrl, string? bodyMediaType, int status)
    {
        Name = name;
        Method = method;
        Path = path;
        Template = givenUrl ? null : new PathTemplate(path);
        BodyMediaType = bodyMediaType;
        Status = status;
    }

    /// <summary>The endpoint's name in the descriptor.</summary>
    public string Name { get; }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The path template as the descriptor writes it (empty for an endpoint whose URL the caller gives).</summary>
    public string Path { get; }

    /// <summary>The success status the descriptor documents, which <c>Returns</c> answers with.</summary>
    public int Status { get; }

    /// <summary>The path template, or <see langword="null"/> for <c>url: given</c>.</summary>
    internal PathTemplate? Template { get; }

    /// <summary>The media type a request body must have; <c>*</c> for any (a file); <see langword="null"/> when there is no body.</summary>
    internal string? BodyMediaType { get; }

    internal ServiceFake? Owner { get; set; }

    /// <summary>Waits this long before each later answer (honouring the caller's cancellation), as a slow service would.</summary>
    /// <param name="delay">The delay; <see cref="TimeSpan.Zero"/> for none.</param>
    public void Delays(TimeSpan delay)
    {
        if (delay < TimeSpan.Zero && delay != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(delay));
        }

        lock (Gate)
        {
            _delay = delay;
        }
    }

    /// <summary>Answers the next call with a status and an empty body.</summary>
    /// <param name="status">The status.</param>
    public void ReturnsStatus(HttpStatusCode status) => Enqueue(new FakeAnswer((int)status, null, null));

    /// <summary>Fails the next call with an exception, as a broken connection would (an <see cref="System.Net.Http.HttpRequestException"/>, say).</summary>
    /// <param name="exception">The exception the client's handler throws.</param>
    public void Fails(Exception exception) => Enqueue(new FakeAnswer(0, null, exception ?? throw new ArgumentNullException(nameof(exception))));

    /// <summary>The description of the endpoint, for messages.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Name + " (" + Method + " " + Path + ")";

    /// <summary>Queues an answer. Calls take the answers in the order they were set up; the last one repeats.</summary>
    private protected void Enqueue(FakeAnswer answer)
    {
        lock (Gate)
        {
            _answers.Add(answer);
        }
    }

    /// <summary>The answer to a call: the next set up, else the last one, else the default; and the delay.</summary>
    internal (FakeAnswer? Answer, TimeSpan Delay) Next()
    {
        lock (Gate)
        {
            if (_answers.Count > 0)
            {
                var answer = _answers[Math.Min(_next, _answers.Count - 1)];
                _next++;
                return (answer, _delay);
            }

            return (DefaultAnswer(), _delay);
        }
    }

    /// <summary>The answer without set-up, or <see langword="null"/> when the descriptor gives none.</summary>
    private protected abstract FakeAnswer? DefaultAnswer();

    /// <summary>Why there is no default answer, for the message that asks for one.</summary>
    internal abstract string NoAnswerReason { get; }

    /// <summary>Reads a request into a typed call, noting the rules it breaks.</summary>
    internal abstract FakeCall Read(FakeRequestReader reader);

    /// <summary>Records a call taken for this endpoint.</summary>
    internal abstract void Record(FakeCall call);
}

/// <summary>An endpoint of a fake without a response body: set-up of errors, delays and failures, and its recorded calls.</summary>
/// <typeparam name="TCall">The recorded call, with its arguments typed as in the client.</typeparam>
/// <typeparam name="TError">The service's error body type (its JSON text when the descriptor declares none).</typeparam>
public class FakeEndpoint<TCall, TError> : FakeEndpoint
    where TCall : FakeCall
{
    private readonly Func<FakeRequestReader, TCall> _read;
    private readonly Func<TError, FakeBody> _writeError;
    private readonly List<TCall> _calls = new();

    /// <summary>Creates the endpoint. For generated code only.</summary>
    /// <param name="name">The endpoint's name.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path template.</param>
    /// <param name="givenUrl">Whether the caller gives the URL (<c>url: given</c>), so the path is not matched.</param>
    /// <param name="bodyMediaType">The media type of the request body, <c>*</c> for any, <see langword="null"/> for none.</param>
    /// <param name="status">The documented success status.</param>
    /// <param name="read">Reads a request into a call.</param>
    /// <param name="writeError">Writes an error body.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public FakeEndpoint(string name, string method, string path, bool givenUrl, string? bodyMediaType, int status, Func<FakeRequestReader, TCall> read, Func<TError, FakeBody> writeError)
        : base(name, method, path, givenUrl, bodyMediaType, status)
    {
        _read = read ?? throw new ArgumentNullException(nameof(read));
        _writeError = writeError ?? throw new ArgumentNullException(nameof(writeError));
    }

    /// <summary>Every call taken for this endpoint, in order; requests that broke the descriptor are not among them (see <see cref="ServiceFake.Violations"/>).</summary>
    public IReadOnlyList<TCall> Calls
    {
        get
        {
            lock (Gate)
            {
                return _calls.ToArray();
            }
        }
    }

    /// <summary>The only call taken for this endpoint.</summary>
    /// <exception cref="InvalidOperationException">There were none, or several.</exception>
    public TCall SingleCall
    {
        get
        {
            var calls = Calls;
            return calls.Count == 1 ? calls[0] : throw new InvalidOperationException($"{Name} was called {calls.Count} times, not once.");
        }
    }

    /// <summary>Answers the next call with an error status and the service's error body.</summary>
    /// <param name="status">The status, such as <see cref="HttpStatusCode.NotFound"/>.</param>
    /// <param name="error">The error body, written as the service writes it.</param>
    public void ReturnsError(HttpStatusCode status, TError error) => Enqueue(new FakeAnswer((int)status, _writeError(error), null));

    /// <inheritdoc/>
    internal override string NoAnswerReason => string.Empty;

    /// <inheritdoc/>
    private protected override FakeAnswer? DefaultAnswer() => new FakeAnswer(Status, null, null);

    /// <inheritdoc/>
    internal override FakeCall Read(FakeRequestReader reader) => _read(reader);

    /// <inheritdoc/>
    internal override void Record(FakeCall call)
    {
        lock (Gate)
        {
            _calls.Add((TCall)call);
        }
    }
}

/// <summary>An endpoint of a fake with a response body: its answers (a typed body, an error, a delay, a failure) and recorded calls.</summary>
/// <typeparam name="TCall">The recorded call, with its arguments typed as in the client.</typeparam>
/// <typeparam name="TResponse">The response body type.</typeparam>
/// <typeparam name="TError">The service's error body type (its JSON text when the descriptor declares none).</typeparam>
public sealed class FakeEndpoint<TCall, TResponse, TError> : FakeEndpoint<TCall, TError>
    where TCall : FakeCall
{
    private readonly Func<TResponse, FakeBody> _write;
    private readonly string? _defaultJson;
    private readonly JsonReadFunc<TResponse>? _readDefault;
    private readonly string _responseType;

    /// <summary>Creates the endpoint. For generated code only.</summary>
    /// <param name="name">The endpoint's name.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path template.</param>
    /// <param name="givenUrl">Whether the caller gives the URL (<c>url: given</c>), so the path is not matched.</param>
    /// <param name="bodyMediaType">The media type of the request body, <c>*</c> for any, <see langword="null"/> for none.</param>
    /// <param name="status">The documented success status.</param>
    /// <param name="read">Reads a request into a call.</param>
    /// <param name="writeError">Writes an error body.</param>
    /// <param name="responseType">The descriptor's response type, for messages.</param>
    /// <param name="write">Writes a response body.</param>
    /// <param name="defaultJson">The answer the descriptor's examples make, or <see langword="null"/> when they do not give every required field.</param>
    /// <param name="readDefault">Checks <paramref name="defaultJson"/> through the generated reader before it is sent.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public FakeEndpoint(
        string name, string method, string path, bool givenUrl, string? bodyMediaType, int status, Func<FakeRequestReader, TCall> read, Func<TError, FakeBody> writeError,
        string responseType, Func<TResponse, FakeBody> write, string? defaultJson, JsonReadFunc<TResponse>? readDefault)
        : base(name, method, path, givenUrl, bodyMediaType, status, read, writeError)
    {
        _responseType = responseType;
        _write = write ?? throw new ArgumentNullException(nameof(write));
        _defaultJson = defaultJson;
        _readDefault = readDefault;
    }

    /// <summary>Whether the descriptor's examples give an answer, sent to calls before any is set up.</summary>
    public bool HasDefaultAnswer => _defaultJson is not null;

    /// <summary>Answers the next call with the documented success status and this body.</summary>
    /// <param name="body">The body, written by the generated converter as the service would write it.</param>
    public void Returns(TResponse body) => Enqueue(new FakeAnswer(Status, _write(body), null));

    /// <summary>Answers the next call with a status of your choice and this body.</summary>
    /// <param name="body">The body, written by the generated converter as the service would write it.</param>
    /// <param name="status">The status.</param>
    public void Returns(TResponse body, HttpStatusCode status) => Enqueue(new FakeAnswer((int)status, _write(body), null));

    /// <inheritdoc/>
    internal override string NoAnswerReason => _defaultJson is null
        ? $"no answer set for {Name}: set one with {Name}.Returns(...) (the descriptor's examples do not give every required field of {_responseType})"
        : string.Empty;

    /// <inheritdoc/>
    private protected override FakeAnswer? DefaultAnswer()
    {
        if (_defaultJson is null)
        {
            return null;
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(_defaultJson);
        if (_readDefault is not null)
        {
            try
            {
                FakeContent.Deserialize(bytes, _readDefault);
            }
            catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
            {
                throw new InvalidOperationException($"The examples of {Name}'s response do not make a valid {_responseType} ({ex.Message}); set an answer with {Name}.Returns(...).", ex);
            }
        }

        return new FakeAnswer(Status, new FakeBody(bytes, "application/json; charset=utf-8"), null);
    }
}

/// <summary>One answer: a status and body, or a failure.</summary>
internal sealed class FakeAnswer
{
    public FakeAnswer(int status, FakeBody? body, Exception? exception)
    {
        Status = status;
        Body = body;
        Exception = exception;
    }

    public int Status { get; }

    public FakeBody? Body { get; }

    public Exception? Exception { get; }
}
