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
