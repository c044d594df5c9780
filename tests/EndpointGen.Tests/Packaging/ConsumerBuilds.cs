using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EndpointGen.Tests.Infrastructure;

namespace EndpointGen.Tests.Packaging;

/// <summary>
/// Fresh projects that use EndpointGen the way a user's would: a package reference and descriptor
/// files, nothing else. They live outside the repository, under their own empty Directory.Build.props,
/// Directory.Build.targets and Directory.Packages.props, so none of the repository's settings leak in,
/// and restore from a NuGet.config that lists only the local feed and nuget.org. All of them start
/// building at once, which keeps the suite short on a small machine.
/// </summary>
internal sealed class ConsumerBuilds : IAsyncDisposable
{
    private readonly string _feed;
    private readonly string _version;

    public ConsumerBuilds(string directory, string feed, string version)
    {
        Directory = directory;
        _feed = feed;
        _version = version;
        WriteWorkspace();

        Net8Library = Start(WriteNet8Library(), "build");
        NetStandardLibrary = Start(WriteNetStandardLibrary(), "build");
        InternalLibrary = Start(WriteInternalLibrary(), "build");
        // The application builds the library it references: it starts once the library's own build is done.
        var application = WriteApplication();
        Application = NetStandardLibrary.ContinueWith(_ => Start(application, "run"), TaskScheduler.Default).Unwrap();
        FakesApplication = Start(WriteFakesApplication(), "run");
    }

    /// <summary>
    /// <c>dotnet run</c> of a net10.0 console with EndpointGen, EndpointGen.Testing and <c>EndpointGenFakes=true</c>: its client
    /// calls through the generated fake, and a raw request the descriptor forbids fails with the fake's message.
    /// </summary>
    public Task<CommandResult> FakesApplication { get; }

    public string Directory { get; }

    /// <summary>net8.0 class library with the three descriptors.</summary>
    public Task<CommandResult> Net8Library { get; }

    /// <summary>netstandard2.0 class library with the three descriptors.</summary>
    public Task<CommandResult> NetStandardLibrary { get; }

    /// <summary>net10.0 class library with internal types, a descriptor without a namespace, and one descriptor also listed by hand.</summary>
    public Task<CommandResult> InternalLibrary { get; }

    public string InternalLibraryDirectory => Path.Combine(Directory, "InternalLibrary");

    /// <summary>
    /// <c>dotnet run</c> of a net10.0 console with its own descriptor and Microsoft.Extensions.Http, referencing
    /// <see cref="NetStandardLibrary"/>: it registers its client with dependency injection and calls it, then
    /// calls the library's client.
    /// </summary>
    public Task<CommandResult> Application { get; }

    public async ValueTask DisposeAsync()
    {
        // Let every build finish before the fixture deletes its directory.
        try
        {
            await Task.WhenAll(Net8Library, NetStandardLibrary, InternalLibrary, Application, FakesApplication);
        }
        catch (Exception)
        {
            // Each test reports its own failure.
        }
    }

    /// <summary>A small descriptor of the README's kind; without a namespace the project's settings choose one.</summary>
    private static string WeatherDescriptor(string? ns) => $$"""
        service:
          name: Weather
          {{(ns is null ? "" : "namespace: " + ns)}}
          baseUrl: https://api.example.com/v1
          auth: { scheme: bearer }
        endpoints:
          GetForecast:
            method: GET
            path: cities/{city}/forecast
            parameters:
              path:
                city: { type: string }
              query:
                days: int32
            response: Forecast
        types:
          Forecast:
            fields:
              city: { type: string, required: true }
        """;

    private static Task<CommandResult> Start(string projectDirectory, string command) =>
        Task.Run(() => DotNetCli.RunAsync(projectDirectory, new[] { command }.Concat(DotNetCli.BuildSwitches).ToArray()));

