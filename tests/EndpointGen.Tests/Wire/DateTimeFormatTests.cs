using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using EndpointGen.Tests.Client;
using EndpointGen.Tests.Robustness;
using Xunit;

namespace EndpointGen.Tests.Wire;

/// <summary>A <c>date-time</c> is written the same in a query, a header and a JSON body.</summary>
public sealed class DateTimeFormatTests : IClassFixture<DateTimeFormatTests.TimesClient>
{
    private const string Descriptor = """
        service:
          name: Times
          namespace: Wire.Times
          baseUrl: https://times.example.com/v1
        endpoints:
          PostEvent:
            method: POST
            path: events
            parameters:
              query:
                since: date-time
              header:
                X-Since: date-time
            body: Event
        types:
          Event:
            fields:
              at: { type: date-time, required: true }
        """;

    private readonly DynamicClient _dynamic;

    public DateTimeFormatTests(TimesClient times) => _dynamic = times.Client;

    /// <summary>The test descriptor, compiled once for the class.</summary>
    public sealed class TimesClient : IDisposable
    {
        public DynamicClient Client { get; } = DynamicClient.Compile(Descriptor);

        public void Dispose() => Client.Dispose();
    }

    [Theory]
    [InlineData("2015-12-16T22:18:37+00:00")]
    [InlineData("2015-12-16T22:18:37.5+02:00")]
    [InlineData("2015-12-16T22:18:37.1234567-05:30")]
    [InlineData("0001-01-01T00:00:00+00:00")]
    public async Task Query_header_and_body_carry_the_same_text(string text)
    {
        var value = DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var handler = new StubHandler(HttpStatusCode.NoContent);
        var client = _dynamic.Client("Wire.Times.Times", handler, _dynamic.Options("Wire.Times.Times", _ => { }));

        await DynamicClient.CallAsync(
            client,
            "PostEventAsync",
            _dynamic.New("Wire.Times.Event", ("At", value)),
            _dynamic.New("Wire.Times.PostEventParameters", ("Since", (DateTimeOffset?)value), ("XSince", (DateTimeOffset?)value)));

        var request = handler.Last;
        var json = JsonDocument.Parse(request.Body!).RootElement.GetProperty("at").GetString();
        Assert.Equal(text, json);
        Assert.Equal("?since=" + Uri.EscapeDataString(text), request.Uri.Query);
        Assert.Contains("X-Since: " + text, request.Headers.Split("\r\n").Select(line => line.Trim()));
    }
}
