using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace EndpointGen.Testing;

/// <summary>
/// The base of every generated <c>&lt;Service&gt;Fake</c>: an <see cref="HttpMessageHandler"/> that takes each request
/// for the endpoint whose method and path template it matches, checks it against the descriptor, records it, and
/// answers it with what the test set up (or the descriptor's examples).
/// </summary>
/// <remarks>
/// <para>
/// The path template is matched against the end of the request path, segment by segment and percent-decoded, so the
/// base address is whatever the client was given. When several endpoints share a method and path (a search and a
/// list on one URL, a JSON and a multipart variant), the request is taken for the first that it breaks no rule of.
/// </para>
/// <para>
/// A request that breaks a rule (no endpoint has its method and path; a required parameter is missing or is no value of
/// its type; a query parameter the endpoint does not declare; the content type; a body the generated reader refuses,
/// a missing required field included) fails with <see cref="FakeRequestException"/>, naming the endpoint and the rule,
/// and is kept in <see cref="Violations"/>.
/// </para>
/// </remarks>
public abstract class ServiceFake : HttpMessageHandler
{
    private readonly List<FakeEndpoint> _endpoints = new();
    private readonly List<FakeRequest> _requests = new();
    private readonly List<FakeRequestException> _violations = new();

    /// <summary>Creates the fake of a service.</summary>
    /// <param name="serviceName">The service name, as messages show it.</param>
    protected ServiceFake(string serviceName) => ServiceName = serviceName ?? throw new ArgumentNullException(nameof(serviceName));

    /// <summary>The service name.</summary>
    public string ServiceName { get; }

    /// <summary>Every request received, in order, those that broke the descriptor included.</summary>
    public IReadOnlyList<FakeRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>Every request that broke the descriptor or found no answer, as the exception the code under test was given.</summary>
    public IReadOnlyList<FakeRequestException> Violations
    {
        get
        {
            lock (_violations)
            {
                return _violations.ToArray();
            }
        }
    }

    /// <summary>Throws when a request broke the descriptor or found no answer, even one whose exception the code under test caught.</summary>
    /// <exception cref="FakeRequestException">One request did.</exception>
    /// <exception cref="AggregateException">Several did; each is an inner exception.</exception>
    public void VerifyNoViolations()
    {
        var violations = Violations;
        if (violations.Count == 1)
        {
            throw new FakeRequestException(violations[0].Service, violations[0].Endpoint, violations[0].Rule, violations[0].Request);
        }

        if (violations.Count > 1)
        {
            throw new AggregateException(
                $"{violations.Count} requests to the {ServiceName} fake broke the descriptor: " + string.Join(" | ", violations.Select(static v => v.Message)),
                violations);
        }
    }

    /// <summary>Adds an endpoint. For generated code only.</summary>
    /// <typeparam name="T">The endpoint's type.</typeparam>
    /// <param name="endpoint">The endpoint.</param>
    /// <returns>The endpoint.</returns>
    protected T Add<T>(T endpoint)
        where T : FakeEndpoint
    {
        endpoint.Owner = this;
        _endpoints.Add(endpoint);
        return endpoint;
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var received = await ReceiveAsync(request).ConfigureAwait(false);
        lock (_requests)
        {
            _requests.Add(received);
        }

        var (endpoint, call, rules) = Match(received);
        if (call is null || endpoint is null)
        {
            throw Violation(endpoint?.Name, string.Join("; ", rules), received);
        }

        endpoint.Record(call);
        var (answer, delay) = endpoint.Next();
        if (answer is null)
        {
            throw Violation(endpoint.Name, endpoint.NoAnswerReason, received);
        }

        if (delay > TimeSpan.Zero || delay == Timeout.InfiniteTimeSpan)
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (answer.Exception is not null)
        {
            throw answer.Exception;
        }

        var content = new ByteArrayContent(answer.Body?.Bytes ?? Array.Empty<byte>());
        if (answer.Body?.ContentType is { } contentType)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return new HttpResponseMessage((HttpStatusCode)answer.Status) { Content = content, RequestMessage = request };
    }

    private FakeRequestException Violation(string? endpoint, string rule, FakeRequest request)
    {
        var exception = new FakeRequestException(ServiceName, endpoint, rule, request);
        lock (_violations)
        {
            _violations.Add(exception);
        }

        return exception;
    }

