using System;
using System.Linq;
using System.Threading;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// One test per diagnostic: each asserts the ID, the file, and the 1-based line and column of the YAML node the
/// problem is at, and that the generator itself never failed (no CS8785, no exception).
/// </summary>
public sealed class DiagnosticTests
{
    private const string File = "/specs/demo.endpoints.yaml";

    // A valid descriptor that the cases below change in one place.
    private const string Valid = """
        service:
          name: Demo
          namespace: Demo.Api
          baseUrl: https://api.example.com/v1
        endpoints:
          GetThing:
            method: GET
            path: things/{id}
            parameters:
              path:
                id: int64
            response: Thing
        types:
          Thing:
            fields:
              id: { type: int64, required: true }
              name: string
        """;

    [Fact]
    public void The_valid_descriptor_has_no_diagnostics_and_compiles()
    {
        var run = GeneratorHarness.Run((File, Valid));
        Assert.Empty(run.Result.Diagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings);
        Assert.Single(run.Sources);
    }

    [Fact]
    public void EPG001_yaml_syntax_error_is_located_at_the_bad_token() =>
        AssertDiagnostic("service:\n  name: [Demo\n  namespace: x\n", "EPG001", 2, 9);

    [Theory]
    [InlineData("- one\n- two\n", 1, 1)]
    [InlineData("colour: red\nsize: 3\n", 1, 1)]
    [InlineData("just a plain scalar\n", 1, 1)]
    [InlineData("", 1, 1)]
    public void EPG002_not_a_descriptor(string yaml, int line, int column) =>
        AssertDiagnostic(yaml, "EPG002", line, column);

    [Fact]
    public void EPG002_more_than_one_document() =>
        AssertDiagnostic(Valid + "\n---\nservice: {}\n", "EPG002", 18, 1);

    [Fact]
    public void EPG003_unknown_key_is_located_at_the_key() =>
        AssertDiagnostic(Valid.Replace("  baseUrl:", "  colour: red\n  baseUrl:"), "EPG003", 4, 3);

    [Fact]
    public void EPG004_missing_key_is_located_at_the_mapping() =>
        AssertDiagnostic(Valid.Replace("    path: things/{id}\n", string.Empty).Replace("      path:\n        id: int64\n", "      query:\n        id: int64\n"), "EPG004", 7, 5);

    [Fact]
    public void EPG005_invalid_value_is_located_at_the_value() =>
        AssertDiagnostic(Valid.Replace("required: true", "required: maybe"), "EPG005", 16, 36);

    [Fact]
    public void EPG006_unknown_type_is_located_at_the_type() =>
        AssertDiagnostic(Valid.Replace("name: string", "name: strin"), "EPG006", 17, 13);

    [Fact]
    public void EPG007_duplicate_endpoint_name() =>
        AssertDiagnostic(Valid.Replace("types:", "  GetThing:\n    method: GET\n    path: x\ntypes:"), "EPG007", 13, 3);

    [Fact]
    public void EPG007_duplicate_type_name() =>
        AssertDiagnostic(Valid + "\n  Thing:\n    fields: {}\n", "EPG007", 18, 3);

    [Fact]
    public void EPG007_duplicate_field_name() =>
        AssertDiagnostic(Valid + "\n      name: int32\n", "EPG007", 18, 7);

    [Fact]
    public void EPG008_placeholder_without_parameter_is_located_at_the_path() =>
        AssertDiagnostic(Valid.Replace("path: things/{id}", "path: things/{id}/{part}"), "EPG008", 8, 11);

    [Fact]
    public void EPG009_parameter_without_placeholder_is_located_at_the_parameter() =>
        AssertDiagnostic(Valid.Replace("        id: int64\n", "        id: int64\n        part: string\n"), "EPG009", 12, 9);

    [Fact]
    public void EPG010_invalid_http_method_is_located_at_the_method() =>
        AssertDiagnostic(Valid.Replace("method: GET", "method: FETCH"), "EPG010", 7, 13);

    [Fact]
    public void EPG011_name_that_cannot_become_an_identifier() =>
        AssertDiagnostic(Valid.Replace("  GetThing:", "  \"123\":"), "EPG011", 6, 3);

    [Fact]
    public void EPG012_names_that_collide_after_conversion() =>
        AssertDiagnostic(Valid + "\n      Name: string\n", "EPG012", 18, 7);

    [Fact]
    public void EPG012_enum_values_that_collide_after_conversion() =>
        AssertDiagnostic(Valid + "\n  Colour:\n    enum: [dark-red, dark_red]\n", "EPG012", 19, 22);

    [Theory]
    [InlineData("request")]
    [InlineData("response")]
    [InlineData("url")]
    [InlineData("cancellation_token")]
    public void EPG012_a_path_parameter_named_like_the_generated_methods_own_names(string name) =>
        AssertDiagnostic(Valid.Replace("path: things/{id}", "path: things/{" + name + "}").Replace("        id: int64", "        " + name + ": int64"), "EPG012", 11, 9);

    [Fact]
    public void EPG013_anchors_and_aliases_are_refused() =>
        AssertDiagnostic(Valid.Replace("name: string", "name: &t string\n      other: *t"), "EPG013", 17, 13);

    [Fact]
    public void EPG014_nesting_too_deep_is_refused_without_recursing_through_it()
    {
        var deep = Valid + "\n      deep: { type: string, description: " + new string('[', 20_000) + new string(']', 20_000) + " }\n";
        AssertDiagnostic(deep, "EPG014", 18, 102);
    }

