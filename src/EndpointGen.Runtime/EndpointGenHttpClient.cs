using System.Net.Http;

namespace EndpointGen.Runtime;

/// <summary>
/// HTTP clients and handlers for generated clients that are built by hand: their primary handler leaves redirects to
/// the generated client, which follows them itself and keeps its credential and request body on the base address's
/// origin. <c>services.Add{Service}Client()</c> installs the same handler.
/// </summary>
/// <remarks>
/// A handler that follows redirects itself (<see cref="HttpClientHandler"/> and <c>SocketsHttpHandler</c> by default, so
/// <c>new HttpClient()</c> and a client from <c>IHttpClientFactory</c> unless configured otherwise) forwards every header
/// except <c>Authorization</c> to wherever a server redirects, an API key's header included, and on 307 and 308 the
/// request body too. A generated client cannot see such a handler in advance; once it has followed a redirect to
/// another origin, the call fails with the service's exception, but what the request carried has gone.
/// </remarks>
public static class EndpointGenHttpClient
{
    /// <summary>
    /// A primary handler for generated clients: an <see cref="HttpClientHandler"/> with
    /// <see cref="HttpClientHandler.AllowAutoRedirect"/> off and every other setting at its default.
    /// </summary>
    /// <returns>
    /// The handler, to set further (a proxy, client certificates), to put under a <see cref="DelegatingHandler"/>, or to
    /// pass to <c>ConfigurePrimaryHttpMessageHandler</c> of an <c>IHttpClientFactory</c> registration. Keep
    /// <c>AllowAutoRedirect</c> off.
    /// </returns>
    public static HttpClientHandler CreateHandler() => new() { AllowAutoRedirect = false };

    /// <summary>An <see cref="HttpClient"/> over <see cref="CreateHandler"/>, which it disposes with itself.</summary>
    /// <returns>The client. Like any <see cref="HttpClient"/>, create one and share it, rather than one per call.</returns>
    public static HttpClient Create() => new(CreateHandler(), disposeHandler: true);
}
