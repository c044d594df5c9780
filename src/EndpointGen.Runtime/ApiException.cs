using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;

namespace EndpointGen.Runtime;

/// <summary>
/// The base of every exception a generated client throws for an HTTP exchange that did not succeed:
/// a non-2xx status, or a 2xx whose body does not match the descriptor. Each generated service derives
/// its own exception (for example <c>ThuliumApiException</c>) that adds the vendor's parsed error body.
/// </summary>
/// <remarks>
/// The exception carries the response only. Request headers, and so credentials, are never captured.
/// </remarks>
public class ApiException : Exception
{
    private const int MaxSnippetLength = 200;

    /// <summary>Creates the exception from a received response.</summary>
    /// <param name="service">The service name from the descriptor, such as <c>Thulium</c>.</param>
    /// <param name="operation">The endpoint name from the descriptor, such as <c>StartChatConversation</c>.</param>
    /// <param name="response">The response; its status, reason and headers are copied.</param>
    /// <param name="responseBody">The raw response body as text (empty when there was none).</param>
    /// <param name="detail">The vendor's own message, or a description of what was wrong with a success body.</param>
    /// <param name="innerException">The parsing failure, when there was one.</param>
    public ApiException(
        string service,
        string operation,
        HttpResponseMessage response,
        string responseBody,
        string? detail,
        Exception? innerException)
        : base(FormatMessage(service, operation, response, responseBody, detail), innerException)
    {
        if (response is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        Service = service;
        Operation = operation;
        StatusCode = response.StatusCode;
        ReasonPhrase = ReasonOf(response);
        Headers = CopyHeaders(response);
        ResponseBody = responseBody ?? string.Empty;
        Detail = detail;
    }

    /// <summary>The service name from the descriptor.</summary>
    public string Service { get; }

    /// <summary>The endpoint name from the descriptor.</summary>
    public string Operation { get; }

    /// <summary>The HTTP status code of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The reason phrase of the response, or the standard phrase for its status when the server sent none.</summary>
    public string ReasonPhrase { get; }

    /// <summary>Response and content headers, by case-insensitive name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The raw response body (empty when there was none).</summary>
    public string ResponseBody { get; }

    /// <summary>The vendor's own error message, or what was wrong with a success body; <see langword="null"/> when neither is known.</summary>
    public string? Detail { get; }

    /// <summary>The vendor's error body parsed into its descriptor type, when the body matched it.</summary>
    public virtual object? ErrorBody => null;

    private static string FormatMessage(string service, string operation, HttpResponseMessage response, string responseBody, string? detail)
    {
        var status = response is null ? "no response" : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + ReasonOf(response);
        var message = service + " " + operation + " failed: " + status;
        if (!string.IsNullOrWhiteSpace(detail))
        {
            return message + ": " + detail;
        }

        var snippet = Snippet(responseBody);
        return snippet.Length == 0 ? message : message + ": " + snippet;
    }

    private static string Snippet(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return string.Empty;
        }

        var chars = new char[Math.Min(body!.Length, MaxSnippetLength)];
        var length = 0;
        var lastWasSpace = true;
        foreach (var c in body)
        {
            if (length == chars.Length)
            {
                break;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (!lastWasSpace)
                {
                    chars[length++] = ' ';
                    lastWasSpace = true;
                }

                continue;
            }

            chars[length++] = c;
            lastWasSpace = false;
        }

        var text = new string(chars, 0, length).Trim();
        return body.Length > MaxSnippetLength ? text + "…" : text;
    }

    private static string ReasonOf(HttpResponseMessage response)
    {
        if (!string.IsNullOrEmpty(response.ReasonPhrase))
        {
            return response.ReasonPhrase!;
        }

        return StandardReasonPhrase((int)response.StatusCode);
    }

    private static string StandardReasonPhrase(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        413 => "Payload Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "HTTP " + status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> CopyHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            headers[header.Key] = new List<string>(header.Value);
        }

        if (response.Content is not null)
        {
            foreach (var header in response.Content.Headers)
            {
                headers[header.Key] = new List<string>(header.Value);
            }
        }

        return headers;
    }
}