    [Fact]
    public void EPG015_type_not_allowed_as_a_path_parameter() =>
        AssertDiagnostic(Valid.Replace("        id: int64", "        id: boolean"), "EPG015", 11, 13);

    [Fact]
    public void EPG016_two_descriptors_for_the_same_service()
    {
        var run = GeneratorHarness.Run((File, Valid), ("/specs/copy.endpoints.yaml", Valid));
        var diagnostic = Assert.Single(run.Result.Diagnostics);
        Assert.Equal("EPG016", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(("/specs/demo.endpoints.yaml", 2, 9), (span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));

        // The first file by path still generates the service, so the project keeps its client.
        Assert.Single(run.Sources);
        Assert.Empty(run.CompileErrorsAndWarnings);
        AssertGeneratorDidNotFail(run);
    }

    [Fact]
    public void EPG017_language_version_too_old()
    {
        var run = GeneratorHarness.Run(new[] { new InMemoryAdditionalText(File, Valid) }, version: LanguageVersion.CSharp10);
        var diagnostic = Assert.Single(run.Result.Diagnostics);
        Assert.Equal("EPG017", diagnostic.Id);
        Assert.Empty(run.Sources);
        AssertGeneratorDidNotFail(run);
    }

    [Theory]
    [InlineData("EndpointGenVisibility", "protected")]
    [InlineData("EndpointGenNamespace", "My-App.Clients")]
    public void EPG018_an_invalid_msbuild_setting_is_reported_once(string property, string value)
    {
        var run = GeneratorHarness.Run(new[] { new InMemoryAdditionalText(File, Valid), new InMemoryAdditionalText("/specs/other.endpoints.yaml", Valid.Replace("name: Demo", "name: Other")) },
            buildProperties: new System.Collections.Generic.Dictionary<string, string> { [property] = value });
        var diagnostic = Assert.Single(run.Result.Diagnostics);
        Assert.Equal("EPG018", diagnostic.Id);
        Assert.Contains(property + "=" + value, diagnostic.GetMessage(), StringComparison.Ordinal);
        AssertGeneratorDidNotFail(run);
    }

    [Fact]
    public void EPG099_a_failure_inside_the_generator_becomes_a_located_diagnostic()
    {
        var run = GeneratorHarness.Run(new AdditionalText[] { new ThrowingAdditionalText(File) });
        var diagnostic = Assert.Single(run.Result.Diagnostics);
        Assert.Equal("EPG099", diagnostic.Id);
        Assert.Equal(File, diagnostic.Location.GetLineSpan().Path);
        AssertGeneratorDidNotFail(run);
    }

    [Fact]
    public void Every_problem_in_a_file_is_reported_in_one_build()
    {
        var yaml = Valid.Replace("method: GET", "method: FETCH").Replace("name: string", "name: strin").Replace("  baseUrl:", "  colour: red\n  baseUrl:");
        var run = GeneratorHarness.Run((File, yaml));
        Assert.Equal(new[] { "EPG003", "EPG006", "EPG010" }, run.Result.Diagnostics.Select(d => d.Id).OrderBy(i => i).ToArray());
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void The_same_file_listed_twice_generates_its_service_once()
    {
        var run = GeneratorHarness.Run((File, Valid), (File, Valid));
        Assert.Empty(run.Result.Diagnostics);
        Assert.Single(run.Sources);
        AssertGeneratorDidNotFail(run);
    }

    [Theory]
    [InlineData(null, null, "Demo")]
    [InlineData("Acme.App", null, "Acme.App")]
    [InlineData("Acme.App", "Acme.Clients", "Acme.Clients")]
    public void A_descriptor_without_a_namespace_takes_the_projects(string? rootNamespace, string? endpointGenNamespace, string expected)
    {
        var properties = new System.Collections.Generic.Dictionary<string, string>();
        if (rootNamespace is not null)
        {
            properties["RootNamespace"] = rootNamespace;
        }

        if (endpointGenNamespace is not null)
        {
            properties["EndpointGenNamespace"] = endpointGenNamespace;
        }

        var run = GeneratorHarness.Run(new[] { new InMemoryAdditionalText(File, Valid.Replace("  namespace: Demo.Api\n", string.Empty)) }, buildProperties: properties);

        Assert.Empty(run.Result.Diagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings);
        Assert.NotNull(run.Output.GetTypeByMetadataName(expected + ".DemoClient"));
    }

    [Fact]
    public void Other_additional_files_are_ignored()
    {
        var run = GeneratorHarness.Run(("/specs/notes.yaml", "not: [a descriptor"), ("/specs/readme.md", "# hi"));
        Assert.Empty(run.Result.Diagnostics);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void The_yml_extension_is_read_too()
    {
        var run = GeneratorHarness.Run(("/specs/demo.endpoints.yml", Valid));
        Assert.Empty(run.Result.Diagnostics);
        Assert.Single(run.Sources);
    }

    private static void AssertDiagnostic(string yaml, string id, int line, int column)
    {
        var run = GeneratorHarness.Run((File, yaml));
        AssertGeneratorDidNotFail(run);
        var diagnostic = run.Result.Diagnostics.FirstOrDefault(d => d.Id == id);
        Assert.True(diagnostic is not null, $"Expected {id}; got: {string.Join(" | ", run.Result.Diagnostics.Select(d => d.ToString()))}");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic!.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(File, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.Empty(run.Sources);
    }

    private static void AssertGeneratorDidNotFail(GeneratorRun run)
    {
        Assert.Null(run.Result.Results.Single().Exception);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
    }

    private sealed class ThrowingAdditionalText : AdditionalText
    {
        public ThrowingAdditionalText(string path) => Path = path;

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("the editor's buffer is gone");
    }
}
