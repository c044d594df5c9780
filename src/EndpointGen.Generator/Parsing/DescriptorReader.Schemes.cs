using System.Collections.Generic;
using System.Linq;
using EndpointGen.Generator.Diagnostics;
using EndpointGen.Generator.Model;
using EndpointGen.Generator.Parsing.Yaml;

namespace EndpointGen.Generator.Parsing;

/// <content>
/// Named credential schemes: <c>service.auth: { default: name, schemes: { name: { scheme, header, description } } }</c>,
/// and the scheme an endpoint's <c>auth</c> names.
/// </content>
internal sealed partial class DescriptorReader
{
    private static readonly string[] s_namedAuthKeys = { "default", "schemes" };

    // The schemes read from service.auth.schemes, for the endpoints that name one (the service is read before them).
    private readonly List<SchemeSpec> _schemes = new();

    // Every scheme name written, read or not: an endpoint naming one that was in error is not reported again.
    private readonly HashSet<string> _schemeNames = new(System.StringComparer.Ordinal);

    // Whether service.auth has named schemes, and which one an endpoint that names none uses (-1: none).
    // Without a readable 'schemes' mapping (reported), no name is reported as unknown: every one would be.
    private bool _namedSchemes;
    private bool _schemesUnreadable;
    private int _defaultScheme = -1;

    /// <summary>
    /// Reads <c>service.auth</c> with named <c>schemes</c> and its <c>default</c> (a scheme's name or <c>none</c>),
    /// each scheme checked as a single <c>auth</c> is, and their C# names checked for collisions.
    /// </summary>
    private void ReadNamedSchemes(YamlMapping map)
    {
        _namedSchemes = true;
        var keys = ReadKeys(map, "auth", s_namedAuthKeys, s_namedAuthKeys);
        var schemesMap = AsMapping(keys.Get("schemes"), "schemes");
        _schemesUnreadable = schemesMap is null;
        if (schemesMap is { Entries.Length: 0 })
        {
            Report(DiagnosticDescriptors.InvalidValue, schemesMap.Location, "schemes", "declare at least one scheme, or write the one scheme as service.auth itself");
        }
        else if (schemesMap is not null)
        {
            ReadSchemeEntries(schemesMap);
        }

        var defaultNode = keys.Get("default");
        if (String(defaultNode, "default") is { } defaultName && defaultName != "none")
        {
            _defaultScheme = _schemes.FindIndex(s => s.Name == defaultName);
            if (_defaultScheme < 0 && !_schemeNames.Contains(defaultName) && !_schemesUnreadable)
            {
                Report(DiagnosticDescriptors.InvalidValue, defaultNode!.Location, "default", $"'{defaultName}' is not a scheme under 'schemes': {KnownSchemes()} (or 'none' for no credential)");
            }
        }
    }

    /// <summary>Reads the entries of <c>service.auth.schemes</c>, reporting a reserved name and names that collide in C#.</summary>
    private void ReadSchemeEntries(YamlMapping schemesMap)
    {
        var prefixes = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var entry in UniqueEntries(schemesMap, "scheme"))
        {
            var name = entry.Key.Value;
            _schemeNames.Add(name);
            if (name == "none")
            {
                Report(DiagnosticDescriptors.InvalidValue, entry.Key.Location, "schemes", "'none' is what an endpoint writes to send no credential; give the scheme another name");
                continue;
            }

            var prefix = CSharpName(name, entry.Key.Location, "auth scheme name");
            var scheme = AsMapping(entry.Value, name) is { } schemeMap ? ReadScheme(schemeMap, "auth scheme '" + name + "'") : null;
            if (prefix is null || scheme is null)
            {
                continue;
            }

            if (prefixes.TryGetValue(prefix, out var same))
            {
                Report(DiagnosticDescriptors.NameCollision, entry.Key.Location, "auth scheme", name, prefix, $"the scheme '{same}' becomes too");
                continue;
            }

            // Distinct prefixes give distinct options: every property is the prefix and one of six suffixes
            // (Token, TokenProvider, ApiKey, ApiKeyProvider, Username, Password), none of which ends another, and
            // none ends as the options' other members do (BaseAddress, BaseUrlTemplate, ...).
            prefixes.Add(prefix, name);
            _schemes.Add(new SchemeSpec(name, prefix, scheme));
        }
    }

    private string KnownSchemes() => _schemes.Count == 0 ? "it declares none" : "it declares " + string.Join(", ", _schemes.Select(s => s.Name));

    /// <summary>
    /// The scheme an endpoint's <c>auth</c> names on a service with named schemes: its position, or -1 after
    /// reporting an unknown name (a scheme that was in error is not reported again).
    /// </summary>
    private int ReadEndpointScheme(string name, YamlNode node)
    {
        var index = _schemes.FindIndex(s => s.Name == name);
        if (index < 0 && !_schemeNames.Contains(name) && !_schemesUnreadable)
        {
            Report(DiagnosticDescriptors.InvalidValue, node.Location, "auth", $"'{name}' is not a scheme of the service: service.auth.schemes {KnownSchemes().Substring("it ".Length)}; 'none' sends no credential");
        }

        return index;
    }
}
