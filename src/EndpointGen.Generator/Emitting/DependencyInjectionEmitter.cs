using EndpointGen.Generator.Model;

namespace EndpointGen.Generator.Emitting;

/// <summary>
/// Emits <c>services.Add{Service}Client(...)</c> for projects that reference Microsoft.Extensions.Http: a typed
/// HttpClient from IHttpClientFactory, options through the Options pattern, and the <c>IHttpClientBuilder</c>
/// returned so users add handlers and resilience the usual way.
/// </summary>
internal static class DependencyInjectionEmitter
{
    /// <summary>Writes the registration class into the file, after its namespace declaration.</summary>
    public static void EmitBody(SourceWriter w, ServiceSpec service, EmitOptions options)
    {
        var ns = "global::" + service.Ns + ".";
        var client = ns + service.Name + "Client";
        var contract = ns + "I" + service.Name + "Client";
        var clientOptions = ns + service.Name + "ClientOptions";
        const string Services = "global::Microsoft.Extensions.DependencyInjection.IServiceCollection";
        const string Builder = "global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder";

        w.DocRaw("<summary>Registers <see cref=\"" + client + "\"/> with dependency injection.</summary>");
        w.Line(EmitterHeader.GeneratedCodeAttribute);
        w.Open(options.Visibility + " static partial class " + service.Name + "ServiceCollectionExtensions");
        w.DocRaw("<summary>");
        w.DocRaw("Registers <see cref=\"" + contract + "\"/> as a typed HttpClient from <c>IHttpClientFactory</c>, with");
        w.DocRaw("<see cref=\"" + clientOptions + "\"/> from the Options pattern (bind it with <c>services.Configure</c> or <paramref name=\"configure\"/>).");
        w.DocRaw("</summary>");
        w.DocRaw("<param name=\"services\">The service collection.</param>");
        w.DocRaw("<param name=\"configure\">Sets the base address and credentials; optional when options are configured elsewhere.</param>");
        w.DocRaw("<returns>The HttpClient builder, to add handlers such as resilience or logging.</returns>");
        w.Open("public static " + Builder + " Add" + service.Name + "Client(this " + Services + " services, global::System.Action<" + clientOptions + ">? configure = null)");
        w.Open("if (services is null)");
        w.Line("throw new global::System.ArgumentNullException(nameof(services));");
        w.Close();
        w.Line();
        w.Line("var optionsBuilder = global::Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.AddOptions<" + clientOptions + ">(services);");
        w.Open("if (configure is not null)");
        w.Line("optionsBuilder.Configure(configure);");
        w.Close();
        w.Line();
        w.Line("return global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient<" + contract + ", " + client + ">(");
        w.Line("    services,");
        w.Line("    static (httpClient, provider) => new " + client + "(");
        w.Line("        httpClient,");
        w.Line("        global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<global::Microsoft.Extensions.Options.IOptions<" + clientOptions + ">>(provider).Value));");
        w.Close();
        w.Close();
    }
}
