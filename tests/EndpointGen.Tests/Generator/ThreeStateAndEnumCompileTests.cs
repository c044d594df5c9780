// Direct driver: the consumer's own code is compiled beside the output, and its symbols inspected.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// What a user writes against three-state fields and optional open enums compiles warning-free under Nullable and
/// warnings as errors, on .NET and on netstandard2.0; the spelling that used to mean <c>Nullable&lt;T&gt;.Value</c>
/// (<c>conv.State.Value</c> on an optional enum) now names the enum's own wire text and is a nullable warning, not a
/// silent <c>InvalidOperationException</c> waiting to happen.
/// </summary>
public sealed class ThreeStateAndEnumCompileTests
{
    private const string Descriptor = """
        service:
          name: Desk
          namespace: Consumer.Desk
          baseUrl: https://api.example.com/v1
        endpoints:
          PatchContact:
            method: PATCH
            path: contacts/{id}/{state}
            parameters:
              path:
                id: int64
                state: ConversationState
              query:
                kind: { type: Kind, required: true }
                filter: ConversationState
            body: ContactPatch
            response: Conversation
        types:
          Conversation:
            fields:
              state: ConversationState
              kind: { type: Kind, required: true }
              labels: ConversationState[]
          ContactPatch:
            threeState: true
            fields:
              name: string
              email: string
              age: int32
              state: ConversationState
              tags: string[]
              attributes: map<int32>
              note: { type: string, threeState: false }
          ConversationState:
            enum: [open, resolved]
          Kind:
            enum: [chat, mail]
        """;

    // The natural spellings: every line is what the spec's examples show.
    private const string Natural = """
        #nullable enable
        using System.Collections.Generic;
        using Consumer.Desk;
        using EndpointGen.Runtime;

        namespace Consumer;

        internal static class Uses
        {
            // An optional open enum: the wire text is a string? away, with ?. as for any optional reference.
            public static string? WireText(Conversation conv) => conv.State?.Value;
            public static string Checked(Conversation conv) => conv.State is null ? "none" : conv.State.Value;
            public static string Pattern(Conversation conv) => conv.State is { IsKnown: true } state ? state.Value : "other";
            public static bool IsOpen(Conversation conv) => conv.State == ConversationState.Open;
            public static bool IsUnset(Conversation conv) => conv.State is null;
            public static string Switch(Conversation conv) => conv.State?.Value switch { "open" => "o", null => "-", _ => "?" };
            public static string? Text(Conversation conv) => conv.State?.ToString();
            public static string Required(Conversation conv) => conv.Kind.Value;
            public static IEnumerable<string> Labels(Conversation conv) { foreach (var label in conv.Labels ?? new List<ConversationState>()) yield return label.Value; }
            public static ConversationState FromWire() => "snoozed";

            // Three states: a value, null, or left out.
            public static ContactPatch Rename() => new ContactPatch { Name = "Ada", Email = null, Age = 36, State = ConversationState.Resolved, Tags = new[] { "vip" } };
            public static ContactPatch Clear() => new ContactPatch { Age = null, State = null, Tags = null, Attributes = null };
            public static ContactPatch FromList(IReadOnlyList<string> tags) => new ContactPatch { Tags = new(tags) };
            public static ContactPatch Spelled() => new ContactPatch { Name = Optional<string?>.Unset, Email = new Optional<string?>("a@example.com"), Note = "kept" };
            public static string Describe(ContactPatch patch) => !patch.Name.IsSet ? "(kept)" : patch.Name.Value ?? "(cleared)";
            public static bool TryName(ContactPatch patch, out string? name) => patch.Name.TryGetValue(out name);
            public static int? Age(ContactPatch patch) => patch.Age.GetValueOrDefault();
            public static int AgeOr(ContactPatch patch) => patch.Age.GetValueOrDefault(0) ?? -1;
            public static bool Same(ContactPatch a, ContactPatch b) => a.Name == b.Name && a.Age != b.Age && a.Name.Equals(b.Name);
            public static string? EnumText(ContactPatch patch) => patch.State.GetValueOrDefault()?.Value;
        }
        """;

    private static InMemoryAdditionalText File => new("/desk.endpoints.yaml", Descriptor);

    [Fact]
    public void The_natural_spellings_compile_warning_free_on_net()
    {
        var run = GeneratorHarness.Run(new[] { File }, Natural);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
    }

