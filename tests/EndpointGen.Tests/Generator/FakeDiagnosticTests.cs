// Direct driver: the diagnostics of the fakes' settings and names, with the clients generated beside them.
using System;
using System.Collections.Generic;
using System.Linq;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// A value of <c>EndpointGenFakes</c> or <c>EndpointGenClients</c> that is not true or false is EPG018 (and means the
/// default); a service whose names would meet the fake's own members gets no fake but EPG024 at its descriptor, and keeps
/// its client.
/// </summary>
public sealed class FakeDiagnosticTests
{
    private const string Service = """
        service:
          name: Shop
          namespace: Diagnostics.Shop
          baseUrl: https://shop.example.com
        endpoints:
          GetItem:
            method: GET
            path: items/{item_id}
            parameters:
              path:
                item_id: int64
            response: Item
        types:
          Item:
            fields:
              id: { type: int64, required: true, example: 7 }
        """;

    private static GeneratorRun Run(string descriptor, Dictionary<string, string> properties) =>
        GeneratorHarness.Run(new[] { new InMemoryAdditionalText("/specs/shop.endpoints.yaml", descriptor) }, buildProperties: properties);

    [Theory]
    [InlineData("EndpointGenFakes", "yes")]
    [InlineData("EndpointGenFakes", "1")]
    [InlineData("EndpointGenClients", "off")]
    public void EPG018_a_value_that_is_not_true_or_false_is_reported_once_and_means_the_default(string property, string value)
    {
        var run = Run(Service, new Dictionary<string, string> { [property] = value });

        var diagnostic = Assert.Single(run.Result.Diagnostics);
        Assert.Equal("EPG018", diagnostic.Id);
        Assert.Equal(
            $"The MSBuild setting '{property}={value}' is not valid: EndpointGenVisibility is public or internal, EndpointGenFakes and EndpointGenClients are true or false, and a namespace is dot-separated C# identifiers",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new[] { "Diagnostics.Shop.Shop.g.cs" }, run.Sources.Select(s => s.HintName));
    }

    [Theory]
    [InlineData("True", true, true)]
    [InlineData(" false ", true, false)]
    [InlineData("", true, false)]
    public void True_and_false_are_read_in_any_case_and_unset_means_the_default(string fakes, bool clients, bool fake)
    {
        var run = Run(Service, new Dictionary<string, string> { ["EndpointGenFakes"] = fakes, ["EndpointGenClients"] = clients ? "TRUE" : "false" });

        Assert.Empty(run.Result.Diagnostics);
        Assert.Equal(clients, run.Sources.Any(s => s.HintName == "Diagnostics.Shop.Shop.g.cs"));
        Assert.Equal(fake, run.Sources.Any(s => s.HintName == "Diagnostics.Shop.Shop.Fake.g.cs"));
    }

    [Theory]
    [InlineData("GetItem:", "Requests:", "the endpoint 'Requests' would take the place of ShopFake.Requests, which the fake has already")]
    [InlineData("GetItem:", "Dispose:", "the endpoint 'Dispose' would take the place of ShopFake.Dispose, which the fake has already")]
    [InlineData("item_id", "read", "the path parameter 'Read' of 'GetItem' would meet the member GetItemCall.Read")]
    [InlineData("  Item:\n", "  Testing:\n", "the type 'Testing' would hide the namespace Diagnostics.Shop.Testing the fake is in")]
    public void EPG024_a_name_the_fake_has_already_is_reported_at_the_descriptor_and_the_client_is_kept(string from, string to, string reason)
    {
        var descriptor = Service.Replace(from, to, StringComparison.Ordinal).Replace("response: Item", to == "  Testing:\n" ? "response: Testing" : "response: Item", StringComparison.Ordinal);

        var run = Run(descriptor, new Dictionary<string, string> { ["EndpointGenFakes"] = "true" });

        var diagnostic = Assert.Single(run.Result.Diagnostics);
        Assert.Equal("EPG024", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal($"No fake of 'Shop' is generated (EndpointGenFakes=true): {reason}; rename it in the descriptor", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("/specs/shop.endpoints.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(new[] { "Diagnostics.Shop.Shop.g.cs" }, run.Sources.Select(s => s.HintName));
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
    }

    [Fact]
    public void EPG024_a_fake_whose_file_name_is_another_services_is_reported_instead_of_failing_the_generator()
    {
        // The service 'Fake' in 'Diagnostics.Shop.Shop' generates Diagnostics.Shop.Shop.Fake.g.cs, the file of Shop's fake.
        var other = Service.Replace("name: Shop", "name: Fake", StringComparison.Ordinal).Replace("namespace: Diagnostics.Shop", "namespace: Diagnostics.Shop.Shop", StringComparison.Ordinal);
        var run = GeneratorHarness.Run(
            new[] { new InMemoryAdditionalText("/specs/shop.endpoints.yaml", Service), new InMemoryAdditionalText("/specs/fake.endpoints.yaml", other) },
            buildProperties: new Dictionary<string, string> { ["EndpointGenFakes"] = "true" });

        Assert.DoesNotContain(run.Result.Diagnostics, d => d.Id is "CS8785" or "EPG099");
        Assert.Contains(run.Sources, s => s.HintName == "Diagnostics.Shop.Shop.Fake.g.cs");
        var diagnostic = Assert.Single(run.Result.Diagnostics);
        Assert.Equal("EPG024", diagnostic.Id);
        Assert.Contains("Diagnostics.Shop.Shop.Fake.g.cs is another service's", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
