using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using EndpointGen.Runtime;
using EndpointGen.Tests.Robustness;
using Xunit;

namespace EndpointGen.Tests.Json;

/// <summary>
/// The <c>date</c> type in JSON: written <c>yyyy-MM-dd</c>, the date part only; read from that, or tolerantly from a
/// date-time string (its date as written, in its own offset); anything else fails. The runtime's functions take a
/// <see cref="DateTime"/> on every target, so these cover the netstandard2.0 representation, and the generated
/// <see cref="DateOnly"/> converters (a .NET compilation) round-trip through them.
/// </summary>
public sealed class DateTests
{
    [Theory]
    [InlineData("\"2024-02-29\"", 2024, 2, 29)]
    [InlineData("\"0001-01-01\"", 1, 1, 1)]
    [InlineData("\"9999-12-31\"", 9999, 12, 31)]
    [InlineData("\"2024-05-02T23:30:00-05:00\"", 2024, 5, 2)]
    [InlineData("\"2024-05-02T00:30:00+14:00\"", 2024, 5, 2)]
    [InlineData("\"2024-05-02T10:15:30.5Z\"", 2024, 5, 2)]
    [InlineData("\"2024-05-02T10:15:30\"", 2024, 5, 2)]
    public void A_date_or_a_date_time_reads_as_its_date_as_written(string json, int year, int month, int day)
    {
        var date = Read(json);
        Assert.Equal(new DateTime(year, month, day), date);
        Assert.Equal(DateTimeKind.Unspecified, date.Kind);
    }

    [Theory]
    [InlineData("\"2024-02-30\"")]
    [InlineData("\"not a date\"")]
    [InlineData("\"\"")]
    [InlineData("20240502")]
    [InlineData("true")]
    [InlineData("{}")]
    public void Anything_else_fails(string json) =>
        Assert.Throws<JsonException>(() => Read(json));

    [Theory]
    [InlineData(2024, 5, 2, 23, 59, DateTimeKind.Local, "2024-05-02")]
    [InlineData(2024, 5, 2, 0, 0, DateTimeKind.Utc, "2024-05-02")]
    [InlineData(1, 1, 1, 0, 0, DateTimeKind.Unspecified, "0001-01-01")]
    [InlineData(9999, 12, 31, 12, 0, DateTimeKind.Unspecified, "9999-12-31")]
    public void Writing_keeps_the_date_part_only_and_a_query_or_header_carries_the_same_text(int year, int month, int day, int hour, int minute, DateTimeKind kind, string text)
    {
        var value = new DateTime(year, month, day, hour, minute, 0, kind);
        Assert.Equal("\"" + text + "\"", Write(value));
        Assert.Equal(text, WireFormat.Date(value));
        Assert.Equal(text, WireFormat.Date((DateTime?)value));
        Assert.Null(WireFormat.Date((DateTime?)null));
    }

    [Fact]
    public void Writing_does_not_depend_on_the_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            // A culture with another calendar and digits would change a culture-sensitive format.
            CultureInfo.CurrentCulture = new CultureInfo("th-TH");
            Assert.Equal("\"2024-05-02\"", Write(new DateTime(2024, 5, 2)));
            Assert.Equal("2024-05-02", WireFormat.Date(new DateTime(2024, 5, 2)));
            Assert.Equal(new DateTime(2024, 5, 2), Read("\"2024-05-02\""));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void A_generated_type_round_trips_its_DateOnly_fields()
    {
        using var dynamic = DynamicClient.Compile("""
            service:
              name: Days
              namespace: Json.Days
              baseUrl: https://days.example.com
            endpoints: {}
            types:
              Day:
                fields:
                  on: { type: date, required: true }
                  off: { type: date, nullable: true, required: true }
                  maybe: date
                  list: date[]
                  byName: map<date>
            """);
        var type = dynamic.Type("Json.Days.Day");
        Assert.Equal(typeof(DateOnly), type.GetProperty("On")!.PropertyType);

        const string Json = """{"on":"2024-02-29","off":null,"maybe":"2024-05-02T23:30:00-05:00","list":["0001-01-01","9999-12-31"],"byName":{"a":"2024-01-02"}}""";
        var value = GeneratedJson.Read(type, Encoding.UTF8.GetBytes(Json));
        Assert.Equal(new DateOnly(2024, 2, 29), type.GetProperty("On")!.GetValue(value));
        Assert.Equal(new DateOnly(2024, 5, 2), type.GetProperty("Maybe")!.GetValue(value));
        Assert.Equal(
            """{"on":"2024-02-29","off":null,"maybe":"2024-05-02","list":["0001-01-01","9999-12-31"],"byName":{"a":"2024-01-02"}}""",
            GeneratedJson.Write(type, value));
    }

    private static DateTime Read(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return JsonValueReader.ReadDate(ref reader);
    }

    private static string Write(DateTime value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            JsonValueWriter.WriteDate(writer, value);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
