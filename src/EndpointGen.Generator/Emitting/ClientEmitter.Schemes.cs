using System.Globalization;
using EndpointGen.Generator.Model;

namespace EndpointGen.Generator.Emitting;

/// <content>
/// Named credential schemes (<c>service.auth.schemes</c>): each scheme's options, named after it
/// (<c>UserToken</c>, <c>AdminApiKeyProvider</c>), the runner's credential list they fill, and the scheme an endpoint's
/// request carries. A service whose <c>auth</c> is one scheme emits none of this.
/// </content>
internal static partial class ClientEmitter
{
    private const string ProviderRemarks =
        "Called before every request of its endpoints to the service's own origins (their redirects within them reuse the value). A <see langword=\"null\"/> or empty value sends none; what the provider throws ends the call as it is.";

    /// <summary>Each named scheme's options: its fixed credential, and for bearer and apiKey its provider.</summary>
    private static void EmitSchemeOptions(SourceWriter w, ServiceSpec service)
    {
        foreach (var named in service.Schemes)
        {
            var prefix = named.PropertyPrefix;
            var name = named.Name;
            switch (named.Auth.Scheme)
            {
                case AuthScheme.Basic:
                    w.WriteLine($"/// <summary>The user name for HTTP Basic authentication of the <c>{Code.DocText(name)}</c> scheme.</summary>");
                    EmitSchemeRemarks(w, named);
                    w.WriteLine($$"""
                        public string? {{prefix}}Username { get; set; }

                        /// <summary>The password for HTTP Basic authentication of the <c>{{Code.DocText(name)}}</c> scheme.</summary>
                        public string? {{prefix}}Password { get; set; }

                        """);
                    break;
                case AuthScheme.Bearer:
                    w.WriteLine($"/// <summary>The bearer token of the <c>{Code.DocText(name)}</c> scheme, sent in the <c>Authorization</c> header.</summary>");
                    EmitSchemeRemarks(w, named);
                    w.WriteLine($$"""
                        public string? {{prefix}}Token { get; set; }

                        /// <summary>
                        /// Gives the bearer token of the <c>{{Code.DocText(name)}}</c> scheme on each request, for tokens that expire or rotate; instead of <see cref="{{prefix}}Token"/>, set one of them.
                        /// {{ProviderRemarks}} Cache tokens in it: it is not cached here.
                        /// </summary>
                        public {{CredentialProviderType}}? {{prefix}}TokenProvider { get; set; }

                        """);
                    break;
                case AuthScheme.ApiKey:
                    w.WriteLine($"/// <summary>The API key of the <c>{Code.DocText(name)}</c> scheme, sent in the <c>{Code.DocText(named.Auth.HeaderName!)}</c> header.</summary>");
                    EmitSchemeRemarks(w, named);
                    w.WriteLine($$"""
                        public string? {{prefix}}ApiKey { get; set; }

                        /// <summary>
                        /// Gives the API key of the <c>{{Code.DocText(name)}}</c> scheme on each request, for keys that rotate; instead of <see cref="{{prefix}}ApiKey"/>, set one of them.
                        /// {{ProviderRemarks}}
                        /// </summary>
                        public {{CredentialProviderType}}? {{prefix}}ApiKeyProvider { get; set; }

                        """);
                    break;
            }
        }
    }

    /// <summary>The scheme's <c>description</c>, when it has one, as the remarks of its first option.</summary>
    private static void EmitSchemeRemarks(SourceWriter w, SchemeSpec named)
    {
        if (named.Auth.Description is { } description)
        {
            w.WriteLine($"/// <remarks>{Code.DocText(description)}</remarks>");
        }
    }

    /// <summary>Each named scheme's options as <c>ToString()</c> shows them: secrets as <c>***</c>, providers as set or unset.</summary>
    private static void WriteSchemesToString(SourceWriter w, ServiceSpec service)
    {
        foreach (var named in service.Schemes)
        {
            var prefix = named.PropertyPrefix;
            switch (named.Auth.Scheme)
            {
                case AuthScheme.Basic:
                    w.Write($$""" + ", " + "{{prefix}}Username = " + ({{prefix}}Username is null ? "(unset)" : {{prefix}}Username) + ", " + "{{prefix}}Password = " + ({{prefix}}Password is null ? "(unset)" : "***")""");
                    break;
                case AuthScheme.Bearer:
                    w.Write($$""" + ", " + "{{prefix}}Token = " + ({{prefix}}Token is null ? "(unset)" : "***") + ", " + "{{prefix}}TokenProvider = " + ({{prefix}}TokenProvider is null ? "(unset)" : "(set)")""");
                    break;
                case AuthScheme.ApiKey:
                    w.Write($$""" + ", " + "{{prefix}}ApiKey = " + ({{prefix}}ApiKey is null ? "(unset)" : "***") + ", " + "{{prefix}}ApiKeyProvider = " + ({{prefix}}ApiKeyProvider is null ? "(unset)" : "(set)")""");
                    break;
            }
        }
    }

    /// <summary>The runner's credentials, one per named scheme in the descriptor's order, inside the settings' initializer.</summary>
    private static void EmitSchemeSettings(SourceWriter w, ServiceSpec service)
    {
        if (service.Schemes.Count == 0)
        {
            return;
        }

        w.WriteLine($"Credentials = new {Runtime}.ApiCredential[]");
        w.OpenBlock();
        foreach (var named in service.Schemes)
        {
            var prefix = named.PropertyPrefix;
            var name = Code.Literal(named.Name);
            switch (named.Auth.Scheme)
            {
                case AuthScheme.Basic:
                    w.WriteLine($"new() {{ Name = {name}, Header = \"Authorization\", Value = {Runtime}.ApiRequest.BasicAuthorization(options.{prefix}Username, options.{prefix}Password) }},");
                    break;
                case AuthScheme.Bearer:
                    w.WriteLine($"new() {{ Name = {name}, Header = \"Authorization\", Value = {Runtime}.ApiRequest.BearerAuthorization(options.{prefix}Token), Provider = options.{prefix}TokenProvider, ProviderScheme = \"Bearer\" }},");
                    break;
                case AuthScheme.ApiKey:
                    w.WriteLine($"new() {{ Name = {name}, Header = {Code.Literal(named.Auth.HeaderName!)}, Value = options.{prefix}ApiKey, Provider = options.{prefix}ApiKeyProvider }},");
                    break;
            }
        }

        w.CloseBlock(",");
    }

    /// <summary>Whether an endpoint's requests carry a credential at all (on the service's own origins).</summary>
    private static bool SendsCredential(ServiceSpec service, EndpointSpec endpoint) =>
        !(endpoint.Target?.NoAuth ?? false) && (service.Auth is not null || endpoint.Target is { Scheme: >= 0 });

    /// <summary>The <c>scheme:</c> argument of <c>CreateRequest</c> for an endpoint of a service with named schemes; <paramref name="own"/> guards a given URL.</summary>
    private static string SchemeArgument(TargetSpec target, string? own)
    {
        var index = target.Scheme.ToString(CultureInfo.InvariantCulture);
        return own is null ? "scheme: " + index : $"scheme: {own} ? {index} : -1";
    }
}
