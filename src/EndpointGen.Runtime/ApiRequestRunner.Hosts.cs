using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace EndpointGen.Runtime;

/// <content>
/// The service's other hosts and credential providers: the base addresses of <c>service.servers</c>, URLs a server
/// gave (checked like a base address, and credentialed only on the service's own origins), and a credential obtained
/// from a provider on each request.
/// </content>
public sealed partial class ApiRunnerSettings
{
    /// <summary>
    /// The service's other servers, in the descriptor's order: the options property that sets each one
    /// (<c>MediaBaseAddress</c>, for messages) and its address (the documented one when the options leave it unset
    /// and it has no placeholders; else <see langword="null"/>).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, Uri?>>? Servers { get; set; }

    /// <summary>Gives the credential on each request, instead of the fixed <see cref="Credential"/>; <see langword="null"/> or empty from it sends none.</summary>
    public Func<CancellationToken, ValueTask<string?>>? CredentialProvider { get; set; }

    /// <summary>The <c>Authorization</c> scheme a provided credential is sent with (<c>Bearer</c>), or <see langword="null"/> to send it as given (an API key).</summary>
    public string? CredentialScheme { get; set; }
}

/// <content>Other hosts, server-given URLs and credential providers.</content>
public sealed partial class ApiRequestRunner<TError>
{
    // The credential header value of the call in progress when it came from the provider, for Fail to mask. An async
    // local flows into everything the call awaits and is gone when the call returns; calls with a fixed credential
    // never set it.
    private static readonly AsyncLocal<string?> s_providedCredential = new();

    private readonly Uri[] _servers;
    private readonly Func<CancellationToken, ValueTask<string?>>? _credentialProvider;
    private readonly string? _credentialScheme;

    /// <summary>Starts a request URI at one of the service's other servers.</summary>
    /// <param name="server">The server's position under <c>service.servers</c>.</param>
    /// <returns>The builder; keep it in a local.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The service has no such server.</exception>
    public ApiUrlBuilder CreateUrl(int server) =>
        server >= 0 && server < _servers.Length ? new(_servers[server]) : throw new ArgumentOutOfRangeException(nameof(server));

    /// <summary>
    /// Starts a request URI at an absolute URL the server gave (a next page, a presigned upload): checked as a base
    /// address is, its query kept (query parameters are appended to it), its fragment dropped.
    /// </summary>
    /// <param name="url">The URL, as the caller passed it.</param>
    /// <returns>The builder; keep it in a local.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The URL is relative, not http(s), carries user-info, or is plain http to a host other than loopback without
    /// <c>AllowInsecureHttp</c>. No message shows more of it than its origin: its query may be a signature.
    /// </exception>
    public ApiUrlBuilder CreateUrl(Uri url)
    {
        if (url is null)
        {
            throw new ArgumentNullException(nameof(url));
        }

        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException("The URL must be an absolute https URL, not a relative one.", nameof(url));
        }

        if (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException("The URL must be an absolute https URL, not a " + url.Scheme + ": URI.", nameof(url));
        }

        if (url.UserInfo.Length > 0)
        {
            throw new ArgumentException("The URL must not carry credentials (user-info before '@').", nameof(url));
        }

        if (!ApiUrl.IsSecure(url, _allowInsecureHttp))
        {
            throw new ArgumentException(
                "The URL at " + Redirects.Origin(url) + " uses plain http. Use https, or set AllowInsecureHttp on the client options to opt in (http to loopback is always allowed).",
                nameof(url));
        }

