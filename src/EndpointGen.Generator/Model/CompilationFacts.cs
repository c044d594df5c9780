using Microsoft.CodeAnalysis;

namespace EndpointGen.Generator.Model;

/// <summary>
/// The few facts the generator needs from the compilation, as a small value: it is recomputed on every
/// compilation change but compares equal, so nothing downstream re-runs.
/// </summary>
/// <param name="NeedsIsExternalInit">No accessible <c>IsExternalInit</c> (netstandard2.0, .NET Framework).</param>
/// <param name="NeedsRequiredMembers">No accessible <c>RequiredMemberAttribute</c>/<c>CompilerFeatureRequiredAttribute</c> (before .NET 7).</param>
/// <param name="HasHttpClientFactory">Microsoft.Extensions.Http is referenced, so DI registration can be emitted.</param>
internal sealed record CompilationFacts(bool NeedsIsExternalInit, bool NeedsRequiredMembers, bool NeedsCompilerFeatureRequired, bool HasHttpClientFactory)
{
    /// <summary><c>System.DateOnly</c> is accessible (.NET 6 and later), so a <c>date</c> is one; else it is a <c>System.DateTime</c>.</summary>
    public bool HasDateOnly { get; init; }

    public static CompilationFacts From(Compilation compilation) => new(
        !IsAccessible(compilation, "System.Runtime.CompilerServices.IsExternalInit"),
        !IsAccessible(compilation, "System.Runtime.CompilerServices.RequiredMemberAttribute"),
        !IsAccessible(compilation, "System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute"),
        compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions") is not null &&
        compilation.GetTypeByMetadataName("Microsoft.Extensions.Options.IOptions`1") is not null)
    {
        HasDateOnly = IsAccessible(compilation, "System.DateOnly"),
    };

    public bool NeedsPolyfills => NeedsIsExternalInit || NeedsRequiredMembers || NeedsCompilerFeatureRequired;

    private static bool IsAccessible(Compilation compilation, string metadataName)
    {
        // GetTypeByMetadataName answers null when several assemblies define the type; then look in each.
        var type = compilation.GetTypeByMetadataName(metadataName);
        if (type is not null)
        {
            return IsAccessibleWithin(compilation, type);
        }

        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly &&
                assembly.GetTypeByMetadataName(metadataName) is { } candidate &&
                IsAccessibleWithin(compilation, candidate))
            {
                return true;
            }
        }

        return false;
    }

    // This runs on every compilation, that is on every keystroke in the IDE: a public top-level type, the usual
    // answer, is accessible without the full check, which walks the references' internals-visible-to lists.
    private static bool IsAccessibleWithin(Compilation compilation, INamedTypeSymbol type) =>
        (type.ContainingType is null && type.DeclaredAccessibility == Accessibility.Public) ||
        compilation.IsSymbolAccessibleWithin(type, compilation.Assembly);
}
