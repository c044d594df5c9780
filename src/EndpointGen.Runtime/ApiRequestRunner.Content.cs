using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace EndpointGen.Runtime;

/// <content>Success bodies other than JSON: <c>bytes</c>, <c>text</c> and <c>stream</c>, each within the size limit.</content>
public sealed partial class ApiRequestRunner<TError>
{
    /// <summary>What a success body is read as.</summary>
    private enum SuccessContent
    {
        Json,
        Bytes,
        Text,
        Stream,

        /// <summary>A <c>text/event-stream</c>: the response itself is handed over, to be read as events (ApiRequestRunner.Events.cs).</summary>
        Events,
    }

    /// <summary>Sends a request and reads its success body as bytes, within <c>MaxResponseBodyBytes</c>.</summary>
    /// <param name="operation">The endpoint name, as messages show it.</param>
    /// <param name="request">The request, disposed however the call ends.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body; empty when there is none.</returns>
    public Task<byte[]> SendForBytesAsync(string operation, HttpRequestMessage request, CancellationToken cancellationToken) =>
        RunAsync<byte[], byte[]>(operation, request, "bytes", null, cancellationToken, SuccessContent.Bytes)!;

    /// <summary>Sends a request and reads its success body as text by the response's charset (UTF-8 when it names none), within <c>MaxResponseBodyBytes</c>.</summary>
    /// <param name="operation">The endpoint name, as messages show it.</param>
    /// <param name="request">The request, disposed however the call ends.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The text; empty when there is no body.</returns>
    public Task<string> SendForTextAsync(string operation, HttpRequestMessage request, CancellationToken cancellationToken) =>
        RunAsync<string, string>(operation, request, "text", null, cancellationToken, SuccessContent.Text)!;

    /// <summary>
    /// Sends a request and gives its success body as a stream once the headers have arrived. The caller disposes the
    /// stream, which releases the response and its connection; reading more than <c>MaxResponseBodyBytes</c> from it
    /// throws the service's exception.
    /// </summary>
    /// <param name="operation">The endpoint name, as messages show it.</param>
    /// <param name="request">The request, disposed however the call ends.</param>
    /// <param name="cancellationToken">Cancels the call (up to the headers; reads take their own token).</param>
    /// <returns>The body's stream.</returns>
    public Task<Stream> SendForStreamAsync(string operation, HttpRequestMessage request, CancellationToken cancellationToken) =>
        RunAsync<Stream, Stream>(operation, request, "stream", null, cancellationToken, SuccessContent.Stream)!;

    /// <summary>As <see cref="SendForBytesAsync"/>, with the status and headers of the answer.</summary>
    /// <param name="operation">The endpoint name, as messages show it.</param>
    /// <param name="request">The request, disposed however the call ends.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer and its body.</returns>
    public Task<ApiResponse<byte[]>> SendForBytesWithResponseAsync(string operation, HttpRequestMessage request, CancellationToken cancellationToken) =>
        RunAsync<byte[], ApiResponse<byte[]>>(operation, request, "bytes", null, cancellationToken, SuccessContent.Bytes)!;

    /// <summary>As <see cref="SendForTextAsync"/>, with the status and headers of the answer.</summary>
    /// <param name="operation">The endpoint name, as messages show it.</param>
    /// <param name="request">The request, disposed however the call ends.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer and its text.</returns>
    public Task<ApiResponse<string>> SendForTextWithResponseAsync(string operation, HttpRequestMessage request, CancellationToken cancellationToken) =>
        RunAsync<string, ApiResponse<string>>(operation, request, "text", null, cancellationToken, SuccessContent.Text)!;

