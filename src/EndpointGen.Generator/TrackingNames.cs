namespace EndpointGen.Generator;

/// <summary>Names of the pipeline steps, so tests can find them in the driver's tracked steps.</summary>
internal static class TrackingNames
{
    public const string Descriptors = nameof(Descriptors);
    public const string Parse = nameof(Parse);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Services = nameof(Services);
    public const string Duplicates = nameof(Duplicates);
    public const string LosingFiles = nameof(LosingFiles);
    public const string CompilationFacts = nameof(CompilationFacts);
    public const string Polyfills = nameof(Polyfills);
    public const string AnyService = nameof(AnyService);
    public const string InvalidSetting = nameof(InvalidSetting);
    public const string Options = nameof(Options);
    public const string DefaultNamespace = nameof(DefaultNamespace);
    public const string LanguageVersion = nameof(LanguageVersion);
    public const string EmitContext = nameof(EmitContext);
    public const string FakeContext = nameof(FakeContext);
    public const string Fakes = nameof(Fakes);
}
