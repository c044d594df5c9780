// Direct driver, not Microsoft.CodeAnalysis.Testing: the generated registration is emitted, loaded and resolved from a service provider, which needs the compilation itself.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading.Tasks;
using EndpointGen.Tests.Client;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>With Microsoft.Extensions.Http referenced, each service gets <c>services.Add{Service}Client(...)</c>.</summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public void Without_microsoft_extensions_http_nothing_dependency_injection_related_is_emitted()
    {
        var run = GeneratorHarness.Run(new[] { Repository.Spec("thulium.endpoints.yaml") });
        Assert.DoesNotContain(run.Sources, s => s.SourceText.ToString().Contains("ServiceCollection", StringComparison.Ordinal));
        Assert.Empty(run.CompileErrorsAndWarnings);
    }

    [Fact]
    public async Task With_microsoft_extensions_http_a_client_resolves_from_the_service_provider_and_calls_through_its_handlers()
    {
        var compilation = GeneratorHarness.CreateCompilation().AddReferences(GeneratorHarness.DependencyInjectionReferences);
        var output = GeneratorHarness.RunTwice(GeneratorHarness.CreateDriver(new[] { Repository.Spec("ccai-platform.endpoints.yaml") }), compilation).Output;
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
        Assert.NotNull(output.GetTypeByMetadataName("ContactCenter.Ccai.CcaiServiceCollectionExtensions"));

        // Load the compiled consumer and use it as an application would.
        using var stream = new MemoryStream();
        Assert.True(output.Emit(stream).Success);
        var context = new AssemblyLoadContext("di-consumer", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(stream.ToArray()));
            var extensions = assembly.GetType("ContactCenter.Ccai.CcaiServiceCollectionExtensions")!;
            var optionsType = assembly.GetType("ContactCenter.Ccai.CcaiClientOptions")!;
            var contract = assembly.GetType("ContactCenter.Ccai.ICcaiClient")!;

            var handler = new StubHandler(HttpStatusCode.OK, """{"id": 42, "status": "queued"}""");
            var services = new ServiceCollection();
            var configure = typeof(DependencyInjectionTests).GetMethod(nameof(Configure), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(optionsType)
                .Invoke(null, null)!;
            var builder = (IHttpClientBuilder)extensions.GetMethod("AddCcaiClient")!.Invoke(null, new[] { services, configure })!;
            builder.ConfigurePrimaryHttpMessageHandler(() => handler);

            using var provider = services.BuildServiceProvider();
            var client = provider.GetRequiredService(contract);
            var task = (Task)contract.GetMethod("GetChatAsync")!.Invoke(client, new object[] { 42L, default(System.Threading.CancellationToken) })!;
            await task;

            Assert.Equal("https://acme.example.com/apps/api/v1/chats/42", handler.Last.Uri.AbsoluteUri);
            Assert.StartsWith("Basic ", handler.Last.Authorization, StringComparison.Ordinal);
        }
        finally
        {
            context.Unload();
        }
    }

    private static Action<T> Configure<T>() => options =>
    {
        var type = typeof(T);
        type.GetProperty("BaseAddress")!.SetValue(options, new Uri("https://acme.example.com/apps/api/v1"));
        type.GetProperty("Username")!.SetValue(options, "user");
        type.GetProperty("Password")!.SetValue(options, "secret");
    };
}
