using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using EndpointGen.Tests.Infrastructure;
using Xunit;

namespace EndpointGen.Tests.Json;

/// <summary>
/// Every example body in the vendors' pages (requests and responses, under <c>Fixtures/</c>) survives a read and a
/// write through the generated code. Writing is exact: the only difference allowed is that a <c>null</c> for an
/// optional property is not written back (unset and null mean the same, and unset is omitted).
/// </summary>
public sealed class RoundTripTests
{
    public static IEnumerable<object[]> Fixtures()
    {
        var manifest = Path.Combine(Repository.Root, "tests", "EndpointGen.Tests", "Fixtures", "fixtures.json");
        using var document = JsonDocument.Parse(File.ReadAllText(manifest));
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            yield return new object[] { entry.GetProperty("file").GetString()!, entry.GetProperty("namespace").GetString()!, entry.GetProperty("type").GetString()! };
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_round_trips_through_the_generated_converters(string file, string ns, string type)
    {
        var json = File.ReadAllText(Path.Combine(Repository.Root, "tests", "EndpointGen.Tests", "Fixtures", file));
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);

        string written;
        if (type.EndsWith("[]", StringComparison.Ordinal))
        {
            var elementType = GeneratedJson.TypeOf(ns, type[..^2]);
            var items = GeneratedJson.ReadArray(elementType, bytes);
            Assert.NotEmpty(items);
            written = GeneratedJson.WriteArray(elementType, items);
        }
        else
        {
            var clrType = GeneratedJson.TypeOf(ns, type);
            var value = GeneratedJson.Read(clrType, bytes);
            Assert.NotNull(value);
            written = GeneratedJson.Write(clrType, value);
        }

        Assert.Equal(GeneratedJson.Normalize(json), GeneratedJson.Normalize(written));
    }

    [Fact]
    public void The_fixture_manifest_covers_every_fixture_file()
    {
        var folder = Path.Combine(Repository.Root, "tests", "EndpointGen.Tests", "Fixtures");
        var listed = Fixtures().Select(f => (string)f[0]).ToHashSet(StringComparer.Ordinal);
        var files = Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => f != "fixtures.json");
        Assert.All(files, f => Assert.Contains(f, listed));
    }
}
