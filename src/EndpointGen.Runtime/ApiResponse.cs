using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Http;

namespace EndpointGen.Runtime;

/// <summary>
/// The status and headers of a successful answer: what a generated client's <c>...WithResponseAsync</c> method returns
/// for an endpoint without a response body (<see cref="ApiResponse{T}"/> adds the body).
/// </summary>
/// <remarks>
/// The headers are copied from the response when it arrives, so they stay readable however long the object is kept.
/// A failed call throws the service's exception, which carries the same status and headers; an
/// <see cref="ApiResponse"/> is only ever a success.
/// </remarks>
public class ApiResponse
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> s_noHeaders =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a response, for a test double of a generated client interface.</summary>
    /// <param name="statusCode">The success status.</param>
    /// <param name="headers">The headers by name, looked up ignoring case; <see langword="null"/> for none.</param>
    public ApiResponse(HttpStatusCode statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>>? headers = null)
    {
        StatusCode = statusCode;
        Headers = headers is null ? s_noHeaders : CopyIgnoringCase(headers);
    }

    /// <summary>Takes the status and copies the headers of a received response.</summary>
    internal ApiResponse(HttpResponseMessage response)
    {
        StatusCode = response.StatusCode;
        Headers = ApiException.CopyHeaders(response);
    }

    /// <summary>Shares the status and the (already copied) headers of another answer: a page of <see cref="ApiPageable{TItem, TPage}"/>.</summary>
    private protected ApiResponse(ApiResponse response)
    {
        StatusCode = response.StatusCode;
        Headers = response.Headers;
    }

    /// <summary>The HTTP status code of the answer (2xx).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>
    /// Response and content headers together (<c>Location</c>, <c>X-RateLimit-Remaining</c>, <c>Content-Type</c>), by
    /// case-insensitive name, each with its values in the order received.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>Finds a response or content header by case-insensitive name.</summary>
    /// <param name="name">The header name, such as <c>x-request-id</c>.</param>
    /// <param name="value">The header's value; several values are joined with <c>", "</c>, as HTTP combines them.</param>
    /// <returns>Whether the answer carried the header.</returns>
    public bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
    {
        if (name is not null && Headers.TryGetValue(name, out var values) && values.Count > 0)
        {
            value = values.Count == 1 ? values[0] : string.Join(", ", values);
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>A response or content header by case-insensitive name, several values joined with <c>", "</c>.</summary>
    /// <param name="name">The header name, such as <c>Location</c>.</param>
    /// <returns>The value, or <see langword="null"/> when the answer did not carry the header.</returns>
    public string? GetHeader(string name) => TryGetHeader(name, out var value) ? value : null;

    private static Dictionary<string, IReadOnlyList<string>> CopyIgnoringCase(IReadOnlyDictionary<string, IReadOnlyList<string>> headers)
    {
        var copy = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers)
        {
            copy[header.Key] = header.Value;
        }

        return copy;
    }
}

/// <summary>
/// A successful answer's status, headers and body: what a generated client's <c>...WithResponseAsync</c> method
/// returns for an endpoint with a response body.
/// </summary>
/// <typeparam name="T">The body type, as the plain <c>...Async</c> method returns it.</typeparam>
/// <remarks>
/// Not <see cref="IDisposable"/>: a body that holds resources (a <see cref="System.IO.Stream"/> response) is the
/// caller's to dispose, as with the plain method, and disposing it releases the response. The headers were copied
/// beforehand and stay readable. A page of a paged endpoint is one too (<see cref="ApiPage{TItem, TPage}"/>).
/// </remarks>
public class ApiResponse<T> : ApiResponse
{
    /// <summary>Creates a response, for a test double of a generated client interface.</summary>
    /// <param name="statusCode">The success status.</param>
    /// <param name="body">The body.</param>
    /// <param name="headers">The headers by name, looked up ignoring case; <see langword="null"/> for none.</param>
    public ApiResponse(HttpStatusCode statusCode, T body, IReadOnlyDictionary<string, IReadOnlyList<string>>? headers = null)
        : base(statusCode, headers) => Body = body;

    /// <summary>Takes the status and copies the headers of a received response, with its body read.</summary>
    internal ApiResponse(HttpResponseMessage response, T body)
        : base(response) => Body = body;

    /// <summary>Shares the status, headers and body of another answer: a page of <see cref="ApiPageable{TItem, TPage}"/>.</summary>
    private protected ApiResponse(ApiResponse<T> response)
        : base(response) => Body = response.Body;

    /// <summary>The body, as the plain <c>...Async</c> method would have returned it.</summary>
    public T Body { get; }
}
