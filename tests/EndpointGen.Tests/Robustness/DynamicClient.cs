// Direct driver, not Microsoft.CodeAnalysis.Testing: the generated client is emitted and loaded to be called, which needs the compilation itself.
using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EndpointGen.Tests.Robustness;

/// <summary>
/// A client generated from a descriptor written in the test, compiled and loaded into its own collectible context,
/// so tests can exercise descriptor features the three vendor specs do not use (string path parameters, header
/// parameters, API-key and bearer auth).
/// </summary>
public sealed class DynamicClient : IDisposable
{
    private readonly AssemblyLoadContext _context;
    private readonly Assembly _assembly;

    private DynamicClient(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        _assembly = assembly;
    }

    /// <summary>Generates and compiles a client, with <c>services.Add{Service}Client()</c> when <paramref name="withDependencyInjection"/> is set.</summary>
    public static DynamicClient Compile(string yaml, bool withDependencyInjection = false)
    {
        var compilation = GeneratorHarness.CreateCompilation();
        if (withDependencyInjection)
        {
            compilation = compilation.AddReferences(GeneratorHarness.DependencyInjectionReferences);
        }

        GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText("/specs/dynamic.endpoints.yaml", yaml) })
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        var context = new AssemblyLoadContext("dynamic-client-" + Guid.NewGuid(), isCollectible: true);
        return new DynamicClient(context, context.LoadFromStream(new MemoryStream(stream.ToArray())));
    }

    public Type Type(string name) => _assembly.GetType(name, throwOnError: true)!;

    public object Options(string serviceType, Action<dynamic> configure)
    {
        var options = Activator.CreateInstance(Type(serviceType + "ClientOptions"))!;
        configure(options);
        return options;
    }

    public object Client(string serviceType, HttpMessageHandler handler, object options) => Client(serviceType, new HttpClient(handler), options);

    public object Client(string serviceType, HttpClient httpClient, object options)
    {
        try
        {
            return Activator.CreateInstance(Type(serviceType + "Client"), httpClient, options)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    public object New(string typeName, params (string Property, object? Value)[] values)
    {
        var instance = Activator.CreateInstance(Type(typeName))!;
        foreach (var (property, value) in values)
        {
            Type(typeName).GetProperty(property)!.SetValue(instance, value);
        }

        return instance;
    }

    public static async Task<object?> CallAsync(object client, string method, params object?[] arguments)
    {
        var info = client.GetType().GetMethod(method)!;
        Task task;
        try
        {
            task = (Task)info.Invoke(client, arguments.Append(CancellationToken.None).ToArray())!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }

        await task;
        return task.GetType().GetProperty("Result")?.GetValue(task);
    }

    public void Dispose() => _context.Unload();
}
