using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using EndpointGen.Generator.Diagnostics;
using EndpointGen.Generator.Model;

namespace EndpointGen.Generator.Parsing;

/// <summary>
/// Walks the YAML tree of one descriptor, checks it against the format (spec/README.md) and resolves it into the
/// model. Every problem is reported at the node that causes it, and reading goes on so that one build shows all of them.
/// </summary>
internal sealed class DescriptorReader
{
    private static readonly string[] s_rootKeys = { "service", "endpoints", "types" };
    private static readonly string[] s_serviceKeys = { "name", "namespace", "description", "baseUrl", "auth", "headers", "error" };
    private static readonly string[] s_authKeys = { "scheme", "header", "description" };
    private static readonly string[] s_errorKeys = { "type", "message" };
    private static readonly string[] s_endpointKeys = { "method", "path", "summary", "description", "parameters", "body", "response" };
    private static readonly string[] s_parameterGroupKeys = { "path", "query", "header" };
    private static readonly string[] s_parameterKeys = { "type", "required", "description", "example" };
    private static readonly string[] s_responseKeys = { "status", "type", "description" };
    private static readonly string[] s_objectTypeKeys = { "description", "fields" };
    private static readonly string[] s_enumTypeKeys = { "description", "enum" };
    private static readonly string[] s_fieldKeys = { "type", "required", "nullable", "description", "example", "name" };
    private static readonly string[] s_httpMethods = { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS" };
    // The generated method's own arguments and locals (and the lambda parameters of its read/write calls).
    private static readonly string[] s_reservedArguments = { "body", "parameters", "cancellationToken", "url", "uri", "request", "response", "r", "w", "v" };
    private static readonly string[] s_reservedEnumMembers = { "Value", "IsKnown", "KnownValues", "JsonConverter", "Equals", "GetHashCode", "ToString" };
    private static readonly string[] s_reservedObjectMembers = { "JsonConverter", "Equals", "GetHashCode", "ToString", "GetType" };
    private static readonly Regex s_placeholder = new(@"\{([^{}]*)\}", RegexOptions.CultureInvariant);

    private readonly string _filePath;
    private readonly List<DiagnosticInfo> _diagnostics;

    // Declared types by their written name, and which of them are objects, filled before any type expression is read.
    private readonly Dictionary<string, TypeRef> _declaredTypes = new(StringComparer.Ordinal);

    public DescriptorReader(string filePath, List<DiagnosticInfo> diagnostics)
    {
        _filePath = filePath;
        _diagnostics = diagnostics;
    }

    /// <summary>Where the service name is written, once <see cref="Read"/> has read it.</summary>
    public LocationInfo? NameLocation { get; private set; }

    public ServiceSpec? Read(YamlNode root)
    {
        if (root is not YamlMapping rootMap)
        {
            Report(DiagnosticDescriptors.NotADescriptor, root.Location, $"the root is {root.KindName}, not a mapping with 'service' and 'endpoints'");
            return null;
        }

        if (!rootMap.Entries.Any(e => e.Key.Value is "service" or "endpoints"))
        {
            Report(DiagnosticDescriptors.NotADescriptor, rootMap.Location, "it has neither a 'service' nor an 'endpoints' key");
            return null;
        }

        var keys = ReadKeys(rootMap, "the descriptor", s_rootKeys, new[] { "service", "endpoints" });

        // Types first: endpoints, the error body and other types refer to them by name.
        var typeNodes = DeclareTypes(keys.Get("types"));
        var service = ReadServiceHeader(keys.Get("service"));
        var types = ReadTypes(typeNodes, service?.Name);
        var endpoints = ReadEndpoints(keys.Get("endpoints"), types, service?.Name);
        var error = service is null ? null : ReadError(service.ErrorNode, types);

        if (service is null)
        {
            return null;
        }

        return new ServiceSpec(
            service.Name,
            service.Namespace,
            service.Description,
            service.BaseUrl,
            service.Placeholders.ToEquatableArray(),
            service.Auth,
            service.Headers.ToEquatableArray(),
            error,
            endpoints.ToEquatableArray(),
            types.Select(t => t.Spec).ToEquatableArray(),
            service.Namespace is null ? service.Name : service.Namespace + "." + service.Name,
            _filePath);
    }

    // ---- service ----------------------------------------------------------------------------------

    private ServiceHeader? ReadServiceHeader(YamlNode? node)
    {
        var map = AsMapping(node, "service");
        if (map is null)
        {
            return null;
        }

        var keys = ReadKeys(map, "service", s_serviceKeys, new[] { "name", "baseUrl" });
        var name = Identifier(keys.Get("name"), "service name");
        NameLocation = keys.Get("name")?.Location;
        var ns = String(keys.Get("namespace"), "namespace");
        if (ns is not null && !Naming.IsValidNamespace(ns))
        {
            Report(DiagnosticDescriptors.InvalidIdentifier, keys.Get("namespace")!.Location, "namespace", ns, ": a namespace is dot-separated C# identifiers");
            ns = null;
        }

        var baseUrl = String(keys.Get("baseUrl"), "baseUrl");
        var placeholders = baseUrl is null ? new List<string>() : ReadBaseUrl(baseUrl, keys.Get("baseUrl")!);
        var auth = ReadAuth(keys.Get("auth"));
        var headers = ReadDefaultHeaders(keys.Get("headers"));
        var description = OptionalText(keys.Get("description"), "description");

        if (name is null || (ns is null && keys.Get("namespace") is not null) || baseUrl is null || placeholders is null)
        {
            return null;
        }

        return new ServiceHeader(name, ns, description, baseUrl, placeholders, auth, headers, keys.Get("error"));
    }

    private List<string>? ReadBaseUrl(string baseUrl, YamlNode node)
    {
        var placeholders = new List<string>();
        foreach (Match match in s_placeholder.Matches(baseUrl))
        {
            var placeholder = match.Groups[1].Value;
            if (Naming.ToPascalCase(placeholder) is null)
            {
                Report(DiagnosticDescriptors.InvalidIdentifier, node.Location, "base URL placeholder", placeholder, string.Empty);
                return null;
            }

            if (!placeholders.Contains(placeholder))
            {
                placeholders.Add(placeholder);
            }
        }

        var sample = s_placeholder.Replace(baseUrl, "x");
        if (sample.IndexOf('{') >= 0 || sample.IndexOf('}') >= 0 ||
            !Uri.TryCreate(sample, UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) ||
            uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            Report(DiagnosticDescriptors.InvalidValue, node.Location, "baseUrl", $"'{baseUrl}' is not an absolute http or https URL without query or fragment");
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

        var keys = ReadKeys(map, "auth", s_authKeys, new[] { "scheme" });
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
            Report(DiagnosticDescriptors.MissingKey, map.Location, "header", "auth with scheme apiKey");
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
            else if (value is not null && value.IndexOfAny(new[] { '\r', '\n', '\0' }) >= 0)
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

        var keys = ReadKeys(map, "error", s_errorKeys, new[] { "type" });
        var typeNode = keys.Get("type");
        var type = TypeOf(typeNode, "error type");
        if (type is null)
        {
            return null;
        }

        if (type.Kind != TypeKind.Object)
        {
            Report(DiagnosticDescriptors.InvalidTypeUse, typeNode!.Location, type.Display, "as the error body; it must be an object type declared under 'types'");
            return null;
        }

        var steps = new List<MessageStep>();
        var messageNode = keys.Get("message");
        var message = String(messageNode, "message");
        if (message is null)
        {
            return new ErrorSpec(type.Name!, steps.ToEquatableArray());
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
            steps.Add(new MessageStep(field.PropertyName, isArray));
            current = isArray ? field.Type.Element! : field.Type;
        }

        if (current.Kind != TypeKind.String)
        {
            Report(DiagnosticDescriptors.InvalidValue, messageNode!.Location, "message", $"the path ends at {current.Display}; it must end at a string field");
            return null;
        }

        return new ErrorSpec(type.Name!, steps.ToEquatableArray());
    }

    // ---- types ------------------------------------------------------------------------------------

    private List<KeyValuePair<YamlScalar, YamlNode>> DeclareTypes(YamlNode? node)
    {
        var declared = new List<KeyValuePair<YamlScalar, YamlNode>>();
        var map = node is null ? null : AsMapping(node, "types");
        if (map is null)
        {
            return declared;
        }

        var csharpNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in UniqueEntries(map, "type"))
        {
            var name = Naming.ToPascalCase(entry.Key.Value);
            if (name is null)
            {
                Report(DiagnosticDescriptors.InvalidIdentifier, entry.Key.Location, "type name", entry.Key.Value, string.Empty);
                continue;
            }

            if (csharpNames.TryGetValue(name, out var other))
            {
                Report(DiagnosticDescriptors.NameCollision, entry.Key.Location, "type", entry.Key.Value, name, $"the type '{other}' becomes too");
                continue;
            }

            csharpNames.Add(name, entry.Key.Value);
            var isEnum = entry.Value is YamlMapping typeMap && typeMap.Entries.Any(e => e.Key.Value == "enum");
            _declaredTypes[entry.Key.Value] = new TypeRef(isEnum ? TypeKind.Enum : TypeKind.Object, name);
            declared.Add(entry);
        }

        return declared;
    }

    private List<DeclaredType> ReadTypes(List<KeyValuePair<YamlScalar, YamlNode>> typeNodes, string? serviceName)
    {
        var generatedNames = serviceName is null
            ? new HashSet<string>(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal) { serviceName + "Client", "I" + serviceName + "Client", serviceName + "ClientOptions", serviceName + "ApiException", serviceName + "ServiceCollectionExtensions" };
        var types = new List<DeclaredType>();
        foreach (var entry in typeNodes)
        {
            var typeRef = _declaredTypes[entry.Key.Value];
            if (generatedNames.Contains(typeRef.Name!))
            {
                Report(DiagnosticDescriptors.NameCollision, entry.Key.Location, "type", entry.Key.Value, typeRef.Name!, "the generator already emits for this service");
                continue;
            }

            var map = AsMapping(entry.Value, "type '" + entry.Key.Value + "'");
            if (map is null)
            {
                continue;
            }

            var spec = typeRef.Kind == TypeKind.Enum ? ReadEnum(map, typeRef.Name!) : ReadObject(map, typeRef.Name!, entry.Key.Value);
            if (spec is not null)
            {
                types.Add(new DeclaredType(entry.Key, spec));
            }
        }

        return types;
    }

    private TypeSpec? ReadObject(YamlMapping map, string name, string writtenName)
    {
        if (map.Entries.Any(e => e.Key.Value == "fields") is false)
        {
            Report(DiagnosticDescriptors.MissingKey, map.Location, "fields", $"type '{writtenName}' (an object type has 'fields', an enum type has 'enum')");
            return null;
        }

        var keys = ReadKeys(map, "type '" + writtenName + "'", s_objectTypeKeys, Array.Empty<string>());
        var description = OptionalText(keys.Get("description"), "description");
        var fieldsNode = keys.Get("fields");
        var fields = new List<FieldSpec>();
        var fieldsMap = fieldsNode is YamlScalar { IsNull: true } ? null : AsMapping(fieldsNode, "fields");
        if (fieldsMap is not null)
        {
            var memberNames = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in UniqueEntries(fieldsMap, "field"))
            {
                var field = ReadField(entry.Key, entry.Value, writtenName);
                if (field is null)
                {
                    continue;
                }

                var clash = field.PropertyName == name ? "is the name of its own type"
                    : s_reservedObjectMembers.Contains(field.PropertyName) ? "is a member every generated type has"
                    : memberNames.TryGetValue(field.PropertyName, out var other) ? $"the field '{other}' becomes too"
                    : null;
                if (clash is not null)
                {
                    Report(DiagnosticDescriptors.NameCollision, entry.Key.Location, "field", entry.Key.Value, field.PropertyName, clash + "; set 'name' to choose another C# name");
                    continue;
                }

                memberNames.Add(field.PropertyName, entry.Key.Value);
                fields.Add(field);
            }
        }

        return new TypeSpec(name, description, false, fields.ToEquatableArray(), EquatableArray<EnumValueSpec>.Empty);
    }