        return ApiUrlBuilder.AtGivenUrl(url);
    }

    /// <summary>Whether a URI is on one of the service's own origins: the base address's or a server's (scheme, host and port).</summary>
    /// <param name="uri">An absolute URI.</param>
    /// <returns><see langword="true"/> when the service's credential and header parameters may go there.</returns>
    public bool IsOwnOrigin(Uri uri)
    {
        if (uri is null)
        {
            throw new ArgumentNullException(nameof(uri));
        }

        if (Redirects.SameOrigin(uri, BaseAddress))
        {
            return true;
        }

        foreach (var server in _servers)
        {
            if (Redirects.SameOrigin(uri, server))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A request with the service's default headers, and its credential when <paramref name="credential"/> is set.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="uri">The absolute request URI.</param>
    /// <param name="credential">
    /// Whether the request carries the service's credential: not for an endpoint with <c>auth: none</c>, nor for a URL
    /// the server gave on an origin that is not the service's own.
    /// </param>
    /// <param name="template">The endpoint's path as the descriptor writes it (<c>chats/{id}</c>), for the call's activity; never sent.</param>
    /// <returns>The request; <see cref="SendAsync{T}"/> and <see cref="SendAsync"/> dispose it, and ask the provider for its credential when the service has one.</returns>
    public HttpRequestMessage CreateRequest(HttpMethod method, Uri uri, bool credential, string? template = null)
    {
        var provided = credential && _credentialProvider is not null;
        var request = provided ? new ProvidedCredentialRequest(method, uri, template) : NewRequest(method, uri, template);
        AddDefaultHeaders(request);
        if (credential && !provided && _credentialHeader is not null)
        {
            ApiRequest.AddHeader(request, _credentialHeader, _credential);
        }

        return request;
    }

    /// <summary>The base addresses of the other servers, checked and normalized as the base address is.</summary>
    private static Uri[] NormalizeServers(ApiRunnerSettings settings)
    {
        if (settings.Servers is not { Count: > 0 } servers)
        {
            return s_noServers;
        }

        var normalized = new Uri[servers.Count];
        for (var i = 0; i < normalized.Length; i++)
        {
            var (property, address) = (servers[i].Key, servers[i].Value);
            if (address is null)
            {
                throw new ArgumentException(
                    settings.Service + "ClientOptions." + property + " is not set: set it (" + settings.Service + "ClientOptions.Create" + property + " builds the documented one).",
                    "options");
            }

            try
            {
                normalized[i] = ApiUrl.NormalizeBaseAddress(address, settings.AllowInsecureHttp);
            }
            catch (ArgumentException ex)
            {
                // The message never shows user-info; it says which of the addresses it is about.
                throw new ArgumentException(settings.Service + "ClientOptions." + property + ": " + ex.Message, "options", ex);
            }
        }

        return normalized;
    }

    private static readonly Uri[] s_noServers = new Uri[0];

    private static (Func<CancellationToken, ValueTask<string?>>? Provider, string? Scheme) CredentialProviderOf(ApiRunnerSettings settings)
    {
        if (settings.CredentialProvider is null)
        {
            return (null, null);
        }

        if (settings.CredentialHeader is null)
        {
            throw new ArgumentException(settings.Service + " has no credential header for its credential provider.", nameof(settings));
        }

        if (settings.Credential is not null)
        {
            throw new ArgumentException(settings.Service + "ClientOptions sets both a fixed credential and a credential provider: set one of them.", "options");
        }

        return (settings.CredentialProvider, settings.CredentialScheme);
    }

    /// <summary>
    /// Asks the provider for this request's credential and adds it; the value as sent, or <see langword="null"/> when
    /// the provider gave none (the request then goes without, as with an unset fixed credential). What the provider
    /// throws ends the call as it is, before anything is sent.
    /// </summary>
    /// <exception cref="ArgumentException">The credential contains CR, LF or NUL.</exception>
    private async ValueTask<string?> ProvideCredentialAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A named scheme's request carries its own provider; else it is the service's one scheme.
        var named = ((ProvidedCredentialRequest)request).Credential;
        var secret = await (named?.Provider ?? _credentialProvider)!(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(secret))
        {
            return null;
        }

        var scheme = named is null ? _credentialScheme : named.ProviderScheme;
        var value = scheme is null ? secret! : scheme + " " + secret;
        ApiRequest.AddHeader(request, named?.Header ?? _credentialHeader!, value);
        return value;
    }

    /// <summary>A redactor for the credential the provider gave the call in progress, or <see langword="null"/>.</summary>
    /// <remarks>
    /// With named schemes the value is masked as an <c>Authorization</c> value is (whole, and the token after its
    /// scheme), which masks an API key whole too: the call's header is not kept beside the value.
    /// </remarks>
    private CredentialRedactor? ProvidedCredentialRedactor() =>
        s_providedCredential.Value is { } value ? CredentialRedactor.Create(_credentialHeader ?? "Authorization", value) : null;

    /// <summary>A request whose credential the provider gives when it is sent (it carries its URL template always: it is a request of its own type anyway).</summary>
    private sealed class ProvidedCredentialRequest : TracedRequest
    {
        public ProvidedCredentialRequest(HttpMethod method, Uri uri, string? template, ApiCredential? credential = null)
            : base(method, uri, template) => Credential = credential;

        /// <summary>The named scheme whose provider gives the credential, or <see langword="null"/> for the service's one scheme.</summary>
        public ApiCredential? Credential { get; }
    }
}
