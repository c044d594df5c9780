// Direct driver, not Microsoft.CodeAnalysis.Testing: dozens of probe runs read only which keys the generator refuses; a workspace project per probe adds nothing.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EndpointGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// <c>spec/endpoints.schema.json</c> and the descriptor reader accept the same keys at the same places.
/// <para>
/// Both sides are read from what they do, not from the reader's source, so the test survives the reader being
/// split, renamed or rewritten: it walks every mapping of real descriptors (the three specs and the features
/// descriptors) and finds the schema object for each by following the same keys through the schema (<c>$ref</c>,
/// <c>allOf</c>, and the <c>oneOf</c> branch that is an object whose required keys the mapping has). A schema
/// object with <c>properties</c> and <c>additionalProperties: false</c> is closed; one whose
/// <c>additionalProperties</c> is a schema is an open map (names chosen by the user: endpoints, types, fields,
/// headers, parameters).
/// </para>
/// <para>
/// For one mapping of each kind (the same schema object reached by the same path shape), the generator runs on the
/// descriptor with a key added there. In a closed mapping an unknown key must be an EPG003 error, and the keys that
/// error lists as expected (the reader's own table, in its own words) must be exactly the schema's properties; and
/// each schema property the mapping lacks, added to it, must not be an unknown key. In an open map no added name
/// may be an unknown key. Finally, the walked descriptors must have reached every closed and open object of the
/// schema, so a schema place no descriptor shows cannot go unchecked.
/// </para>
/// </summary>
public sealed class SchemaTests
{
    private const string ProbeKey = "zz_probe";
    private const string ProbePath = "/specs/probe.endpoints.yaml";
    private readonly ITestOutputHelper _output;

    public SchemaTests(ITestOutputHelper output) => _output = output;

    private static readonly Regex s_expectedKeys = new(@"^Unknown key '(?<key>[^']*)' in .*; expected one of: (?<keys>.*)$", RegexOptions.CultureInvariant);

