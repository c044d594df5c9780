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
        var prefix = "global::" + service.Namespace + ".";
        var client = prefix + service.Name + "Client";
        var contract = prefix + "I" + service.Name + "Client";
        var clientOptions = prefix + service.Name + "ClientOptions";
        w.WriteLine($$"""
            /// <summary>Registers <see cref="{{client}}"/> with dependency injection.</summary>
            {{EmitterHeader.GeneratedCodeAttribute}}
            {{options.Visibility}} static partial class {{service.Name}}ServiceCollectionExtensions
            {
                /// <summary>
                /// Registers <see cref="{{contract}}"/> as a typed HttpClient from <c>IHttpClientFactory</c>, with
                /// <see cref="{{clientOptions}}"/> from the Options pattern (bind it with <c>services.Configure</c> or <paramref name="configure"/>).
                /// </summary>
                /// <remarks>
                /// The primary handler is <see cref="global::EndpointGen.Runtime.EndpointGenHttpClient.CreateHandler"/>, which leaves redirects to the
                /// client, so that its credential and request body stay with the base address's origin. A primary handler configured after this call
                /// replaces it: keep <c>AllowAutoRedirect</c> off on that one.
                /// </remarks>
                /// <param name="services">The service collection.</param>
                /// <param name="configure">Sets the base address and credentials; optional when options are configured elsewhere.</param>
                /// <returns>The HttpClient builder, to add handlers such as resilience or logging.</returns>
                public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder Add{{service.Name}}Client(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::System.Action<{{clientOptions}}>? configure = null)
                {
                    if (services is null)
                    {
                        throw new global::System.ArgumentNullException(nameof(services));
                    }

                    var optionsBuilder = global::Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.AddOptions<{{clientOptions}}>(services);
                    if (configure is not null)
                    {
                        optionsBuilder.Configure(configure);
                    }

                    var builder = global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient<{{contract}}, {{client}}>(
                        services,
                        static (httpClient, provider) => new {{client}}(
                            httpClient,
                            global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<global::Microsoft.Extensions.Options.IOptions<{{clientOptions}}>>(provider).Value));

                    // The client follows redirects itself, so that its credential and body stay with the base address's origin.
                    return global::Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions.ConfigurePrimaryHttpMessageHandler(builder, global::EndpointGen.Runtime.EndpointGenHttpClient.CreateHandler);
                }
            }
            """);
    }
}
