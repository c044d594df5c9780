// Direct driver, not Microsoft.CodeAnalysis.Testing: large outputs are compared with files accepted on demand (ENDPOINTGEN_ACCEPT_SNAPSHOTS=1), which inline expected text cannot be.
using System;
using System.IO;
using System.Linq;
using EndpointGen.Tests.Infrastructure;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// The emitted source for the three specs, compared with the committed snapshots under <c>Snapshots/</c>.
/// To accept a change: run the tests with <c>ENDPOINTGEN_ACCEPT_SNAPSHOTS=1</c>, then review the diff with git.
/// A mismatch also writes <c>*.received.cs</c> beside the snapshot (ignored by git).
/// </summary>
public sealed class SnapshotTests
{
    private const string AcceptVariable = "ENDPOINTGEN_ACCEPT_SNAPSHOTS";

    [Theory]
    [InlineData("thulium.endpoints.yaml")]
    [InlineData("ccai-platform.endpoints.yaml")]
    [InlineData("livedesk.endpoints.yaml")]
    public void Emitted_source_matches_the_snapshot(string spec)
    {
        var run = GeneratorHarness.Run(new[] { Repository.Spec(spec) });
        Assert.Empty(run.Result.Diagnostics);

        var folder = Path.Combine(Repository.Root, "tests", "EndpointGen.Tests", "Snapshots", Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(spec)));
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
        var actualFiles = run.Sources.Select(s => VerifiedName(s.HintName)).OrderBy(n => n, StringComparer.Ordinal).ToArray();

        var mismatches = new System.Collections.Generic.List<string>();
        foreach (var source in run.Sources)
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
