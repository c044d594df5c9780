using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ChatDemo;

/// <summary>
/// A handler in the <see cref="HttpClient"/> pipeline that remembers the status of the last response
/// that passed through it. The generated clients return typed results, not responses; this is how an
/// application learns the HTTP status of a successful call without changing them.
/// </summary>
/// <remarks>"Last" is per handler: give each sequential flow its own client pipeline.</remarks>
public sealed class LastResponseRecorder : DelegatingHandler
{
    private ResponseStatus? _last;

    /// <summary>Creates the recorder in front of the handler that does the sending.</summary>
    /// <param name="innerHandler">The handler that sends the requests.</param>
    public LastResponseRecorder(HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
    }

    /// <summary>The status of the last response, or <see langword="null"/> when none arrived since <see cref="Clear"/>.</summary>
    public ResponseStatus? Last => Volatile.Read(ref _last);

    /// <summary>Forgets the last status, so that the next call's status cannot be confused with an earlier one.</summary>
    public void Clear() => Volatile.Write(ref _last, null);

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _last, new ResponseStatus(response.StatusCode, response.ReasonPhrase));
        return response;
    }
}

/// <summary>An HTTP status and its reason phrase.</summary>
/// <param name="Code">The status code.</param>
/// <param name="ReasonPhrase">The reason phrase the server sent (HTTP/2 and HTTP/3 send none).</param>
public sealed record ResponseStatus(HttpStatusCode Code, string? ReasonPhrase)
{
    /// <summary>The status as <c>201 Created</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        ((int)Code).ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + (string.IsNullOrEmpty(ReasonPhrase) ? Code.ToString() : ReasonPhrase);
}
