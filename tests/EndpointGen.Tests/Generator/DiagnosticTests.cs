using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static EndpointGen.Tests.Infrastructure.EndpointGenTest;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// One test per diagnostic, under Microsoft.CodeAnalysis.Testing (<see cref="EndpointGenTest"/>): each names every
/// diagnostic the descriptor gets, with its ID, severity and exact span in the YAML (marked in the text as
/// <c>{|#0:...|}</c>), that nothing else is reported (no CS8785, no compiler warning) and which files are generated
/// (none when there is an error). EPG099 needs a file that fails to read, which the framework cannot give: it is in
/// <see cref="InternalErrorTests"/>.
/// </summary>
public sealed class DiagnosticTests
{
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
    public Task The_valid_descriptor_has_no_diagnostics_and_compiles()
    {
        var test = Descriptor(Valid);
        test.ExpectedHintNames = new[] { "Demo.Api.Demo.g.cs" };
        return test.RunAsync();
    }

    [Fact]
    public Task EPG001_yaml_syntax_error_is_located_at_the_bad_token() =>
        VerifyAsync("service:\n  name: {|#0:|}[Demo\n  namespace: x\n", Error("EPG001", 0));

    [Fact]
    public Task EPG001_a_tab_in_indentation_is_located_at_the_tab() =>
        VerifyAsync(
            Valid.Replace("    method: GET", "{|#0:|}\tmethod: GET"),
            Error("EPG001", 0).WithArguments("While scanning a mapping, found invalid tab as indentation. Indent with spaces: YAML does not allow tabs in indentation."));

    [Fact]
    public Task EPG001_a_bracket_inside_a_flow_mapping_says_to_quote_it() =>
        VerifyAsync(
            Valid.Replace("      name: string", "      name: { type: string, description: a {|#0:|}[b] c }"),
            Error("EPG001", 0).WithArguments("While parsing a flow mapping, did not find expected ',' or '}'. Inside { } or [ ], a value holding '[', ']', '{', '}' or ',' needs quotes: description: \"a [b], c\"."));

    [Fact]
    public Task EPG001_a_misindented_key_is_located_on_its_line() =>
        VerifyAsync(
            Valid.Replace("    response: Thing", "   {|#0:|}response: Thing"),
            Error("EPG001", 0).WithArguments("While parsing a block mapping, did not find expected key. Check this line's indentation against the keys beside it (siblings start in the same column, with spaces), and quote a value that holds ': '."));

    [Theory]
    [InlineData("{|#0:|}- one\n- two\n")]
    [InlineData("{|#0:|}colour: red\nsize: 3\n")]
    [InlineData("{|#0:just a plain scalar|}\n")]
    [InlineData("{|#0:|}")]
    public Task EPG002_not_a_descriptor(string yaml) =>
        VerifyAsync(yaml, Error("EPG002", 0));

    [Fact]
    public Task EPG002_more_than_one_document() =>
        VerifyAsync(Valid + "\n{|#0:---|}\nservice: {}\n", Error("EPG002", 0));

    [Fact]
    public Task EPG003_unknown_key_is_located_at_the_key() =>
        VerifyAsync(Valid.Replace("  baseUrl:", "  {|#0:colour|}: red\n  baseUrl:"), Error("EPG003", 0));

    [Fact]
    public Task EPG004_missing_key_is_located_at_the_mapping() =>
        VerifyAsync(
            Valid.Replace("    path: things/{id}\n", string.Empty).Replace("      path:\n        id: int64\n", "      query:\n        id: int64\n").Replace("    method: GET", "    {|#0:|}method: GET"),
            Error("EPG004", 0));

    [Fact]
    public Task EPG005_invalid_value_is_located_at_the_value() =>
        VerifyAsync(Valid.Replace("required: true", "required: {|#0:maybe|}"), Error("EPG005", 0));

    [Theory]
    [InlineData("https://other.host/v1/things/{id}")]
    [InlineData("//other.host/v1/things/{id}")]
    [InlineData("/http://other.host/things/{id}")]
    public Task EPG005_an_absolute_or_protocol_relative_path(string path) =>
        VerifyAsync(Valid.Replace("path: things/{id}", "path: {|#0:" + path + "|}"), Error("EPG005", 0));

