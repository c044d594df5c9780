using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using EndpointGen.Generator.Diagnostics;
using EndpointGen.Generator.Model;
using EndpointGen.Generator.Parsing.Yaml;

namespace EndpointGen.Generator.Parsing;

/// <content>The <c>service</c> mapping: name, namespace, base URL, auth, default headers and the error body.</content>
internal sealed partial class DescriptorReader
{
    private static readonly string[] s_serviceKeys = { "name", "namespace", "description", "baseUrl", "auth", "headers", "error", "servers" };
    private static readonly string[] s_authKeys = { "scheme", "header", "description" };
    private static readonly string[] s_errorKeys = { "type", "message", "inSuccess" };
    private static readonly string[] s_serviceRequired = { "name", "baseUrl" };
    private static readonly string[] s_schemeRequired = { "scheme" };
    private static readonly char[] s_headerValueBreaks = { '\r', '\n', '\0' };

    private ServiceHeader? ReadServiceHeader(YamlNode? node)
    {
        var map = AsMapping(node, "service");
        if (map is null)
        {
            return null;
        }

        var keys = ReadKeys(map, "service", s_serviceKeys, s_serviceRequired);
        var name = Identifier(keys.Get("name"), "service name");
        _nameLocation = keys.Get("name")?.Location;
        _namespaceLocation = keys.Get("namespace")?.Location;
        var ns = String(keys.Get("namespace"), "namespace");
        if (ns is not null && Naming.NamespaceProblem(ns) is { } problem)
        {
            Report(DiagnosticDescriptors.InvalidIdentifier, keys.Get("namespace")!.Location, "namespace", Naming.Visible(ns), problem);
            ns = null;
        }

        var baseUrl = String(keys.Get("baseUrl"), "baseUrl");
        var placeholders = baseUrl is null ? new List<PlaceholderSpec>() : ReadBaseUrl(baseUrl, keys.Get("baseUrl")!);
        _servers = ReadServers(keys.Get("servers"));
        var auth = ReadAuth(keys.Get("auth"));
        var headers = ReadDefaultHeaders(keys.Get("headers"));
        var description = OptionalText(keys.Get("description"), "description");

        if (name is null || (ns is null && keys.Get("namespace") is not null) || baseUrl is null || placeholders is null)
        {
            return null;
        }

        return new ServiceHeader(name, ns, description, baseUrl, placeholders, auth, headers, keys.Get("error"));
    }

    /// <summary>Checks a base URL template (<c>baseUrl</c>, or a server's under <paramref name="key"/>) and reads its placeholders.</summary>
    private List<PlaceholderSpec>? ReadBaseUrl(string baseUrl, YamlNode node, string key = "baseUrl")
    {
        var placeholders = new List<PlaceholderSpec>();
        foreach (Match match in s_placeholder.Matches(baseUrl))
        {
            var placeholder = match.Groups[1].Value;
            if (CSharpName(placeholder, node.Location, "base URL placeholder") is not { } pascal)
            {
                return null;
            }

            if (placeholders.Exists(p => p.Name == placeholder))
            {
                continue;
            }

            // CreateBaseAddress takes one argument per placeholder, beside its own local 'url'.
            var argument = Naming.ToCamelCase(pascal);
            var clash = argument == "url" ? "is a local of the generated CreateBaseAddress"
                : placeholders.Find(p => p.ArgumentName == argument) is { } other ? $"the placeholder '{other.Name}' becomes too"
                : null;
            if (clash is not null)
            {
                Report(DiagnosticDescriptors.NameCollision, node.Location, "base URL placeholder", placeholder, argument, clash);
                return null;
            }

            placeholders.Add(new PlaceholderSpec(placeholder, argument));
        }

        var sample = s_placeholder.Replace(baseUrl, "x");
        if (sample.IndexOf('{') >= 0 || sample.IndexOf('}') >= 0 ||
            !Uri.TryCreate(sample, UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) ||
            uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            Report(DiagnosticDescriptors.InvalidValue, node.Location, key, $"'{baseUrl}' is not an absolute http or https URL without query or fragment");
            return null;
        }

        return placeholders;
    }

    private AuthSpec? ReadAuth(YamlNode? node)
    {
        if (node is null)
        {
            return null;
        }

        var map = AsMapping(node, "auth");
        if (map is null)
        {
            return null;
        }

        if (HasKey(map, "schemes"))
        {
            ReadNamedSchemes(map);
            return null;
        }

        return ReadScheme(map, "auth");
    }

