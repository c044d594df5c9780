using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace EndpointGen.Runtime;

/// <content>
/// Success metadata and errors inside 2xx answers: the <c>...WithResponse</c> sends, which hand back the status and
/// headers with the body, and the check of a 2xx body against the service's error body (<c>service.error.inSuccess</c>).
/// </content>
public sealed partial class ApiRequestRunner<TError>
{
    private readonly Func<TError, bool>? _isErrorInSuccess;

    /// <summary>Sends a request and reads its success body, with the answer's status and headers.</summary>
    /// <typeparam name="T">The success body type.</typeparam>
    /// <param name="operation">The endpoint name, as messages show it.</param>
    /// <param name="request">The request, disposed however the call ends.</param>
    /// <param name="typeName">The body type as the descriptor spells it, for messages.</param>
    /// <param name="read">The generated reader of the body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status, the headers and the body.</returns>
    /// <exception cref="TaskCanceledException">The whole call took longer than the HttpClient's Timeout (the inner exception is a <see cref="TimeoutException"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<ApiResponse<T>> SendWithResponseAsync<T>(string operation, HttpRequestMessage request, string typeName, JsonReadFunc<T> read, CancellationToken cancellationToken) =>
        RunAsync<T, ApiResponse<T>>(operation, request, typeName, read ?? throw new ArgumentNullException(nameof(read)), cancellationToken)!;

    /// <summary>Sends a request whose success body is ignored, and gives the answer's status and headers.</summary>
    /// <param name="operation">The endpoint name, as messages show it.</param>
    /// <param name="request">The request, disposed however the call ends.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status and the headers.</returns>
    /// <exception cref="TaskCanceledException">The whole call took longer than the HttpClient's Timeout (the inner exception is a <see cref="TimeoutException"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<ApiResponse> SendWithResponseAsync(string operation, HttpRequestMessage request, CancellationToken cancellationToken) =>
        RunAsync<object, ApiResponse>(operation, request, string.Empty, null, cancellationToken)!;

    /// <summary>
    /// What a call returns once its body is read: the body itself (<typeparamref name="TResult"/> is
    /// <typeparamref name="T"/>), or the body with the status and headers. Chosen by the type arguments rather than a
    /// parameter so that the plain call's state machine is what it was, and the plain call allocates nothing more.
    /// </summary>
    private static TResult? Answer<T, TResult>(T? body, HttpResponseMessage response)
    {
        if (typeof(TResult) == typeof(T))
        {
            // The JIT folds both the test and the casts for each instantiation: no box for a value-type body.
            return (TResult?)(object?)body;
        }

        return typeof(TResult) == typeof(ApiResponse)
            ? (TResult)(object)new ApiResponse(response)
            : (TResult)(object)new ApiResponse<T>(response, body!);
    }

    /// <summary>
    /// Throws the service's exception when a 2xx body is the service's error body with the declared value at the
    /// declared path. A body that is not a JSON object, or does not read as the error body, is left to the normal reading.
    /// </summary>
    private void ThrowIfErrorInSuccess(string operation, HttpResponseMessage response, ResponseBody body)
    {
        if (_isErrorInSuccess is null || _readError is null || !IsJsonObject(body.Span))
        {
            return;
        }

        TError error;
        try
        {
            error = JsonValueReader.Deserialize(body.Span, _readError);
        }
        catch (Exception ex) when (ApiRequest.IsBodyException(ex))
        {
            return;
        }

        if (_isErrorInSuccess(error))
        {
            throw Fail(operation, response, body.Text(), error, _describeError?.Invoke(error), null);
        }
    }

    /// <summary>Whether the first byte after white space opens an object: an array or a scalar is never the error body, and skipping it costs no exception.</summary>
    private static bool IsJsonObject(ReadOnlySpan<byte> json)
    {
        if (json.Length >= 3 && json[0] == 0xEF && json[1] == 0xBB && json[2] == 0xBF)
        {
            json = json.Slice(3);
        }

        foreach (var b in json)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return b == (byte)'{';
            }
        }

        return false;
    }
}
