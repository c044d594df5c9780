using EndpointGen.Generator.Diagnostics;

namespace EndpointGen.Generator.Model;

/// <summary>What parsing one descriptor file produced: the model when it is valid, and every diagnostic.</summary>
/// <param name="Service">The model, or <see langword="null"/> when any error was found.</param>
/// <param name="Diagnostics">Every problem found in the file, located in it.</param>
/// <param name="Claim">Which generated names this file claims, so files claiming the same can be told apart.</param>
internal sealed record DescriptorResult(ServiceSpec? Service, EquatableArray<DiagnosticInfo> Diagnostics, ServiceClaim? Claim = null);

/// <summary>A file's claim on the generated names of one service.</summary>
/// <param name="HintName">The generated file's hint name without <c>.g.cs</c> (namespace and service name).</param>
/// <param name="Name">The service name.</param>
/// <param name="Namespace">The resolved namespace.</param>
/// <param name="NameLocation">Where the service name is written, for the diagnostic when two files claim one service.</param>
/// <param name="NamespaceLocation">Where the namespace is written, or the service name when it is the project's.</param>
/// <param name="Types">Every top-level type the file generates in <paramref name="Namespace"/>, where each is declared.</param>
internal sealed record ServiceClaim(string HintName, string Name, string Namespace, LocationInfo NameLocation, LocationInfo NamespaceLocation, EquatableArray<TypeClaim> Types);

/// <summary>A top-level C# type a descriptor generates, and where the descriptor declares it.</summary>
internal sealed record TypeClaim(string Name, LocationInfo Location);

/// <summary>Which files lose a claim, and the located errors that say so; emitting sees only the files.</summary>
/// <param name="Diagnostics">One error per lost claim, at its declaration.</param>
/// <param name="LosingFiles">The descriptors that generate nothing.</param>
internal sealed record ClaimVerdict(EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<string> LosingFiles);
