using System;
using System.Net;
using System.Net.Http;

namespace EndpointGen.Runtime;

/// <summary>
/// The rules by which the runner follows redirects itself. Within the base address's origin it follows them as
/// <see cref="HttpClientHandler"/> would; nothing but a request's URL and the descriptor's default headers ever goes
/// to another origin, because a handler that follows redirects forwards every header but <c>Authorization</c>, an
/// API key's header included, and on 307 and 308 the body.
/// </summary>
internal static class Redirects
{
    /// <summary>The most redirects one call follows (HttpClientHandler's default is 50; an API needs one or two).</summary>
    public const int MaxRedirects = 10;

    /// <summary>Whether a status asks the client to repeat the request elsewhere: 300, 301, 302, 303, 307 or 308.</summary>
    /// <param name="status">The response status.</param>
    /// <returns><see langword="true"/> for a redirect that HttpClientHandler would follow.</returns>
    public static bool IsRedirect(HttpStatusCode status) => (int)status is 300 or 301 or 302 or 303 or 307 or 308;

    /// <summary>
    /// The method of the request that follows a redirect, as HttpClientHandler chooses it: 303 turns anything but HEAD
    /// into GET; 300, 301 and 302 turn POST into GET; 307 and 308, and the rest, keep the method and its body.
    /// </summary>
    /// <param name="status">The redirect's status.</param>
    /// <param name="method">The method of the request redirected.</param>
    /// <returns>The next method; the body goes along only when it is <paramref name="method"/>.</returns>
    public static HttpMethod MethodAfter(HttpStatusCode status, HttpMethod method) => (int)status switch
    {
        303 when method != HttpMethod.Head => HttpMethod.Get,
        300 or 301 or 302 when method == HttpMethod.Post => HttpMethod.Get,
        _ => method,
    };

    /// <summary>Whether two absolute URIs have one origin: the same scheme, host and port.</summary>
    /// <param name="first">An absolute URI.</param>
    /// <param name="second">Another absolute URI.</param>
    /// <returns><see langword="true"/> for the same origin.</returns>
    public static bool SameOrigin(Uri first, Uri second) =>
        ReferenceEquals(first, second)
        || (string.Equals(first.Scheme, second.Scheme, StringComparison.OrdinalIgnoreCase)
            && first.Port == second.Port
            && string.Equals(first.IdnHost, second.IdnHost, StringComparison.OrdinalIgnoreCase));

    /// <summary>An absolute URI's origin as messages show it: scheme, host and port, never user-info or path.</summary>
    /// <param name="uri">An absolute URI.</param>
    /// <returns>The origin, such as <c>https://api.example.com</c>.</returns>
    public static string Origin(Uri uri) => uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);
}
