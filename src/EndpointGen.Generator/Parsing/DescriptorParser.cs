using System;
using System.Collections.Generic;
using System.Linq;
using EndpointGen.Generator.Diagnostics;
using EndpointGen.Generator.Model;
using EndpointGen.Generator.Parsing.Yaml;
using Microsoft.CodeAnalysis;

namespace EndpointGen.Generator.Parsing;

/// <summary>What parsing one descriptor file produced: the model when it is valid, and every diagnostic.</summary>
/// <param name="Service">The model, or <see langword="null"/> when any error was found.</param>
/// <param name="Claim">Which generated service this file claims, so two files claiming one can be told apart.</param>
internal sealed record DescriptorResult(ServiceSpec? Service, EquatableArray<DiagnosticInfo> Diagnostics, ServiceClaim? Claim = null);

/// <summary>A file's claim on the generated names of one service.</summary>
/// <param name="HintName">The service's hint name prefix (namespace and name).</param>
/// <param name="NameLocation">Where the service name is written, for the diagnostic when two files claim one service.</param>
internal sealed record ServiceClaim(string HintName, string Name, string? Namespace, LocationInfo NameLocation);

/// <summary>
/// Reads a descriptor file into a <see cref="ServiceSpec"/>. It never throws: YAML errors, schema errors and its
/// own failures all end as located diagnostics, because an exception would cost the user every generated file.
/// </summary>
internal static class DescriptorParser
{
    public static DescriptorResult Parse(string filePath, string text)
    {
        var diagnostics = new List<DiagnosticInfo>();
        try
        {
            var root = YamlTreeReader.Read(filePath, text, diagnostics);
            var reader = root is null ? null : new DescriptorReader(filePath, diagnostics);
            var service = root is null ? null : reader!.Read(root);
            var hasErrors = diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);
            var claim = hasErrors || service is null || reader!.NameLocation is not { } nameLocation
                ? null
                : new ServiceClaim(service.HintName, service.Name, service.Namespace, nameLocation);
            return new DescriptorResult(hasErrors ? null : service, diagnostics.ToEquatableArray(), claim);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InternalError,
                new LocationInfo(filePath, 0, 0, 0, 0, 0, 0),
                ex.GetType().Name + ": " + ex.Message));
            return new DescriptorResult(null, diagnostics.ToEquatableArray());
        }
    }
}
