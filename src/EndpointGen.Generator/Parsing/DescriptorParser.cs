using System;
using System.Collections.Generic;
using System.Linq;
using EndpointGen.Generator.Diagnostics;
using EndpointGen.Generator.Model;
using EndpointGen.Generator.Parsing.Yaml;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace EndpointGen.Generator.Parsing;

/// <summary>
/// Reads a descriptor file into a <see cref="ServiceSpec"/>. It never throws: YAML errors, schema errors and its
/// own failures all end as located diagnostics, because an exception would cost the user every generated file.
/// </summary>
internal static class DescriptorParser
{
    /// <summary>Parses one descriptor.</summary>
    /// <param name="filePath">The file's path, for locations.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="defaultNamespace">The project's namespace for a descriptor that names none.</param>
    /// <returns>The model and claim when the file has no error, and every diagnostic.</returns>
    public static DescriptorResult Parse(string filePath, string text, string? defaultNamespace) =>
        Parse(filePath, SourceText.From(text), defaultNamespace);

    /// <inheritdoc cref="Parse(string, string, string?)"/>
    public static DescriptorResult Parse(string filePath, SourceText text, string? defaultNamespace)
    {
        var diagnostics = new List<DiagnosticInfo>();
        try
        {
            var root = YamlTreeReader.Read(filePath, text, diagnostics);
            var (service, claim) = root is null ? (null, null) : new DescriptorReader(filePath, defaultNamespace, diagnostics).Read(root);
            var hasErrors = diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);
            return hasErrors ? new DescriptorResult(null, diagnostics.ToEquatableArray()) : new DescriptorResult(service, diagnostics.ToEquatableArray(), claim);
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
