using System;
using System.Collections.Generic;
using System.Linq;
using EndpointGen.Generator.Diagnostics;
using EndpointGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace EndpointGen.Generator.Parsing;

/// <summary>What parsing one descriptor file produced: the model when it is valid, and every diagnostic.</summary>
/// <param name="Service">The model, or <see langword="null"/> when any error was found.</param>
internal sealed record DescriptorResult(ServiceSpec? Service, EquatableArray<DiagnosticInfo> Diagnostics);

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
            var service = root is null ? null : new DescriptorReader(filePath, diagnostics).Read(root);
            var hasErrors = diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);
            return new DescriptorResult(hasErrors ? null : service, diagnostics.ToEquatableArray());
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