    /// <summary>Reads one scheme: <c>service.auth</c> itself, or one of its named <c>schemes</c> (<paramref name="context"/> names which).</summary>
    private AuthSpec? ReadScheme(YamlMapping map, string context)
    {
        var keys = ReadKeys(map, context, s_authKeys, s_schemeRequired);
        var schemeText = String(keys.Get("scheme"), "scheme");
        var header = String(keys.Get("header"), "header");
        var description = OptionalText(keys.Get("description"), "description");
        AuthScheme scheme;
        switch (schemeText)
        {
            case null:
                return null;
            case "basic":
                scheme = AuthScheme.Basic;
                break;
            case "bearer":
                scheme = AuthScheme.Bearer;
                break;
            case "apiKey":
                scheme = AuthScheme.ApiKey;
                break;
            default:
                Report(DiagnosticDescriptors.InvalidValue, keys.Get("scheme")!.Location, "scheme", $"'{schemeText}' is not one of basic, bearer, apiKey");
                return null;
        }

        if (scheme == AuthScheme.ApiKey && header is null)
        {
            Report(DiagnosticDescriptors.MissingKey, map.Location, "header", context + " with scheme apiKey");
            return null;
        }

        if (scheme != AuthScheme.ApiKey && keys.Get("header") is { } headerNode)
        {
            Report(DiagnosticDescriptors.InvalidValue, headerNode.Location, "header", "only the apiKey scheme takes a header name");
            return null;
        }

        if (header is not null && !IsHeaderName(header))
        {
            Report(DiagnosticDescriptors.InvalidValue, keys.Get("header")!.Location, "header", $"'{header}' is not a valid HTTP header name");
            return null;
        }

        return new AuthSpec(scheme, header, description);
    }

    private List<HeaderSpec> ReadDefaultHeaders(YamlNode? node)
    {
        var headers = new List<HeaderSpec>();
        var map = node is null ? null : AsMapping(node, "headers");
        if (map is null)
        {
            return headers;
        }

        foreach (var entry in UniqueEntries(map, "header"))
        {
            var value = String(entry.Value, entry.Key.Value);
            if (!IsHeaderName(entry.Key.Value))
            {
                Report(DiagnosticDescriptors.InvalidValue, entry.Key.Location, "headers", $"'{entry.Key.Value}' is not a valid HTTP header name");
            }
            else if (value is not null && value.IndexOfAny(s_headerValueBreaks) >= 0)
            {
                Report(DiagnosticDescriptors.InvalidValue, entry.Value.Location, entry.Key.Value, "a header value must not contain line breaks");
            }
            else if (value is not null)
            {
                headers.Add(new HeaderSpec(entry.Key.Value, value));
            }
        }

        return headers;
    }

    private ErrorSpec? ReadError(YamlNode? node, List<DeclaredType> types)
    {
        if (node is null)
        {
            return null;
        }

        var map = AsMapping(node, "error");
        if (map is null)
        {
            return null;
        }

        var keys = ReadKeys(map, "error", s_errorKeys, s_typeRequired);
        var typeNode = keys.Get("type");
        var type = TypeOf(typeNode, "error type");
        if (type is null)
        {
            return null;
        }

        if (type.Kind != TypeKind.Object || IsUnion(type))
        {
            Report(DiagnosticDescriptors.InvalidTypeUse, typeNode!.Location, type.Display, "as the error body; it must be an object type declared under 'types'" + (IsUnion(type) ? ", and a union is not one" : string.Empty));
            return null;
        }

        if (!IsJsonAnswer(type, typeNode!, "as the error body"))
        {
            return null;
        }

        var inSuccess = ReadErrorInSuccess(keys.Get("inSuccess"), type, types);
        var steps = new List<MessageStep>();
        var messageNode = keys.Get("message");
        var message = String(messageNode, "message");
        if (message is null)
        {
            return new ErrorSpec(type.Name!, steps.ToEquatableArray()) { InSuccess = inSuccess };
        }

        TypeRef current = type;
        foreach (var part in message.Split('.'))
        {
            var owner = current.Kind == TypeKind.Object ? types.FirstOrDefault(t => t.Spec.Name == current.Name && !t.Spec.IsEnum) : null;
            var field = owner?.Spec.Fields.FirstOrDefault(f => f.JsonName == part);
            if (field is null)
            {
                Report(DiagnosticDescriptors.InvalidValue, messageNode!.Location, "message", $"'{part}' is not a field of {current.Display}");
                return null;
            }

            var isArray = field.Type.Kind == TypeKind.Array;
            steps.Add(new MessageStep(field.PropertyName, isArray, field.ThreeState));
            current = isArray ? field.Type.Element! : field.Type;
        }

        if (current.Kind != TypeKind.String)
        {
            Report(DiagnosticDescriptors.InvalidValue, messageNode!.Location, "message", $"the path ends at {current.Display}; it must end at a string field");
            return null;
        }

        return new ErrorSpec(type.Name!, steps.ToEquatableArray()) { InSuccess = inSuccess };
    }

    private sealed record ServiceHeader(
        string Name,
        string? Namespace,
        string? Description,
        string BaseUrl,
        List<PlaceholderSpec> Placeholders,
        AuthSpec? Auth,
        List<HeaderSpec> Headers,
        YamlNode? ErrorNode);
}