    private FieldSpec? ReadField(YamlScalar key, YamlNode node, string owner)
    {
        // "id: int64" is shorthand for "id: { type: int64 }".
        if (node is YamlScalar shorthand)
        {
            var shortType = TypeOf(shorthand, "type");
            var shortName = Naming.ToPascalCase(key.Value);
            if (shortName is null)
            {
                Report(DiagnosticDescriptors.InvalidIdentifier, key.Location, "field", key.Value, "; set 'name' to choose a C# name");
                return null;
            }

            return shortType is null ? null : new FieldSpec(key.Value, shortName, shortType, false, false, null, null);
        }

        var map = AsMapping(node, "field '" + key.Value + "' of '" + owner + "'");
        if (map is null)
        {
            return null;
        }

        var keys = ReadKeys(map, "field '" + key.Value + "'", s_fieldKeys, new[] { "type" });
        var type = TypeOf(keys.Get("type"), "type");
        var required = Bool(keys.Get("required"), "required") ?? false;
        var nullable = Bool(keys.Get("nullable"), "nullable") ?? false;
        var description = OptionalText(keys.Get("description"), "description");
        var example = keys.Get("example") is { } exampleNode ? Example(exampleNode) : null;
        string? propertyName;
        if (keys.Get("name") is { } nameNode)
        {
            propertyName = String(nameNode, "name");
            if (propertyName is not null && !Naming.IsValidIdentifier(propertyName))
            {
                Report(DiagnosticDescriptors.InvalidIdentifier, nameNode.Location, "C# name", propertyName, string.Empty);
                return null;
            }
        }
        else
        {
            propertyName = Naming.ToPascalCase(key.Value);
            if (propertyName is null)
            {
                Report(DiagnosticDescriptors.InvalidIdentifier, key.Location, "field", key.Value, "; set 'name' to choose a C# name");
                return null;
            }
        }

        return type is null || propertyName is null
            ? null
            : new FieldSpec(key.Value, propertyName, type, required, nullable, description, example);
    }

