using EndpointGen.Generator.Model;

namespace EndpointGen.Generator.Emitting;

/// <summary>
/// Composes everything one descriptor generates into one file. One file per service, not one per type: the
/// compiler's driver checks each added file's hint name against every other, so many small files make each
/// IDE rerun cost grow with the square of their number (measured in docs/performance.md).
/// </summary>
internal static class ServiceEmitter
{
    public static Microsoft.CodeAnalysis.Text.SourceText Emit(ServiceSpec service, EmitOptions options, CompilationFacts facts)
    {
        var writer = new SourceWriter { DateOnly = facts.HasDateOnly };
        EmitterHeader.Write(writer, service.Namespace);
        ClientEmitter.EmitBody(writer, service, options);
        if (facts.HasHttpClientFactory)
        {
            writer.WriteLine();
            DependencyInjectionEmitter.EmitBody(writer, service, options);
        }

        foreach (var type in service.Types)
        {
            writer.WriteLine();
            ModelEmitter.EmitBody(writer, service, type, options);
        }

        return writer.ToSourceText();
    }
}
