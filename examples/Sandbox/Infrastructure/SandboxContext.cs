using System;

namespace Sandbox;

/// <summary>
/// What every endpoint group shares: options, state, clock and the public origin. The origin is only
/// known after Kestrel bound the port, which is after the routes were mapped, hence the setter.
/// </summary>
internal sealed class SandboxContext(SandboxOptions options, SandboxState state)
{
    private string? _origin;

    public SandboxOptions Options { get; } = options;

    public SandboxState State { get; } = state;

    public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    /// <summary><c>http://127.0.0.1:{port}</c>, without a trailing slash.</summary>
    public string Origin
    {
        get => _origin ?? throw new InvalidOperationException("The sandbox has not started yet.");
        set => _origin = value;
    }
}
