using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace Sandbox;

/// <summary>
/// Replaces the console lifetime: an in-process sandbox (many per test run) must not hook Ctrl+C or
/// SIGTERM. The standalone Program handles those signals itself and disposes the server.
/// </summary>
internal sealed class NoopHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
