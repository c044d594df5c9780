using System;
using System.Collections.Generic;
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
        "system.numerics.vectors", "system.io.pipelines",
    };

    private static readonly Lazy<IReadOnlyList<MetadataReference>> s_references = new(Load);

    public static IReadOnlyList<MetadataReference> All => s_references.Value;

    private static IReadOnlyList<MetadataReference> Load()
    {
        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var references = new List<MetadataReference>();
        references.AddRange(Directory.GetFiles(Path.Combine(Newest(root, "netstandard.library"), "build", "netstandard2.0", "ref"), "*.dll")
            .Select(p => MetadataReference.CreateFromFile(p)));
        foreach (var library in s_libraries)
        {
            var folder = Path.Combine(Newest(root, library), "lib", "netstandard2.0");
            if (Directory.Exists(folder))
            {
                references.AddRange(Directory.GetFiles(folder, "*.dll").Select(p => MetadataReference.CreateFromFile(p)));
            }
        }

        return references;
    }

    private static string Newest(string root, string package)
    {
        var versions = Directory.GetDirectories(Path.Combine(root, package));
        return versions.OrderBy(v => Version.TryParse(Path.GetFileName(v).Split('-')[0], out var version) ? version : new Version(0, 0)).Last();
    }
}