    [Fact]
    public Task A_colon_in_a_path_is_a_custom_method_not_a_url()
    {
        var test = Descriptor(Valid.Replace("path: things/{id}", "path: things/{id}:cancel"));
        test.ExpectedHintNames = new[] { "Demo.Api.Demo.g.cs" };
        return test.RunAsync();
    }

    [Fact]
    public Task EPG003_a_key_of_another_format_on_a_type_is_unknown() =>
        VerifyAsync(
            Valid.Replace("  Thing:\n    fields:\n      id: { type: int64, required: true }\n      name: string", "  Thing:\n    {|#1:|}{|#0:oneOf|}: [a, b]"),
            Error("EPG003", 0), Error("EPG004", 1));

    [Fact]
    public Task EPG006_unknown_type_is_located_at_the_type() =>
        VerifyAsync(Valid.Replace("name: string", "name: {|#0:strin|}"), Error("EPG006", 0));

    [Fact]
    public Task EPG007_duplicate_endpoint_name() =>
        VerifyAsync(Valid.Replace("types:", "  {|#0:GetThing|}:\n    method: GET\n    path: x\ntypes:"), Error("EPG007", 0));

    [Fact]
    public Task EPG007_duplicate_type_name() =>
        VerifyAsync(Valid + "\n  {|#0:Thing|}:\n    fields: {}\n", Error("EPG007", 0));

    [Fact]
    public Task EPG007_duplicate_field_name() =>
        VerifyAsync(Valid + "\n      {|#0:name|}: int32\n", Error("EPG007", 0));

    [Fact]
    public Task EPG008_placeholder_without_parameter_is_located_at_the_path() =>
        VerifyAsync(Valid.Replace("path: things/{id}", "path: {|#0:things/{id}/{part}|}"), Error("EPG008", 0));

    [Fact]
    public Task EPG009_parameter_without_placeholder_is_located_at_the_parameter() =>
        VerifyAsync(Valid.Replace("        id: int64\n", "        id: int64\n        {|#0:part|}: string\n"), Error("EPG009", 0));

    [Fact]
    public Task EPG010_invalid_http_method_is_located_at_the_method() =>
        VerifyAsync(Valid.Replace("method: GET", "method: {|#0:FETCH|}"), Error("EPG010", 0));

    [Fact]
    public Task EPG011_name_that_cannot_become_an_identifier() =>
        VerifyAsync(Valid.Replace("  GetThing:", "  {|#0:\"123\"|}:"), Error("EPG011", 0));

    // C# ignores format characters in identifiers, and the bidirectional ones reorder how text reads (Trojan source):
    // refused in every name, and shown escaped in the message.
    [Theory]
    [InlineData("  Thing:", "  {|#0:\"Th\u202Eing\"|}:", "type name", "Th\\u202Eing", "U+202E")]
    [InlineData("name: string", "{|#0:\"na\u200Bme\"|}: string", "field", "na\\u200Bme", "U+200B")]
    [InlineData("namespace: Demo.Api", "namespace: {|#0:\"Demo.\uFEFFApi\"|}", "namespace", "Demo.\\uFEFFApi", "U+FEFF")]
    [InlineData("        id: int64", "        {|#0:\"i\u2066d\"|}: int64", "path parameter", "i\\u2066d", "U+2066")]
    public Task EPG011_an_invisible_or_bidirectional_character_in_a_name(string original, string hostile, string what, string shown, string codePoint)
    {
        var message = ": it holds " + codePoint + ", an invisible format character, which C# ignores in names and which can hide or reorder text" + (what == "field" ? "; set 'name' to choose a C# name" : string.Empty);
        var spec = Valid.Replace(original, hostile);
        var expected = new List<DiagnosticResult> { Error("EPG011", 0).WithArguments(what, shown, message) };
        if (what == "type name")
        {
            // The refused type is unknown where the response names it.
            spec = spec.Replace("response: Thing", "response: {|#1:Thing|}");
            expected.Add(Error("EPG006", 1));
        }

        if (what == "path parameter")
        {
            // The hostile entry is another name than the placeholder's, which has none.
            spec = spec.Replace("path: things/{id}", "path: {|#1:things/{id}|}");
            expected.Add(Error("EPG008", 1));
        }

        return VerifyAsync(spec, expected.ToArray());
    }

