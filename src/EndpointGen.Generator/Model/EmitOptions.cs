namespace EndpointGen.Generator.Model;

/// <summary>Compilation-wide choices, read from MSBuild properties.</summary>
/// <param name="Visibility">The accessibility of emitted types: <c>public</c> or <c>internal</c>.</param>
/// <param name="DefaultNamespace">The namespace of descriptors that name none: <c>EndpointGenNamespace</c>, else <c>RootNamespace</c>.</param>
/// <param name="InvalidSetting">An MSBuild property whose value was refused, as "Name=value", for a diagnostic.</param>
internal sealed record EmitOptions(string Visibility, string? DefaultNamespace = null, string? InvalidSetting = null)
{
    public static readonly EmitOptions Default = new("public");
}
