using System;
using System.IO;
using EndpointGen.Generator.Diagnostics;
using EndpointGen.Generator.Emitting;
using EndpointGen.Generator.Model;
using EndpointGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace EndpointGen.Generator;

/// <summary>
/// Turns every <c>*.endpoints.yaml</c> / <c>*.endpoints.yml</c> AdditionalFile into a typed HTTP client:
/// request and response types, open enums, reflection-free JSON code, and one client per service.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class EndpointGenerator : IIncrementalGenerator
{
    /// <summary>The oldest C# the emitted code compiles with (required members, UTF-8 literals).</summary>
    internal const LanguageVersion MinimumLanguageVersion = LanguageVersion.CSharp11;

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Keyed per file: each descriptor is read and parsed on its own, so editing C# or another
        // descriptor leaves this file's parse cached.
        var results = context.AdditionalTextsProvider
            .Where(static text => IsDescriptor(text.Path))
            .WithTrackingName(TrackingNames.Descriptors)
            .Select(static (text, cancellationToken) => Parse(text, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        // Diagnostics get their own output so that a model change and a diagnostics change re-run independently.
        var diagnostics = results
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, items) =>
        {
            foreach (var item in items)
            {
                spc.ReportDiagnostic(item.ToDiagnostic());
            }
        });

        // Only small equatable facts come from the compilation, never the compilation itself.
        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => ReadOptions(provider))
            .WithTrackingName(TrackingNames.Options);
        var languageVersion = context.ParseOptionsProvider
            .Select(static (parseOptions, _) => parseOptions is CSharpParseOptions csharp ? csharp.LanguageVersion : MinimumLanguageVersion)
            .WithTrackingName(TrackingNames.LanguageVersion);

        var services = results
            .Select(static (result, _) => result.Service)
            .Where(static service => service is not null)
            .Combine(options)
            .Combine(languageVersion)
            .WithTrackingName(TrackingNames.Services);
        context.RegisterSourceOutput(services, static (spc, input) => Emit(spc, input.Left.Left!, input.Left.Right, input.Right));
    }

    private static bool IsDescriptor(string path) =>
        path.EndsWith(".endpoints.yaml", StringComparison.OrdinalIgnoreCase) ||
        path.EndsWith(".endpoints.yml", StringComparison.OrdinalIgnoreCase);

    private static DescriptorResult Parse(AdditionalText text, System.Threading.CancellationToken cancellationToken)
    {
        SourceText? source;
        try
        {
            source = text.GetText(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            source = null;
        }

        if (source is null)
        {
            return new DescriptorResult(null, new[]
            {
                DiagnosticInfo.Create(DiagnosticDescriptors.NotADescriptor, new LocationInfo(text.Path, 0, 0, 0, 0, 0, 0), "the file could not be read"),
            }.ToEquatableArray());
        }

        return DescriptorParser.Parse(text.Path, source.ToString());
    }

    private static EmitOptions ReadOptions(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider provider)
    {
        provider.GlobalOptions.TryGetValue("build_property.EndpointGenVisibility", out var visibility);
        return string.Equals(visibility?.Trim(), "internal", StringComparison.OrdinalIgnoreCase) ? new EmitOptions("internal") : EmitOptions.Default;
    }

    private static void Emit(SourceProductionContext context, ServiceSpec service, EmitOptions options, LanguageVersion languageVersion)
    {
        if (languageVersion < MinimumLanguageVersion)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.LanguageVersionTooLow, Location.None, service.Name, languageVersion.ToDisplayString()));
            return;
        }

        try
        {
            context.AddSource(service.HintName + "Client.g.cs", SourceText.From(ClientEmitter.Emit(service, options), System.Text.Encoding.UTF8));
            foreach (var type in service.Types)
            {
                context.AddSource(service.HintName + "." + type.Name + ".g.cs", SourceText.From(ModelEmitter.Emit(service, type, options), System.Text.Encoding.UTF8));
            }
        }
        catch (ArgumentException ex) when (ex.ParamName == "hintName" || ex.Message.Contains("hintName"))
        {
            // AddSource refuses a hint name already added: another descriptor declares the same service.
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateService, Location.None, service.Name, service.Namespace));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An emitter bug must cost one diagnostic, not every generated file (CS8785).
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, ex.GetType().Name + ": " + ex.Message));
        }
    }
}
