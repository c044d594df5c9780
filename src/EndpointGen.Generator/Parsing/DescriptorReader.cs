using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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
/// <remarks>
/// One class in files by concern: this one holds the entry point and the state of one file's reading;
/// <c>DescriptorReader.Service.cs</c> reads <c>service</c> (base URL, auth, default headers, error body),
/// <c>DescriptorReader.Types.cs</c> reads <c>types</c> (objects, fields, enums), <c>DescriptorReader.Endpoints.cs</c>
/// reads <c>endpoints</c> (method, path, parameters, body, response), <c>DescriptorReader.Mappings.cs</c> has the
/// helpers that check a mapping's keys and read its scalars, and <c>DescriptorReader.Names.cs</c> turns written
/// names into C# names and catches those that collide.
/// </remarks>
internal sealed partial class DescriptorReader
{
    private static readonly string[] s_rootKeys = { "service", "endpoints", "types" };
    private static readonly string[] s_rootRequired = { "service", "endpoints" };
    private static readonly string[] s_typeRequired = { "type" };
    private static readonly Regex s_placeholder = new(@"\{([^{}]*)\}", RegexOptions.CultureInvariant);

    private readonly string _filePath;
    private readonly string? _defaultNamespace;
    private readonly List<DiagnosticInfo> _diagnostics;

    // Every top-level C# type the descriptor generates, where it is declared, for the claim other files are checked against.
    private readonly List<TypeClaim> _generatedTypes = new();

    // Where the service name is written: the service's own generated types are located there.
    private LocationInfo? _nameLocation;

    // Problems found so far, and where the first one beyond the cap is.
    private int _reported;
    private LocationInfo? _firstSuppressed;

    /// <summary>The most problems reported for one file, as compilers cap theirs.</summary>
    internal const int MaxDiagnostics = 100;

    // Where the namespace is written, when it is.
    private LocationInfo? _namespaceLocation;

    // Declared types by their written name, and which of them are objects, filled before any type expression is read.
    private readonly Dictionary<string, TypeRef> _declaredTypes = new(StringComparer.Ordinal);

    // C# names by written name: field and parameter names repeat across the types and endpoints of a descriptor
    // (id, name, created_at), and each conversion builds a string.
    private readonly Dictionary<string, string?> _pascalCaseNames = new(StringComparer.Ordinal);

    // The C# names taken so far by the members of one type or the parameters of one endpoint (never two at once).
    private readonly NameTable _localNames = new();

    /// <summary>Starts reading one file.</summary>
    /// <param name="filePath">The descriptor's path, for locations.</param>
    /// <param name="defaultNamespace">The project's namespace for a descriptor that names none (<c>EndpointGenNamespace</c>, else <c>RootNamespace</c>).</param>
    /// <param name="diagnostics">Where problems go.</param>
    public DescriptorReader(string filePath, string? defaultNamespace, List<DiagnosticInfo> diagnostics)
    {
        _filePath = filePath;
        _defaultNamespace = defaultNamespace;
        _diagnostics = diagnostics;
    }

    /// <summary>Reads the descriptor into a complete model: namespace, hint name and every C# name resolved.</summary>
    /// <returns>The service and its claim on generated names, or nulls when the descriptor cannot be read.</returns>
    public (ServiceSpec? Service, ServiceClaim? Claim) Read(YamlNode root)
    {
        var service = ReadService(root);
        ReportSuppressed();
        if (service is null || _nameLocation is not { } nameLocation)
        {
            return (service, null);
        }

        // The service's own types are declared where its name is; then the declared and the parameter types.
        var types = new List<TypeClaim>(_generatedTypes.Count + 5);
        foreach (var name in ServiceTypeNames(service.Name))
        {
            types.Add(new TypeClaim(name, nameLocation));
        }

        types.AddRange(_generatedTypes);

        // A type named like a namespace or type the generated code names would take its place there (System.Net, System.Uri).
        foreach (var type in types)
        {
            var fullName = service.Namespace + "." + type.Name;
            if (Naming.IsTakenByGeneratedCode(fullName))
            {
                Report(DiagnosticDescriptors.NameCollision, type.Location, "type", type.Name, fullName, $"the generated code names (global::{fullName}); rename the type or choose another namespace");
            }
        }

        var claim = new ServiceClaim(service.HintName, service.Name, service.Namespace, nameLocation, _namespaceLocation ?? nameLocation, types.ToEquatableArray());
        return (service, claim);
    }

    private ServiceSpec? ReadService(YamlNode root)
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
        ResolveUnions(types, typeNodes);
        CheckFieldContent(types);
        var endpoints = ReadEndpoints(keys.Get("endpoints"), types, service?.Name);
        var error = service is null ? null : ReadError(service.ErrorNode, types);

        if (service is null)
        {
            return null;
        }

        // A descriptor without a namespace takes the project's; the service name stands in when there is none.
        var ns = service.Namespace ?? _defaultNamespace ?? service.Name;
        var hintName = ns + "." + service.Name;
        var fileNameBytes = Encoding.UTF8.GetByteCount(hintName + ".g.cs");
        if (fileNameBytes > Naming.MaxFileNameBytes)
        {
            // Reported at the longer of the two, the one to shorten.
            var (what, name, location) = service.Namespace is { } written && written.Length > service.Name.Length
                ? ("namespace", written, _namespaceLocation!.Value)
                : ("service name", service.Name, _nameLocation!.Value);
            Report(DiagnosticDescriptors.InvalidIdentifier, location, what, name, $": the generated file name '{hintName}.g.cs' would be {fileNameBytes} bytes, and file systems allow {Naming.MaxFileNameBytes}");
            return null;
        }

        return new ServiceSpec(
            service.Name,
            ns,
            service.Description,
            service.BaseUrl,
            service.Placeholders.ToEquatableArray(),
            service.Auth,
            service.Headers.ToEquatableArray(),
            error,
            endpoints.ToEquatableArray(),
            ToEquatableArray(types, static t => t.Spec),
            hintName,
            _filePath,
            _servers.ToEquatableArray(),
            _schemes.ToEquatableArray());
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

    /// <summary>
    /// Records a problem. Past <see cref="MaxDiagnostics"/> in one file they are only counted: a flood of errors costs
    /// the build minutes and hides the first, which are the ones to fix; <see cref="ReportSuppressed"/> says how many.
    /// </summary>
    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments)
    {
        if (++_reported <= MaxDiagnostics)
        {
            _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));
        }
        else if (_reported == MaxDiagnostics + 1)
        {
            _firstSuppressed = location;
        }
    }

    private void ReportSuppressed()
    {
        if (_firstSuppressed is { } location)
        {
            _diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.TooManyErrors,
                location,
                (_reported - MaxDiagnostics).ToString(System.Globalization.CultureInfo.InvariantCulture),
                MaxDiagnostics.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
