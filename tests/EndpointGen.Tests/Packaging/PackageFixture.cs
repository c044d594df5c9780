using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using EndpointGen.Tests.Infrastructure;
using Xunit;

namespace EndpointGen.Tests.Packaging;

/// <summary>The packaging tests share one package, packed once per test run.</summary>
[CollectionDefinition(Name)]
public sealed class PackagingCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Packaging";
}

/// <summary>
/// Packs the EndpointGen package the way a release does (<c>dotnet pack -c Release</c> of
/// src/EndpointGen.Runtime) into a folder feed under a fresh temporary directory, and hands out the
/// consumer projects built from that feed.
/// </summary>
/// <remarks>
/// The version is unique per run (<c>0.1.0-test.&lt;ticks&gt;</c>): NuGet never re-extracts a version it
/// already holds in the global packages folder, so a fixed version would test a stale package.
/// The build output goes to the temporary directory too (<c>--artifacts-path</c>), leaving the
/// repository's bin/ and obj/ alone. Set ENDPOINTGEN_KEEP_PACKAGING=1 to keep the directory.
/// </remarks>
public sealed class PackageFixture : IAsyncLifetime
{
    private readonly Lazy<ConsumerBuilds> _consumers;

    public PackageFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "endpointgen-packaging-" + Guid.NewGuid().ToString("N")[..8]);
        BaseVersion = (string)XDocument.Load(Path.Combine(Repository.Root, "Directory.Build.props")).Descendants("Version").Single();
        Version = BaseVersion + "-test." + DateTime.UtcNow.Ticks;
        _consumers = new Lazy<ConsumerBuilds>(() => new ConsumerBuilds(Path.Combine(Root, "consumers"), Feed, Version), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The temporary directory holding the feed, the package's build output and the consumers.</summary>
    public string Root { get; }

    /// <summary>The version in Directory.Build.props, which a release packs.</summary>
    public string BaseVersion { get; }

    /// <summary>The version packed by this run.</summary>
    public string Version { get; }

    public string Feed => Path.Combine(Root, "feed");

    public string PackagePath => Path.Combine(Feed, "EndpointGen." + Version + ".nupkg");

    /// <summary>How long packing took, for the test output.</summary>
    internal CommandResult? Pack { get; private set; }

    /// <summary>The consumer projects, all building in parallel from the first use on.</summary>
    internal ConsumerBuilds Consumers => _consumers.Value;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        Pack = await DotNetCli.RunAsync(
            Repository.Root,
            new[] { "pack", Path.Combine("src", "EndpointGen.Runtime", "EndpointGen.Runtime.csproj"), "-c", "Release", "--artifacts-path", Path.Combine(Root, "artifacts"), "-o", Feed, "-p:Version=" + Version }
                .Concat(DotNetCli.BuildSwitches)
                .ToArray());
        if (Pack.ExitCode != 0 || !File.Exists(PackagePath))
        {
            throw new InvalidOperationException("Packing EndpointGen failed. " + Pack);
        }

        // The fakes' runtime, for test projects: a package of its own that depends on EndpointGen of the same version.
        var testing = await DotNetCli.RunAsync(
            Repository.Root,
            new[] { "pack", Path.Combine("src", "EndpointGen.Testing", "EndpointGen.Testing.csproj"), "-c", "Release", "--artifacts-path", Path.Combine(Root, "artifacts"), "-o", Feed, "-p:Version=" + Version }
                .Concat(DotNetCli.BuildSwitches)
                .ToArray());
        if (testing.ExitCode != 0 || !File.Exists(Path.Combine(Feed, "EndpointGen.Testing." + Version + ".nupkg")))
        {
            throw new InvalidOperationException("Packing EndpointGen.Testing failed. " + testing);
        }
    }

    public async Task DisposeAsync()
    {
        if (_consumers.IsValueCreated)
        {
            await _consumers.Value.DisposeAsync();
        }

        if (Environment.GetEnvironmentVariable("ENDPOINTGEN_KEEP_PACKAGING") == "1")
        {
            return;
        }

        TryDelete(Root);

        // The consumers' restores extracted this run's version into the global packages folder; nothing else will use it.
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "endpointgen", "endpointgen.testing" })
        {
            var package = Path.Combine(globalPackages, id);
            TryDelete(Path.Combine(package, Version.ToLowerInvariant()));
            if (Directory.Exists(package) && !Directory.EnumerateFileSystemEntries(package).Any())
            {
                TryDelete(package);
            }
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A compiler server may still hold a file for a moment; the temporary directory is left behind.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
