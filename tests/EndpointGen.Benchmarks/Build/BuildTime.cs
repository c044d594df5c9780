using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using EndpointGen.Benchmarks.Generator;

namespace EndpointGen.Benchmarks.Build;

/// <summary>
/// The consumer's whole build, timed: console projects written into a temporary directory for each size, one per
/// contender (EndpointGen from its packed package, Refit with System.Text.Json source-generated contexts, Refit with
/// reflection JSON, and the same DTO classes with no generator), each built with <c>dotnet build</c> from scratch
/// (<c>--no-incremental</c>) and after an unrelated <c>.cs</c> edit, the contenders alternating run by run, the
/// median of each. Then one more build of each with <c>EmitCompilerGeneratedFiles</c> counts the generated C#.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project tests/EndpointGen.Benchmarks -- --build-time [--sizes 19,100,1000] [--runs 5] [--out file.md] [--sources DIR,DIR] [--only endpointgen,refit-stj,refit]</c>.
/// <c>--sources</c> adds a project per directory of C# files (one size only): the files of a <c>--dump</c>, as they are or
/// edited by hand, compiled as the user's own code over the EndpointGen package with no descriptor, to measure what a
/// design of the output would cost the whole build before the generator emits it.
/// The compiler server (VBCSCompiler) is on (<c>-p:UseSharedCompilation=true</c>, whatever the environment says) and
/// warm for every timed build: each contender's project of the first size is built once, discarded, before the first
/// timed build, which starts the server and loads every contender's analyzers into it. Load averages are sampled before and after every build and reported with the table.
/// </remarks>
internal static class BuildTime
{
    private static readonly string[] s_quiet = { "-nologo", "-v", "q", "-tl:off", "-clp:ErrorsOnly" };

    // The compiler server, as a user's build has it: on by default, but a machine may turn it off for everything
    // (this one sets UseSharedCompilation=false in the environment), and then every build starts a cold compiler.
    private static readonly string[] s_sharedCompilation = { "-p:UseSharedCompilation=true" };

