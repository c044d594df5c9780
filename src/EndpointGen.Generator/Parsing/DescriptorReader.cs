using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using EndpointGen.Generator.Diagnostics;
using EndpointGen.Generator.Model;
using EndpointGen.Generator.Parsing.Yaml;

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
    private static readonly string[] s_rootRequired = { "service", "endpoints" };
    private static readonly string[] s_serviceRequired = { "name", "baseUrl" };
    private static readonly string[] s_schemeRequired = { "scheme" };
    private static readonly string[] s_typeRequired = { "type" };
    private static readonly string[] s_enumRequired = { "enum" };
    private static readonly string[] s_endpointRequired = { "method", "path" };
    private static readonly string[] s_httpMethods = { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS" };
    // The generated method's own arguments and locals (and the lambda parameters of its read/write calls).
    private static readonly string[] s_reservedArguments = { "body", "parameters", "cancellationToken", "url", "uri", "request", "response", "r", "w", "v" };
    private static readonly string[] s_reservedEnumMembers = { "Value", "IsKnown", "KnownValues", "JsonConverter", "Equals", "GetHashCode", "ToString" };
    private static readonly string[] s_reservedObjectMembers = { "JsonConverter", "Equals", "GetHashCode", "ToString", "GetType" };
    private static readonly char[] s_headerValueBreaks = { '\r', '\n', '\0' };
    private static readonly char[] s_queryOrFragment = { '?', '#' };
    private static readonly char[] s_pathBreaks = { '\r', '\n', ' ' };
    private static readonly Regex s_placeholder = new(@"\{([^{}]*)\}", RegexOptions.CultureInvariant);

    private readonly string _filePath;
    private readonly List<DiagnosticInfo> _diagnostics;

    // Declared types by their written name, and which of them are objects, filled before any type expression is read.
    private readonly Dictionary<string, TypeRef> _declaredTypes = new(StringComparer.Ordinal);

    // C# names by written name: field and parameter names repeat across the types and endpoints of a descriptor
    // (id, name, created_at), and each conversion builds a string.
    private readonly Dictionary<string, string?> _pascalCaseNames = new(StringComparer.Ordinal);

    // The C# names taken so far by the members of one type or the parameters of one endpoint (never two at once).
    private readonly NameTable _localNames = new();

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

        if (!HasKey(rootMap, "service") && !HasKey(rootMap, "endpoints"))
        {
            Report(DiagnosticDescriptors.NotADescriptor, rootMap.Location, "it has neither a 'service' nor an 'endpoints' key");
            return null;
        }

        var keys = ReadKeys(rootMap, "the descriptor", s_rootKeys, s_rootRequired);

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
            ToEquatableArray(types, static t => t.Spec),
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

        var keys = ReadKeys(map, "service", s_serviceKeys, s_serviceRequired);
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
            if (PascalCase(placeholder) is null)
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

        var keys = ReadKeys(map, "auth", s_authKeys, s_schemeRequired);
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
            var name = PascalCase(entry.Key.Value);
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
            var isEnum = entry.Value is YamlMapping typeMap && HasKey(typeMap, "enum");
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

            var map = AsMapping(entry.Value, new Phrase("type '", entry.Key.Value, "'"));
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
        if (!HasKey(map, "fields"))
        {
            Report(DiagnosticDescriptors.MissingKey, map.Location, "fields", $"type '{writtenName}' (an object type has 'fields', an enum type has 'enum')");
            return null;
        }

        var keys = ReadKeys(map, new Phrase("type '", writtenName, "'"), s_objectTypeKeys, Array.Empty<string>());
        var description = OptionalText(keys.Get("description"), "description");
        var fieldsNode = keys.Get("fields");
        var fieldsMap = fieldsNode is YamlScalar { IsNull: true } ? null : AsMapping(fieldsNode, "fields");
        var fields = new List<FieldSpec>(fieldsMap?.Entries.Count ?? 0);
        if (fieldsMap is not null)
        {
            var memberNames = _localNames.Cleared();
            foreach (var entry in UniqueEntries(fieldsMap, "field"))
            {
                var field = ReadField(entry.Key, entry.Value, writtenName);
                if (field is null)
                {
                    continue;
                }

                var clash = field.PropertyName == name ? "is the name of its own type"
                    : Array.IndexOf(s_reservedObjectMembers, field.PropertyName) >= 0 ? "is a member every generated type has"
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
            var shortName = PascalCase(key.Value);
            if (shortName is null)
            {
                Report(DiagnosticDescriptors.InvalidIdentifier, key.Location, "field", key.Value, "; set 'name' to choose a C# name");
                return null;
            }

            return shortType is null ? null : new FieldSpec(key.Value, shortName, shortType, false, false, null, null);
        }

        var map = AsMapping(node, new Phrase("field '", key.Value, "' of '", owner, "'"));
        if (map is null)
        {
            return null;
        }

        var keys = ReadKeys(map, new Phrase("field '", key.Value, "'"), s_fieldKeys, s_typeRequired);
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
            propertyName = PascalCase(key.Value);
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
        var keys = ReadKeys(map, new Phrase("enum type '", name, "'"), s_enumTypeKeys, s_enumRequired);
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

        var values = new List<EnumValueSpec>(sequence.Items.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var members = _localNames.Cleared();
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

            var member = PascalCase(scalar.Value);
            if (member is null)
            {
                Report(DiagnosticDescriptors.InvalidIdentifier, scalar.Location, "enum value", scalar.Value, string.Empty);
                continue;
            }

            var clash = member == name ? "is the name of its own type"
                : Array.IndexOf(s_reservedEnumMembers, member) >= 0 ? "is a member every generated enum has"
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
        var clientName = serviceName + "Client";
        var optionsName = serviceName + "ClientOptions";
        var typeNames = new HashSet<string>(types.Select(t => t.Spec.Name), StringComparer.Ordinal);
        foreach (var entry in UniqueEntries(map, "endpoint"))
        {
            var name = PascalCase(entry.Key.Value);
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
                (typeNames.Contains(parametersType) || parametersType == clientName || parametersType == optionsName))
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
            ToEquatableArray(pathParameters, static p => p.Spec),
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
        if (path.IndexOfAny(s_queryOrFragment) >= 0 || path.IndexOfAny(s_pathBreaks) >= 0)
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
            else if (!HasParameter(parameters, name))
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

        var argumentNames = _localNames.Cleared();
        foreach (var (key, spec) in ReadParameterGroup(keys.Get("path"), "path", ref ok))
        {
            var clash = Array.IndexOf(s_reservedArguments, spec.ArgumentName) >= 0 ? "is an argument or local every generated method may have"
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
                var clash = Array.IndexOf(s_reservedObjectMembers, spec.PropertyName) >= 0 ? "is a member every generated class has"
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

        var result = new List<(YamlScalar, ParameterSpec)>(map.Entries.Count);
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
        var pascal = PascalCase(key.Value);
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
            var subject = new Phrase(group, " parameter '", key.Value, "'");
            var map = AsMapping(node, subject);
            if (map is null)
            {
                return null;
            }

            var keys = ReadKeys(map, subject, s_parameterKeys, s_typeRequired);
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

        var name = PascalCase(text);
        if (name is null)
        {
            Report(DiagnosticDescriptors.InvalidIdentifier, node!.Location, what, text, string.Empty);
        }

        return name;
    }

    private YamlMapping? AsMapping(YamlNode? node, Phrase what)
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlMapping map)
        {
            return map;
        }

        Report(DiagnosticDescriptors.InvalidValue, node.Location, what.ToString(), $"expected a mapping, found {(node is YamlScalar { IsNull: true } ? "nothing" : node.KindName)}");
        return null;
    }

    /// <summary><see cref="Naming.ToPascalCase"/>, converting each distinct name once.</summary>
    private string? PascalCase(string name)
    {
        // Endpoint and type names are mostly written in PascalCase already, and the conversion would only copy them.
        if (IsAsciiPascalCase(name))
        {
            return name;
        }

        if (!_pascalCaseNames.TryGetValue(name, out var pascal))
        {
            pascal = Naming.ToPascalCase(name);
            _pascalCaseNames.Add(name, pascal);
        }

        return pascal;
    }

    /// <summary>
    /// Whether a name is an ASCII capital followed by ASCII letters and digits: <see cref="Naming.ToPascalCase"/> keeps
    /// such a name as it is, and it is a valid identifier (every C# keyword is lower case).
    /// </summary>
    private static bool IsAsciiPascalCase(string name)
    {
        if (name.Length == 0 || name[0] < 'A' || name[0] > 'Z')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasKey(YamlMapping map, string key)
    {
        foreach (var entry in map.Entries)
        {
            if (entry.Key.Value == key)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The entries of a mapping, reporting every repeated key (a repeated endpoint, type or field name) once.</summary>
    private UniqueEntryList UniqueEntries(YamlMapping map, Phrase noun) => new(this, map.Entries, noun);

    /// <summary>
    /// Checks a mapping's keys against the allowed ones, reporting unknown, repeated and missing keys, and gives the
    /// known ones by name.
    /// </summary>
    private MappingKeys ReadKeys(YamlMapping map, Phrase context, string[] allowed, string[] required)
    {
        foreach (var entry in UniqueEntries(map, "key"))
        {
            if (Array.IndexOf(allowed, entry.Key.Value) < 0)
            {
                Report(DiagnosticDescriptors.UnknownKey, entry.Key.Location, entry.Key.Value, context.ToString(), string.Join(", ", allowed));
            }
        }

        var keys = new MappingKeys(map);
        foreach (var key in required)
        {
            if (keys.Get(key) is null)
            {
                Report(DiagnosticDescriptors.MissingKey, map.Location, key, context.ToString());
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
        if (node is YamlScalar scalar)
        {
            return scalar.Value;
        }

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
            case YamlScalar scalar when IsJsonLiteral(scalar):
                builder.Append(scalar.IsNull ? "null" : scalar.Value);
                break;
            case YamlScalar scalar:
                builder.Append('"').Append(scalar.Value.Replace("\"", "\\\"")).Append('"');
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

    /// <summary>Projects a list straight into an array of its size; LINQ's Select would go through a growing buffer.</summary>
    private static EquatableArray<TResult> ToEquatableArray<TSource, TResult>(List<TSource> items, Func<TSource, TResult> selector)
        where TResult : IEquatable<TResult>
    {
        var builder = ImmutableArray.CreateBuilder<TResult>(items.Count);
        foreach (var item in items)
        {
            builder.Add(selector(item));
        }

        return new EquatableArray<TResult>(builder.MoveToImmutable());
    }

    /// <summary>Whether an unquoted scalar reads as a JSON null, boolean or number, which an example shows bare.</summary>
    private static bool IsJsonLiteral(YamlScalar scalar) =>
        scalar.IsPlain && (scalar.IsNull || scalar.Value is "true" or "false" || double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _));

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

    /// <summary>
    /// The values of a mapping's keys, once <see cref="ReadKeys"/> has checked them. A view over the entries rather than
    /// a dictionary: a mapping has a handful of keys, and one is read for every object in the descriptor.
    /// </summary>
    private readonly struct MappingKeys
    {
        private readonly List<KeyValuePair<YamlScalar, YamlNode>> _entries;

        public MappingKeys(YamlMapping map) => _entries = map.Entries;

        /// <summary>The value of the key's first occurrence (a repeat was reported and is ignored), if any.</summary>
        /// <param name="key">One of the keys the mapping allows; an unknown key was reported and is never asked for.</param>
        public YamlNode? Get(string key)
        {
            foreach (var entry in _entries)
            {
                if (entry.Key.Value == key)
                {
                    return entry.Value;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// The entries of a mapping with every repeated key reported and skipped, as a struct enumerable so that walking
    /// a mapping allocates nothing. A key is checked against the earlier ones in place; only a large mapping (a long
    /// list of types, or a hostile one) pays for a set, which keeps the check linear.
    /// </summary>
    private readonly struct UniqueEntryList
    {
        private readonly DescriptorReader _reader;
        private readonly List<KeyValuePair<YamlScalar, YamlNode>> _entries;
        private readonly Phrase _noun;

        public UniqueEntryList(DescriptorReader reader, List<KeyValuePair<YamlScalar, YamlNode>> entries, Phrase noun)
        {
            _reader = reader;
            _entries = entries;
            _noun = noun;
        }

        public Enumerator GetEnumerator() => new(_reader, _entries, _noun);

        public struct Enumerator
        {
            private const int ScanLimit = 32;

            private readonly DescriptorReader _reader;
            private readonly List<KeyValuePair<YamlScalar, YamlNode>> _entries;
            private readonly Phrase _noun;
            private HashSet<string>? _seen;
            private int _index;

            public Enumerator(DescriptorReader reader, List<KeyValuePair<YamlScalar, YamlNode>> entries, Phrase noun)
            {
                _reader = reader;
                _entries = entries;
                _noun = noun;
                _seen = null;
                _index = -1;
            }

            public KeyValuePair<YamlScalar, YamlNode> Current => _entries[_index];

            public bool MoveNext()
            {
                while (++_index < _entries.Count)
                {
                    var key = _entries[_index].Key;
                    if (!IsRepeat(key.Value))
                    {
                        return true;
                    }

                    _reader.Report(DiagnosticDescriptors.DuplicateKey, key.Location, _noun.ToString(), key.Value);
                }

                return false;
            }

            private bool IsRepeat(string key)
            {
                if (_entries.Count > ScanLimit)
                {
                    _seen ??= new HashSet<string>(StringComparer.Ordinal);
                    return !_seen.Add(key);
                }

                for (var i = 0; i < _index; i++)
                {
                    if (_entries[i].Key.Value == key)
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }

    /// <summary>
    /// What a message is about, such as "field 'id' of 'Chat'", kept as its parts: nearly every mapping is valid, so
    /// the text is joined only when a diagnostic names it.
    /// </summary>
    private readonly struct Phrase
    {
        private readonly string _text;
        private readonly string? _part2;
        private readonly string? _part3;
        private readonly string? _part4;
        private readonly string? _part5;

        public Phrase(string text, string? part2 = null, string? part3 = null, string? part4 = null, string? part5 = null)
        {
            _text = text;
            _part2 = part2;
            _part3 = part3;
            _part4 = part4;
            _part5 = part5;
        }

        public static implicit operator Phrase(string text) => new(text);

        public override string ToString() => string.Concat(new[] { _text, _part2, _part3, _part4, _part5 });
    }

    /// <summary>
    /// Which written name took each C# name so far, to report two names that become one. Such a table holds the few
    /// members of a type or parameters of an endpoint, so it is a list scanned in place and reused; past a few dozen
    /// names (only in a hostile descriptor) it moves to a dictionary, which keeps the check linear.
    /// </summary>
    private sealed class NameTable
    {
        private const int ScanLimit = 32;

        private readonly List<KeyValuePair<string, string>> _names = new();
        private Dictionary<string, string>? _index;

        /// <summary>Empties the table for its next user, and returns it.</summary>
        public NameTable Cleared()
        {
            _names.Clear();
            _index = null;
            return this;
        }

        public bool TryGetValue(string csharpName, out string writtenName)
        {
            if (_index is not null)
            {
                return _index.TryGetValue(csharpName, out writtenName!);
            }

            foreach (var name in _names)
            {
                if (name.Key == csharpName)
                {
                    writtenName = name.Value;
                    return true;
                }
            }

            writtenName = null!;
            return false;
        }

        /// <summary>Adds a C# name that <see cref="TryGetValue"/> did not find.</summary>
        public void Add(string csharpName, string writtenName)
        {
            if (_index is not null)
            {
                _index.Add(csharpName, writtenName);
                return;
            }

            _names.Add(new KeyValuePair<string, string>(csharpName, writtenName));
            if (_names.Count > ScanLimit)
            {
                _index = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var name in _names)
                {
                    _index.Add(name.Key, name.Value);
                }
            }
        }
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
