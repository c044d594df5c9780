using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using EndpointGen.Generator.Diagnostics;
using EndpointGen.Generator.Model;
using EndpointGen.Generator.Parsing.Yaml;

namespace EndpointGen.Generator.Parsing;

/// <content>
/// The <c>endpoints</c> mapping: each endpoint's method, its path and the placeholders in it, its path, query and
/// header parameters, its body and its response.
/// </content>
internal sealed partial class DescriptorReader
{
    private static readonly string[] s_endpointKeys = { "method", "path", "summary", "description", "parameters", "body", "response", "server", "url", "auth", "pagination" };
    private static readonly string[] s_parameterGroupKeys = { "path", "query", "header" };
    private static readonly string[] s_parameterKeys = { "type", "required", "description", "example", "default", "style" };
    private static readonly string[] s_pathParameterKeys = { "type", "required", "description", "example", "default" };
    private static readonly string[] s_responseKeys = { "status", "type", "encoding", "description" };
    private static readonly string[] s_endpointRequired = { "method" }; // and 'path' unless 'url: given' (ReadTarget)
    private static readonly string[] s_httpMethods = { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS" };
    private static readonly char[] s_queryOrFragment = { '?', '#' };
    private static readonly char[] s_pathBreaks = { '\r', '\n', ' ' };
    private static readonly System.Text.RegularExpressions.Regex s_absoluteUrl = new("^/?[A-Za-z][A-Za-z0-9+.-]*://", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private List<EndpointSpec> ReadEndpoints(YamlNode? node, List<DeclaredType> types, string? serviceName)
    {
        var endpoints = new List<EndpointSpec>();
        var map = AsMapping(node, "endpoints");
        if (map is null)
        {
            return endpoints;
        }

        var methodNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var clientName = serviceName + "Client";
        var optionsName = serviceName + "ClientOptions";
        var typeNames = new HashSet<string>(types.Select(t => t.Spec.Name), StringComparer.Ordinal);
        var keys = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
        foreach (var entry in UniqueEntries(map, "endpoint"))
        {
            var name = CSharpName(entry.Key.Value, entry.Key.Location, "endpoint name");
            if (name is null)
            {
                continue;
            }

            if (methodNames.TryGetValue(name, out var other))
            {
                Report(DiagnosticDescriptors.NameCollision, entry.Key.Location, "endpoint", entry.Key.Value, name + "Async", $"the endpoint '{other}' becomes too");
                continue;
            }

            if (WithResponseCollision(entry.Key, name, methodNames))
            {
                continue;
            }

            methodNames.Add(name, entry.Key.Value);
            keys[name] = entry.Key;
            var endpoint = ReadEndpoint(entry.Key, entry.Value, name, types);
            if (endpoint?.ParametersTypeName is { } parametersType &&
                (typeNames.Contains(parametersType) || parametersType == clientName || parametersType == optionsName))
            {
                Report(DiagnosticDescriptors.NameCollision, entry.Key.Location, "endpoint", entry.Key.Value, parametersType, "is the name of a declared type; rename the type or the endpoint");
                continue;
            }

            if (endpoint is not null)
            {
                endpoints.Add(endpoint);
                if (endpoint.ParametersTypeName is { } parameters)
                {
                    _generatedTypes.Add(new TypeClaim(parameters, entry.Key.Location));
                }
            }
        }

        RemoveAllAsyncCollisions(endpoints, keys);
        return endpoints;
    }

    private EndpointSpec? ReadEndpoint(YamlScalar key, YamlNode node, string name, List<DeclaredType> types)
    {
        var subject = new Phrase("endpoint '", key.Value, "'");
        var map = AsMapping(node, subject);
        if (map is null)
        {
            return null;
        }

        var keys = ReadKeys(map, subject, s_endpointKeys, s_endpointRequired);
        var method = ReadMethod(keys.Get("method"));
        var pathNode = keys.Get("path");
        var path = String(pathNode, "path");
        var summary = OptionalText(keys.Get("summary"), "summary");
        var description = OptionalText(keys.Get("description"), "description");

        var pathParameters = new List<(YamlScalar Key, ParameterSpec Spec)>();
        var queryParameters = new List<ParameterSpec>();
        var headerParameters = new List<ParameterSpec>();
        var parametersOk = ReadParameters(keys.Get("parameters"), name + "Parameters", pathParameters, queryParameters, headerParameters);

        var target = ReadTarget(map, subject, pathNode, keys.Get("server"), keys.Get("url"), keys.Get("auth"));
        var segments = target?.GivenUrl == true ? ReadPath(string.Empty, keys.Get("url")!, pathParameters)
            : path is null ? null : ReadPath(path, pathNode!, pathParameters);

        TypeRef? body = null;
        BodyEncodingSpec? bodyEncoding = null;
        var bodyOk = true;
        if (keys.Get("body") is { } bodyNode)
        {
            (body, bodyEncoding) = ReadBody(bodyNode, method);
            bodyOk = body is not null;
        }

        var response = ReadResponse(keys.Get("response"));
        var pagination = keys.Get("pagination") is { } paginationNode ? ReadPagination(paginationNode, response, queryParameters, pathParameters, target, types) : null;
        if (method is null || segments is null || target is null || !parametersOk || !bodyOk || response is null
            || (pagination is null && keys.Get("pagination") is not null))
        {
            return null;
        }

        var parametersTypeName = queryParameters.Count + headerParameters.Count > 0 ? name + "Parameters" : null;
        return new EndpointSpec(
            name,
            method,
            target.GivenUrl ? "{url}" : path!,
            segments.ToEquatableArray(),
            summary,
            description,
            ToEquatableArray(pathParameters, static p => p.Spec),
            queryParameters.ToEquatableArray(),
            headerParameters.ToEquatableArray(),
            parametersTypeName,
            body,
            response,
            target)
        {
            BodyEncoding = bodyEncoding ?? BodyEncodingSpec.Json,
            Pagination = pagination,
        };
    }

    private string? ReadMethod(YamlNode? node)
    {
        var text = String(node, "method");
        if (text is null)
        {
            return null;
        }

        var upper = text.ToUpperInvariant();
        if (Array.IndexOf(s_httpMethods, upper) < 0)
        {
            Report(DiagnosticDescriptors.InvalidHttpMethod, node!.Location, text);
            return null;
        }

        return upper;
    }

    private List<PathSegment>? ReadPath(string path, YamlNode pathNode, List<(YamlScalar Key, ParameterSpec Spec)> parameters)
    {
        if (path.IndexOfAny(s_queryOrFragment) >= 0 || path.IndexOfAny(s_pathBreaks) >= 0)
        {
            Report(DiagnosticDescriptors.InvalidValue, pathNode.Location, "path", "a path holds no query, fragment or white space; declare query parameters under parameters.query");
            return null;
        }

        // A path is relative to the base URL: an absolute or protocol-relative one would be sent, escaped, to the base host.
        // (A colon alone is fine: 'things/{id}:cancel' is a custom method, as Google's APIs write them.)
        if (path.StartsWith("//", StringComparison.Ordinal) || s_absoluteUrl.IsMatch(path))
        {
            Report(DiagnosticDescriptors.InvalidValue, pathNode.Location, "path", "a path is relative to the service's baseUrl; an absolute or protocol-relative URL ('https://...', '//host/...') cannot be one");
            return null;
        }

        var segments = new List<PathSegment>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var last = 0;
        var ok = true;
        foreach (Match match in s_placeholder.Matches(path))
        {
            if (match.Index > last)
            {
                segments.Add(new PathSegment(path.Substring(last, match.Index - last), false));
            }

            var name = match.Groups[1].Value;
            if (!used.Add(name))
            {
                Report(DiagnosticDescriptors.InvalidValue, pathNode.Location, "path", $"the placeholder '{{{name}}}' appears twice");
                ok = false;
            }
            else if (!HasParameter(parameters, name))
            {
                if (!_declaredPathNames.Contains(name))
                {
                    Report(DiagnosticDescriptors.PlaceholderWithoutParameter, pathNode.Location, name);
                }

                ok = false;
            }

            segments.Add(new PathSegment(name, true));
            last = match.Index + match.Length;
        }

        if (last < path.Length)
        {
            segments.Add(new PathSegment(path.Substring(last), false));
        }

        foreach (var segment in segments)
        {
            if (!segment.IsParameter && (segment.Text.IndexOf('{') >= 0 || segment.Text.IndexOf('}') >= 0))
            {
                Report(DiagnosticDescriptors.InvalidValue, pathNode.Location, "path", "unbalanced '{' or '}'");
                return null;
            }
        }

        foreach (var parameter in parameters)
        {
            if (!used.Contains(parameter.Spec.WireName))
            {
                Report(DiagnosticDescriptors.ParameterWithoutPlaceholder, parameter.Key.Location, parameter.Spec.WireName, path);
                ok = false;
            }
        }

        return ok ? segments : null;
    }

    private static bool HasParameter(List<(YamlScalar Key, ParameterSpec Spec)> parameters, string wireName)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.Spec.WireName == wireName)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The path parameter names the current endpoint writes, whether or not each could be read.</summary>
    private readonly HashSet<string> _declaredPathNames = new(StringComparer.Ordinal);

    private bool ReadParameters(
        YamlNode? node,
        string parametersTypeName,
        List<(YamlScalar Key, ParameterSpec Spec)> pathParameters,
        List<ParameterSpec> queryParameters,
        List<ParameterSpec> headerParameters)
    {
        _declaredPathNames.Clear();
        if (node is null)
        {
            return true;
        }

        var map = AsMapping(node, "parameters");
        if (map is null)
        {
            return false;
        }

        var ok = true;
        var keys = ReadKeys(map, "parameters", s_parameterGroupKeys, Array.Empty<string>());
        if (keys.Get("path") is YamlMapping declared)
        {
            // Every name written, refused ones too: a placeholder whose entry has an error is not reported again as having none.
            foreach (var entry in declared.Entries)
            {
                _declaredPathNames.Add(entry.Key.Value);
            }
        }

        var argumentNames = _localNames.Cleared();
        foreach (var (key, spec) in ReadParameterGroup(keys.Get("path"), "path", ref ok))
        {
            var clash = Array.IndexOf(s_reservedArguments, spec.ArgumentName.TrimStart('@')) >= 0 ? "is an argument, local or operator every generated method may use"
                : argumentNames.TryGetValue(spec.ArgumentName, out var other) ? $"the path parameter '{other}' becomes too"
                : null;
            if (clash is not null)
            {
                Report(DiagnosticDescriptors.NameCollision, key.Location, "path parameter", key.Value, spec.ArgumentName, clash);
                ok = false;
                continue;
            }

            argumentNames.Add(spec.ArgumentName, key.Value);
            pathParameters.Add((key, spec));
        }

        var propertyNames = _localNames.Cleared();
        foreach (var (group, target) in new[] { ("query", queryParameters), ("header", headerParameters) })
        {
            foreach (var (key, spec) in ReadParameterGroup(keys.Get(group), group, ref ok))
            {
                var clash = spec.PropertyName == parametersTypeName ? "is the name of its own type"
                    : spec.PropertyName == "JsonConverter" || Array.IndexOf(s_objectMembers, spec.PropertyName) >= 0 ? "is a member every generated class has"
                    : propertyNames.TryGetValue(spec.PropertyName, out var other) ? $"the parameter '{other}' becomes too"
                    : null;
                if (clash is not null)
                {
                    Report(DiagnosticDescriptors.NameCollision, key.Location, group + " parameter", key.Value, spec.PropertyName, clash);
                    ok = false;
                    continue;
                }

                propertyNames.Add(spec.PropertyName, key.Value);
                target.Add(spec);
            }
        }

        return ok;
    }

    private List<(YamlScalar Key, ParameterSpec Spec)> ReadParameterGroup(YamlNode? node, string group, ref bool ok)
    {
        if (node is null)
        {
            return new List<(YamlScalar, ParameterSpec)>();
        }

        var map = AsMapping(node, new Phrase("parameters.", group));
        if (map is null)
        {
            ok = false;
            return new List<(YamlScalar, ParameterSpec)>();
        }

        var result = new List<(YamlScalar, ParameterSpec)>(map.Entries.Length);
        foreach (var entry in UniqueEntries(map, new Phrase(group, " parameter")))
        {
            var spec = ReadParameter(entry.Key, entry.Value, group);
            if (spec is null)
            {
                ok = false;
            }
            else
            {
                result.Add((entry.Key, spec));
            }
        }

        return result;
    }

    private ParameterSpec? ReadParameter(YamlScalar key, YamlNode node, string group)
    {
        var pascal = CSharpName(key.Value, key.Location, group + " parameter");
        if (pascal is null)
        {
            return null;
        }

        if (group == "header" && !IsHeaderName(key.Value))
        {
            Report(DiagnosticDescriptors.InvalidValue, key.Location, "header", $"'{key.Value}' is not a valid HTTP header name");
            return null;
        }

        YamlNode? typeNode;
        bool? required = null;
        string? description = null;
        string? example = null;
        string? defaultValue = null;
        YamlNode? styleNode = null;
        var extrasOk = true;
        if (node is YamlScalar)
        {
            typeNode = node;
        }
        else
        {
            var subject = new Phrase(group, " parameter '", key.Value, "'");
            var map = AsMapping(node, subject);
            if (map is null)
            {
                return null;
            }

            var keys = ReadKeys(map, subject, group == "path" ? s_pathParameterKeys : s_parameterKeys, s_typeRequired);
            typeNode = keys.Get("type");
            required = Bool(keys.Get("required"), "required");
            description = OptionalText(keys.Get("description"), "description");
            example = keys.Get("example") is { } exampleNode ? Example(exampleNode) : null;
            defaultValue = ReadDefault(keys.Get("default"), ref extrasOk);
            styleNode = group == "path" ? null : keys.Get("style");
            if (group == "path" && required == false)
            {
                Report(DiagnosticDescriptors.InvalidValue, keys.Get("required")!.Location, "required", "a path parameter is always required");
                return null;
            }
        }

        var type = TypeOf(typeNode, "type");
        if (type is null)
        {
            return null;
        }

        if (!CheckParameterType(type, typeNode!, group) || ReadStyle(styleNode, type, group) is not { } style || !extrasOk)
        {
            return null;
        }

        return new ParameterSpec(key.Value, pascal, Naming.ToCamelCase(pascal), type, group == "path" || required == true, description, example)
        {
            Style = style,
            Default = defaultValue,
        };
    }

    private ResponseSpec? ReadResponse(YamlNode? node)
    {
        if (node is null)
        {
            return new ResponseSpec(200, null, null);
        }

        // "response: Chat" is shorthand for "response: { type: Chat }".
        if (node is YamlScalar { IsNull: false } shorthand)
        {
            var shortType = TypeOf(shorthand, "response");
            return shortType is null || !IsResponseType(shortType, shorthand) ? null : new ResponseSpec(200, shortType, null);
        }

        var map = AsMapping(node, "response");
        if (map is null)
        {
            return null;
        }

        var keys = ReadKeys(map, "response", s_responseKeys, Array.Empty<string>());
        var status = 200;
        if (keys.Get("status") is { } statusNode)
        {
            var statusText = String(statusNode, "status");
            if (statusText is null)
            {
                return null;
            }

            if (!int.TryParse(statusText, NumberStyles.None, CultureInfo.InvariantCulture, out status) || status < 200 || status > 299)
            {
                Report(DiagnosticDescriptors.InvalidValue, statusNode.Location, "status", $"'{statusText}' is not a success status (200 to 299)");
                return null;
            }
        }

        TypeRef? type = null;
        var typeNode = keys.Get("type");
        if (typeNode is not null)
        {
            type = TypeOf(typeNode, "type");
            if (type is null || !IsResponseType(type, typeNode))
            {
                return null;
            }
        }

        if (ReadResponseEncoding(map, keys.Get("encoding"), type, typeNode) is not { } events)
        {
            return null;
        }

        return new ResponseSpec(status, type, OptionalText(keys.Get("description"), "description")) { Events = events };
    }
}