    [Fact]
    public Task EPG011_a_field_may_have_an_invisible_character_in_its_json_name_when_name_sets_its_csharp_name()
    {
        // The JSON name only reaches string literals and documentation, both escaped.
        var test = Descriptor(Valid.Replace("name: string", "\"na\u200Bme\": { type: string, name: Name }"));
        test.ExpectedHintNames = new[] { "Demo.Api.Demo.g.cs" };
        return test.RunAsync();
    }

    [Theory]
    [InlineData(128, false)]
    [InlineData(129, true)]
    public Task EPG011_a_csharp_name_is_at_most_128_characters(int length, bool refused)
    {
        var name = "T" + new string('h', length - 1);
        var spec = Valid.Replace("  Thing:", "  " + (refused ? "{|#0:" + name + "|}" : name) + ":").Replace("response: Thing", "response: " + name);
        if (!refused)
        {
            var test = Descriptor(spec);
            test.ExpectedHintNames = new[] { "Demo.Api.Demo.g.cs" };
            return test.RunAsync();
        }

        // The refused type is unknown where the response names it.
        return VerifyAsync(
            spec.Replace("response: " + name, "response: {|#1:" + name + "|}"),
            Error("EPG011", 0).WithArguments("type name", name, ": a C# name is at most 128 characters, and this one is 129"),
            Error("EPG006", 1));
    }

    [Fact]
    public Task EPG011_a_generated_file_name_longer_than_file_systems_allow()
    {
        var ns = "A" + new string('b', 127);
        var name = "D" + new string('e', 127);
        return VerifyAsync(
            Valid.Replace("namespace: Demo.Api", "namespace: " + ns).Replace("name: Demo", "name: {|#0:" + name + "|}"),
            Error("EPG011", 0).WithArguments("service name", name, $": the generated file name '{ns}.{name}.g.cs' would be 262 bytes, and file systems allow 255"));
    }

    [Theory]
    [InlineData("System.Uri", ": 'System.Uri' is a type the generated code names (global::System.Uri)")]
    [InlineData("EndpointGen.Runtime.ApiException.Clients", ": 'EndpointGen.Runtime.ApiException' is a type the generated code names (global::EndpointGen.Runtime.ApiException)")]
    [InlineData("Acme.nameof", ": 'nameof' as a namespace would take the place of the nameof operator in the generated code")]
    [InlineData("Acme.class", ": a namespace is dot-separated C# identifiers")]
    public Task EPG011_a_namespace_that_cannot_hold_the_generated_code(string ns, string message) =>
        VerifyAsync(Valid.Replace("namespace: Demo.Api", "namespace: {|#0:" + ns + "|}"), Error("EPG011", 0).WithArguments("namespace", ns, message));

    // The generated code names every framework type with global::, so a namespace beside those it names is clean,
    // and so are contextual keywords as segments.
    [Theory]
    [InlineData("System")]
    [InlineData("System.Net.Http.Clients")]
    [InlineData("EndpointGen")]
    [InlineData("Microsoft.Extensions")]
    [InlineData("global.var.await.value.record")]
    public Task A_namespace_beside_those_the_generated_code_names_compiles(string ns)
    {
        var test = Descriptor(Valid.Replace("namespace: Demo.Api", "namespace: " + ns));
        test.ExpectedHintNames = new[] { ns + ".Demo.g.cs" };
        return test.RunAsync();
    }

    // ...but a type there named like one of its names, or like a namespace on the way to one, would take its place.
    [Theory]
    [InlineData("System", "Net")]
    [InlineData("System", "Uri")]
    [InlineData("System.Text.Json", "Utf8JsonReader")]
    [InlineData("EndpointGen", "Runtime")]
    public Task EPG012_a_type_named_like_a_name_the_generated_code_uses(string ns, string type) =>
        VerifyAsync(
            Valid.Replace("namespace: Demo.Api", "namespace: " + ns).Replace("  Thing:", "  {|#0:" + type + "|}:").Replace("response: Thing", "response: " + type),
            Error("EPG012", 0).WithArguments("type", type, ns + "." + type, $"the generated code names (global::{ns}.{type}); rename the type or choose another namespace"));

