using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EndpointGen.Tests.Infrastructure;

/// <summary>
/// Emitted files compared with the committed snapshots under <c>Snapshots/{name}/</c>, one <c>*.verified.cs</c> per
/// hint name. To accept a change: run the tests with <c>ENDPOINTGEN_ACCEPT_SNAPSHOTS=1</c>, then review the diff with
/// git. A mismatch also writes <c>*.received.cs</c> beside the snapshot (ignored by git).
/// </summary>
internal static class Snapshots
{
    private const string AcceptVariable = "ENDPOINTGEN_ACCEPT_SNAPSHOTS";

    public static string Folder(string name) => Path.Combine(Repository.Root, "tests", "EndpointGen.Tests", "Snapshots", name);

    /// <summary>The committed text of one snapshot, by the hint name it was generated under.</summary>
    public static string Read(string name, string hintName) => File.ReadAllText(Path.Combine(Folder(name), VerifiedName(hintName)));

    public static void Verify(string name, IReadOnlyList<GeneratedSourceResult> sources)
    {
        var folder = Folder(name);
        var accept = Environment.GetEnvironmentVariable(AcceptVariable) == "1";
        if (accept)
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.CreateDirectory(folder);
        }

        var expectedFiles = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.verified.cs").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()
            : Array.Empty<string?>();
        var actualFiles = sources.Select(s => VerifiedName(s.HintName)).OrderBy(n => n, StringComparer.Ordinal).ToArray();

        var mismatches = new List<string>();
        foreach (var source in sources)
        {
            var verified = Path.Combine(folder, VerifiedName(source.HintName));
            var text = source.SourceText.ToString();
            if (accept)
            {
                File.WriteAllText(verified, text);
                continue;
            }

            var received = Path.ChangeExtension(Path.ChangeExtension(verified, null), null) + ".received.cs";
            if (!File.Exists(verified) || File.ReadAllText(verified) != text)
            {
                File.WriteAllText(received, text);
                mismatches.Add(source.HintName);
            }
            else if (File.Exists(received))
            {
                File.Delete(received);
            }
        }

        if (!accept)
        {
            Assert.Equal(expectedFiles, actualFiles);
            Assert.True(mismatches.Count == 0, $"Emitted source differs from the snapshot for: {string.Join(", ", mismatches)}. Compare the *.received.cs files in {folder}; to accept, rerun with {AcceptVariable}=1.");
        }
    }

    private static string VerifiedName(string hintName) => hintName.Substring(0, hintName.Length - ".cs".Length) + ".verified.cs";
}
