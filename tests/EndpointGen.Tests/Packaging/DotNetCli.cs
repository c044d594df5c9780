using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using EndpointGen.Tests.Infrastructure;
using Xunit;

namespace EndpointGen.Tests.Packaging;

/// <summary>What a <c>dotnet</c> command printed (stdout and stderr interleaved) and how it exited.</summary>
internal sealed record CommandResult(string Command, string WorkingDirectory, int ExitCode, string Output, TimeSpan Elapsed)
{
    public override string ToString() =>
        $"`dotnet {Command}` in {WorkingDirectory} exited with {ExitCode} after {Elapsed.TotalSeconds:0.0} s:{Environment.NewLine}{Output}";
}

/// <summary>Runs the .NET SDK the tests run on, as a user would from a shell.</summary>
internal static class DotNetCli
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(5);

    private static readonly Regex s_warning = new(@"\swarning\s*[A-Z]*[0-9]*\s*:", RegexOptions.Compiled);

    private static readonly string[] s_inheritedBuildVariables =
    {
        "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly", "MSBUILDENSURESTDOUTFORTASKPROCESSES", "_MSBUILDTLENABLED",
    };

    /// <summary>The switches of every build: no lingering MSBuild nodes, plain console output.</summary>
    public static readonly string[] BuildSwitches = { "-nologo", "-v", "q", "-nodeReuse:false", "-tl:off" };

    public static async Task<CommandResult> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Under `dotnet test` the test host inherits the outer build's MSBuild locations; a child build
        // must find its own SDK and targets, as it would from a shell.
        foreach (var name in s_inheritedBuildVariables)
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(s_timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Append(output, $"(killed after {s_timeout.TotalMinutes} minutes)");
        }

        // The parameterless wait also drains the redirected output.
        await process.WaitForExitAsync(CancellationToken.None);
        lock (output)
        {
            return new CommandResult(string.Join(" ", arguments), workingDirectory, process.ExitCode, output.ToString(), stopwatch.Elapsed);
        }
    }

    /// <summary>Asserts that the command succeeded and printed no warning.</summary>
    public static void AssertClean(CommandResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(s_warning.IsMatch(result.Output), "Warnings: " + result);
    }

    // The SDK's own host when launched by the CLI; the dotnet on PATH otherwise (an IDE's test runner).
    private static string Executable =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}

/// <summary>Writes small project trees to disk.</summary>
internal static class ProjectFiles
{
    public static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
    }

    public static void CopySpecs(string directory, IEnumerable<string> specFileNames)
    {
        Directory.CreateDirectory(directory);
        foreach (var name in specFileNames)
        {
            File.Copy(Repository.SpecPath(name), Path.Combine(directory, name), overwrite: true);
        }
    }
}
