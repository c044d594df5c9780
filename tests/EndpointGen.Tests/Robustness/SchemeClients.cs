using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;

namespace EndpointGen.Tests.Robustness;

/// <summary>
/// One test descriptor compiled once for each auth scheme (API key, bearer, Basic), with the credential the tests
/// give each, so that a test can ask of every scheme what reached a server or an exception. A class fixture.
/// </summary>
public abstract class SchemeClients : IDisposable
{
    // Slashes, plus signs and '>' make JSON and URLs encode the secrets in more than one way.
    public const string ApiKey = "key-0f5e/1c2a+9b";
    public const string Token = "token-77ad/90c3+e1";
    public const string User = "user";
    public const string Password = "pa55/w+rd?>";

    private readonly Dictionary<string, DynamicClient> _clients = new();
    private readonly string _namespace;
    private readonly string _service;

    /// <param name="namespacePrefix">The namespace of the generated clients, before the scheme's name.</param>
    /// <param name="service">The service name in the descriptor.</param>
    /// <param name="descriptor">The descriptor, from the namespace and the <c>auth:</c> line to put in it.</param>
    /// <param name="withDependencyInjection">Whether to compile with Microsoft.Extensions.Http.</param>
    protected SchemeClients(string namespacePrefix, string service, Func<string, string, string> descriptor, bool withDependencyInjection = false)
    {
        _namespace = namespacePrefix;
        _service = service;
        foreach (var (scheme, auth) in new[] { ("apiKey", "auth: { scheme: apiKey, header: X-Api-Key }"), ("bearer", "auth: { scheme: bearer }"), ("basic", "auth: { scheme: basic }") })
        {
            _clients[scheme] = DynamicClient.Compile(descriptor(Namespace(scheme), auth), withDependencyInjection);
        }
    }

    public static IReadOnlyList<string> Schemes { get; } = new[] { "apiKey", "bearer", "basic" };

    public DynamicClient this[string scheme] => _clients[scheme];

    /// <summary>The header value the scheme sends.</summary>
    public static string CredentialHeaderValue(string scheme) => scheme switch
    {
        "apiKey" => ApiKey,
        "bearer" => "Bearer " + Token,
        _ => "Basic " + Basic,
    };

    /// <summary>The secrets the scheme sends, as they are, which must reach nothing but the base address's origin.</summary>
    public static IReadOnlyList<string> Secrets(string scheme) => scheme switch
    {
        "apiKey" => new[] { ApiKey },
        "bearer" => new[] { Token },
        _ => new[] { Password, Basic },
    };

    private static string Basic => Convert.ToBase64String(Encoding.UTF8.GetBytes(User + ":" + Password));

    /// <summary>The namespace of the scheme's client.</summary>
    public string Namespace(string scheme) => _namespace + "." + char.ToUpperInvariant(scheme[0]) + scheme[1..];

    /// <summary>Sets the scheme's credential on a client options object.</summary>
    public static void SetCredential(dynamic options, string scheme)
    {
        switch (scheme)
        {
            case "apiKey":
                options.ApiKey = ApiKey;
                break;
            case "bearer":
                options.Token = Token;
                break;
            default:
                options.Username = User;
                options.Password = Password;
                break;
        }
    }

    /// <summary>The scheme's options, with its credential and what <paramref name="configure"/> sets.</summary>
    public object Options(string scheme, Action<dynamic> configure) => this[scheme].Options(ServiceType(scheme), options =>
    {
        SetCredential(options, scheme);
        configure(options);
    });

    /// <summary>The scheme's client over an HttpClient, with its credential and what <paramref name="configure"/> sets.</summary>
    public object Client(string scheme, HttpClient httpClient, Action<dynamic> configure) =>
        this[scheme].Client(ServiceType(scheme), httpClient, Options(scheme, configure));

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    private string ServiceType(string scheme) => Namespace(scheme) + "." + _service;
}
