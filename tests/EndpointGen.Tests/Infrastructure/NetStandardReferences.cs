using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace EndpointGen.Tests.Infrastructure;

/// <summary>
/// The reference assemblies a netstandard2.0 consumer compiles against, from the NuGet packages folder that
/// restoring this repository fills (the runtime library targets netstandard2.0, so they are always there).
/// </summary>
internal static class NetStandardReferences
{
    private static readonly string[] s_libraries =
    {
        "system.text.json", "system.memory", "system.buffers", "system.runtime.compilerservices.unsafe",
        "system.threading.tasks.extensions", "microsoft.bcl.asyncinterfaces", "system.text.encodings.web",
        "system.numerics.vectors", "system.io.pipelines", "system.net.serversentevents",
        "system.diagnostics.diagnosticsource",
    };

    private static readonly Lazy<IReadOnlyList<MetadataReference>> s_references = new(Load);

    public static IReadOnlyList<MetadataReference> All => s_references.Value;

    private static IReadOnlyList<MetadataReference> Load()
    {
        var references = new List<MetadataReference>();
        references.AddRange(Directory.GetFiles(Path.Combine(RestoredPackages.Newest("netstandard.library"), "build", "netstandard2.0", "ref"), "*.dll")
            .Select(p => MetadataReference.CreateFromFile(p)));
        foreach (var library in s_libraries)
        {
            var folder = Path.Combine(RestoredPackages.Newest(library), "lib", "netstandard2.0");
            if (Directory.Exists(folder))
            {
                references.AddRange(Directory.GetFiles(folder, "*.dll").Select(p => MetadataReference.CreateFromFile(p)));
            }
        }

        return references;
    }
}

/// <summary>The NuGet packages folder that restoring this repository fills.</summary>
internal static class RestoredPackages
{
    /// <summary>What a project compiles against to get <c>services.Add{Service}Client(...)</c>: Microsoft.Extensions.Http and the packages in its signatures.</summary>
    public static readonly string[] DependencyInjection =
    {
        "Microsoft.Extensions.Http", "Microsoft.Extensions.DependencyInjection.Abstractions", "Microsoft.Extensions.Options", "Microsoft.Extensions.Primitives",
    };

    public static string Root => Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
        ? configured
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>The folder of the newest restored version of a package.</summary>
    public static string Newest(string package)
    {
        var versions = Directory.GetDirectories(Path.Combine(Root, package.ToLowerInvariant()));
        return versions.OrderBy(v => Version.TryParse(Path.GetFileName(v).Split('-')[0], out var version) ? version : new Version(0, 0)).Last();
    }

    /// <summary>
    /// The <c>lib/{targetFramework}</c> assembly of each package, at the version this test project was built with
    /// (the product version of its copy in the test's output folder), so another target framework sees the same API.
    /// </summary>
    public static IReadOnlyList<MetadataReference> Libraries(string targetFramework, IEnumerable<string> packages) =>
        packages.Select(package =>
        {
            var version = FileVersionInfo.GetVersionInfo(Path.Combine(AppContext.BaseDirectory, package + ".dll")).ProductVersion!.Split('+')[0];
            return (MetadataReference)MetadataReference.CreateFromFile(Path.Combine(Root, package.ToLowerInvariant(), version, "lib", targetFramework, package + ".dll"));
        }).ToList();
}
