using System;
using System.Buffers;
using System.ComponentModel;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace EndpointGen.Runtime;

/// <summary>Request building shared by every generated client: headers, credentials, JSON bodies. For generated code only.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class ApiRequest
{
    private static readonly byte[] s_empty = new byte[0];

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
    private static HttpContent JsonContent(byte[] utf8Json)
    {
        var content = new ByteArrayContent(utf8Json);

        // A new header value each time: it is mutable, and a handler that changes one request's must not change all.
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>An empty body typed <c>application/json</c>, which the vendors expect on a POST without parameters in the body.</summary>
    /// <returns>The content.</returns>
    public static HttpContent EmptyJsonContent() => JsonContent(s_empty);

    /// <summary>
    /// A JSON request body serialized now, into a buffer from the runtime's pool (<see cref="ArrayPool{T}.Shared"/> up
    /// to 1 MiB) that the content returns when it is disposed (as <see cref="HttpRequestMessage"/> disposes its content).
    /// </summary>
    /// <typeparam name="T">The type written.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="write">The writer of the root value.</param>
    /// <returns>The content, typed <c>application/json</c>.</returns>
    /// <exception cref="System.Text.Json.JsonException">The value cannot be written, such as a required property that is <see langword="null"/>.</exception>
    public static HttpContent JsonContent<T>(T value, JsonWriteFunc<T> write)
    {
        if (write is null)
        {
            throw new ArgumentNullException(nameof(write));
        }

        var (buffer, count) = PooledJsonWriter.Write(value, write);
        return new PooledJsonContent(buffer, count);
    }

    /// <summary>The default cap on a response body: far above any documented answer, far below what could exhaust memory.</summary>
    public const long DefaultMaxResponseBodyBytes = 32L * 1024 * 1024;

    /// <summary>
    /// Reads the whole response body into a buffer from <see cref="BufferPool"/>, up to a limit, honouring
    /// cancellation on every target framework (a cancelled token closes the response, so that no read outlives it).
    /// Dispose the result to return the buffer.
    /// </summary>
    /// <param name="response">The response.</param>
    /// <param name="maxBytes">The most bytes to accept: a body of exactly this size is read, a larger one fails.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The body (empty when there is none).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is negative.</exception>
    /// <exception cref="ResponseBodyException">The body is larger than <paramref name="maxBytes"/>, or the connection failed while it was read.</exception>
    internal static async ValueTask<ResponseBody> ReadPooledBodyAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        if (response is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        if (maxBytes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxBytes), maxBytes, "The limit must not be negative.");
        }

        if (response.Content is null)
        {
            return ResponseBody.Empty;
        }

        var declaredLength = response.Content.Headers.ContentLength;
        if (declaredLength is long declared && declared > maxBytes)
        {
            throw new ResponseBodyException($"the response body of {declared} bytes is larger than the limit of {maxBytes} bytes", null);
        }

        // One byte more than the limit: reading it tells a body of exactly maxBytes from a larger one, and a body
        // of its declared length fits with room for the read that reports the end, so the buffer never grows then.
        var cap = maxBytes >= MaxBufferLength ? MaxBufferLength : (int)maxBytes + 1;
        byte[]? buffer = null;

        // Closing the response stops a read that does not watch the token (a stream on .NET Framework, or one a
        // handler wrapped): the read then fails, and the caller sees the cancellation.
        using var abort = cancellationToken.Register(static state => ((HttpResponseMessage)state!).Dispose(), response);
        try
        {
#if NET5_0_OR_GREATER
            using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            var initial = declaredLength is long length ? (int)Math.Min(length + 1, cap) : Math.Min(4096, cap);
            buffer = BufferPool.RentBytes(Math.Max(initial, 1));
            var total = 0;
            while (true)
            {
                var room = Math.Min(buffer.Length, cap) - total;
                if (room == 0)
                {
                    if (total > maxBytes || total == MaxBufferLength)
                    {
                        throw new ResponseBodyException($"the response body is larger than the limit of {maxBytes} bytes", null);
                    }

                    var larger = BufferPool.RentBytes((int)Math.Min(Math.Max((long)buffer.Length * 2, 4096), cap));
                    Buffer.BlockCopy(buffer, 0, larger, 0, total);
                    var old = buffer;
                    buffer = larger;
                    BufferPool.Return(old);
                    continue;
                }

#if NET5_0_OR_GREATER
                var read = await stream.ReadAsync(buffer.AsMemory(total, room), cancellationToken).ConfigureAwait(false);
#else
                var read = await stream.ReadAsync(buffer, total, room, cancellationToken).ConfigureAwait(false);
#endif
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            if (total == 0)
            {
                return ResponseBody.Empty;
            }

            var body = new ResponseBody(buffer, total);
            buffer = null;
            return body;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or ObjectDisposedException && !cancellationToken.IsCancellationRequested)
        {
            throw new ResponseBodyException("the response body could not be read: " + ex.Message, ex);
        }
        finally
        {
            if (buffer is not null)
            {
                BufferPool.Return(buffer);
            }
        }
    }

    /// <summary>The longest array the runtime allocates (<c>Array.MaxLength</c>, which netstandard2.0 lacks).</summary>
    private const int MaxBufferLength = 0x7FFFFFC7;

    /// <summary>
    /// Whether an exception thrown while reading a body means "this body does not match", as opposed to a bug or a
    /// cancellation: malformed or mistyped JSON, invalid UTF-8, or a number out of range.
    /// </summary>
    /// <param name="exception">The exception.</param>
    /// <returns><see langword="true"/> for a body problem.</returns>
    internal static bool IsBodyException(Exception exception) =>
        exception is System.Text.Json.JsonException or InvalidOperationException or FormatException or OverflowException or ArgumentException;
}