    // A type cannot have a member of its own name (CS0542), and a member must not hide one of object's (CS0108).
    [Theory]
    [InlineData("  {|#0:JsonConverter|}:\n    fields: {}\n")]
    [InlineData("  {|#0:Value|}:\n    enum: [a]\n")]
    [InlineData("  {|#0:IsKnown|}:\n    enum: [a]\n")]
    [InlineData("  Other:\n    fields:\n      {|#0:memberwise_clone|}: string\n")]
    [InlineData("  Other:\n    fields:\n      {|#0:x|}: { type: string, name: requiredNames }\n")]
    [InlineData("  Colour:\n    enum: [red, {|#0:get-type|}]\n")]
    public Task EPG012_a_name_a_generated_type_takes_already(string type) =>
        VerifyAsync(Valid + "\n" + type, Error("EPG012", 0));

    [Fact]
    public Task EPG012_a_query_parameter_named_like_its_own_parameters_type() =>
        VerifyAsync(Valid.Replace("        id: int64\n", "        id: int64\n      query:\n        {|#0:get_thing_parameters|}: string\n"), Error("EPG012", 0));

    [Fact]
    public Task EPG012_names_that_collide_after_conversion() =>
        VerifyAsync(Valid + "\n      {|#0:Name|}: string\n", Error("EPG012", 0));

    [Fact]
    public Task EPG012_enum_values_that_collide_after_conversion() =>
        VerifyAsync(Valid + "\n  Colour:\n    enum: [dark-red, {|#0:dark_red|}]\n", Error("EPG012", 0));

    // The placeholder of the refused parameter is not reported again (EPG008): it has an entry, one in error.
    [Theory]
    [InlineData("request")]
    [InlineData("response")]
    [InlineData("url")]
    [InlineData("cancellation_token")]
    [InlineData("nameof")]
    public Task EPG012_a_path_parameter_named_like_the_generated_methods_own_names(string name) =>
        VerifyAsync(
            Valid.Replace("path: things/{id}", "path: things/{" + name + "}").Replace("        id: int64", "        {|#0:" + name + "|}: int64"),
            Error("EPG012", 0));

    [Fact]
    public Task EPG013_anchors_and_aliases_are_refused() =>
        VerifyAsync(Valid.Replace("name: string", "name: {|#0:&t string|}\n      other: *t"), Error("EPG013", 0));

    [Fact]
    public Task EPG014_nesting_too_deep_is_refused_without_recursing_through_it() =>
        // Located where the nesting passes the limit: the 61st bracket, inside five levels of the descriptor's own.
        VerifyAsync(
            Valid + "\n      deep: { type: string, description: " + new string('[', 60) + "{|#0:|}" + new string('[', 19_940) + new string(']', 20_000) + " }\n",
            Error("EPG014", 0));

    // The placeholder of the refused parameter is not reported again (EPG008): it has an entry, one in error.
    [Fact]
    public Task EPG015_type_not_allowed_as_a_path_parameter() =>
        VerifyAsync(
            Valid.Replace("        id: int64", "        id: {|#0:boolean|}"),
            Error("EPG015", 0));

    [Fact]
    public Task EPG016_two_descriptors_for_the_same_service()
    {
        // The first file by path still generates the service, so the project keeps its client.
        var test = Descriptor(Valid.Replace("  name: Demo", "  name: {|#0:Demo|}"), Error("EPG016", 0).WithArguments("Demo", "Demo.Api", string.Empty));
        test.TestState.AdditionalFiles.Add(("/0/copy.endpoints.yaml", Valid));
        test.ExpectedHintNames = new[] { "Demo.Api.Demo.g.cs" };
        return test.RunAsync();
    }

