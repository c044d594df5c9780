using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using EndpointGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace EndpointGen.Tests.Packaging;

/// <summary>
/// The one package users reference holds the generator with its dependency, the runtime library for
/// both target frameworks, the MSBuild files, the schema and the README, and depends on
/// System.Text.Json and System.Diagnostics.DiagnosticSource only where the framework lacks them, and on System.Net.ServerSentEvents (event streams) on both.
/// </summary>
[Collection(PackagingCollection.Name)]
[Trait("Category", "Packaging")]
public sealed class PackageLayoutTests
{
    private readonly PackageFixture _package;

    public PackageLayoutTests(PackageFixture package, ITestOutputHelper output)
    {
        _package = package;
        output.WriteLine($"dotnet pack: {package.Pack?.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public void The_package_holds_exactly_the_generator_the_runtime_the_build_files_the_schema_and_the_readme()
    {
        using var archive = ZipFile.OpenRead(_package.PackagePath);
        var files = archive.Entries
            .Select(e => e.FullName)
            .Where(name => !IsPackagingMetadata(name))
            .OrderBy(name => name, StringComparer.Ordinal);

        Assert.Equal(
            new[]
            {
                "EndpointGen.nuspec",
                "README.md",
                "analyzers/dotnet/cs/EndpointGen.Generator.dll",
                "analyzers/dotnet/cs/YamlDotNet.dll",
                "build/EndpointGen.props",
                "build/EndpointGen.targets",
                "buildTransitive/EndpointGen.props",
                "buildTransitive/EndpointGen.targets",
                "lib/net8.0/EndpointGen.Runtime.dll",
                "lib/net8.0/EndpointGen.Runtime.xml",
                "lib/netstandard2.0/EndpointGen.Runtime.dll",
                "lib/netstandard2.0/EndpointGen.Runtime.xml",
                "schema/endpoints.schema.json",
            },
            files);
    }

    [Fact]
    public void The_schema_and_the_readme_are_the_repository_files()
    {
        using var archive = ZipFile.OpenRead(_package.PackagePath);
        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Root, "spec", "endpoints.schema.json")), Read(archive, "schema/endpoints.schema.json"));
        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Root, "README.md")), Read(archive, "README.md"));
    }

    [Fact]
    public void The_nuspec_names_the_package_its_license_readme_and_repository_type()
    {
        var metadata = Nuspec().Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Equal("EndpointGen", Value("id"));
        Assert.Equal(_package.Version, Value("version"));
        Assert.Equal("0.1.0", _package.BaseVersion);
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("expression", metadata.Elements().Single(e => e.Name.LocalName == "license").Attribute("type")?.Value);
        Assert.Equal("README.md", Value("readme"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.Contains("source-generator", (Value("tags") ?? "").Split(' '));
        Assert.Equal("git", metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("type")?.Value);
        // The runtime library ships in lib/: the package is a runtime dependency, not a development-only one.
        Assert.Null(Value("developmentDependency"));
    }

    [Fact]
    public void The_netstandard20_dependencies_are_json_diagnostics_and_the_event_stream_parser_net80_only_the_parser_and_none_is_the_generator_or_yamldotnet()
    {
        var groups = Nuspec().Descendants().Where(e => e.Name.LocalName == "group")
            .ToDictionary(
                g => g.Attribute("targetFramework")!.Value,
                g => g.Elements().Select(d => d.Attribute("id")!.Value).OrderBy(id => id, StringComparer.Ordinal).ToArray());

        Assert.Equal(new[] { ".NETStandard2.0", "net8.0" }, groups.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(new[] { "System.Diagnostics.DiagnosticSource", "System.Net.ServerSentEvents", "System.Text.Json" }, groups[".NETStandard2.0"]);
        Assert.Equal(new[] { "System.Net.ServerSentEvents" }, groups["net8.0"]);
        Assert.DoesNotContain(Nuspec().Descendants(), e => e.Name.LocalName == "dependency" && e.Attribute("id")?.Value is "EndpointGen.Generator" or "YamlDotNet" or "Microsoft.CodeAnalysis.CSharp");
    }

    [Fact]
    public void The_generator_loads_in_the_net8_sdk_compiler_and_finds_the_packed_yamldotnet()
    {
        using var archive = ZipFile.OpenRead(_package.PackagePath);
        var references = AssemblyReferences(archive, "analyzers/dotnet/cs/EndpointGen.Generator.dll");
        var yamlDotNet = AssemblyVersion(archive, "analyzers/dotnet/cs/YamlDotNet.dll");

        // Roslyn 4.8 is the compiler of the .NET 8 SDK and Visual Studio 17.8: a newer reference would not load there.
        Assert.True(references["Microsoft.CodeAnalysis"] <= new Version(4, 8, 0, 0), "Microsoft.CodeAnalysis " + references["Microsoft.CodeAnalysis"]);
        Assert.Equal(yamlDotNet, references["YamlDotNet"]);
    }

    private static bool IsPackagingMetadata(string name) =>
        name is "[Content_Types].xml" || name.StartsWith("_rels/", StringComparison.Ordinal) || name.StartsWith("package/", StringComparison.Ordinal);

    private XDocument Nuspec()
    {
        using var archive = ZipFile.OpenRead(_package.PackagePath);
        using var stream = archive.GetEntry("EndpointGen.nuspec")!.Open();
        return XDocument.Load(stream);
    }

    private static string Read(ZipArchive archive, string entry)
    {
        using var reader = new StreamReader(archive.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }

    private static MemoryStream Image(ZipArchive archive, string entry)
    {
        var image = new MemoryStream();
        using (var stream = archive.GetEntry(entry)!.Open())
        {
            stream.CopyTo(image);
        }

        image.Position = 0;
        return image;
    }

    private static Dictionary<string, Version> AssemblyReferences(ZipArchive archive, string entry)
    {
        using var pe = new PEReader(Image(archive, entry));
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(metadata.GetAssemblyReference)
            .ToDictionary(r => metadata.GetString(r.Name), r => r.Version);
    }

    private static Version AssemblyVersion(ZipArchive archive, string entry)
    {
        using var pe = new PEReader(Image(archive, entry));
        return pe.GetMetadataReader().GetAssemblyDefinition().Version;
    }
}
