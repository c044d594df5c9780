using Microsoft.CodeAnalysis.CSharp;

namespace EndpointGen.Generator.Model;

/// <summary>
/// Everything the output steps need besides the descriptor itself, as one small value. The per-file services
/// combine with this single value instead of with each project-wide input in turn, so a rerun walks one cached
/// per-file node instead of four.
/// </summary>
/// <param name="Options">The MSBuild settings.</param>
/// <param name="LanguageVersion">The project's C# version.</param>
/// <param name="Facts">What the compilation provides, for the polyfills and DI registration.</param>
/// <param name="LosingFiles">The descriptors that lose a duplicate-service claim and generate nothing.</param>
internal sealed record EmitContext(EmitOptions Options, LanguageVersion LanguageVersion, CompilationFacts Facts, EquatableArray<string> LosingFiles);

/// <summary>
/// What the fakes' output needs besides the descriptor, as one small value: whether fakes are asked for and the few facts
/// their text depends on, so turning fakes on or off re-emits no client, and a client setting re-emits no fake.
/// </summary>
/// <param name="Enabled"><c>EndpointGenFakes</c> is true.</param>
/// <param name="ClientsEmitted"><c>EndpointGenClients</c> is not false: the clients report a C# version that is too old, so the fakes need not.</param>
/// <param name="Visibility">The accessibility of the fakes: that of the generated types (<c>EndpointGenVisibility</c>).</param>
/// <param name="DateOnly">A <c>date</c> is a <c>System.DateOnly</c> (as in the clients of a .NET project).</param>
/// <param name="LanguageVersionOk">The project's C# is 11 or later.</param>
/// <param name="LanguageVersion">The project's C# version, for the message when it is too old.</param>
/// <param name="LosingFiles">The descriptors that lose a duplicate-service claim and generate nothing.</param>
/// <param name="ServiceHintNames">Every service's hint name, upper case (file names are compared ignoring case), so a fake's file cannot take one's.</param>
internal sealed record FakeContext(bool Enabled, bool ClientsEmitted, string Visibility, bool DateOnly, bool LanguageVersionOk, string LanguageVersion, EquatableArray<string> LosingFiles, EquatableArray<string> ServiceHintNames);
