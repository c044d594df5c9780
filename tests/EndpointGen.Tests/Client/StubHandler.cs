using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace EndpointGen.Tests.Client;

/// <summary>An in-memory handler that records each request (with its body) and answers with a canned response.</summary>
internal sealed class StubHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, HttpResponseMessage> _respond;

    public StubHandler(HttpStatusCode status, string? body = null, string contentType = "application/json", string? reason = null)
        : this(_ => Respond(status, body, contentType, reason))
    {
    }

    public StubHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) => _respond = respond;

    public List<RecordedRequest> Requests { get; } = new();

    public RecordedRequest Last => Requests[^1];

    public static HttpResponseMessage Respond(HttpStatusCode status, string? body, string contentType = "application/json", string? reason = null)
    {
        var response = new HttpResponseMessage(status) { ReasonPhrase = reason };
        if (body is not null)
        {
            response.Content = new StringContent(body, Encoding.UTF8, contentType);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new RecordedRequest(
            request.Method.Method,
            request.RequestUri!,
            request.Headers.ToString(),
            request.Headers.Authorization?.ToString(),
            request.Content?.Headers.ContentType?.ToString(),
            body));
        return _respond(request);
    }
}

/// <summary>What a request carried.</summary>
internal sealed record RecordedRequest(string Method, Uri Uri, string Headers, string? Authorization, string? ContentType, string? Body);
