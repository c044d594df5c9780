// Direct driver, not Microsoft.CodeAnalysis.Testing: large outputs are compared with files accepted on demand (ENDPOINTGEN_ACCEPT_SNAPSHOTS=1), which inline expected text cannot be.
using System.IO;
using EndpointGen.Tests.Infrastructure;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// The emitted source for the three specs, compared with the committed snapshots under <c>Snapshots/</c>
/// (<see cref="Snapshots"/>: accept a change with <c>ENDPOINTGEN_ACCEPT_SNAPSHOTS=1</c>, then review the diff with git).
/// </summary>
public sealed class SnapshotTests
{
    [Theory]
    [InlineData("thulium.endpoints.yaml")]
    [InlineData("ccai-platform.endpoints.yaml")]
    [InlineData("livedesk.endpoints.yaml")]
    public void Emitted_source_matches_the_snapshot(string spec)
    {
        var run = GeneratorHarness.Run(new[] { Repository.Spec(spec) });
        Assert.Empty(run.Result.Diagnostics);
        Snapshots.Verify(Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(spec)), run.Sources);
    }
}
