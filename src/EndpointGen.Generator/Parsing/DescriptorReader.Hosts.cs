using System.Collections.Generic;
using System.Linq;
using EndpointGen.Generator.Diagnostics;
using EndpointGen.Generator.Model;
using EndpointGen.Generator.Parsing.Yaml;

namespace EndpointGen.Generator.Parsing;

/// <content>
/// Other hosts and server-given URLs: <c>service.servers</c>, and an endpoint's <c>server</c>, <c>url: given</c>
/// and <c>auth</c> keys.
/// </content>
internal sealed partial class DescriptorReader
{
    // The servers read from service.servers, for the endpoints that name one (the service is read before them).
    private List<ServerSpec> _servers = new();

    // Every server name written, read or not: an endpoint naming one that was in error is not reported again.
    private readonly HashSet<string> _serverNames = new(System.StringComparer.Ordinal);

    /// <summary>Reads <c>service.servers</c>: server name → absolute URL template, each checked as <c>baseUrl</c> is.</summary>
    private List<ServerSpec> ReadServers(YamlNode? node)
    {
        var servers = new List<ServerSpec>();
        var map = node is null ? null : AsMapping(node, "servers");
        if (map is null)
        {
            return servers;
        }

        var read = new List<(ServerSpec Server, LocationInfo Location)>();
        var names = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var entry in UniqueEntries(map, "server"))
        {
            _serverNames.Add(entry.Key.Value);
            var prefix = CSharpName(entry.Key.Value, entry.Key.Location, "server name");
            var url = String(entry.Value, entry.Key.Value);
            if (prefix is null || url is null)
            {
                continue;
            }

            if (names.TryGetValue(prefix, out var other))
            {
                Report(DiagnosticDescriptors.NameCollision, entry.Key.Location, "server", entry.Key.Value, prefix + "BaseAddress", $"the server '{other}' becomes too");
                continue;
            }

            names.Add(prefix, entry.Key.Value);
            var placeholders = ReadBaseUrl(url, entry.Value, "servers." + entry.Key.Value);
            if (placeholders is not null)
            {
                read.Add((new ServerSpec(entry.Key.Value, prefix, url, placeholders.ToEquatableArray()), entry.Key.Location));
            }
        }

        // Create<Name>BaseAddress builds a server's address: a server named "create" + another's name (or plain
        // "create", beside the base URL's CreateBaseAddress) would declare a property of that method's name.
        foreach (var (server, location) in read)
        {
            var prefix = server.PropertyPrefix;
            if (prefix.StartsWith("Create", System.StringComparison.Ordinal) && (prefix == "Create" || names.ContainsKey(prefix.Substring("Create".Length))))
            {
                Report(DiagnosticDescriptors.NameCollision, location, "server", server.Name, prefix + "BaseAddress", "is the name of the method that builds another base address");
            }
            else
            {
                servers.Add(server);
            }
        }

        return servers;
    }

    /// <summary>
    /// Reads where an endpoint's requests go: <c>path</c> on <c>baseUrl</c>, <c>server</c> + <c>path</c> on another
    /// server, or <c>url: given</c> (the caller passes the absolute URL), and <c>auth</c>: <c>none</c> or one of the
    /// service's named schemes. Reports a missing
    /// <c>path</c>, a <c>path</c> beside <c>url: given</c>, and an unknown server or value.
    /// </summary>
    /// <returns>The target, or <see langword="null"/> after reporting why there is none.</returns>
    private TargetSpec? ReadTarget(YamlMapping map, Phrase subject, YamlNode? path, YamlNode? server, YamlNode? url, YamlNode? auth)
    {
        var ok = true;
        var given = false;
        if (url is not null)
        {
            var text = String(url, "url");
            if (text == "given")
            {
                given = true;
            }
            else if (text is not null)
            {
                Report(DiagnosticDescriptors.InvalidValue, url.Location, "url", $"'{text}' is not 'given'; a path relative to a base URL is written under 'path'");
                ok = false;
            }
            else
            {
                ok = false;
            }

            if (path is not null)
            {
                Report(DiagnosticDescriptors.InvalidValue, path.Location, "path", "an endpoint with 'url: given' is called with the whole URL and has no path; write one of them");
                ok = false;
            }
        }
        else if (path is null)
        {
            Report(DiagnosticDescriptors.MissingKey, map.Location, "path", subject.ToString() + " (or 'url: given')");
            ok = false;
        }

        var index = -1;
        if (server is not null && String(server, "server") is { } name)
        {
            index = _servers.FindIndex(s => s.Name == name);
            if (given)
            {
                Report(DiagnosticDescriptors.InvalidValue, server.Location, "server", "a given URL names its own host; 'server' goes with 'path'");
                ok = false;
            }
            else if (index < 0 && !_serverNames.Contains(name))
            {
                var known = _servers.Count == 0 ? "service.servers declares none" : "service.servers declares " + string.Join(", ", _servers.Select(s => s.Name));
                Report(DiagnosticDescriptors.InvalidValue, server.Location, "server", $"'{name}' is not a server of the service: {known}");
                ok = false;
            }
            else if (index < 0)
            {
                ok = false;
            }
        }
        else if (server is not null)
        {
            ok = false;
        }

        var noAuth = _namedSchemes && _defaultScheme < 0;
        var schemeIndex = _namedSchemes ? _defaultScheme : -1;
        if (auth is not null && String(auth, "auth") is { } scheme)
        {
            if (scheme == "none")
            {
                noAuth = true;
                schemeIndex = -1;
            }
            else if (_namedSchemes)
            {
                schemeIndex = ReadEndpointScheme(scheme, auth);
                noAuth = false;
                ok &= schemeIndex >= 0;
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidValue, auth.Location, "auth", $"'{scheme}' names no scheme: an endpoint takes 'auth: none' to send no credential, and the service's auth when it says nothing");
                ok = false;
            }
        }
        else if (auth is not null)
        {
            ok = false;
        }

        if (!ok)
        {
            return null;
        }

        return index < 0 && !given && !noAuth && schemeIndex < 0 ? TargetSpec.Default : new TargetSpec(index, given, noAuth, schemeIndex);
    }
}
