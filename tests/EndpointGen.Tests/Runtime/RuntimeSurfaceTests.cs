using System;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using EndpointGen.Runtime;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EndpointGen.Tests.Runtime;

/// <summary>
/// The runtime's public surface is what users are meant to call (<see cref="ApiException"/>) plus what generated code
/// calls, hidden from IntelliSense; nothing public is left that neither uses.
/// </summary>
public sealed class RuntimeSurfaceTests
{
    private static readonly Type[] s_userFacing =
    {
        typeof(ApiException),
        typeof(EndpointGenHttpClient),

        // Callers make one to send a file (a multipart file part, or a binary body).
        typeof(FileContent),

        // What ...WithResponseAsync returns: the status and headers of a successful answer beside its body.
        typeof(ApiResponse),
        typeof(ApiResponse<>),

        // What event-stream methods yield and return: each event's data, type, id and retry; the stream with its status and headers.
        typeof(ApiEvent<>),
        typeof(ApiEventStream<>),
        // What ...AllAsync returns for a paged endpoint: its items, and its pages (AsPages) with their status, headers and body.
        typeof(ApiPageable<,>),
        typeof(ApiPage<,>),

        // The type of every three-state property: users set it (a value, null, or nothing) and read it (IsSet, Value, TryGetValue).
        typeof(EndpointGen.Runtime.Optional<>),
    };