    [Theory]
    [InlineData("name: DEMO", "namespace: Demo.Api", "DEMO", "Demo.Api")]
    [InlineData("name: Demo", "namespace: demo.api", "Demo", "demo.api")]
    public Task EPG016_service_names_that_differ_only_in_case_are_one_generated_file(string name, string ns, string expectedName, string expectedNamespace)
    {
        // The compiler compares hint names ignoring case: two such files would drop every generated file (CS8785).
        var spec = Valid.Replace("name: Demo", "name: {|#0:" + name.Substring("name: ".Length) + "|}").Replace("namespace: Demo.Api", ns);
        var test = Descriptor(spec, Error("EPG016", 0).WithArguments(expectedName, expectedNamespace, " as 'Demo.Api.Demo' (generated file names are compared ignoring case)"));
        test.TestState.AdditionalFiles.Add(("/0/copy.endpoints.yaml", Valid));
        test.ExpectedHintNames = new[] { "Demo.Api.Demo.g.cs" };
        return test.RunAsync();
    }

    [Fact]
    public Task EPG016_an_explicit_namespace_and_the_projects_default_that_meet()
    {
        var test = Descriptor(Valid.Replace("  name: Demo", "  name: {|#0:Demo|}"), Error("EPG016", 0).WithArguments("Demo", "Demo.Api", string.Empty));
        test.TestState.AdditionalFiles.Add(("/0/copy.endpoints.yaml", Valid.Replace("  namespace: Demo.Api\n", string.Empty)));
        test.BuildProperties["RootNamespace"] = "Demo.Api";
        test.ExpectedHintNames = new[] { "Demo.Api.Demo.g.cs" };
        return test.RunAsync();
    }

    [Fact]
    public Task EPG019_the_same_type_declared_by_two_services_of_one_namespace()
    {
        // They would be two halves of one partial class; the first file by path keeps its service.
        var test = Project(
            ("/0/a.endpoints.yaml", Valid.Replace("name: Demo", "name: Other")),
            ("/0/b.endpoints.yaml", Valid.Replace("name: Demo", "name: Zeta").Replace("  Thing:\n", "  {|#0:Thing|}:\n")));
        test.ExpectedDiagnostics.Add(Error("EPG019", 0).WithArguments("type", "Demo.Api.Thing", "is generated by the service 'Other' too"));
        test.ExpectedHintNames = new[] { "Demo.Api.Other.g.cs" };
        return test.RunAsync();
    }

    [Fact]
    public Task EPG019_a_type_named_like_another_services_client()
    {
        var spec = Valid.Replace("name: Demo", "name: Zeta").Replace("Thing", "Gadget") + "\n  {|#0:OtherClient|}:\n    fields:\n      x: string\n";
        var test = Project(("/0/a.endpoints.yaml", Valid.Replace("name: Demo", "name: Other")), ("/0/b.endpoints.yaml", spec));
        test.ExpectedDiagnostics.Add(Error("EPG019", 0).WithArguments("type", "Demo.Api.OtherClient", "is generated by the service 'Other' too"));
        test.ExpectedHintNames = new[] { "Demo.Api.Other.g.cs" };
        return test.RunAsync();
    }

    [Fact]
    public Task EPG019_a_type_named_like_another_descriptors_namespace()
    {
        // Demo.Api.Thing would be a type and a namespace; the first file by path keeps its service.
        var test = Project(
            ("/0/a.endpoints.yaml", Valid.Replace("name: Demo", "name: Other")),
            ("/0/b.endpoints.yaml", Valid.Replace("name: Demo", "name: Zeta").Replace("namespace: Demo.Api", "namespace: {|#0:Demo.Api.Thing.Parts|}")));
        test.ExpectedDiagnostics.Add(Error("EPG019", 0).WithArguments("namespace", "Demo.Api.Thing", "is a type the service 'Other' generates"));
        test.ExpectedHintNames = new[] { "Demo.Api.Other.g.cs" };
        return test.RunAsync();
    }

