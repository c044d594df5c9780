using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EndpointGen.Generator.Diagnostics;
using EndpointGen.Generator.Model;

namespace EndpointGen.Generator.Parsing;

/// <summary>
/// Decides, among files whose generated names meet, which one generates them. The first file by path (ordinal) keeps
/// its claim, so the outcome does not depend on the order the compiler hands files over; every other file generates
/// nothing and gets a located error.
/// </summary>
internal static class ServiceClaims
{
    /// <summary>The files that lose a claim, and an error for each lost claim.</summary>
    /// <remarks>
    /// Hint names are compared ignoring case, as the compiler compares them (two that differ only in case would fail
    /// the whole generator with CS8785). Top-level type names are compared as C# compares them, within a namespace:
    /// two descriptors declaring the same type there would be two halves of one partial class.
    /// </remarks>
    public static ClaimVerdict Resolve(ImmutableArray<ServiceClaim> claims)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var losers = new HashSet<string>(StringComparer.Ordinal);
        var ordered = claims.OrderBy(static c => c.NameLocation.FilePath, StringComparer.Ordinal).ToList();

        var services = new Dictionary<string, ServiceClaim>(StringComparer.OrdinalIgnoreCase);
        var winners = new List<ServiceClaim>(ordered.Count);
        foreach (var claim in ordered)
        {
            if (services.TryGetValue(claim.HintName, out var first))
            {
                var caseNote = string.Equals(first.HintName, claim.HintName, StringComparison.Ordinal)
                    ? string.Empty
                    : " as '" + first.HintName + "' (generated file names are compared ignoring case)";
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateService, claim.NameLocation, claim.Name, claim.Namespace, caseNote));
                losers.Add(claim.NameLocation.FilePath);
                continue;
            }

            services.Add(claim.HintName, claim);
            winners.Add(claim);
        }

        foreach (var group in winners.GroupBy(static c => c.Namespace, StringComparer.Ordinal))
        {
            var owners = new Dictionary<string, ServiceClaim>(StringComparer.Ordinal);
            foreach (var claim in group)
            {
                var collides = false;
                foreach (var type in claim.Types)
                {
                    if (owners.TryGetValue(type.Name, out var owner))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateGeneratedType, type.Location, type.Name, claim.Namespace, owner.Name));
                        collides = true;
                    }
                }

                if (collides)
                {
                    losers.Add(claim.NameLocation.FilePath);
                    continue;
                }

                foreach (var type in claim.Types)
                {
                    owners[type.Name] = claim;
                }
            }
        }

        return new ClaimVerdict(diagnostics.ToEquatableArray(), losers.OrderBy(static f => f, StringComparer.Ordinal).ToEquatableArray());
    }
}
