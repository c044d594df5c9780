using System;
using System.Collections.Immutable;
using System.Linq;
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

    /// <summary>The support file's hint name: a hyphen cannot occur in a service's (namespace and C# name), so none can meet it.</summary>
    internal const string PolyfillHintName = "EndpointGen-Polyfills.g.cs";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Only small equatable facts come from the compilation and the project, never the compilation itself.
        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => ReadOptions(provider))
            .WithTrackingName(TrackingNames.Options);

        // The namespace a descriptor without one takes: part of the model, so the model is complete when parsed.
        var defaultNamespace = options
            .Select(static (options, _) => options.DefaultNamespace)
            .WithTrackingName(TrackingNames.DefaultNamespace);

        // Keyed per file: each descriptor is read and parsed on its own, so editing C# or another
        // descriptor leaves this file's parse cached.
        var results = context.AdditionalTextsProvider
            .Where(static text => IsDescriptor(text.Path))
            .Collect()
            // The same file listed twice (by hand and by a glob) must not generate its service twice.
            .SelectMany(static (texts, _) => texts.GroupBy(static t => t.Path, StringComparer.Ordinal).Select(static g => g.First()))
            .WithTrackingName(TrackingNames.Descriptors)
            .Combine(defaultNamespace)
            .Select(static (input, cancellationToken) => Parse(input.Left, input.Right, cancellationToken))
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

        var languageVersion = context.ParseOptionsProvider
            .Select(static (parseOptions, _) => parseOptions is CSharpParseOptions csharp ? csharp.LanguageVersion : MinimumLanguageVersion)
            .WithTrackingName(TrackingNames.LanguageVersion);
        var facts = context.CompilationProvider
            .Select(static (compilation, _) => CompilationFacts.From(compilation))
            .WithTrackingName(TrackingNames.CompilationFacts);

        // One collection of every parse result answers both project-wide questions (which files lose a service
        // to another, whether any file generates code). A collection walks every file on every run, so there is
        // only one. It re-runs on any spec edit, but both answers are small values that usually stay equal, so
        // the other files' outputs stay cached.
        var allResults = results.Collect();

        // Two descriptors whose generated names meet would emit clashing files or types, which fails the whole
        // generator (CS8785) or the build in generated code.
        var claims = allResults
            .Select(static (all, _) => ServiceClaims.Resolve(all.Select(static result => result.Claim).OfType<ServiceClaim>().ToImmutableArray()))
            .WithTrackingName(TrackingNames.Duplicates);

        context.RegisterSourceOutput(claims, static (spc, verdict) =>
        {
            foreach (var item in verdict.Diagnostics)
            {
                spc.ReportDiagnostic(item.ToDiagnostic());
            }
        });

        // Emitting sees only which files lose, not where their names are, so a shifted line re-emits nothing.
        var losingFiles = claims
            .Select(static (verdict, _) => verdict.LosingFiles)
            .WithTrackingName(TrackingNames.LosingFiles);

        // The project-wide values meet here, as one value, so each file's service goes through one per-file
        // Combine instead of four, and a change to any of them walks the files once rather than four times.
        var emitContext = options
            .Combine(languageVersion)
            .Combine(facts)
            .Combine(losingFiles)
            .Select(static (input, _) => new EmitContext(input.Left.Left.Left, input.Left.Left.Right, input.Left.Right, input.Right))
            .WithTrackingName(TrackingNames.EmitContext);

        // A file with errors has no service; the output step skips it, which saves a filter node per file.
        var services = results
            .Select(static (result, _) => result.Service)
            .Combine(emitContext)
            .WithTrackingName(TrackingNames.Services);
        context.RegisterSourceOutput(services, static (spc, input) =>
        {
            var (service, emit) = input;
            if (service is not null && emit.Options.Clients && !emit.LosingFiles.Contains(service.SourcePath))
            {
                Emit(spc, service, emit.Options, emit.LanguageVersion, emit.Facts);
            }
        });

        // Fakes are asked for per project (EndpointGenFakes): a small value of their own, so turning them on or off
        // re-emits no client, and a change to what only the clients use re-emits no fake.
        // A fake's file is <service's>.Fake.g.cs, which another service's own file can be (a service 'Fake' in the namespace
        // '<namespace>.<service>'): the driver would fail on the second file of one name, so the fakes know every service's.
        var serviceHintNames = allResults
            .Select(static (all, _) => all.Select(static r => r.Claim?.HintName.ToUpperInvariant()).OfType<string>().OrderBy(static h => h, StringComparer.Ordinal).ToEquatableArray());
        var fakeContext = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => IsTrue(provider.GlobalOptions, "EndpointGenFakes"))
            .Combine(emitContext)
            .Combine(serviceHintNames)
            .Select(static (input, _) => new FakeContext(
                input.Left.Left,
                input.Left.Right.Options.Clients,
                input.Left.Right.Options.Visibility,
                input.Left.Right.Facts.HasDateOnly,
                input.Left.Right.LanguageVersion >= MinimumLanguageVersion,
                input.Left.Right.LanguageVersion.ToDisplayString(),
                input.Left.Right.LosingFiles,
                input.Right))
            .WithTrackingName(TrackingNames.FakeContext);
        var fakes = results
            .Select(static (result, _) => result.Service)
            .Combine(fakeContext)
            .WithTrackingName(TrackingNames.Fakes);
        context.RegisterSourceOutput(fakes, static (spc, input) =>
        {
            var (service, fake) = input;
            if (fake.Enabled && service is not null && !fake.LosingFiles.Contains(service.SourcePath))
            {
                EmitFake(spc, service, fake);
            }
        });

        // Whether any descriptor generates code: the support types and the settings' diagnostic concern only such projects.
        var anyService = allResults
            .Select(static (all, _) => all.Any(static result => result.Service is not null))
            .WithTrackingName(TrackingNames.AnyService);

        // A refused MSBuild setting is reported from an output of its own, so it does not re-run the support types.
        var invalidSetting = options
            .Select(static (options, _) => options.InvalidSetting)
            .Combine(anyService)
            .WithTrackingName(TrackingNames.InvalidSetting);
        context.RegisterSourceOutput(invalidSetting, static (spc, input) =>
        {
            var (setting, generates) = input;
            if (generates && setting is not null)
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidSetting, Location.None, setting));
            }
        });

        // The support types go out once per project, and only when some descriptor generates code.
        var polyfills = anyService
            .Combine(emitContext)
            .WithTrackingName(TrackingNames.Polyfills);
        context.RegisterSourceOutput(polyfills, static (spc, input) =>
        {
            var (generates, emit) = input;
            if (generates && emit.Options.Clients && emit.Facts.NeedsPolyfills && emit.LanguageVersion >= MinimumLanguageVersion)
            {
                spc.AddSource(PolyfillHintName, SourceText.From(PolyfillEmitter.Emit(emit.Facts), System.Text.Encoding.UTF8));
            }
        });
    }

    private static bool IsDescriptor(string path) =>
        path.EndsWith(".endpoints.yaml", StringComparison.OrdinalIgnoreCase) ||
        path.EndsWith(".endpoints.yml", StringComparison.OrdinalIgnoreCase);

    private static DescriptorResult Parse(AdditionalText text, string? defaultNamespace, System.Threading.CancellationToken cancellationToken)
    {
        SourceText? content;
        try
        {
            // The text as the compiler holds it, not ToString(): that copies a large (chunked) text into a string.
            content = text.GetText(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Failure(text.Path, DiagnosticDescriptors.InternalError, "the file could not be read: " + ex.GetType().Name + ": " + ex.Message);
        }

        return content is null
            ? Failure(text.Path, DiagnosticDescriptors.NotADescriptor, "the file could not be read")
            : DescriptorParser.Parse(text.Path, content, defaultNamespace);
    }

    /// <summary>Whether a boolean MSBuild property is <c>true</c> (in any case); unset and any other value are false.</summary>
    private static bool IsTrue(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options, string property) =>
        options.TryGetValue("build_property." + property, out var value) && value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a boolean MSBuild property's value is valid: unset, empty, <c>true</c> or <c>false</c> in any case.</summary>
    private static bool IsBoolean(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options, string property, out bool value, bool unset)
    {
        value = unset;
        if (!options.TryGetValue("build_property." + property, out var text) || text.Trim().Length == 0)
        {
            return true;
        }

        var trimmed = text.Trim();
        value = trimmed.Equals("true", StringComparison.OrdinalIgnoreCase);
        return value || trimmed.Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    private static DescriptorResult Failure(string path, DiagnosticDescriptor descriptor, string message) =>
        new(null, new[] { DiagnosticInfo.Create(descriptor, new LocationInfo(path, 0, 0, 0, 0, 0, 0), message) }.ToEquatableArray());

    private static EmitOptions ReadOptions(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider provider)
    {
        var global = provider.GlobalOptions;
        string? invalid = null;
        global.TryGetValue("build_property.EndpointGenVisibility", out var visibilityText);
        var visibility = visibilityText?.Trim() ?? string.Empty;
        if (!(visibility.Length == 0 || visibility.Equals("public", StringComparison.OrdinalIgnoreCase) || visibility.Equals("internal", StringComparison.OrdinalIgnoreCase)))
        {
            invalid = "EndpointGenVisibility=" + visibility;
        }

        string? ns = null;
        foreach (var property in new[] { "EndpointGenNamespace", "RootNamespace" })
        {
            if (global.TryGetValue("build_property." + property, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                ns = value.Trim();
                if (!Naming.IsValidNamespace(ns))
                {
                    invalid ??= property + "=" + Naming.Visible(ns);
                    ns = null;
                }

                break;
            }
        }

        // A value that is neither true nor false is refused, and then means the default (clients, no fakes).
        if (!IsBoolean(global, "EndpointGenClients", out var clients, unset: true))
        {
            invalid ??= "EndpointGenClients=" + Naming.Visible(global.TryGetValue("build_property.EndpointGenClients", out var text) ? text.Trim() : string.Empty);
            clients = true;
        }

        if (!IsBoolean(global, "EndpointGenFakes", out _, unset: false))
        {
            invalid ??= "EndpointGenFakes=" + Naming.Visible(global.TryGetValue("build_property.EndpointGenFakes", out var text) ? text.Trim() : string.Empty);
        }

        return new EmitOptions(visibility.Equals("internal", StringComparison.OrdinalIgnoreCase) ? "internal" : "public", ns, invalid) { Clients = clients };
    }

    private static void EmitFake(SourceProductionContext context, ServiceSpec service, FakeContext fake)
    {
        if (!fake.LanguageVersionOk)
        {
            // Where the clients are emitted, they report it already.
            if (!fake.ClientsEmitted)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LanguageVersionTooLow, Location.None, service.Name, fake.LanguageVersion));
            }

            return;
        }

        var start = new LocationInfo(service.SourcePath, 0, 0, 0, 0, 0, 0).ToLocation();
        if (FakeEmitter.Problem(service) is { } problem)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.FakeNotGenerated, start, service.Name, problem));
            return;
        }

        if (fake.ServiceHintNames.Contains((service.HintName + ".Fake").ToUpperInvariant()))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.FakeNotGenerated, start, service.Name, "its file name " + FakeEmitter.HintName(service) + " is another service's"));
            return;
        }

        try
        {
            context.AddSource(FakeEmitter.HintName(service), FakeEmitter.Emit(service, fake.Visibility, fake.DateOnly));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, ex.GetType().Name + ": " + ex.Message));
        }
    }

    private static void Emit(SourceProductionContext context, ServiceSpec service, EmitOptions options, LanguageVersion languageVersion, CompilationFacts facts)
    {
        if (languageVersion < MinimumLanguageVersion)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.LanguageVersionTooLow, Location.None, service.Name, languageVersion.ToDisplayString()));
            return;
        }

        try
        {
            // One array per file, not a chunked text: a file of a service is a large object, allocated once and never
            // copied by the young-generation collections, which would copy every chunk of it as the driver keeps it
            // (measured at 1000 endpoints: a third less collection pause, docs/performance.md). It holds one byte per
            // character when the file is ASCII, as generated files are unless a description is not.
            context.AddSource(service.HintName + ".g.cs", ServiceEmitter.Emit(service, options, facts));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An emitter bug must cost one diagnostic, not every generated file (CS8785).
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, ex.GetType().Name + ": " + ex.Message));
        }
    }
}
