// Direct driver: the feature descriptors' clients and fakes are compiled together with a probe written against them, loaded and run.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading.Tasks;
using EndpointGen.Testing;
using EndpointGen.Tests.Generator;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace EndpointGen.Tests.Fakes;

/// <summary>
/// Generated fakes at work: the feature descriptors (weather, inventory, postbox, gallery...) compiled with their clients,
/// dependency injection and fakes, and a probe that uses them as a test would. Each probe method answers a line of text.
/// </summary>
public sealed class FakeBehaviorTests : IClassFixture<FakeBehaviorTests.ProbeAssembly>
{
    private const string Probe = """
        using System;
        using System.Net;
        using System.Net.Http;
        using System.Threading.Tasks;
        using EndpointGen.Testing;
        using Features.Weather;
        using Features.Weather.Testing;
        using Microsoft.Extensions.DependencyInjection;

        namespace Probe;

        internal static class Checks
        {
            private static WeatherClient Client(WeatherFake fake) => new WeatherClient(new HttpClient(fake), new WeatherClientOptions { ApiKey = "key-1234" });

            public static async Task<string> DependencyInjection()
            {
                var fake = new WeatherFake();
                fake.GetForecast.Returns(new Forecast { City = "Oslo" });
                var services = new ServiceCollection();
                services.AddWeatherClient(o => o.ApiKey = "key-1234").ConfigurePrimaryHttpMessageHandler(() => fake);
                using var provider = services.BuildServiceProvider();
                var client = provider.GetRequiredService<IWeatherClient>();
                var forecast = await client.GetForecastAsync("Oslo / Bergen", new GetForecastParameters { Units = Units.Metric, Days = 3 });
                var call = fake.GetForecast.SingleCall;
                return $"{forecast.City} {call.City} {call.Parameters.Units} {call.Parameters.Days} {call.Request.GetHeader("X-Api-Key")} {call.Request.Uri.AbsolutePath}";
            }

            public static async Task<string> NoAnswer()
            {
                var fake = new WeatherFake();
                try
                {
                    await Client(fake).GetForecastAsync("Oslo", new GetForecastParameters { Units = Units.Metric });
                    return "answered";
                }
                catch (FakeRequestException ex)
                {
                    return (fake.GetForecast.HasDefaultAnswer ? "default " : "") + ex.Message + " | " + fake.GetForecast.Calls.Count + " " + fake.Violations.Count;
                }
            }

            public static async Task<string> Raw(string method, string pathAndQuery)
            {
                var fake = new WeatherFake();
                fake.GetForecast.Returns(new Forecast { City = "Oslo" });
                var http = new HttpClient(fake);
                try
                {
                    var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), "https://api.weather.example.com/" + pathAndQuery));
                    return "answered " + (int)response.StatusCode;
                }
                catch (FakeRequestException ex)
                {
                    return ex.Rule;
                }
            }

            public static async Task<string> Queue()
            {
                var fake = new WeatherFake();
                var client = Client(fake);
                fake.GetForecast.Returns(new Forecast { City = "first" });
                fake.GetForecast.ReturnsStatus(HttpStatusCode.ServiceUnavailable);
                fake.GetForecast.Returns(new Forecast { City = "last" });
                var parameters = new GetForecastParameters { Units = Units.Imperial };
                var answers = (await client.GetForecastAsync("a", parameters)).City;
                try
                {
                    await client.GetForecastAsync("b", parameters);
                }
                catch (WeatherApiException ex)
                {
                    answers += " " + (int)ex.StatusCode;
                }

                answers += " " + (await client.GetForecastAsync("c", parameters)).City + " " + (await client.GetForecastAsync("d", parameters)).City;
                fake.GetForecast.Fails(new HttpRequestException("connection refused"));
                try
                {
                    await client.GetForecastAsync("e", parameters);
                }
                catch (HttpRequestException ex)
                {
                    answers += " " + ex.Message;
                }

                return answers + " " + string.Join(",", System.Linq.Enumerable.Select(fake.GetForecast.Calls, c => c.City));
            }
        }
        """;

    private readonly ProbeAssembly _probe;

    public FakeBehaviorTests(ProbeAssembly probe) => _probe = probe;