    public static int Run(string[] args)
    {
        var sizes = Option(args, "--sizes", "19,100,1000").Split(',').Select(static s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var runs = int.Parse(Option(args, "--runs", "5"), CultureInfo.InvariantCulture);
        var repository = FindRepository();
        var output = Option(args, "--out", Path.Combine("BenchmarkDotNet.Artifacts", "build-time", $"build-time-{string.Join("-", sizes)}.md"));
        var root = Path.Combine(Path.GetTempPath(), "endpointgen-buildtime-" + Guid.NewGuid().ToString("N")[..8]);
        var version = "0.1.0-bench." + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture);
        var load = new LoadSampler();
        var started = DateTime.UtcNow;
        var commit = Commit(repository);
        var sources = Option(args, "--sources", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(static directory => Path.GetFullPath(directory).TrimEnd('/'))
            .Select(static directory => new Contender("as C#: " + Path.GetFileName(directory), "sources-" + Path.GetFileName(directory), directory))
            .ToList();
        if (sources.Count > 0 && sizes.Length != 1)
        {
            throw new ArgumentException("--sources needs one size: the endpoint count the files were dumped at");
        }

        // --only endpointgen,dtos: the built-in contenders to build, by folder name (the no-generator one always, as the ratios' base).
        var only = Option(args, "--only", string.Join(",", Contender.All.Select(static c => c.Folder))).Split(',');
        var contenders = Contender.All.Where(c => c == Contender.NoGenerator || only.Contains(c.Folder)).Concat(sources).ToList();
        Console.WriteLine($"Build time: sizes {string.Join(", ", sizes)}, {runs} runs, in {root}; load average {LoadSampler.Read()}");

        try
        {
            var feed = Path.Combine(root, "feed");
            Directory.CreateDirectory(feed);
            Dotnet(repository, "pack", Path.Combine("src", "EndpointGen.Runtime", "EndpointGen.Runtime.csproj"), "-c", "Release",
                "--artifacts-path", Path.Combine(root, "artifacts"), "-o", feed, "-p:Version=" + version);
            WriteWorkspace(root, feed);

            var rows = new List<Row>();
            foreach (var size in sizes)
            {
                var projects = contenders.Select(contender => ConsumerProject.Write(root, contender, size, version)).ToList();
                foreach (var project in projects)
                {
                    Dotnet(project.Directory, "restore");
                    if (size == sizes[0])
                    {
                        // Discarded: the compiler server started, its JIT warm, every contender's analyzers loaded in it
                        // (from the global packages folder, the same paths at every size).
                        Dotnet(project.Directory, "build", "--no-restore");
                    }
                }

                var clean = projects.ToDictionary(static p => p, static _ => new List<double>());
                var edited = projects.ToDictionary(static p => p, static _ => new List<double>());
                for (var run = 0; run < runs; run++)
                {
                    // Paired and alternating: every contender once per run, the order rotated run by run.
                    var order = projects.Skip(run % projects.Count).Concat(projects.Take(run % projects.Count)).ToList();
                    foreach (var project in order)
                    {
                        clean[project].Add(load.Time(() => Dotnet(project.Directory, "build", "--no-restore", "--no-incremental")));
                    }

                    foreach (var project in order)
                    {
                        project.EditUnrelatedFile(run);
                        edited[project].Add(load.Time(() => Dotnet(project.Directory, "build", "--no-restore")));
                    }

                    Console.WriteLine($"  {size} endpoints, run {run + 1}/{runs}: " + string.Join("; ", projects.Select(p =>
                        string.Format(CultureInfo.InvariantCulture, "{0} {1:F2} s / {2:F2} s", p.Contender.Name, clean[p][run], edited[p][run]))));
                }

                foreach (var project in projects)
                {
                    Dotnet(project.Directory, "build", "--no-restore", "--no-incremental", "-p:EmitCompilerGeneratedFiles=true", "-p:CompilerGeneratedFilesOutputPath=generated");
                    rows.Add(new Row(size, project.Contender, clean[project], edited[project], project.GeneratedCode()));
                }

                // Written after every size, so a long run that is stopped keeps the sizes it finished.
                var table = Render(rows, runs, started, load, commit);
                Console.WriteLine();
                Console.WriteLine(table);
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
                File.WriteAllText(output, table);
                Console.WriteLine("Written to " + Path.GetFullPath(output));
            }

            return 0;
        }
        finally
        {
            Cleanup(root, version);
        }
    }

    private static string Render(List<Row> rows, int runs, DateTime started, LoadSampler load, string commit)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"Whole `dotnet build` of a console project (net10.0), compiler server warm, median of {runs} paired runs; ");
        md.Append(CultureInfo.InvariantCulture, $"{started:yyyy-MM-dd HH:mm}–{DateTime.UtcNow:HH:mm} UTC at commit `{commit}`, ");
        md.Append(CultureInfo.InvariantCulture, $"one-minute load average {load.Min:F1}–{load.Max:F1} (sampled before and after each build), {Environment.ProcessorCount} cores.\n\n");
        md.Append("| endpoints | project | clean build | × no generator | after a `.cs` edit | × no generator | generated C# per endpoint |\n");
        md.Append("|---|---|---|---|---|---|---|\n");
        foreach (var size in rows.GroupBy(static r => r.Endpoints))
        {
            var baseline = size.Single(static r => r.Contender == Contender.NoGenerator);
            foreach (var row in size)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {row.Endpoints} | {row.Contender.Name} | {Median(row.Clean):F2} s ({Range(row.Clean)}) | {Median(row.Clean) / Median(baseline.Clean):F2}× ");
                md.Append(CultureInfo.InvariantCulture, $"| {Median(row.Edited):F2} s ({Range(row.Edited)}) | {Median(row.Edited) / Median(baseline.Edited):F2}× | ");
                md.Append(row.Generated.Count == 0
                    ? "none"
                    : string.Join("; ", row.Generated.Select(g => string.Format(CultureInfo.InvariantCulture, "{0}: {1:N0} B, {2:N0} lines", g.Generator, g.Bytes / (double)row.Endpoints, g.Lines / (double)row.Endpoints))));
                md.Append(" |\n");
            }
        }

        md.Append("\nTimes: median (fastest–slowest). Generated C#: the files `EmitCompilerGeneratedFiles` writes, per generator, divided by the endpoint count.\n");
        return md.ToString();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(static v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Range(List<double> values) =>
        string.Format(CultureInfo.InvariantCulture, "{0:F2}–{1:F2}", values.Min(), values.Max());

    private static void WriteWorkspace(string root, string feed)
    {
        const string Empty = "<Project>\n  <!-- Stops MSBuild from looking further up: these projects see nothing of the machine's folders. -->\n</Project>\n";
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), Empty);
        File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), Empty);
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), Empty);
        File.WriteAllText(Path.Combine(root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
    }

    private static void Dotnet(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var extra = arguments[0] is "build" ? s_quiet.Concat(s_sharedCompilation) : arguments[0] is "restore" or "pack" ? s_quiet : Enumerable.Empty<string>();
        foreach (var argument in arguments.Concat(extra))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} in {directory} failed ({process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        }
    }

    private static string Commit(string repository)
    {
        try
        {
            var start = new ProcessStartInfo("git", "rev-parse --short HEAD") { WorkingDirectory = repository, RedirectStandardOutput = true, UseShellExecute = false };
            using var process = Process.Start(start)!;
            var commit = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            var status = new ProcessStartInfo("git", "status --porcelain --untracked-files=no") { WorkingDirectory = repository, RedirectStandardOutput = true, UseShellExecute = false };
            using var dirty = Process.Start(status)!;
            var changes = dirty.StandardOutput.ReadToEnd().Trim();
            dirty.WaitForExit();
            return changes.Length == 0 ? commit : commit + " + uncommitted changes";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    private static string FindRepository()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Generator.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run --build-time from inside the repository (no Generator.sln above the current directory).");
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    private static void Cleanup(string root, string version)
    {
        if (Environment.GetEnvironmentVariable("ENDPOINTGEN_KEEP_BUILDTIME") == "1")
        {
            Console.WriteLine("Kept " + root);
            return;
        }

        TryDelete(root);
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        TryDelete(Path.Combine(globalPackages, "endpointgen", version.ToLowerInvariant()));
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

    private sealed record Row(int Endpoints, Contender Contender, List<double> Clean, List<double> Edited, IReadOnlyList<GeneratedCode> Generated);

    /// <summary>Samples the one-minute load average around each timed build.</summary>
    internal sealed class LoadSampler
    {
        public double Min { get; private set; } = double.MaxValue;

        public double Max { get; private set; }

        public static string Read()
        {
            try
            {
                return File.ReadAllText("/proc/loadavg").Split(' ')[0];
            }
            catch (IOException)
            {
                return "?";
            }
        }

        public double Time(Action build)
        {
            Sample();
            var stopwatch = Stopwatch.StartNew();
            build();
            var seconds = stopwatch.Elapsed.TotalSeconds;
            Sample();
            return seconds;
        }

        private void Sample()
        {
            if (double.TryParse(Read(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                Min = Math.Min(Min, value);
                Max = Math.Max(Max, value);
            }
        }
    }
}

/// <summary>The generated C# of one generator in one project.</summary>
/// <param name="Generator">The generator's folder name under <c>generated/</c>, shortened.</param>
/// <param name="Bytes">Bytes of all its files.</param>
/// <param name="Lines">Lines of all its files.</param>
internal sealed record GeneratedCode(string Generator, long Bytes, long Lines);

/// <summary>One kind of consumer project.</summary>
/// <param name="Name">Its name in the table.</param>
/// <param name="Folder">Its folder name.</param>
/// <param name="Sources">For a project of given C# files: their directory.</param>
internal sealed record Contender(string Name, string Folder, string? Sources = null)
{
    public static readonly Contender EndpointGen = new("EndpointGen", "endpointgen");
    public static readonly Contender RefitJsonContext = new("Refit + STJ contexts", "refit-stj");
    public static readonly Contender Refit = new("Refit (reflection JSON)", "refit");
    public static readonly Contender NoGenerator = new("no generator (DTOs only)", "dtos");

    public static IReadOnlyList<Contender> All { get; } = new[] { EndpointGen, RefitJsonContext, Refit, NoGenerator };
}

/// <summary>A consumer project on disk.</summary>
internal sealed class ConsumerProject
{
    private ConsumerProject(Contender contender, string directory)
    {
        Contender = contender;
        Directory = directory;
    }

    public Contender Contender { get; }

    public string Directory { get; }

    public static ConsumerProject Write(string root, Contender contender, int endpoints, string version)
    {
        var directory = Path.Combine(root, $"{contender.Folder}-{endpoints}");
        System.IO.Directory.CreateDirectory(directory);
        var package = contender == Contender.EndpointGen || contender.Sources is not null
            ? $"""<PackageReference Include="EndpointGen" Version="{version}" />"""
            : contender == Contender.NoGenerator ? string.Empty : """<PackageReference Include="Refit" Version="16.4.0" />""";
        var items = contender == Contender.EndpointGen ? """<AdditionalFiles Include="specs/*.endpoints.yaml" />""" : string.Empty;
        File.WriteAllText(Path.Combine(directory, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <RootNamespace>App</RootNamespace>
                <RefitRequireGeneratedRequests>true</RefitRequireGeneratedRequests>
              </PropertyGroup>
              <ItemGroup>
                {package}
                {items}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), "namespace App;\n\ninternal static class Program\n{\n    private static void Main()\n    {\n    }\n}\n");
        if (contender.Sources is { } sources)
        {
            foreach (var file in System.IO.Directory.GetFiles(sources, "*.cs"))
            {
                File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
            }
        }
        else if (contender == Contender.EndpointGen)
        {
            System.IO.Directory.CreateDirectory(Path.Combine(directory, "specs"));
            foreach (var (path, yaml) in SyntheticDescriptors.Create(endpoints))
            {
                File.WriteAllText(Path.Combine(directory, "specs", Path.GetFileName(path)), yaml);
            }
        }
        else
        {
            var kind = contender == Contender.NoGenerator ? RefitSourceKind.DtosOnly
                : contender == Contender.Refit ? RefitSourceKind.Refit : RefitSourceKind.RefitWithJsonContext;
            foreach (var (name, code) in RefitSources.Create(endpoints, kind))
            {
                File.WriteAllText(Path.Combine(directory, name), code);
            }
        }

        var project = new ConsumerProject(contender, directory);
        project.EditUnrelatedFile(-1);
        return project;
    }

    /// <summary>Rewrites <c>Unrelated.cs</c>, a file no generator reads: an edit in the user's own code.</summary>
    /// <param name="run">A number that makes this version differ from the last.</param>
    public void EditUnrelatedFile(int run) =>
        File.WriteAllText(Path.Combine(Directory, "Unrelated.cs"), $"namespace App;\n\ninternal static class Unrelated\n{{\n    public const int Edit = {run};\n}}\n");

    /// <summary>The bytes and lines in <c>generated/</c>, per generator.</summary>
    /// <returns>One entry per generator that wrote files.</returns>
    public IReadOnlyList<GeneratedCode> GeneratedCode()
    {
        var generated = Path.Combine(Directory, "generated");
        if (!System.IO.Directory.Exists(generated))
        {
            return Array.Empty<GeneratedCode>();
        }

        return System.IO.Directory.GetDirectories(generated)
            .Select(static assembly => new GeneratedCode(
                Path.GetFileName(assembly),
                System.IO.Directory.GetFiles(assembly, "*.cs", SearchOption.AllDirectories).Sum(static f => new FileInfo(f).Length),
                System.IO.Directory.GetFiles(assembly, "*.cs", SearchOption.AllDirectories).Sum(static f => (long)File.ReadLines(f).Count())))
            .Where(static g => g.Bytes > 0)
            .OrderBy(static g => g.Generator, StringComparer.Ordinal)
            .ToList();
    }
}