    [Fact]
    public Task EPG019_a_namespace_named_like_another_descriptors_type()
    {
        var test = Project(
            ("/0/a.endpoints.yaml", Valid.Replace("name: Demo", "name: Other").Replace("namespace: Demo.Api", "namespace: Demo.Api.Thing")),
            ("/0/b.endpoints.yaml", Valid.Replace("name: Demo", "name: Zeta").Replace("  Thing:\n", "  {|#0:Thing|}:\n")));
        test.ExpectedDiagnostics.Add(Error("EPG019", 0).WithArguments("type", "Demo.Api.Thing", "is the namespace of the service 'Other'"));
        test.ExpectedHintNames = new[] { "Demo.Api.Thing.Other.g.cs" };
        return test.RunAsync();
    }

    [Fact]
    public Task EPG017_language_version_too_old()
    {
        var test = Descriptor(Valid, DiagnosticResult.CompilerError("EPG017").WithArguments("Demo", "10.0"));
        test.LanguageVersion = LanguageVersion.CSharp10;
        return test.RunAsync();
    }

    [Theory]
    [InlineData("EndpointGenVisibility", "protected", "protected")]
    [InlineData("EndpointGenNamespace", "My-App.Clients", "My-App.Clients")]
    [InlineData("RootNamespace", "My\u200BApp", "My\\u200BApp")]
    [InlineData("RootNamespace", "System.Uri", "System.Uri")]
    public Task EPG018_an_invalid_msbuild_setting_is_reported_once(string property, string value, string shown)
    {
        // Reported once for the project, not once per descriptor; the services are still generated.
        var test = Descriptor(Valid, DiagnosticResult.CompilerError("EPG018").WithArguments(property + "=" + shown));
        test.TestState.AdditionalFiles.Add(("/0/other.endpoints.yaml", Valid.Replace("name: Demo", "name: Other").Replace("namespace: Demo.Api", "namespace: Other.Api")));
        test.BuildProperties[property] = value;
        test.ExpectedHintNames = new[] { "Demo.Api.Demo.g.cs", "Other.Api.Other.g.cs" };
        return test.RunAsync();
    }

    [Fact]
    public Task Every_problem_in_a_file_is_reported_in_one_build() =>
        VerifyAsync(
            Valid.Replace("method: GET", "method: {|#2:FETCH|}").Replace("name: string", "name: {|#1:strin|}").Replace("  baseUrl:", "  {|#0:colour|}: red\n  baseUrl:"),
            Error("EPG003", 0), Error("EPG006", 1), Error("EPG010", 2));

    [Fact]
    public Task The_same_file_listed_twice_generates_its_service_once()
    {
        var test = Descriptor(Valid);
        test.TestState.AdditionalFiles.Add((SpecPath, Valid));
        test.ExpectedHintNames = new[] { "Demo.Api.Demo.g.cs" };
        return test.RunAsync();
    }

    [Theory]
    [InlineData(null, null, "Demo")]
    [InlineData("Acme.App", null, "Acme.App")]
    [InlineData("Acme.App", "Acme.Clients", "Acme.Clients")]
    public Task A_descriptor_without_a_namespace_takes_the_projects(string? rootNamespace, string? endpointGenNamespace, string expected)
    {
        var test = Descriptor(Valid.Replace("  namespace: Demo.Api\n", string.Empty));
        if (rootNamespace is not null)
        {
            test.BuildProperties["RootNamespace"] = rootNamespace;
        }

        if (endpointGenNamespace is not null)
        {
            test.BuildProperties["EndpointGenNamespace"] = endpointGenNamespace;
        }

        // The client is where the consumer looks for it, or this does not compile.
        test.TestState.Sources.Add($"namespace Consumer {{ internal static class Uses {{ internal static System.Type Client => typeof(global::{expected}.DemoClient); }} }}");
        test.ExpectedHintNames = new[] { expected + ".Demo.g.cs" };
        return test.RunAsync();
    }

    [Fact]
    public Task Other_additional_files_are_ignored() =>
        Project(("/0/notes.yaml", "not: [a descriptor"), ("/0/readme.md", "# hi")).RunAsync();

    [Fact]
    public Task The_yml_extension_is_read_too()
    {
        var test = Project(("/0/spec.endpoints.yml", Valid));
        test.ExpectedHintNames = new[] { "Demo.Api.Demo.g.cs" };
        return test.RunAsync();
    }
}
