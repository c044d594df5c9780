// Direct driver, not Microsoft.CodeAnalysis.Testing: the vendor specs' large outputs are compiled and their symbols inspected; their text belongs to the snapshots, not to inline expectations.
using System.Linq;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>The emitted code compiles with zero diagnostics under Nullable, warnings as errors and documentation checks.</summary>
public sealed class CompileTests
{
    [Theory]
    [InlineData("thulium.endpoints.yaml")]
    [InlineData("ccai-platform.endpoints.yaml")]
    [InlineData("livedesk.endpoints.yaml")]
    public void Each_spec_generates_code_that_compiles_without_diagnostics(string spec)
    {
        var run = GeneratorHarness.Run(new[] { Repository.Spec(spec) });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Result.Diagnostics);
        Assert.NotEmpty(run.Sources);
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("Wire/Courier/courier.endpoints.yaml")]
    [InlineData("Wire/Courier/seams.endpoints.yaml")]
    public void A_wire_test_descriptor_generates_code_that_compiles_without_diagnostics(string descriptor)
    {
        var path = System.IO.Path.Combine(Repository.Root, "tests", "EndpointGen.Tests", descriptor);
        var run = GeneratorHarness.Run(new[] { new InMemoryAdditionalText("/specs/" + System.IO.Path.GetFileName(path), System.IO.File.ReadAllText(path)) });

        Assert.Empty(run.GeneratorDiagnostics.Select(d => d.ToString()));
        Assert.Empty(run.Result.Diagnostics.Select(d => d.ToString()));
        Assert.NotEmpty(run.Sources);
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
        if (System.Environment.GetEnvironmentVariable("ENDPOINTGEN_DUMP") is { Length: > 0 } dump)
        {
            foreach (var source in run.Sources)
            {
                System.IO.File.WriteAllText(System.IO.Path.Combine(dump, System.IO.Path.GetFileName(descriptor) + "." + source.HintName), source.SourceText.ToString());
            }
        }
    }

    [Fact]
    public void An_inSuccess_path_through_three_state_objects_and_fields_compiles_without_diagnostics()
    {
        // Each step of the path may be an Optional<T?> (a threeState type or field): the pattern goes on with its value.
        var run = GeneratorHarness.Run(("/specs/steps.endpoints.yaml", """
            service:
              name: Steps
              namespace: Demo.Steps
              baseUrl: https://api.example.com/v1
              error:
                type: Err
                message: detail.text
                inSuccess: { path: detail.inner.state, equals: failed }
            endpoints:
              Get:
                method: GET
                path: a
                response: { type: text }
              Send:
                method: POST
                path: b
            types:
              Err:
                threeState: true
                fields:
                  detail: Detail
              Detail:
                fields:
                  inner: Inner
                  text: { type: string, threeState: true }
              Inner:
                threeState: true
                fields:
                  state: State
              State:
                enum: [ok, failed]
            """));

        Assert.Empty(run.GeneratorDiagnostics.Select(d => d.ToString()));
        Assert.Empty(run.Result.Diagnostics.Select(d => d.ToString()));
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
        Assert.Contains(
            "error is { Detail: var step0 } && step0.GetValueOrDefault() is { Inner: { State: var step2 } } && step2.GetValueOrDefault() is { Value: \"failed\" };",
            run.Sources.Single().SourceText.ToString(),
            System.StringComparison.Ordinal);
    }

    [Fact]
    public void All_three_specs_compile_together()
    {
        var run = GeneratorHarness.Run(Repository.SpecFiles.Select(Repository.Spec));

        Assert.Empty(run.Result.Diagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
    }

    [Fact]
    public void Internal_visibility_makes_every_generated_type_internal_and_still_compiles()
    {
        var run = GeneratorHarness.Run(
            Repository.SpecFiles.Select(Repository.Spec),
            buildProperties: new System.Collections.Generic.Dictionary<string, string> { ["EndpointGenVisibility"] = "internal" });

        Assert.Empty(run.Result.Diagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
        var generated = run.Output.Assembly.GlobalNamespace.GetNamespaceMembers().Single(n => n.Name == "ContactCenter").GetNamespaceMembers().SelectMany(n => n.GetTypeMembers()).ToList();
        Assert.NotEmpty(generated);
        Assert.All(generated, t => Assert.Equal(Accessibility.Internal, t.DeclaredAccessibility));
    }
}
