using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace EndpointGen.Runtime;

/// <summary>
/// One of a service's named credential schemes (<c>service.auth.schemes</c>), as the client options set it: the
/// header it goes in, and its fixed value or its provider. For generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiCredential
{
    /// <summary>The scheme's name in the descriptor, as messages show it.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The header carrying the credential (<c>Authorization</c>, or an API key's header).</summary>
    public string Header { get; set; } = string.Empty;

    /// <summary>The fixed header value; <see langword="null"/> sends none (unless <see cref="Provider"/> is set).</summary>
    public string? Value { get; set; }

    /// <summary>Gives the credential on each request, instead of the fixed <see cref="Value"/>; <see langword="null"/> or empty from it sends none.</summary>
    public Func<CancellationToken, ValueTask<string?>>? Provider { get; set; }

    /// <summary>The <c>Authorization</c> scheme a provided credential is sent with (<c>Bearer</c>), or <see langword="null"/> to send it as given (an API key).</summary>
    public string? ProviderScheme { get; set; }
}

/// <content>The named credential schemes of a service that has more than one.</content>
public sealed partial class ApiRunnerSettings
{
    /// <summary>
    /// The service's named credential schemes, in the descriptor's order (an endpoint's request names its scheme by
    /// position); <see langword="null"/> when the service has one scheme (<see cref="CredentialHeader"/>) or none.
    /// </summary>
    public IReadOnlyList<ApiCredential>? Credentials { get; set; }
}

/// <content>Named credential schemes: each request carries its endpoint's scheme, and every fixed credential is masked.</content>
public sealed partial class ApiRequestRunner<TError>
{
    private readonly ApiCredential[] _schemes;

    /// <summary>A request with the service's default headers and the credential of one of its named schemes.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="uri">The absolute request URI.</param>
    /// <param name="scheme">
    /// The scheme's position under <c>service.auth.schemes</c>, or -1 for no credential (a URL the server gave on an
    /// origin that is not the service's own).
    /// </param>
    /// <param name="template">The endpoint's path as the descriptor writes it (<c>chats/{id}</c>), for the call's activity; never sent.</param>
    /// <returns>The request; <see cref="SendAsync{T}"/> and <see cref="SendAsync"/> dispose it, and ask the scheme's provider for its credential when it has one.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The service has no such scheme.</exception>
    public HttpRequestMessage CreateRequest(HttpMethod method, Uri uri, int scheme, string? template = null)
    {
        if (scheme < 0)
        {
            return CreateRequest(method, uri, credential: false, template);
        }

        if (scheme >= _schemes.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(scheme));
        }

        var credential = _schemes[scheme];
        var request = credential.Provider is null ? NewRequest(method, uri, template) : new ProvidedCredentialRequest(method, uri, template, credential);
        AddDefaultHeaders(request);
        if (credential.Provider is null && credential.Value is not null)
        {
            ApiRequest.AddHeader(request, credential.Header, credential.Value);
        }

        return request;
    }

    /// <summary>The named schemes, each checked to set a fixed value or a provider, not both.</summary>
    private static ApiCredential[] SchemesOf(ApiRunnerSettings settings)
    {
        if (settings.Credentials is not { Count: > 0 } credentials)
        {
            return s_noSchemes;
        }

        var schemes = new ApiCredential[credentials.Count];
        for (var i = 0; i < schemes.Length; i++)
        {
            var credential = credentials[i] ?? throw new ArgumentException(settings.Service + " has a null credential scheme.", nameof(settings));
            if (credential.Provider is not null && credential.Value is not null)
            {
                throw new ArgumentException(
                    settings.Service + "ClientOptions sets both a fixed credential and a credential provider of the '" + credential.Name + "' scheme: set one of them.",
                    "options");
            }

            // A copy: the settings object stays the caller's.
            schemes[i] = new ApiCredential { Name = credential.Name, Header = credential.Header, Value = credential.Value, Provider = credential.Provider, ProviderScheme = credential.ProviderScheme };
        }

        return schemes;
    }

    private static readonly ApiCredential[] s_noSchemes = new ApiCredential[0];

    /// <summary>One redactor for every fixed credential of the named schemes: a failure shows none of them, whichever scheme its call carried.</summary>
    private static CredentialRedactor? SchemesRedactor(ApiCredential[] schemes)
    {
        if (schemes.Length == 0)
        {
            return null;
        }

        var credentials = new List<KeyValuePair<string, string?>>(schemes.Length);
        foreach (var scheme in schemes)
        {
            credentials.Add(new(scheme.Header, scheme.Value));
        }

        return CredentialRedactor.Create(credentials);
    }
}
