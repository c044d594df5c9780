using System.Threading.Tasks;
using Xunit;
using static EndpointGen.Tests.Infrastructure.EndpointGenTest;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// The misuses of array parameters, <c>style</c>, <c>date</c> and <c>default</c>, each with its exact id and span (in
/// the style of <see cref="DiagnosticTests"/>), and the valid uses, which compile.
/// </summary>
public sealed class ParameterDiagnosticTests
{
    private const string Valid = """
        service:
          name: Demo
          namespace: Demo.Api
          baseUrl: https://api.example.com/v1
        endpoints:
          ListThings:
            method: GET
            path: things/{day}
            parameters:
              path:
                day: { type: date, default: 2024-01-01 }
              query:
                labels:
                  type: string[]
                  default: vip
                colors: { type: "Color[]", style: brackets }
                ids: { type: "int64[]", style: comma, required: true }
                since: { type: date, default: null }
                page: { type: int32, default: 1 }
              header:
                X-Tags: { type: "string[]", style: comma }
                X-Day: date
            response: Thing[]
        types:
          Color:
            enum: [red, green]
          Thing:
            fields:
              id: { type: int64, required: true }
              day: { type: date, required: true, default: 1970-01-01 }
              days: date[]
              name: { type: string, default: "it's a [name], with commas" }
              big: { type: boolean, default: false }
        """;

    [Fact]
    public Task The_valid_descriptor_has_no_diagnostics_and_compiles()
    {
        var test = Descriptor(Valid);
        test.ExpectedHintNames = new[] { "Demo.Api.Demo.g.cs" };
        return test.RunAsync();
    }

    [Theory]
    [InlineData("string[][]")]
    [InlineData("Thing[]")]
    [InlineData("json[]")]
    [InlineData("unix-time[]")]
    [InlineData("map<string>[]")]
    [InlineData("map<string>")]
    public Task EPG015_an_array_query_parameter_of_what_is_not_a_scalar(string type) =>
        VerifyAsync(Valid.Replace("      labels:\n          type: string[]", "      labels:\n          type: {|#0:" + type + "|}"), Error("EPG015", 0));

    [Fact]
    public Task EPG015_an_array_header_of_objects() =>
        VerifyAsync(Valid.Replace("X-Tags: { type: \"string[]\"", "X-Tags: { type: {|#0:\"Thing[]\"|}"), Error("EPG015", 0));

    [Fact]
    public Task EPG015_an_array_path_parameter() =>
        VerifyAsync(
            Valid.Replace("day: { type: date, default: 2024-01-01 }", "day: { type: {|#0:\"date[]\"|} }"),
            Error("EPG015", 0));

    [Fact]
    public Task EPG005_an_unknown_style_is_located_at_the_value() =>
        VerifyAsync(Valid.Replace("style: brackets", "style: {|#0:pipes|}"), Error("EPG005", 0).WithArguments("style", "'pipes' is not a style; expected repeat, brackets or comma"));

    [Theory]
    [InlineData("repeat")]
    [InlineData("brackets")]
    public Task EPG005_a_header_style_other_than_comma(string style) =>
        VerifyAsync(
            Valid.Replace("X-Tags: { type: \"string[]\", style: comma }", "X-Tags: { type: \"string[]\", style: {|#0:" + style + "|} }"),
            Error("EPG005", 0).WithArguments("style", $"a header carries its elements as one comma-separated value, so its only style is comma, not '{style}'"));

    [Fact]
    public Task EPG005_a_style_on_a_scalar_query_parameter() =>
        VerifyAsync(
            Valid.Replace("page: { type: int32, default: 1 }", "page: { type: int32, style: {|#0:comma|} }"),
            Error("EPG005", 0).WithArguments("style", "'style' applies to array parameters only, and this query parameter is a int32"));

    [Fact]
    public Task EPG003_a_path_parameter_has_no_style() =>
        VerifyAsync(Valid.Replace("day: { type: date, default: 2024-01-01 }", "day: { type: date, {|#0:style|}: comma }"), Error("EPG003", 0));

    [Fact]
    public Task EPG005_a_default_that_is_a_list_on_a_parameter() =>
        VerifyAsync(Valid.Replace("page: { type: int32, default: 1 }", "page: { type: int32, default: {|#0:|}[1, 2] }"), Error("EPG005", 0).WithArguments("default", "a default is a single value, found a list"));

    [Fact]
    public Task EPG005_a_default_that_is_a_mapping_on_a_field() =>
        VerifyAsync(Valid.Replace("big: { type: boolean, default: false }", "big: { type: boolean, default: {|#0:|}{ a: 1 } }"), Error("EPG005", 0).WithArguments("default", "a default is a single value, found a mapping"));

    [Fact]
    public Task EPG015_a_date_time_array_is_fine_but_a_unix_time_header_is_not() =>
        VerifyAsync(
            Valid.Replace("X-Day: date", "X-Day: {|#0:unix-time|}\n        X-Times: \"date-time[]\""),
            Error("EPG015", 0));
}
