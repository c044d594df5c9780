using System;
using System.Linq;
using EndpointGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace EndpointGen.Generator.Diagnostics;

/// <summary>A diagnostic as equatable data: the descriptor, where, and the message arguments.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor, location, arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic() => Diagnostic.Create(
        Descriptor,
        Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None,
        Arguments.Select(a => (object)a).ToArray());

    public bool Equals(DiagnosticInfo? other) =>
        other is not null && ReferenceEquals(Descriptor, other.Descriptor) && Location == other.Location && Arguments == other.Arguments;

    public override int GetHashCode() => unchecked((Descriptor.Id.GetHashCode() * 397) ^ Location.GetHashCode() ^ Arguments.GetHashCode());
}