    private TypeSpec? ReadEnum(YamlMapping map, string name)
    {
        var keys = ReadKeys(map, "enum type '" + name + "'", s_enumTypeKeys, new[] { "enum" });
        var description = OptionalText(keys.Get("description"), "description");
        if (keys.Get("enum") is not YamlSequence sequence)
        {
            if (keys.Get("enum") is { } notList)
            {
                Report(DiagnosticDescriptors.InvalidValue, notList.Location, "enum", "expected a list of string values");
            }

            return null;
        }

        if (sequence.Items.Count == 0)
        {
            Report(DiagnosticDescriptors.InvalidValue, sequence.Location, "enum", "an enum needs at least one value");
            return null;
        }

        var values = new List<EnumValueSpec>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in sequence.Items)
        {
            if (item is not YamlScalar scalar || scalar.IsNull)
            {
                Report(DiagnosticDescriptors.InvalidValue, item.Location, "enum", "each value must be a string");
                continue;
            }

            if (!seen.Add(scalar.Value))
            {
                Report(DiagnosticDescriptors.DuplicateKey, scalar.Location, "enum value", scalar.Value);
                continue;
            }

            var member = Naming.ToPascalCase(scalar.Value);
            if (member is null)
            {
                Report(DiagnosticDescriptors.InvalidIdentifier, scalar.Location, "enum value", scalar.Value, string.Empty);
                continue;
            }

            var clash = member == name ? "is the name of its own type"
                : s_reservedEnumMembers.Contains(member) ? "is a member every generated enum has"
                : members.TryGetValue(member, out var other) ? $"the value '{other}' becomes too"
                : null;
            if (clash is not null)
            {
                Report(DiagnosticDescriptors.NameCollision, scalar.Location, "enum value", scalar.Value, member, clash);
                continue;
            }

            members.Add(member, scalar.Value);
            values.Add(new EnumValueSpec(scalar.Value, member));
        }