    private static async Task<FakeRequest> ReceiveAsync(HttpRequestMessage request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = string.Join(", ", header.Value);
        }

        var body = Array.Empty<byte>();
        string? contentType = null;
        if (request.Content is { } content)
        {
            body = await content.ReadAsByteArrayAsync().ConfigureAwait(false);
            foreach (var header in content.Headers)
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }

            contentType = headers.TryGetValue("Content-Type", out var type) ? type : null;
        }

        return new FakeRequest(request.Method.Method.ToUpperInvariant(), request.RequestUri ?? new Uri("http://localhost/"), headers, contentType, body);
    }

    /// <summary>The endpoint a request is for and its call, or the rules it breaks for the endpoint it comes closest to.</summary>
    private (FakeEndpoint? Endpoint, FakeCall? Call, List<string> Rules) Match(FakeRequest request)
    {
        var segments = PathTemplate.Segments(request.Uri);
        var query = Query(request.Uri);
        var candidates = new List<(FakeEndpoint Endpoint, Dictionary<string, string> Path)>();
        FakeEndpoint? otherMethod = null;
        foreach (var endpoint in _endpoints)
        {
            if (endpoint.Template?.Match(segments) is { } values)
            {
                if (endpoint.Method == request.Method)
                {
                    candidates.Add((endpoint, values));
                }
                else
                {
                    otherMethod ??= endpoint;
                }
            }
        }

        // The most specific template first (more segments); the declared order among equals.
        candidates = candidates.OrderByDescending(static c => c.Endpoint.Template!.Length).ToList();
        if (candidates.Count == 0)
        {
            foreach (var endpoint in _endpoints)
            {
                if (endpoint.Template is null && endpoint.Method == request.Method)
                {
                    candidates.Add((endpoint, new Dictionary<string, string>(StringComparer.Ordinal)));
                }
            }
        }

        if (candidates.Count == 0)
        {
            var rule = otherMethod is not null
                ? $"the method {request.Method} is not allowed: the path is {otherMethod.Name}'s, whose method is {otherMethod.Method}"
                : $"no endpoint has the method {request.Method} and the path {request.Uri.AbsolutePath}";
            return (otherMethod, null, new List<string> { rule });
        }

        (FakeEndpoint? Endpoint, List<string>? Rules) closest = (null, null);
        foreach (var (endpoint, path) in candidates)
        {
            var reader = new FakeRequestReader(request, path, query);
            CheckContentType(endpoint, request, reader.Violations);
            var call = endpoint.Read(reader);
            foreach (var key in reader.UnclaimedQueryKeys)
            {
                reader.Violations.Add($"the query parameter '{key}' is not one the descriptor declares");
            }

            if (reader.Violations.Count == 0)
            {
                return (endpoint, call, reader.Violations);
            }

            if (closest.Rules is null || reader.Violations.Count < closest.Rules.Count)
            {
                closest = (endpoint, reader.Violations);
            }
        }

        return (closest.Endpoint, null, closest.Rules!);
    }

    private static void CheckContentType(FakeEndpoint endpoint, FakeRequest request, List<string> violations)
    {
        if (endpoint.BodyMediaType is not { } expected)
        {
            return;
        }

        if (request.ContentType is null)
        {
            violations.Add(expected == "*" ? "the request has no body, but the descriptor declares one" : $"the request has no body, but the descriptor declares one of {expected}");
            return;
        }

        var sent = FakeRequestReader.MediaType(request.ContentType);
        if (expected != "*" && !string.Equals(sent, expected, StringComparison.OrdinalIgnoreCase))
        {
            violations.Add($"the content type is {sent}, but the descriptor's is {expected}");
        }
    }

    private static List<KeyValuePair<string, string>> Query(Uri uri)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var query = uri.Query;
        if (query.Length <= 1)
        {
            return pairs;
        }

        foreach (var part in query.Substring(1).Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var equals = part.IndexOf('=');
            var key = equals < 0 ? part : part.Substring(0, equals);
            var value = equals < 0 ? string.Empty : part.Substring(equals + 1);
            pairs.Add(new KeyValuePair<string, string>(Uri.UnescapeDataString(key), Uri.UnescapeDataString(value)));
        }

        return pairs;
    }
}