    private void WriteWorkspace()
    {
        const string Empty = "<Project>\n  <!-- Stops MSBuild from looking further up: these projects see nothing of the machine's folders. -->\n</Project>\n";
        ProjectFiles.Write(Path.Combine(Directory, "Directory.Build.props"), Empty);
        ProjectFiles.Write(Path.Combine(Directory, "Directory.Build.targets"), Empty);
        ProjectFiles.Write(Path.Combine(Directory, "Directory.Packages.props"), Empty);
        ProjectFiles.Write(Path.Combine(Directory, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{_feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
    }

    private string PackageReference => $"""<PackageReference Include="EndpointGen" Version="{_version}" />""";

    private string WriteNet8Library()
    {
        var project = Path.Combine(Directory, "Net8Library");
        ProjectFiles.Write(Path.Combine(project, "Net8Library.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                {PackageReference}
              </ItemGroup>
            </Project>
            """);
        ProjectFiles.CopySpecs(Path.Combine(project, "Specs"), Repository.SpecFiles);
        ProjectFiles.Write(Path.Combine(project, "Clients.cs"), """
            using ContactCenter.Ccai;
            using ContactCenter.LiveDesk;
            using ContactCenter.Thulium;

            namespace Net8Library;

            public static class Clients
            {
                public static IThuliumClient Thulium(HttpClient http) =>
                    new ThuliumClient(http, new ThuliumClientOptions { BaseAddress = ThuliumClientOptions.CreateBaseAddress("acme"), Username = "u", Password = "p" });

                public static Type[] All => new[] { typeof(CcaiClient), typeof(LiveDeskClient), typeof(ThuliumClient) };
            }
            """);
        return project;
    }

    private string WriteNetStandardLibrary()
    {
        var project = Path.Combine(Directory, "NetStandardLibrary");
        ProjectFiles.Write(Path.Combine(project, "NetStandardLibrary.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>netstandard2.0</TargetFramework>
                <LangVersion>latest</LangVersion>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                {PackageReference}
              </ItemGroup>
            </Project>
            """);
        ProjectFiles.CopySpecs(Path.Combine(project, "Specs"), Repository.SpecFiles);
        ProjectFiles.Write(Path.Combine(project, "Clients.cs"), """
            using System;
            using System.Net.Http;
            using ContactCenter.Ccai;
            using ContactCenter.LiveDesk;
            using ContactCenter.Thulium;

            namespace NetStandardLibrary;

            public static class Clients
            {
                public static IThuliumClient Thulium(HttpClient http) =>
                    new ThuliumClient(http, new ThuliumClientOptions { BaseAddress = ThuliumClientOptions.CreateBaseAddress("acme"), Username = "u", Password = "p" });

                public static Type[] All => new[] { typeof(CcaiClient), typeof(LiveDeskClient), typeof(ThuliumClient) };
            }
            """);
        return project;
    }

    private string WriteInternalLibrary()
    {
        var project = InternalLibraryDirectory;
        ProjectFiles.Write(Path.Combine(project, "InternalLibrary.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <EndpointGenVisibility>internal</EndpointGenVisibility>
                <EndpointGenNamespace>Acme.Weather</EndpointGenNamespace>
              </PropertyGroup>
              <ItemGroup>
                {PackageReference}
                <!-- Also matched by the package's glob: it must stay one item. -->
                <AdditionalFiles Include="./Specs/thulium.endpoints.yaml" />
              </ItemGroup>
            </Project>
            """);
        ProjectFiles.CopySpecs(Path.Combine(project, "Specs"), new[] { "thulium.endpoints.yaml" });
        // No namespace in the descriptor: the project's EndpointGenNamespace applies.
        ProjectFiles.Write(Path.Combine(project, "weather.endpoints.yml"), WeatherDescriptor(null));
        // A stale copy in obj/ is not a descriptor: were it picked up, Thulium would be declared twice.
        ProjectFiles.Write(Path.Combine(project, "obj", "stale", "thulium.endpoints.yaml"), File.ReadAllText(Repository.SpecPath("thulium.endpoints.yaml")));
        ProjectFiles.Write(Path.Combine(project, "Clients.cs"), """
            using Acme.Weather;
            using ContactCenter.Thulium;

            namespace InternalLibrary;

            internal static class Clients
            {
                internal static IWeatherClient Weather(HttpClient http) => new WeatherClient(http, new WeatherClientOptions { Token = "t" });

                internal static IThuliumClient Thulium(HttpClient http) =>
                    new ThuliumClient(http, new ThuliumClientOptions { BaseAddress = ThuliumClientOptions.CreateBaseAddress("acme"), Username = "u", Password = "p" });
            }
            """);
        return project;
    }

    private string WriteFakesApplication()
    {
        var project = Path.Combine(Directory, "FakesApplication");
        ProjectFiles.Write(Path.Combine(project, "FakesApplication.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <EndpointGenFakes>true</EndpointGenFakes>
              </PropertyGroup>
              <ItemGroup>
                {PackageReference}
                <PackageReference Include="EndpointGen.Testing" Version="{_version}" />
              </ItemGroup>
            </Project>
            """);
        ProjectFiles.Write(Path.Combine(project, "weather.endpoints.yaml"), WeatherDescriptor("Acme.Weather"));
        ProjectFiles.Write(Path.Combine(project, "Program.cs"), """
            using Acme.Weather;
            using Acme.Weather.Testing;
            using EndpointGen.Testing;

            var fake = new WeatherFake();
            fake.GetForecast.Returns(new Forecast { City = "Oslo" });
            var client = new WeatherClient(new HttpClient(fake), new WeatherClientOptions { Token = "secret-token" });
            var forecast = await client.GetForecastAsync("Oslo", new GetForecastParameters { Days = 3 });
            var call = fake.GetForecast.SingleCall;
            Console.WriteLine($"fake {forecast.City} {call.City} {call.Parameters.Days} {call.Request.GetHeader("Authorization")}");

            try
            {
                await new HttpClient(fake).DeleteAsync("https://api.example.com/v1/cities/Oslo/forecast");
            }
            catch (FakeRequestException ex)
            {
                Console.WriteLine("violation " + ex.Message);
            }
            """);
        return project;
    }

    private string WriteApplication()
    {
        var project = Path.Combine(Directory, "Application");
        ProjectFiles.Write(Path.Combine(project, "Application.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                {PackageReference}
                <PackageReference Include="Microsoft.Extensions.Http" Version="10.0.14" />
                <ProjectReference Include="../NetStandardLibrary/NetStandardLibrary.csproj" />
              </ItemGroup>
            </Project>
            """);
        ProjectFiles.Write(Path.Combine(project, "weather.endpoints.yaml"), WeatherDescriptor("Acme.Weather"));
        ProjectFiles.Write(Path.Combine(project, "Program.cs"), """
            using System.Net;
            using System.Text;
            using Acme.Weather;
            using ContactCenter.Thulium;
            using Microsoft.Extensions.DependencyInjection;

            // This project's client, registered with IHttpClientFactory and resolved from the container.
            var services = new ServiceCollection();
            services
                .AddWeatherClient(options =>
                {
                    options.BaseAddress = new Uri("https://api.example.com/v1");
                    options.Token = "secret-token";
                })
                .ConfigurePrimaryHttpMessageHandler(() => new StubHandler("{\"city\": \"Oslo\"}"));

            using var provider = services.BuildServiceProvider();
            var weather = provider.GetRequiredService<IWeatherClient>();
            var forecast = await weather.GetForecastAsync("Oslo", new GetForecastParameters { Days = 3 });
            Console.WriteLine("forecast " + forecast.City);

            // The client generated in the referenced netstandard2.0 library.
            using var http = new HttpClient(new StubHandler("{\"conversation_id\": \"6ed7c941-2c8a-411e-95d2-338a9f64800a\"}"));
            IThuliumClient thulium = NetStandardLibrary.Clients.Thulium(http);
            var started = await thulium.StartChatConversationAsync(new StartChatConversationParameters { ChatQueueId = 3, ClientId = "1234" });
            Console.WriteLine("conversation " + started.ConversationId);

            /// <summary>Answers every request with one JSON body, and prints what it received.</summary>
            internal sealed class StubHandler(string json) : HttpMessageHandler
            {
                protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                {
                    Console.WriteLine("request " + request.Method + " " + request.RequestUri + " " + request.Headers.Authorization);
                    return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
                }
            }
            """);
        return project;
    }
}
