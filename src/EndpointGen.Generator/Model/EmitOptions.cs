namespace EndpointGen.Generator.Model;

/// <summary>Compilation-wide choices, read from MSBuild properties.</summary>
/// <param name="Visibility">The accessibility of emitted types: <c>public</c> or <c>internal</c>.</param>
/// <param name="DefaultNamespace">The namespace of descriptors that name none: <c>EndpointGenNamespace</c>, else <c>RootNamespace</c>.</param>
/// <param name="InvalidSetting">An MSBuild property whose value was refused, as "Name=value", for a diagnostic.</param>
internal sealed record EmitOptions(string Visibility, string? DefaultNamespace = null, string? InvalidSetting = null)
{
    /// <summary>Whether the clients and models are emitted (<c>EndpointGenClients</c>, default true); false where a referenced assembly has them.</summary>
    public bool Clients { get; init; } = true;

    public static readonly EmitOptions Default = new("public");
}