    // What generated code contains: the three real services, a descriptor using every type kind in every position,
    // one with named credential schemes (each kind, a given URL), and the ledger feature (each pagination style).
    private static readonly Lazy<string> s_generatedCode = new(() =>
    {
        var files = Directory.EnumerateFiles(Path.Combine(Repository.Root, "spec"), "*.endpoints.yaml")
            .Select(path => (AdditionalText)new InMemoryAdditionalText(path, File.ReadAllText(path)))
            .Append(new InMemoryAdditionalText("/kinds.endpoints.yaml", EveryKind()))
            .Append(new InMemoryAdditionalText("/schemes.endpoints.yaml", NamedSchemes))
            .Append(new InMemoryAdditionalText("/ledger.endpoints.yaml", File.ReadAllText(Path.Combine(Repository.Root, "tests", "EndpointGen.Tests", "Features", "ledger.endpoints.yaml"))));
        var run = GeneratorHarness.Run(files);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings);
        return string.Join("\n", run.Result.GeneratedTrees.Select(tree => tree.ToString()));
    });

    private const string NamedSchemes = """
        service:
          name: Schemes
          namespace: Surface.Schemes
          baseUrl: https://api.example.com/v1
          auth:
            default: user
            schemes:
              user: { scheme: bearer }
              admin: { scheme: apiKey, header: X-Admin-Key }
              partner: { scheme: basic }
        endpoints:
          GetUser:
            method: GET
            path: user
          GetAdmin:
            method: GET
            url: given
            auth: admin
          GetPartner:
            method: GET
            path: partner
            auth: partner
        """;

    private static string EveryKind()
    {
        var kinds = new[] { "string", "int32", "int64", "number", "boolean", "uuid", "date-time", "date", "unix-time", "json", "Color", "Item", "string[]", "date[]", "map<int32>", "string[][]", "map<int32>[]" };
        var fields = new StringBuilder();
        var index = 0;
        foreach (var kind in kinds)
        {
            fields.Append("      f").Append(index).Append(": { type: '").Append(kind).Append("', required: true }\n");
            fields.Append("      o").Append(index).Append(": { type: '").Append(kind).Append("' }\n");
            fields.Append("      n").Append(index).Append(": { type: '").Append(kind).Append("', required: true, nullable: true }\n");
            fields.Append("      t").Append(index).Append(": { type: '").Append(kind).Append("', threeState: true }\n");
            index++;
        }

        // Bodies and answers of each primitive, listed and mapped: the clients read and write those through
        // JsonValueReader and JsonValueWriter (the converters' tables go through the base class's codecs).
        var echoes = new StringBuilder();
        index = 0;
        foreach (var kind in new[] { "string", "int32", "int64", "number", "boolean", "uuid", "date-time", "date", "unix-time", "json" })
        {
            echoes.Append("  Echo").Append(index).Append(":\n    method: POST\n    path: echo").Append(index)
                .Append("\n    body: '").Append(kind).Append("[]'\n    response: 'map<").Append(kind).Append(">'\n");
            index++;
        }

        echoes.Append("  EchoMap:\n    method: PUT\n    path: echo-map\n    body: 'map<string>'\n");
        return $$"""
            service:
              name: Kinds
              namespace: Surface.Kinds
              baseUrl: https://api.example.com/v1
              servers:
                media: https://media.example.com/{tenant}
              auth: { scheme: bearer }
              error: { type: Item, inSuccess: { path: id, equals: 0 } }
            endpoints:
              GetMedia:
                method: GET
                server: media
                path: files
                auth: none
              Next:
                method: GET
                url: given
                parameters:
                  header:
                    X-Trace: { type: string }
                response: All
              PutAll:
                method: PUT
                path: all
                body: All
                response: All[]
              GetMap:
                method: GET
                path: map
                parameters:
                  query:
                    day: { type: date }
                    tags: { type: 'string[]' }
                    colors: { type: 'Color[]', style: brackets }
                    days: { type: 'date[]', style: comma }
                  header:
                    X-Trace: { type: string }
                    X-Since: { type: date-time }
                    X-Days: { type: 'date[]' }
                response: map<All>
              GetGrid:
                method: GET
                path: grid
                response: 'string[][]'
              PostForm:
                method: POST
                path: form
                body: { type: Form, encoding: form, nested: brackets, arrays: comma }
                response: { type: bytes }
              PostParts:
                method: POST
                path: parts
                body: { type: Parts, encoding: multipart, arrays: brackets }
                response: { type: stream }
              PutFile:
                method: PUT
                path: file
                body: { type: file, contentType: image/png }
                response: { type: text }
              PutText:
                method: PUT
                path: text
                body: text
              PostPlainForm:
                method: POST
                path: plain
                body: { type: Form, encoding: form }
              PatchTyped:
                method: PATCH
                path: typed
                body: { type: Item, contentType: application/merge-patch+json }
              Follow:
                method: GET
                path: events
                response: { type: Item, encoding: events }
              FollowText:
                method: GET
                path: log
                response: { type: text, encoding: events }
            {{echoes}}
            types:
              Form:
                fields:
                  name: { type: string, required: true }
                  tags: 'string[]'
                  item: Item
                  extra: 'map<Color>'
              Parts:
                fields:
                  caption: string
                  given: 'map<string>'
                  one: file
                  many: 'file[]'
              Color:
                enum: [red, green]
              Item:
                fields:
                  id: { type: int32, required: true }
              All:
                fields:
            {{fields}}
            """;
    }

    [Fact]
    public void Every_public_type_is_for_users_or_hidden_for_generated_code()
    {
        foreach (var type in typeof(ApiException).Assembly.GetExportedTypes().Except(s_userFacing))
        {
            var browsable = type.GetCustomAttribute<EditorBrowsableAttribute>();
            Assert.True(browsable?.State == EditorBrowsableState.Never, type.FullName + " is public but not marked [EditorBrowsable(Never)]");
            var summary = DocumentationSummary(type);
            Assert.True(summary.Contains("For generated code only", StringComparison.Ordinal), type.FullName + "'s summary does not say it is for generated code only: " + summary);
        }
    }

    [Fact]
    public void Every_public_member_meant_for_generated_code_is_used_by_it()
    {
        // A delegate is used through the signatures that take it; its members are the compiler's.
        var unused = typeof(ApiException).Assembly.GetExportedTypes().Except(s_userFacing).Where(type => !typeof(Delegate).IsAssignableFrom(type))
            .SelectMany(type => type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(IsVisible)
                .Select(member => (Type: type, Member: member)))
            .Where(entry => !IsUsed(entry.Type, entry.Member))
            .Select(entry => entry.Type.Name + "." + entry.Member.Name)
            .Distinct()
            .ToList();

        Assert.True(unused.Count == 0, "Public runtime members no generated code uses: " + string.Join(", ", unused));
    }

    private static bool IsVisible(MemberInfo member) => member switch
    {
        MethodInfo method => !method.IsSpecialName && (method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly)
            && method.GetBaseDefinition() == method, // overrides belong to the base type's contract (JsonConverter<T>.Read)
        ConstructorInfo constructor => constructor.IsPublic || constructor.IsFamily,
        PropertyInfo property => property.GetMethod is { } get && (get.IsPublic || get.IsFamily) || property.SetMethod is { IsPublic: true },
        FieldInfo field => (field.IsPublic || field.IsFamily) && !field.IsSpecialName, // an enum's value__ is the compiler's
        _ => false,
    };

    private static bool IsUsed(Type type, MemberInfo member)
    {
        var code = s_generatedCode.Value;
        var typeName = type.Name.Split('`')[0];
        return member switch
        {
            ConstructorInfo => Regex.IsMatch(code, @"(new |: )global::EndpointGen\.Runtime\." + typeName + @"\b"),
            PropertyInfo { SetMethod.IsPublic: true } => Regex.IsMatch(code, @"\b" + member.Name + " = "),
            _ => Regex.IsMatch(code, @"\b" + member.Name + @"\b"),
        };
    }

    private static string DocumentationSummary(Type type)
    {
        var xml = Path.ChangeExtension(type.Assembly.Location, ".xml");
        var document = System.Xml.Linq.XDocument.Load(xml);
        var id = "T:" + type.FullName;
        var member = document.Descendants("member").FirstOrDefault(m => (string?)m.Attribute("name") == id)
            ?? throw new InvalidOperationException("No documentation for " + id);
        return string.Concat(member.Element("summary")!.Nodes()).Trim();
    }
}
