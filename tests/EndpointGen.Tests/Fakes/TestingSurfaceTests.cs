using System;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Reflection;
using EndpointGen.Testing;
using Xunit;

namespace EndpointGen.Tests.Fakes;

/// <summary>
/// EndpointGen.Testing's public surface: what a test uses (the fake's base, its endpoints and calls, the recorded
/// request, the violation) plus what the generated fakes call, hidden from IntelliSense and documented as such.
/// </summary>
public sealed class TestingSurfaceTests
{
    private static readonly Type[] s_userFacing =
    {
        typeof(ServiceFake), typeof(FakeEndpoint), typeof(FakeEndpoint<,>), typeof(FakeEndpoint<,,>), typeof(FakeCall), typeof(FakeRequest), typeof(FakeRequestException),
    };

    [Fact]
    public void Every_public_type_is_meant_for_tests_or_hidden_and_said_to_be_for_generated_code_only()
    {
        var assembly = typeof(ServiceFake).Assembly;
        var xml = System.Xml.Linq.XDocument.Load(Path.ChangeExtension(assembly.Location, ".xml"));
        foreach (var type in assembly.GetExportedTypes().Except(s_userFacing))
        {
            Assert.True(type.GetCustomAttribute<EditorBrowsableAttribute>()?.State == EditorBrowsableState.Never, type.FullName + " is public but not marked [EditorBrowsable(Never)]");
            var summary = string.Concat(xml.Descendants("member").Single(m => (string?)m.Attribute("name") == "T:" + type.FullName).Element("summary")!.Nodes());
            Assert.Contains("For generated code only", summary, StringComparison.Ordinal);
        }

        // The constructors of the endpoints take what the generated fake knows of them: hidden too.
        Assert.All(
            new[] { typeof(FakeEndpoint<,>), typeof(FakeEndpoint<,,>) }.SelectMany(t => t.GetConstructors()),
            c => Assert.Equal(EditorBrowsableState.Never, c.GetCustomAttribute<EditorBrowsableAttribute>()?.State));
    }
}
