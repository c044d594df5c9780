using EndpointGen.Generator.Model;

namespace EndpointGen.Generator.Emitting;

/// <content>
/// Other hosts, server-given URLs and credential providers: the options of each server and of the provider, the
/// runner settings that carry them, and where an endpoint's method starts its URL and whether its request carries
/// the credential.
/// </content>
internal static partial class ClientEmitter
{
    private const string CredentialProviderType =
        "global::System.Func<global::System.Threading.CancellationToken, global::System.Threading.Tasks.ValueTask<string?>>";

    /// <summary>The options' credential provider, and each server's template, address and builder.</summary>
    private static void EmitHostOptions(SourceWriter w, ServiceSpec service)
    {
        switch (service.Auth?.Scheme)
        {
            case AuthScheme.Bearer:
                w.WriteLine($$"""
                    /// <summary>
                    /// Gives the bearer token on each request, for tokens that expire or rotate; instead of <see cref="Token"/>, set one of them.
                    /// Called before every request to the service's own origins (its redirects within them reuse the value). A <see langword="null"/>
                    /// or empty token sends none; what the provider throws ends the call as it is. Cache tokens in it: it is not cached here.
                    /// </summary>
                    public {{CredentialProviderType}}? TokenProvider { get; set; }

                    """);
                break;
            case AuthScheme.ApiKey:
                w.WriteLine($$"""
                    /// <summary>
                    /// Gives the API key on each request, for keys that rotate; instead of <see cref="ApiKey"/>, set one of them.
                    /// Called before every request to the service's own origins (its redirects within them reuse the value). A <see langword="null"/>
                    /// or empty key sends none; what the provider throws ends the call as it is.
                    /// </summary>
                    public {{CredentialProviderType}}? ApiKeyProvider { get; set; }

                    """);
                break;
        }

        EmitSchemeOptions(w, service);
        foreach (var server in service.Servers)
        {
            var prefix = server.PropertyPrefix;
            var name = Code.DocText(server.Name);
            var fallback = server.Placeholders.Count == 0
                ? $"When unset, <see cref=\"{prefix}BaseUrlTemplate\"/>."
                : $"Required: build it with <see cref=\"Create{prefix}BaseAddress\"/>.";
            w.WriteLine($$"""
                /// <summary>The <c>{{name}}</c> server's URL as the vendor documents it: <c>{{Code.DocText(server.Url)}}</c>.</summary>
                public const string {{prefix}}BaseUrlTemplate = {{Code.Literal(server.Url)}};

                /// <summary>The absolute base address of the <c>{{name}}</c> server, for the endpoints that name it; paths are appended to its path. {{fallback}}</summary>
                public global::System.Uri? {{prefix}}BaseAddress { get; set; }

                """);
            if (server.Placeholders.Count > 0)
            {
                EmitCreateBaseAddress(w, server.Placeholders, prefix + "BaseUrlTemplate", "Create" + prefix + "BaseAddress", server.Name);
            }
        }
    }

    /// <summary>The servers' addresses and whether a provider is set, as the options' <c>ToString()</c> shows them.</summary>
    private static void WriteHostsToString(SourceWriter w, ServiceSpec service)
    {
        var provider = service.Auth?.Scheme switch
        {
            AuthScheme.Bearer => "TokenProvider",
            AuthScheme.ApiKey => "ApiKeyProvider",
            _ => null,
        };
        if (provider is not null)
        {
            w.Write($$""" + ", " + "{{provider}} = " + ({{provider}} is null ? "(unset)" : "(set)")""");
        }

        WriteSchemesToString(w, service);

        foreach (var server in service.Servers)
        {
            w.Write($$""" + ", " + "{{server.PropertyPrefix}}BaseAddress = " + {{Runtime}}.ApiUrl.Display({{server.PropertyPrefix}}BaseAddress)""");
        }
    }

    /// <summary>The runner settings of the credential provider and the servers, inside the settings' initializer.</summary>
    private static void EmitHostSettings(SourceWriter w, ServiceSpec service, ServiceNames names)
    {
        switch (service.Auth?.Scheme)
        {
            case AuthScheme.Bearer:
                w.WriteLine("""
                    CredentialProvider = options.TokenProvider,
                    CredentialScheme = "Bearer",
                    """);
                break;
            case AuthScheme.ApiKey:
                w.WriteLine("CredentialProvider = options.ApiKeyProvider,");
                break;
        }

        EmitSchemeSettings(w, service);

        if (service.Servers.Count == 0)
        {
            return;
        }

        w.WriteLine("Servers = new global::System.Collections.Generic.KeyValuePair<string, global::System.Uri?>[]");
        w.OpenBlock();
        foreach (var server in service.Servers)
        {
            var property = server.PropertyPrefix + "BaseAddress";
            var fallback = server.Placeholders.Count == 0
                ? $" ?? new global::System.Uri({names.Options}.{server.PropertyPrefix}BaseUrlTemplate, global::System.UriKind.Absolute)"
                : string.Empty;
            w.WriteLine($"new({Code.Literal(property)}, options.{property}{fallback}),");
        }

        w.CloseBlock(",");
    }

