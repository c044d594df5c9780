using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace EndpointGen.Tests.Packaging;

/// <summary>
/// Fresh projects that reference the packed EndpointGen from a local feed and nothing else build
/// cleanly with Nullable and TreatWarningsAsErrors on every supported target framework, and a client
/// registered through Microsoft.Extensions.Http resolves and calls its API.
/// </summary>
[Collection(PackagingCollection.Name)]
[Trait("Category", "Packaging")]
public sealed class ConsumerTests
{
    private readonly PackageFixture _package;
    private readonly ITestOutputHelper _output;

    public ConsumerTests(PackageFixture package, ITestOutputHelper output)
    {
        _package = package;
        _output = output;
    }

    private ConsumerBuilds Consumers => _package.Consumers;

    [Fact]
    public async Task EndpointGenFakes_through_the_package_properties_generates_a_fake_that_answers_the_client_and_refuses_a_forbidden_request()
    {
        var run = await Report(Consumers.FakesApplication);

        DotNetCli.AssertClean(run);
        Assert.Contains("fake Oslo Oslo 3 Bearer secret-token", run.Output, StringComparison.Ordinal);
        Assert.Contains(
            "violation Weather GetForecast: the method DELETE is not allowed: the path is GetForecast's, whose method is GET (DELETE /v1/cities/Oslo/forecast)",
            run.Output,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_net8_library_with_only_the_package_and_three_descriptors_builds_without_warnings()
    {
        DotNetCli.AssertClean(await Report(Consumers.Net8Library));
    }

    [Fact]
    public async Task A_netstandard20_library_with_only_the_package_and_three_descriptors_builds_without_warnings()
    {
        DotNetCli.AssertClean(await Report(Consumers.NetStandardLibrary));
    }

    [Fact]
    public async Task A_client_registered_with_dependency_injection_resolves_from_the_service_provider_and_calls_its_api()
    {
        var run = await Report(Consumers.Application);

        DotNetCli.AssertClean(run);
        Assert.Contains("request GET https://api.example.com/v1/cities/Oslo/forecast?days=3 Bearer secret-token", run.Output, StringComparison.Ordinal);
        Assert.Contains("forecast Oslo", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_application_and_the_netstandard20_library_it_references_both_using_the_package_build_and_run()
    {
        var run = await Report(Consumers.Application);

        DotNetCli.AssertClean(run);
        Assert.Contains("request POST https://acme.thulium.com/api/chat_conversations/start?chat_queue_id=3&client_id=1234 Basic dTpw", run.Output, StringComparison.Ordinal);
        Assert.Contains("conversation 6ed7c941-2c8a-411e-95d2-338a9f64800a", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Internal_visibility_and_the_default_namespace_apply_through_the_package_properties()
    {
        DotNetCli.AssertClean(await Report(Consumers.InternalLibrary));

        var types = TopLevelTypes(Path.Combine(Consumers.InternalLibraryDirectory, "bin", "Debug", "net10.0", "InternalLibrary.dll"));
        Assert.Contains("Acme.Weather.WeatherClient", types.Keys);
        Assert.Contains("ContactCenter.Thulium.ThuliumClient", types.Keys);
        Assert.All(types, t => Assert.True(t.Value == TypeAttributes.NotPublic, t.Key + " is " + t.Value));
    }

    [Fact]
    public async Task Descriptors_anywhere_under_the_project_are_additional_files_once_and_bin_obj_are_skipped()
    {
        DotNetCli.AssertClean(await Consumers.InternalLibrary);

        var query = await DotNetCli.RunAsync(Consumers.InternalLibraryDirectory, "msbuild", "-nologo", "-nodeReuse:false", "-getItem:AdditionalFiles");
        Assert.True(query.ExitCode == 0, query.ToString());
        var files = JsonDocument.Parse(query.Output).RootElement.GetProperty("Items").GetProperty("AdditionalFiles").EnumerateArray()
            .Select(item => item.GetProperty("FullPath").GetString()!)
            .OrderBy(path => path, StringComparer.Ordinal);

        Assert.Equal(
            new[] { Path.Combine(Consumers.InternalLibraryDirectory, "Specs", "thulium.endpoints.yaml"), Path.Combine(Consumers.InternalLibraryDirectory, "weather.endpoints.yml") },
            files);
    }

    private async Task<CommandResult> Report(Task<CommandResult> build)
    {
        var result = await build;
        _output.WriteLine(result.ToString());
        return result;
    }

    private static Dictionary<string, TypeAttributes> TopLevelTypes(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var metadata = pe.GetMetadataReader();
        return metadata.TypeDefinitions
            .Select(metadata.GetTypeDefinition)
            .Where(t => t.GetDeclaringType().IsNil && metadata.GetString(t.Name) != "<Module>")
            .ToDictionary(t => metadata.GetString(t.Namespace) + "." + metadata.GetString(t.Name), t => t.Attributes & TypeAttributes.VisibilityMask);
    }
}