    /// <summary>As <see cref="SendForStreamAsync"/>, with the status and headers of the answer; the caller disposes <see cref="ApiResponse{T}.Body"/>.</summary>
    /// <param name="operation">The endpoint name, as messages show it.</param>
    /// <param name="request">The request, disposed however the call ends.</param>
    /// <param name="cancellationToken">Cancels the call (up to the headers; reads take their own token).</param>
    /// <returns>The answer and its body's stream.</returns>
    public Task<ApiResponse<Stream>> SendForStreamWithResponseAsync(string operation, HttpRequestMessage request, CancellationToken cancellationToken) =>
        RunAsync<Stream, ApiResponse<Stream>>(operation, request, "stream", null, cancellationToken, SuccessContent.Stream)!;

    /// <summary>Reads a success answer that is not JSON; the response is this method's to dispose, or the stream's.</summary>
    private async ValueTask<object> ReadContentAsync(string operation, HttpResponseMessage response, SuccessContent content, CancellationToken cancellationToken)
    {
        if (content == SuccessContent.Events && response.IsSuccessStatusCode && IsEventStreamMediaType(response.Content?.Headers.ContentType?.MediaType))
        {
            return response;
        }

        if (content == SuccessContent.Stream && response.IsSuccessStatusCode)
        {
            try
            {
                if (response.Content?.Headers.ContentLength is long declared && declared > _maxResponseBodyBytes)
                {
                    throw Fail(operation, response, $"the response body of {declared} bytes is larger than the limit of {_maxResponseBodyBytes} bytes");
                }

                if (response.Content is null)
                {
                    response.Dispose();
                    return Stream.Null;
                }

#if NET5_0_OR_GREATER
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
                var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
                return new LimitedResponseStream(stream, response, _maxResponseBodyBytes, detail => Fail(operation, response, detail));
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await CreateExceptionAsync(operation, response, cancellationToken).ConfigureAwait(false);
            }

            ResponseBody body;
            try
            {
                body = await ApiRequest.ReadPooledBodyAsync(response, _maxResponseBodyBytes, cancellationToken).ConfigureAwait(false);
            }
            catch (ResponseBodyException ex)
            {
                throw Fail(operation, response, string.Empty, null, ex.Message, ex);
            }

            using (body)
            {
                if (content == SuccessContent.Events)
                {
                    throw NotAnEventStream(operation, response, body);
                }

                // A bytes or text answer is only judged as an error (service.error.inSuccess) when the server says it is JSON:
                // a file or a text that is not JSON is never parsed.
                if (IsJsonMediaType(response.Content?.Headers.ContentType?.MediaType))
                {
                    ThrowIfErrorInSuccess(operation, response, body);
                }

                if (content == SuccessContent.Bytes)
                {
                    return body.Length == 0 ? Array.Empty<byte>() : body.Span.ToArray();
                }

                return Decode(operation, response, body);
            }
        }
    }

    /// <summary>Whether a media type is JSON: <c>application/json</c> or a <c>+json</c> suffix (<c>application/problem+json</c>).</summary>
    private static bool IsJsonMediaType(string? mediaType) =>
        mediaType is not null
        && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>The body as text, by the charset of its content type (UTF-8 when none), without a byte order mark.</summary>
    private string Decode(string operation, HttpResponseMessage response, ResponseBody body)
    {
        var charset = response.Content?.Headers.ContentType?.CharSet?.Trim('"', ' ');
        Encoding encoding;
        try
        {
            encoding = string.IsNullOrEmpty(charset) ? Encoding.UTF8 : Encoding.GetEncoding(charset!);
        }
        catch (ArgumentException ex)
        {
            throw Fail(operation, response, string.Empty, null, "the response's charset '" + charset + "' is not supported", ex);
        }

        var bytes = body.Span;
        var preamble = encoding.GetPreamble();
        if (preamble.Length > 0 && bytes.Length >= preamble.Length && bytes.Slice(0, preamble.Length).SequenceEqual(preamble))
        {
            bytes = bytes.Slice(preamble.Length);
        }

#if NET5_0_OR_GREATER
        return encoding.GetString(bytes);
#else
        return bytes.Length == 0 ? string.Empty : encoding.GetString(bytes.ToArray());
#endif
    }
}