    /// <summary>The first argument of an endpoint whose URL the server gave.</summary>
    /// <summary>Writes the <c>url</c> argument of an endpoint called with a server-given URL; returns the separator the next argument needs.</summary>
    private static string WriteUrlArgument(SourceWriter w, EndpointSpec endpoint)
    {
        if (endpoint.Target?.GivenUrl == true)
        {
            w.Write("global::System.Uri url");
            return ", ";
        }

        return string.Empty;
    }

    private static void EmitUrlArgumentDoc(SourceWriter w, ServiceSpec service, EndpointSpec endpoint)
    {
        if (endpoint.Target?.GivenUrl != true)
        {
            return;
        }

        var credential = !SendsCredential(service, endpoint)
            ? "Its header parameters go with it only to the service's own origins."
            : "The credential and header parameters go with it only to the service's own origins (its base URL and servers), never to another host.";
        w.WriteLine($"/// <param name=\"url\">The absolute URL the server gave, such as a next page or a presigned upload: https (plain http only to loopback, or with <c>AllowInsecureHttp</c>), without user-info. Query parameters are added after its own query. {credential}</param>");
    }

    /// <summary>Starts the method's URL builder at its base address, its server's or the given URL, and names the local holding it.</summary>
    private static string EmitStartUrl(SourceWriter w, EndpointSpec endpoint)
    {
        // A page after the first of a nextUrl endpoint starts at the URL its previous page gave.
        var next = endpoint.Pagination?.Style == PaginationStyle.NextUrl;
        switch (endpoint.Target)
        {
            case { GivenUrl: true }:
                // The argument is 'url', so the builder takes another name.
                w.WriteLine(next ? "var target = _runner.CreateUrl(nextUrl ?? url);" : "var target = _runner.CreateUrl(url);");
                return "target";
            case { Server: >= 0 } target:
                var server = target.Server.ToString(System.Globalization.CultureInfo.InvariantCulture);
                w.WriteLine(next ? $"var url = nextUrl is null ? _runner.CreateUrl({server}) : _runner.CreateUrl(nextUrl);" : $"var url = _runner.CreateUrl({server});");
                return "url";
            default:
                w.WriteLine(next ? "var url = nextUrl is null ? _runner.CreateUrl() : _runner.CreateUrl(nextUrl);" : "var url = _runner.CreateUrl();");
                return "url";
        }
    }

    /// <summary>
    /// Creates the request, with the credential unless the endpoint says <c>auth: none</c> or its given URL is on
    /// another origin; for a given URL with header parameters, opens the block that adds them on the service's own
    /// origins only.
    /// </summary>
    /// <returns>Whether a block was opened, which the caller closes after the header parameters.</returns>
    private static bool EmitCreateRequest(SourceWriter w, EndpointSpec endpoint, string url)
    {
        var method = HttpMethod(endpoint.Method);
        var target = endpoint.Target ?? TargetSpec.Default;

        // The path as written (a given URL's is "{url}"): the URL template of the call's activity, a constant string.
        var template = Code.Literal(endpoint.Path);
        var next = endpoint.Pagination?.Style == PaginationStyle.NextUrl;
        if (!target.GivenUrl && !next)
        {
            var credential = target.NoAuth ? "credential: false, " : target.Scheme >= 0 ? SchemeArgument(target, null) + ", " : string.Empty;
            w.WriteLine($"var request = _runner.CreateRequest({method}, {url}.ToUri(), {credential}{template});");
            return false;
        }

        var headers = endpoint.HeaderParameters.Count > 0;
        if (target.NoAuth && !headers)
        {
            w.WriteLine($"var request = _runner.CreateRequest({method}, {url}.ToUri(), credential: false, {template});");
            return false;
        }

        w.WriteLine($$"""
            var uri = {{url}}.ToUri();
            var own = {{(target.GivenUrl ? "_runner.IsOwnOrigin(uri)" : "nextUrl is null || _runner.IsOwnOrigin(uri)")}};
            var request = _runner.CreateRequest({{method}}, uri, {{(target.NoAuth ? "credential: false" : target.Scheme >= 0 ? SchemeArgument(target, "own") : "credential: own")}}, {{template}});
            """);
        if (!headers)
        {
            return false;
        }

        w.OpenBlock("if (own)");
        return true;
    }
}
