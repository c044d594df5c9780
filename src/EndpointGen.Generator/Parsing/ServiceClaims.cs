using System;
using System.Collections.Immutable;
using System.Linq;
using EndpointGen.Generator.Model;

namespace EndpointGen.Generator.Parsing;

/// <summary>Decides, among files that claim the same service, which one generates it.</summary>
internal static class ServiceClaims
{
    /// <summary>
    /// The claims that lose: for each service claimed more than once, every file but the first by path
    /// (ordinal), so the outcome does not depend on the order the compiler hands files over.
    /// </summary>
    public static EquatableArray<ServiceClaim> Losers(ImmutableArray<ServiceClaim> claims) =>
        claims
            .GroupBy(c => c.HintName, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.OrderBy(c => c.NameLocation.FilePath, StringComparer.Ordinal).Skip(1))
            .ToEquatableArray();
}