    [Fact]
    public void The_natural_spellings_compile_warning_free_on_netstandard20()
    {
        var (run, _) = NetStandardConsumer.Compile("Desk", new[] { File }, Enumerable.Empty<MetadataReference>(), Natural);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
    }

    [Fact]
    public void The_trap_spelling_names_the_enums_wire_text_and_is_a_nullable_warning_not_nullable_value()
    {
        const string trap = """
            #nullable enable
            namespace Consumer;

            internal static class Trap
            {
                public static string Wire(Consumer.Desk.Conversation conv) => conv.State.Value;
            }
            """;
        var run = GeneratorHarness.Run(new[] { File }, trap);

        // Under warnings as errors: CS8602 (possible null dereference) at conv.State, the one diagnostic.
        var diagnostic = Assert.Single(run.CompileErrorsAndWarnings);
        Assert.Equal("CS8602", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var tree = run.Output.SyntaxTrees.Single(t => t.FilePath == "Consumer.cs");
        Assert.Equal("conv.State", tree.GetText().ToString(diagnostic.Location.SourceSpan));

        // And .Value is the enum's string, not Nullable<T>.Value (which would be a ConversationState).
        var access = tree.GetRoot().DescendantNodes().OfType<MemberAccessExpressionSyntax>().Single(m => m.Name.Identifier.Text == "Value");
        var symbol = (IPropertySymbol)run.Output.GetSemanticModel(tree).GetSymbolInfo(access).Symbol!;
        Assert.Equal("Consumer.Desk.ConversationState", symbol.ContainingType.ToDisplayString());
        Assert.Equal(SpecialType.System_String, symbol.Type.SpecialType);
    }

    [Theory]
    [InlineData("conv.State.HasValue", "CS1061")]
    [InlineData("conv.State!.GetValueOrDefault()", "CS1061")]
    [InlineData("conv.State!.Value.Value", "CS1061")]
    public void Nullable_of_T_members_do_not_exist_on_an_optional_enum(string expression, string id)
    {
        var source = "#nullable enable\nnamespace Consumer;\ninternal static class Trap { public static object Use(Consumer.Desk.Conversation conv) => " + expression + "; }\n";
        var run = GeneratorHarness.Run(new[] { File }, source);

        Assert.Equal(new[] { id }, run.CompileErrorsAndWarnings.Select(d => d.Id).ToArray());
    }

    [Fact]
    public void A_three_state_property_is_not_the_value_itself()
    {
        // Reading a three-state field as its value would hide the unset state: it takes .Value, TryGetValue or GetValueOrDefault.
        var source = "#nullable enable\nnamespace Consumer;\ninternal static class Trap { public static string? Use(Consumer.Desk.ContactPatch patch) => patch.Name; }\n";
        var run = GeneratorHarness.Run(new[] { File }, source);

        Assert.Equal(new[] { "CS0029" }, run.CompileErrorsAndWarnings.Select(d => d.Id).ToArray());
    }

    [Fact]
    public void The_format_references_examples_in_section_5_11_compile_warning_free()
    {
        var reference = System.IO.File.ReadAllText(Path.Combine(Repository.Root, "spec", "README.md"));
        var start = reference.IndexOf("### 5.11 ", StringComparison.Ordinal);
        // The section ends where the next one does: 5.12 and later, or 6.
        var end = reference.IndexOf("\n## ", start, StringComparison.Ordinal);
        var next = reference.IndexOf("\n### ", start + 5, StringComparison.Ordinal);
        var section = reference[start..(next > 0 && next < end ? next : end)];
        var yaml = Blocks(section, "yaml").Single();
        var blocks = Blocks(section, "csharp").ToList();
        Assert.Equal(2, blocks.Count);
        var code = string.Join("\n}\n\n{\n", blocks);
        var source = $$"""
            #nullable enable
            using System;
            using Acme.Desk;
            using EndpointGen.Runtime;

            namespace Consumer;

            internal static class Examples
            {
                internal static async System.Threading.Tasks.Task RunAsync(IDeskClient client)
                {
                    {
            {{code}}
                    }
                }
            }
            """;

        var run = GeneratorHarness.Run(new[] { new InMemoryAdditionalText("/desk.endpoints.yaml", yaml) }, source);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
    }

    private static IEnumerable<string> Blocks(string markdown, string language) =>
        Regex.Matches(markdown, "^```" + language + "\\n(?<body>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline).Select(m => m.Groups["body"].Value);
}
