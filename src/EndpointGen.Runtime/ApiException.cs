using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text;

namespace EndpointGen.Runtime;

/// <summary>
/// The base of every exception a generated client throws for an HTTP exchange that did not succeed:
/// a non-2xx status, or a 2xx whose body does not match the descriptor. Each generated service derives
/// its own exception (for example <c>ThuliumApiException</c>) that adds the vendor's parsed error body.
/// </summary>
/// <remarks>
/// The exception carries the response only: request headers, and so credentials, are never captured.
/// <see cref="Exception.Message"/> is one line. The server's text in it, the reason phrase and then the vendor's
/// message or, without one, the start of the body, is cut at 100, 500 and 200 characters, ending in
/// <c>…[truncated]</c>, with line breaks, other control characters and bidirectional controls escaped
/// (<c>\n</c>, <c>\u202E</c>): a server cannot add lines to a log that records the message. A generated client masks
/// its own credential as <c>***</c> in everything from the server that the exception keeps: <see cref="ResponseBody"/>,
/// <see cref="Detail"/>, <see cref="ReasonPhrase"/>, <see cref="Headers"/> and the inner exception's message. The
/// parsed error body of a generated exception is kept as the server sent it.
/// </remarks>
public class ApiException : Exception
{
    /// <summary>The most characters of the reason phrase a message shows.</summary>
    private const int MaxReasonLength = 100;

    /// <summary>The most characters of the vendor's message (<see cref="Detail"/>) a message shows.</summary>
    private const int MaxDetailLength = 500;

    /// <summary>The most characters of the raw body a message shows when there is no vendor's message.</summary>
    private const int MaxSnippetLength = 200;

    /// <summary>What ends server text that a message cut short.</summary>
    private const string TruncatedMarker = "…[truncated]";

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

    /// <summary>The response body as text, whole (empty when there was none or it could not be read); a generated client masks its own credential in it.</summary>
    public string ResponseBody { get; }

    /// <summary>
    /// The vendor's own error message, or what was wrong with a success body; <see langword="null"/> when neither is
    /// known. Whole and unescaped, line breaks included: <see cref="Exception.Message"/> shows it cut and escaped.
    /// </summary>
    public string? Detail { get; }

    /// <summary>The vendor's error body parsed into its descriptor type, when the body matched it.</summary>
    public virtual object? ErrorBody => null;

    private static string FormatMessage(string service, string operation, HttpResponseMessage response, string responseBody, string? detail)
    {
        var status = response is null
            ? "no response"
            : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture) + " " + Clip(ReasonOf(response), MaxReasonLength, collapseWhiteSpace: false);
        var message = service + " " + operation + " failed: " + status;
        if (!string.IsNullOrWhiteSpace(detail))
        {
            return message + ": " + Clip(detail!.Trim(), MaxDetailLength, collapseWhiteSpace: false);
        }

        var snippet = Clip(responseBody, MaxSnippetLength, collapseWhiteSpace: true);
        return snippet.Length == 0 ? message : message + ": " + snippet;
    }

    /// <summary>
    /// Server text as a message shows it: at most <paramref name="maxLength"/> characters, then <see cref="TruncatedMarker"/>;
    /// line breaks, other control characters and bidirectional controls escaped (<c>\r</c>, <c>\n</c>, <c>\t</c>,
    /// <c>\uXXXX</c>), so that the message is one line that prints as it reads. With <paramref name="collapseWhiteSpace"/>,
    /// each run of white space and control characters becomes one space instead.
    /// </summary>
    private static string Clip(string? text, int maxLength, bool collapseWhiteSpace)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var clipped = new StringBuilder(Math.Min(text!.Length, maxLength) + TruncatedMarker.Length);
        var pendingSpace = false;
        var i = 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (collapseWhiteSpace && (char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                pendingSpace = clipped.Length > 0;
                continue;
            }

            var escaped = Escape(c);
            var pair = escaped is null && char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var width = (pendingSpace ? 1 : 0) + (escaped?.Length ?? (pair ? 2 : 1));
            if (clipped.Length + width > maxLength)
            {
                break;
            }

            if (pendingSpace)
            {
                clipped.Append(' ');
                pendingSpace = false;
            }

            if (escaped is not null)
            {
                clipped.Append(escaped);
            }
            else
            {
                clipped.Append(c);
                if (pair)
                {
                    clipped.Append(text[++i]);
                }
            }
        }

        if (!IsBlank(text, i))
        {
            clipped.Append(TruncatedMarker);
        }

        return clipped.ToString();
    }

    private static bool IsBlank(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && !char.IsControl(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>How a message spells a character that would break its line or reorder what follows, or <see langword="null"/> for one it keeps.</summary>
    private static string? Escape(char c) => c switch
    {
        '\r' => "\\r",
        '\n' => "\\n",
        '\t' => "\\t",
        _ when char.IsControl(c) || c is '\u2028' or '\u2029' or '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')
            => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
        _ => null,
    };

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
        _ => "HTTP " + status.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Response and content headers of <paramref name="response"/> in one dictionary, by case-insensitive name.</summary>
    internal static IReadOnlyDictionary<string, IReadOnlyList<string>> CopyHeaders(HttpResponseMessage response)
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