    [Fact]
    public void Every_mapping_accepts_exactly_the_keys_the_schema_gives_it_and_every_schema_object_is_reached()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, "spec", "endpoints.schema.json")))!.AsObject();
        var failures = new SortedSet<string>(StringComparer.Ordinal);
        var places = new Dictionary<(string Pointer, string Shape), Place>();
        foreach (var (name, text) in Descriptors())
        {
            // The probes rewrite the descriptor through YamlDotNet; the rewritten original must still be valid.
            var rewritten = Rewrite(text, path: null, key: null);
            Assert.Empty(Diagnostics(rewritten));

            var root = (YamlMappingNode)Load(text).Documents.Single().RootNode;
            Walk(name, text, root, new List<string>(), new List<string>(), Resolve(schema, schema, string.Empty, root), schema, places, failures);
        }

        foreach (var place in places.Values)
        {
            _output.WriteLine($"{(place.IsClosed ? "closed" : "open  ")} {place.Pointer} at {place.File} {place.Where}");
            Probe(place, failures);
        }

        var reached = places.Keys.Select(k => k.Pointer).ToHashSet(StringComparer.Ordinal);
        foreach (var pointer in SchemaObjects(schema, string.Empty).Where(p => !reached.Contains(p)))
        {
            failures.Add($"{pointer}: no walked descriptor has a mapping here; add one to Features/ so the reader is checked against it");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Contains(places.Values, p => p.IsClosed);
        Assert.Contains(places.Values, p => !p.IsClosed);
    }

    private static IEnumerable<(string Name, string Text)> Descriptors() =>
        Directory.GetFiles(Path.Combine(Repository.Root, "tests", "EndpointGen.Tests", "Features"), "*.endpoints.yaml").OrderBy(p => p, StringComparer.Ordinal)
            .Concat(Repository.SpecFiles.Select(Repository.SpecPath))
            .Select(p => (Path.GetFileName(p), File.ReadAllText(p)));

    private static void Walk(
        string file, string text, YamlMappingNode map, List<string> path, List<string> shape, (JsonObject Node, string Pointer)? schemaNode,
        JsonObject schema, Dictionary<(string, string), Place> places, SortedSet<string> failures)
    {
        var where = string.Join(".", path.DefaultIfEmpty("(root)"));
        if (schemaNode is not var (node, pointer) || Kind(node) is not { } kind)
        {
            return;
        }

        var shapeText = string.Join(".", shape);
        if (!places.ContainsKey((pointer, shapeText)))
        {
            places.Add((pointer, shapeText), new Place(file, text, path.ToList(), where, pointer, kind == "closed", map.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList(), node));
        }

        foreach (var (keyNode, value) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value!;
            JsonObject? child;
            string childPointer;
            if (kind == "closed")
            {
                child = node["properties"]?[key]?.AsObject();
                childPointer = pointer + "/properties/" + key;
                if (child is null)
                {
                    failures.Add($"{pointer}: the key '{key}' is not in the schema, but the walked (valid) descriptors have it");
                    continue;
                }
            }
            else
            {
                child = node["additionalProperties"]!.AsObject();
                childPointer = pointer + "/additionalProperties";
            }

            if (value is YamlMappingNode childMap)
            {
                Walk(file, text, childMap, path.Append(key).ToList(), shape.Append(kind == "closed" ? key : "*").ToList(), Resolve(schema, child, childPointer, childMap), schema, places, failures);
            }
        }
    }

    private static void Probe(Place place, SortedSet<string> failures)
    {
        var where = $"{place.File} {place.Where} ({place.Pointer})";
        var unknown = UnknownKeys(Rewrite(place.Text, place.Path, ProbeKey));
        if (!place.IsClosed)
        {
            if (unknown.Count > 0)
            {
                failures.Add($"{where}: the schema leaves this map open, but the reader refuses a name in it: {unknown[0].Message}");
            }

            return;
        }

        var schemaKeys = place.Schema["properties"]!.AsObject().Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToList();
        var probe = unknown.FirstOrDefault(u => u.Key == ProbeKey);
        if (probe.Message is null)
        {
            failures.Add($"{where}: the schema closes this mapping, but the reader accepted the unknown key '{ProbeKey}'");
            return;
        }

        var readerKeys = probe.Expected.OrderBy(k => k, StringComparer.Ordinal).ToList();
        if (!readerKeys.SequenceEqual(schemaKeys, StringComparer.Ordinal))
        {
            failures.Add($"{where}: the reader accepts [{string.Join(", ", readerKeys)}], the schema lists [{string.Join(", ", schemaKeys)}]");
        }

        foreach (var key in schemaKeys.Where(k => !place.Keys.Contains(k)))
        {
            if (UnknownKeys(Rewrite(place.Text, place.Path, key)).FirstOrDefault(u => u.Key == key).Message is { } message)
            {
                failures.Add($"{where}: the schema's key '{key}' is refused by the reader: {message}");
            }
        }
    }

    /// <summary>The EPG003 errors of a descriptor: the unknown key and the keys the reader expected instead.</summary>
    private static List<(string Key, string[] Expected, string Message)> UnknownKeys(string text) =>
        Diagnostics(text).Where(d => d.Id == "EPG003").Select(d =>
        {
            var message = d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            var match = s_expectedKeys.Match(message);
            Assert.True(match.Success, "EPG003 no longer lists the expected keys as 'expected one of: a, b'; this test reads them from there: " + message);
            return (match.Groups["key"].Value, match.Groups["keys"].Value.Split(", "), message);
        }).ToList();

    private static IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> Diagnostics(string text) =>
        GeneratorHarness.Run((ProbePath, text)).Result.Diagnostics;

    /// <summary>The descriptor as YamlDotNet writes it back, with <paramref name="key"/>: x added to the mapping at <paramref name="path"/>.</summary>
    private static string Rewrite(string text, List<string>? path, string? key)
    {
        var stream = Load(text);
        if (path is not null && key is not null)
        {
            var map = (YamlMappingNode)stream.Documents.Single().RootNode;
            foreach (var step in path)
            {
                map = (YamlMappingNode)map.Children[new YamlScalarNode(step)];
            }

            map.Children.Add(new YamlScalarNode(key), new YamlScalarNode("x"));
        }

        using var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static YamlStream Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream;
    }

    /// <summary>
    /// The schema object a YAML mapping is checked against: through <c>$ref</c>, a one-element <c>allOf</c>, and the
    /// <c>oneOf</c> branches that are objects whose required keys the mapping has (several: the one whose properties
    /// hold all its keys).
    /// </summary>
    private static (JsonObject Node, string Pointer)? Resolve(JsonObject schema, JsonObject node, string pointer, YamlMappingNode map)
    {
        for (var guard = 0; guard < 20; guard++)
        {
            if (node["$ref"]?.GetValue<string>() is { } reference)
            {
                pointer = reference.TrimStart('#');
                node = pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate((JsonNode)schema, (n, part) => n[part]!).AsObject();
            }
            else if (node["allOf"] is JsonArray { Count: 1 } allOf)
            {
                pointer += "/allOf/0";
                node = allOf[0]!.AsObject();
            }
            else if (node["oneOf"] is JsonArray oneOf)
            {
                var keys = map.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet(StringComparer.Ordinal);
                var branches = oneOf.Select((branch, index) => Resolve(schema, branch!.AsObject(), pointer + "/oneOf/" + index, map))
                    .OfType<(JsonObject Node, string Pointer)>()
                    .Where(b => IsObject(b.Node) && (b.Node["required"]?.AsArray().All(r => keys.Contains(r!.GetValue<string>())) ?? true))
                    .ToList();
                var chosen = branches.Count == 1 ? branches[0] : branches.SingleOrDefault(b => keys.All(k => b.Node["properties"]?[k] is not null));
                return chosen.Node is null ? null : chosen;
            }
            else
            {
                return (node, pointer);
            }
        }

        throw new InvalidOperationException("the schema's references go round at " + pointer);
    }

    private static bool IsObject(JsonObject node) => node["type"] switch
    {
        JsonValue value => value.GetValue<string>() == "object",
        JsonArray types => types.Any(t => t!.GetValue<string>() == "object"),
        _ => node["properties"] is not null || node["additionalProperties"] is not null,
    };

    /// <summary>"closed" (listed keys only), "open" (any name, each value one schema), or null (not a mapping the reader checks).</summary>
    private static string? Kind(JsonObject node) =>
        node["properties"] is JsonObject && node["additionalProperties"] is JsonValue closed && !closed.GetValue<bool>() ? "closed"
        : node["additionalProperties"] is JsonObject ? "open"
        : null;

    /// <summary>Every closed or open object in the schema, by pointer; the conditions of <c>if</c>/<c>then</c>/<c>else</c>/<c>not</c> are not places.</summary>
    private static IEnumerable<string> SchemaObjects(JsonNode? node, string pointer)
    {
        switch (node)
        {
            case JsonObject obj:
                if (Kind(obj) is not null)
                {
                    yield return pointer;
                }

                foreach (var (name, child) in obj)
                {
                    if (name is "if" or "then" or "else" or "not")
                    {
                        continue;
                    }

                    foreach (var found in SchemaObjects(child, pointer + "/" + name))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var found in SchemaObjects(array[i], pointer + "/" + i))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }

    /// <summary>One kind of mapping: the first walked mapping that reaches a schema object by a path of one shape.</summary>
    private sealed record Place(string File, string Text, List<string> Path, string Where, string Pointer, bool IsClosed, List<string> Keys, JsonObject Schema);
}