        return new TypeSpec(name, description, true, EquatableArray<FieldSpec>.Empty, values.ToEquatableArray());
    }

    // ---- endpoints --------------------------------------------------------------------------------

    private List<EndpointSpec> ReadEndpoints(YamlNode? node, List<DeclaredType> types, string? serviceName)
    {
        var endpoints = new List<EndpointSpec>();
        var map = AsMapping(node, "endpoints");
        if (map is null)
        {
            return endpoints;
        }

        var methodNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var typeNames = new HashSet<string>(types.Select(t => t.Spec.Name), StringComparer.Ordinal);
        foreach (var entry in UniqueEntries(map, "endpoint"))
        {
            var name = Naming.ToPascalCase(entry.Key.Value);
            if (name is null)
            {
                Report(DiagnosticDescriptors.InvalidIdentifier, entry.Key.Location, "endpoint name", entry.Key.Value, string.Empty);
                continue;
            }

            if (methodNames.TryGetValue(name, out var other))
            {
                Report(DiagnosticDescriptors.NameCollision, entry.Key.Location, "endpoint", entry.Key.Value, name + "Async", $"the endpoint '{other}' becomes too");
                continue;
            }

            methodNames.Add(name, entry.Key.Value);
            var endpoint = ReadEndpoint(entry.Key, entry.Value, name);
            if (endpoint?.ParametersTypeName is { } parametersType &&
                (typeNames.Contains(parametersType) || parametersType == serviceName + "Client" || parametersType == serviceName + "ClientOptions"))
            {
                Report(DiagnosticDescriptors.NameCollision, entry.Key.Location, "endpoint", entry.Key.Value, parametersType, "is the name of a declared type; rename the type or the endpoint");
                continue;
            }

            if (endpoint is not null)
            {
                endpoints.Add(endpoint);
            }
        }

        return endpoints;
    }

    private EndpointSpec? ReadEndpoint(YamlScalar key, YamlNode node, string name)
    {
        var map = AsMapping(node, "endpoint '" + key.Value + "'");
        if (map is null)
        {
            return null;
        }

        var context = "endpoint '" + key.Value + "'";
        var keys = ReadKeys(map, context, s_endpointKeys, new[] { "method", "path" });
        var method = ReadMethod(keys.Get("method"));
        var pathNode = keys.Get("path");
        var path = String(pathNode, "path");
        var summary = OptionalText(keys.Get("summary"), "summary");
        var description = OptionalText(keys.Get("description"), "description");

        var pathParameters = new List<(YamlScalar Key, ParameterSpec Spec)>();
        var queryParameters = new List<ParameterSpec>();
        var headerParameters = new List<ParameterSpec>();
        var parametersOk = ReadParameters(keys.Get("parameters"), pathParameters, queryParameters, headerParameters);

        var segments = path is null ? null : ReadPath(path, pathNode!, pathParameters);

        TypeRef? body = null;
        var bodyOk = true;
        if (keys.Get("body") is { } bodyNode)
        {
            body = TypeOf(bodyNode, "body");
            bodyOk = body is not null;
            if (body is not null && method is "GET" or "HEAD")
            {
                Report(DiagnosticDescriptors.InvalidTypeUse, bodyNode.Location, body.Display, "as the body of a " + method + " request");
                bodyOk = false;
            }
        }

        var response = ReadResponse(keys.Get("response"));
        if (method is null || segments is null || !parametersOk || !bodyOk || response is null)
        {
            return null;
        }

        var parametersTypeName = queryParameters.Count + headerParameters.Count > 0 ? name + "Parameters" : null;
        return new EndpointSpec(
            name,
            method,
            path!,
            segments.ToEquatableArray(),
            summary,
            description,
            pathParameters.Select(p => p.Spec).ToEquatableArray(),
            queryParameters.ToEquatableArray(),
            headerParameters.ToEquatableArray(),
            parametersTypeName,
            body,
            response);
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
        if (path.IndexOfAny(new[] { '?', '#' }) >= 0 || path.IndexOfAny(new[] { '\r', '\n', ' ' }) >= 0)
        {
            Report(DiagnosticDescriptors.InvalidValue, pathNode.Location, "path", "a path holds no query, fragment or white space; declare query parameters under parameters.query");
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
            else if (!parameters.Any(p => p.Spec.WireName == name))
            {
                Report(DiagnosticDescriptors.PlaceholderWithoutParameter, pathNode.Location, name);
                ok = false;
            }

            segments.Add(new PathSegment(name, true));
            last = match.Index + match.Length;
        }

        if (last < path.Length)
        {
            segments.Add(new PathSegment(path.Substring(last), false));
        }

        if (segments.Any(s => !s.IsParameter && (s.Text.IndexOf('{') >= 0 || s.Text.IndexOf('}') >= 0)))
        {
            Report(DiagnosticDescriptors.InvalidValue, pathNode.Location, "path", "unbalanced '{' or '}'");
            return null;
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

    private bool ReadParameters(
        YamlNode? node,
        List<(YamlScalar Key, ParameterSpec Spec)> pathParameters,
        List<ParameterSpec> queryParameters,
        List<ParameterSpec> headerParameters)
    {
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

        var argumentNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, spec) in ReadParameterGroup(keys.Get("path"), "path", ref ok))
        {
            var clash = s_reservedArguments.Contains(spec.ArgumentName) ? "is an argument or local every generated method may have"
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

        var propertyNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (group, target) in new[] { ("query", queryParameters), ("header", headerParameters) })
        {
            foreach (var (key, spec) in ReadParameterGroup(keys.Get(group), group, ref ok))
            {
                var clash = s_reservedObjectMembers.Contains(spec.PropertyName) ? "is a member every generated class has"
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
        var result = new List<(YamlScalar, ParameterSpec)>();
        if (node is null)
        {
            return result;
        }

        var map = AsMapping(node, "parameters." + group);
        if (map is null)
        {
            ok = false;
            return result;
        }

        foreach (var entry in UniqueEntries(map, group + " parameter"))
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
        var pascal = Naming.ToPascalCase(key.Value);
        if (pascal is null)
        {
            Report(DiagnosticDescriptors.InvalidIdentifier, key.Location, group + " parameter", key.Value, string.Empty);
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
        if (node is YamlScalar)
        {
            typeNode = node;
        }
        else
        {
            var map = AsMapping(node, group + " parameter '" + key.Value + "'");
            if (map is null)
            {
                return null;
            }

            var keys = ReadKeys(map, group + " parameter '" + key.Value + "'", s_parameterKeys, new[] { "type" });
            typeNode = keys.Get("type");
            required = Bool(keys.Get("required"), "required");
            description = OptionalText(keys.Get("description"), "description");
            example = keys.Get("example") is { } exampleNode ? Example(exampleNode) : null;
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

        var allowed = group == "path"
            ? type.Kind is TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Uuid or TypeKind.Enum
            : type.Kind is TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Number or TypeKind.Boolean
                or TypeKind.Uuid or TypeKind.DateTime or TypeKind.Enum;
        if (!allowed)
        {
            Report(DiagnosticDescriptors.InvalidTypeUse, typeNode!.Location, type.Display, "as a " + group + " parameter");
            return null;
        }

        return new ParameterSpec(key.Value, pascal, Naming.ToCamelCase(pascal), type, group == "path" || required == true, description, example);
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
            return shortType is null ? null : new ResponseSpec(200, shortType, null);
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
        if (keys.Get("type") is { } typeNode)
        {
            type = TypeOf(typeNode, "type");
            if (type is null)
            {
                return null;
            }
        }

        return new ResponseSpec(status, type, OptionalText(keys.Get("description"), "description"));
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private TypeRef? TypeOf(YamlNode? node, string key)
    {
        var text = String(node, key);
        if (text is null)
        {
            return null;
        }

        var type = TypeExpressionParser.Parse(text, _declaredTypes);
        if (type is null)
        {
            Report(DiagnosticDescriptors.UnknownType, node!.Location, text.Length > 100 ? text.Substring(0, 100) + "…" : text);
        }

        return type;
    }

    private string? Identifier(YamlNode? node, string what)
    {
        var text = String(node, what);
        if (text is null)
        {
            return null;
        }

        var name = Naming.ToPascalCase(text);
        if (name is null)
        {
            Report(DiagnosticDescriptors.InvalidIdentifier, node!.Location, what, text, string.Empty);
        }

        return name;
    }

    private YamlMapping? AsMapping(YamlNode? node, string what)
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlMapping map)
        {
            return map;
        }

        Report(DiagnosticDescriptors.InvalidValue, node.Location, what, $"expected a mapping, found {(node is YamlScalar { IsNull: true } ? "nothing" : node.KindName)}");
        return null;
    }

    /// <summary>The entries of a mapping, reporting every repeated key (a repeated endpoint, type or field name) once.</summary>
    private IEnumerable<KeyValuePair<YamlScalar, YamlNode>> UniqueEntries(YamlMapping map, string noun)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            if (!seen.Add(entry.Key.Value))
            {
                Report(DiagnosticDescriptors.DuplicateKey, entry.Key.Location, noun, entry.Key.Value);
                continue;
            }

            yield return entry;
        }
    }

    private KeySet ReadKeys(YamlMapping map, string context, string[] allowed, string[] required)
    {
        var keys = new KeySet();
        foreach (var entry in UniqueEntries(map, "key"))
        {
            if (Array.IndexOf(allowed, entry.Key.Value) < 0)
            {
                Report(DiagnosticDescriptors.UnknownKey, entry.Key.Location, entry.Key.Value, context, string.Join(", ", allowed));
                continue;
            }

            keys.Add(entry.Key.Value, entry.Value);
        }

        foreach (var key in required)
        {
            if (keys.Get(key) is null)
            {
                Report(DiagnosticDescriptors.MissingKey, map.Location, key, context);
            }
        }

        return keys;
    }

    private string? String(YamlNode? node, string key)
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar { IsNull: false } scalar)
        {
            return scalar.Value;
        }

        Report(DiagnosticDescriptors.InvalidValue, node.Location, key, node is YamlScalar ? "a value is required" : "expected a single value, found " + node.KindName);
        return null;
    }

    private string? OptionalText(YamlNode? node, string key)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return null;
        }

        // Blank text documents nothing: treat it as absent so the emitter's default wording applies.
        var text = String(node, key)?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private bool? Bool(YamlNode? node, string key)
    {
        var text = String(node, key);
        switch (text)
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                Report(DiagnosticDescriptors.InvalidValue, node!.Location, key, $"'{text}' is not true or false");
                return null;
        }
    }

    /// <summary>An example as the text for docs: a scalar as written; a list or mapping in compact JSON form.</summary>
    private static string Example(YamlNode node)
    {
        var builder = new StringBuilder();
        AppendExample(builder, node, 0);
        return builder.ToString();
    }

    private static void AppendExample(StringBuilder builder, YamlNode node, int depth)
    {
        if (builder.Length > 500 || depth > 8)
        {
            builder.Append('…');
            return;
        }

        switch (node)
        {
            case YamlScalar scalar when depth == 0:
                builder.Append(scalar.Value);
                break;
            case YamlScalar scalar:
                builder.Append(scalar.IsPlain && (scalar.IsNull || scalar.Value is "true" or "false" || double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                    ? (scalar.IsNull ? "null" : scalar.Value)
                    : "\"" + scalar.Value.Replace("\"", "\\\"") + "\"");
                break;
            case YamlSequence sequence:
                builder.Append('[');
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ", ");
                    AppendExample(builder, sequence.Items[i], depth + 1);
                }

                builder.Append(']');
                break;
            case YamlMapping mapping:
                builder.Append('{');
                for (var i = 0; i < mapping.Entries.Count; i++)
                {
                    builder.Append(i == 0 ? "\"" : ", \"").Append(mapping.Entries[i].Key.Value).Append("\": ");
                    AppendExample(builder, mapping.Entries[i].Value, depth + 1);
                }

                builder.Append('}');
                break;
        }
    }

    private static bool IsHeaderName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            // RFC 9110 token characters.
            if (c > 127 || !(char.IsLetterOrDigit(c) || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0))
            {
                return false;
            }
        }

        return true;
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));

    private sealed class KeySet
    {
        private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);

        public void Add(string key, YamlNode value) => _values[key] = value;

        public YamlNode? Get(string key) => _values.TryGetValue(key, out var value) ? value : null;
    }

    private sealed record ServiceHeader(
        string Name,
        string? Namespace,
        string? Description,
        string BaseUrl,
        List<string> Placeholders,
        AuthSpec? Auth,
        List<HeaderSpec> Headers,
        YamlNode? ErrorNode);

    private sealed record DeclaredType(YamlScalar Key, TypeSpec Spec);
}
