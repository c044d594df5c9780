using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace EndpointGen.Tests.EndToEnd;

/// <summary>
/// A handler in the HttpClient pipeline that keeps a copy of every request as it goes on the wire, so tests
/// can assert what the generated clients send, not only what the sandbox accepted.
/// </summary>
internal sealed class WireRecorder : DelegatingHandler
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public WireRecorder()
        : base(new SocketsHttpHandler())
    {
    }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public RecordedRequest Single(string method) => Assert.Single(Requests, r => r.Method == method);

    public HttpClient CreateClient() => new(this, disposeHandler: false);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        byte[] body = [];
        string? contentType = null;
        if (request.Content is not null)
        {
            // Buffering first keeps the content sendable after it has been read here.
            await request.Content.LoadIntoBufferAsync(cancellationToken);
            body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
            contentType = request.Content.Headers.ContentType?.ToString();
        }

        var response = await base.SendAsync(request, cancellationToken);
        _requests.Enqueue(new RecordedRequest(
            request.Method.Method,
            request.RequestUri!,
            request.Headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase),
            contentType,
            body,
            response.StatusCode));
        return response;
    }
}

/// <summary>One request as sent, with the status it got.</summary>
internal sealed record RecordedRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? ContentType, byte[] Body, HttpStatusCode Status)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The query without '?', or the empty string.</summary>
    public string Query => Uri.Query.TrimStart('?');
}
