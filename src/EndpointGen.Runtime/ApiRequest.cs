using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace EndpointGen.Runtime;

/// <summary>Request and response plumbing shared by every generated client.</summary>
public static class ApiRequest
{
    private static readonly byte[] s_empty = new byte[0];
    private static readonly MediaTypeHeaderValue s_json = new("application/json");

    /// <summary>Adds a header after checking that its value cannot inject another header.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The header name.</param>
    /// <param name="value">The value; <see langword="null"/> is omitted.</param>
    /// <exception cref="ArgumentException">The value contains CR, LF or NUL.</exception>
    public static void AddHeader(HttpRequestMessage request, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (value.IndexOfAny(new[] { '\r', '\n', '\0' }) >= 0)
        {
            throw new ArgumentException($"The value of the header '{name}' contains a line break or NUL character.", nameof(value));
        }

        request.Headers.TryAddWithoutValidation(name, value);
    }

    /// <summary>The value of an HTTP Basic <c>Authorization</c> header, or <see langword="null"/> when no user is set.</summary>
    /// <param name="user">The user name (or API key).</param>
    /// <param name="password">The password (or API secret).</param>
    /// <returns>The header value.</returns>
    public static string? BasicAuthorization(string? user, string? password)
    {
        if (string.IsNullOrEmpty(user))
        {
            return null;
        }

        return "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + (password ?? string.Empty)));
    }

    /// <summary>The value of a bearer <c>Authorization</c> header, or <see langword="null"/> when no token is set.</summary>
    /// <param name="token">The token.</param>
    /// <returns>The header value.</returns>
    /// <exception cref="ArgumentException">The token contains CR, LF or NUL.</exception>
    public static string? BearerAuthorization(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        if (token!.IndexOfAny(new[] { '\r', '\n', '\0' }) >= 0)
        {
            throw new ArgumentException("The bearer token contains a line break or NUL character.", nameof(token));
        }

        return "Bearer " + token;
    }

    /// <summary>A JSON request body.</summary>
    /// <param name="utf8Json">The serialized body.</param>
    /// <returns>The content, typed <c>application/json</c>.</returns>
    public static HttpContent JsonContent(byte[] utf8Json)
    {
        var content = new ByteArrayContent(utf8Json);
        content.Headers.ContentType = s_json;
        return content;
    }

    /// <summary>An empty body typed <c>application/json</c>, which the vendors expect on a POST without parameters in the body.</summary>
    /// <returns>The content.</returns>
    public static HttpContent EmptyJsonContent() => JsonContent(s_empty);

    /// <summary>Reads the whole response body.</summary>
    /// <param name="response">The response.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The body bytes (empty when there is none).</returns>
    public static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content is null)
        {
            return s_empty;
        }

#if NET5_0_OR_GREATER
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
        cancellationToken.ThrowIfCancellationRequested();
        return await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
    }

    /// <summary>Decodes a body for an exception's <see cref="ApiException.ResponseBody"/>.</summary>
    /// <param name="body">The body bytes.</param>
    /// <returns>The text (invalid UTF-8 replaced).</returns>
    public static string BodyText(byte[] body) => body.Length == 0 ? string.Empty : Encoding.UTF8.GetString(body);

    /// <summary>Whether the body holds anything but white space, so it is worth parsing.</summary>
    /// <param name="body">The body bytes.</param>
    /// <returns><see langword="true"/> when there is content.</returns>
    public static bool HasContent(byte[] body)
    {
        foreach (var b in body)
        {
            if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\r' && b != (byte)'\n')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether an exception thrown while reading a body means "this body does not match", as opposed to a bug or a
    /// cancellation: malformed or mistyped JSON, invalid UTF-8, or a number out of range.
    /// </summary>
    /// <param name="exception">The exception.</param>
    /// <returns><see langword="true"/> for a body problem.</returns>
    public static bool IsBodyException(Exception exception) =>
        exception is System.Text.Json.JsonException or InvalidOperationException or FormatException or OverflowException or ArgumentException;
}
