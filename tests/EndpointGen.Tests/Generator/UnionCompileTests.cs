// Direct driver: the consumer's own code is compiled beside the output.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// What a user writes against a union (building a variant, switching on the variants, reading an unknown one, using a
/// variant on its own) compiles warning-free under Nullable and warnings as errors, on .NET and on netstandard2.0; a
/// class of the user's cannot join the union from another assembly, and spec/README.md 5.13's examples compile.
/// </summary>
public sealed class UnionCompileTests
{
    private static InMemoryAdditionalText Blocks => new("/blocks.endpoints.yaml", File.ReadAllText(Path.Combine(Repository.Root, "tests", "EndpointGen.Tests", "Features", "blocks.endpoints.yaml")));

    private const string Natural = """
        #nullable enable
        using System.Collections.Generic;
        using System.Text.Json;
        using Features.Blocks;

        namespace Consumer;

        internal static class Uses
        {
            public static NewMessage Build() => new NewMessage
            {
                Blocks = new Block[]
                {
                    new HeaderBlock { Text = "Order shipped" },
                    new SectionBlock { Text = new TextObject { Kind = TextKind.Markdown, Text = "*A-1001*" } },
                    new DividerBlock(),
                    new GroupBlock { Title = "Details", Blocks = new Block[] { new ImageBlock { ImageUrl = "https://cdn.example.com/a.png", AltText = "parcel" } } },
                },
            };

            public static string Describe(Block block) => block switch
            {
                HeaderBlock header => header.Text,
                SectionBlock section => section.Text.Text,
                ImageBlock image => image.AltText,
                DividerBlock => "---",
                GroupBlock group => group.Title ?? group.Blocks.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Block.Unknown unknown => unknown.Discriminator + ": " + unknown.Json.GetRawText(),
                _ => "?",
            };

            public static string? Delivery(Message message) => message.Delivery switch
            {
                Delivered delivered => delivered.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                Pending { RetryAfter: { } seconds } => "retry in " + seconds,
                Pending pending => pending.Reason,
                Delivery.Unknown unknown => unknown.Discriminator,
                null => null,
                _ => "?",
            };

            public static Block Keep(JsonElement element) => new Block.Unknown("poll", element);

            public static IEnumerable<string> Headers(Message message)
            {
                foreach (var header in message.Blocks.OfType<HeaderBlock>())
                {
                    yield return header.Text;
                }
            }
        }
        """;

    [Fact]
    public void The_natural_spellings_compile_warning_free_on_net()
    {
        var run = GeneratorHarness.Run(new[] { Blocks }, Natural.Replace("using Features.Blocks;", "using System.Linq;\nusing Features.Blocks;"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
    }

    [Fact]
    public void The_natural_spellings_compile_warning_free_on_netstandard20()
    {
        var (run, _) = NetStandardConsumer.Compile("Blocks", new[] { Blocks }, Enumerable.Empty<MetadataReference>(), Natural.Replace("using Features.Blocks;", "using System.Linq;\nusing Features.Blocks;"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
    }

    [Fact]
    public void The_union_is_abstract_with_no_public_constructor_and_each_variant_is_sealed_and_derives_from_it()
    {
        var run = GeneratorHarness.Run(new[] { Blocks });
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));

        var block = run.Output.GetTypeByMetadataName("Features.Blocks.Block")!;
        Assert.True(block.IsAbstract);
        Assert.All(block.InstanceConstructors, c => Assert.Equal(Accessibility.ProtectedAndInternal, c.DeclaredAccessibility));
        foreach (var name in new[] { "HeaderBlock", "SectionBlock", "ImageBlock", "DividerBlock", "GroupBlock" })
        {
            var variant = run.Output.GetTypeByMetadataName("Features.Blocks." + name)!;
            Assert.True(variant.IsSealed);
            Assert.Equal(block, variant.BaseType, SymbolEqualityComparer.Default);
        }

        var unknown = block.GetTypeMembers("Unknown").Single();
        Assert.True(unknown.IsSealed);
        Assert.Equal(new[] { "Discriminator", "Json" }, unknown.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name).ToArray());

        // A type that is no variant (TextObject) derives from object as before.
        Assert.Equal(SpecialType.System_Object, run.Output.GetTypeByMetadataName("Features.Blocks.TextObject")!.BaseType!.SpecialType);
    }

    [Fact]
    public void Discriminator_names_and_values_that_need_escaping_compile_warning_free()
    {
        const string yaml = """
            service:
              name: Odd
              namespace: Odd.Api
              baseUrl: https://api.example.com
            endpoints:
              Send:
                method: POST
                path: x
                body: Thing
                response: Thing
            types:
              Thing:
                description: "A <union> & \"friends\""
                discriminator: "@ty\"pe\u202e"
                variants:
                  "a\\b": A
                  "</c>": B
                  "": C
              A: { fields: { x: string } }
              B: { fields: {} }
              C: { fields: {} }
            """;
        var run = GeneratorHarness.Run(new[] { new InMemoryAdditionalText("/odd.endpoints.yaml", yaml) });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
        var text = run.Sources.Single(s => s.HintName == "Odd.Api.Odd.g.cs").SourceText.ToString();
        Assert.Contains("FindDiscriminator(reader, \"@ty\\\"pe\\u202e\"u8", text, StringComparison.Ordinal);
        Assert.Contains("Discriminator(\"@ty\\\"pe\\u202e\", \"a\\\\b\")", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_format_references_examples_in_section_5_13_compile_warning_free()
    {
        var reference = File.ReadAllText(Path.Combine(Repository.Root, "spec", "README.md"));
        var start = reference.IndexOf("### 5.13 ", StringComparison.Ordinal);
        var end = reference.IndexOf("\n## ", start, StringComparison.Ordinal);
        var next = reference.IndexOf("\n### ", start + 5, StringComparison.Ordinal);
        var section = reference[start..(next > 0 && next < end ? next : end)];
        var yaml = Fenced(section, "yaml").Single();
        var blocks = Fenced(section, "csharp").ToList();
        Assert.NotEmpty(blocks);
        var code = string.Join("\n}\n\n{\n", blocks);
        var source = $$"""
            #nullable enable
            using System;
            using System.Text.Json;
            using Acme.Chat;

            namespace Consumer;

            internal static class Examples
            {
                internal static async System.Threading.Tasks.Task RunAsync(IChatClient client)
                {
                    {
            {{code}}
                    }
                }
            }
            """;

        var run = GeneratorHarness.Run(new[] { new InMemoryAdditionalText("/chat.endpoints.yaml", yaml) }, source);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
    }

    private static IEnumerable<string> Fenced(string markdown, string language) =>
        Regex.Matches(markdown, "^```" + language + "\\n(?<body>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline).Select(m => m.Groups["body"].Value);
}