    [Fact]
    public async Task A_fake_is_the_primary_handler_of_the_dependency_injection_registration_and_records_typed_calls()
    {
        Assert.Equal("Oslo Oslo / Bergen metric 3 key-1234 /forecast/Oslo%20%2F%20Bergen", await _probe.Run("DependencyInjection"));
    }

    [Fact]
    public async Task An_endpoint_whose_examples_give_no_answer_fails_with_no_answer_set_and_records_the_call()
    {
        Assert.Equal(
            "Weather GetForecast: no answer set for GetForecast: set one with GetForecast.Returns(...) (the descriptor's examples do not give every required field of Forecast) (GET /forecast/Oslo?units=metric) | 1 1",
            await _probe.Run("NoAnswer"));
    }

    [Theory]
    [InlineData("GET", "forecast/Oslo?units=metric&days=3", "answered 200")]
    [InlineData("GET", "forecast/Oslo?days=3", "the required query parameter 'units' is missing")]
    [InlineData("GET", "forecast/Oslo?units=metric&days=many&lang=de", "the query parameter 'days' is not a valid int32: 'many'; the query parameter 'lang' is not one the descriptor declares")]
    [InlineData("GET", "forecast/Oslo?units=metric&units=imperial", "the query parameter 'units' is sent 2 times, but it is not an array")]
    [InlineData("POST", "forecast/Oslo?units=metric", "the method POST is not allowed: the path is GetForecast's, whose method is GET")]
    [InlineData("GET", "forecasts/Oslo?units=metric", "no endpoint has the method GET and the path /forecasts/Oslo")]
    [InlineData("GET", "forecast?units=metric", "no endpoint has the method GET and the path /forecast")]
    public async Task Each_rule_a_raw_request_breaks_is_named(string method, string pathAndQuery, string rule)
    {
        Assert.Equal(rule, await _probe.Run("Raw", method, pathAndQuery));
    }

    [Fact]
    public async Task Answers_are_taken_in_order_the_last_repeats_and_a_failure_is_thrown_by_the_handler()
    {
        Assert.Equal("first 503 last last connection refused a,b,c,d,e", await _probe.Run("Queue"));
    }

    [Fact]
    public void Every_default_answer_the_examples_make_reads_through_the_generated_reader()
    {
        var checkedAnswers = 0;
        foreach (var fakeType in _probe.Assembly.GetTypes().Where(t => typeof(ServiceFake).IsAssignableFrom(t)))
        {
            var fake = (ServiceFake)Activator.CreateInstance(fakeType)!;
            foreach (var property in fakeType.GetProperties().Where(p => typeof(FakeEndpoint).IsAssignableFrom(p.PropertyType)))
            {
                var endpoint = (FakeEndpoint)property.GetValue(fake)!;
                if (property.PropertyType.GetProperty("HasDefaultAnswer")?.GetValue(endpoint) is true)
                {
                    // Next() checks the default answer through the generated reader, and throws if it does not read.
                    Assert.NotNull(endpoint.Next().Answer);
                    checkedAnswers++;
                }
            }
        }

        Assert.True(checkedAnswers >= 20, checkedAnswers + " default answers");
    }

    /// <summary>The probe compiled with every feature and vendor descriptor's clients, registration and fakes, loaded once.</summary>
    public sealed class ProbeAssembly : IDisposable
    {
        private readonly AssemblyLoadContext _context = new("fake-probe", isCollectible: true);

        public ProbeAssembly()
        {
            var compilation = GeneratorHarness.CreateCompilation(Probe)
                .AddReferences(GeneratorHarness.DependencyInjectionReferences)
                .AddReferences(MetadataReference.CreateFromFile(typeof(ServiceFake).Assembly.Location));
            var run = GeneratorHarness.RunTwice(
                GeneratorHarness.CreateDriver(FakeGeneratorTests.Features().Concat(Repository.SpecFiles.Select(Repository.Spec)), buildProperties: new Dictionary<string, string> { ["EndpointGenFakes"] = "true" }),
                compilation);
            Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
            using var image = new MemoryStream();
            var emitted = run.Output.Emit(image);
            Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
            Assembly = _context.LoadFromStream(new MemoryStream(image.ToArray()));
        }

        public Assembly Assembly { get; }

        public async Task<string> Run(string method, params object[] arguments) =>
            await (Task<string>)Assembly.GetType("Probe.Checks")!.GetMethod(method)!.Invoke(null, arguments)!;

        public void Dispose() => _context.Unload();
    }
}
