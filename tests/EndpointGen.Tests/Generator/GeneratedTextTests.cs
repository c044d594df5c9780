// Direct driver, not Microsoft.CodeAnalysis.Testing: these inspect the SourceText objects the generator adds, which a workspace document would replace.
using System;
using System.Linq;
using System.Text;
using EndpointGen.Generator.Emitting;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// Generated files reach the compiler as one byte per character when they are ASCII (<see cref="AsciiSourceText"/>),
/// and as a string when a description is not: either way the compiler must see exactly the text a string would give.
/// </summary>
public sealed class GeneratedTextTests
{
    [Fact]
    public void An_ascii_file_reads_as_the_string_text_of_the_same_content_does()
    {
        var run = GeneratorHarness.Run(Repository.SpecFiles.Select(Repository.Spec));
        var services = run.Sources.Where(source => source.HintName != EndpointGen.Generator.EndpointGenerator.PolyfillHintName).ToList();
        Assert.Equal(3, services.Count);

        var random = new Random(20261121);
        foreach (var source in services)
        {
            var text = Assert.IsType<AsciiSourceText>(source.SourceText);
            var content = text.ToString();
            Assert.All(content, c => Assert.True(c < 0x80));
            var reference = SourceText.From(content, Encoding.UTF8);

            Assert.Equal(reference.Length, text.Length);
            Assert.True(text.ContentEquals(reference));
            Assert.True(reference.ContentEquals(text));
            Assert.Equal(reference.Encoding, text.Encoding);
            Assert.Equal(reference.ChecksumAlgorithm, text.ChecksumAlgorithm);
            Assert.Equal(BitConverter.ToString(reference.GetChecksum().ToArray()), BitConverter.ToString(text.GetChecksum().ToArray()));
            Assert.Equal(reference.Lines.Select(line => line.SpanIncludingLineBreak), text.Lines.Select(line => line.SpanIncludingLineBreak));

            for (var i = 0; i < 200; i++)
            {
                var start = random.Next(text.Length + 1);
                var span = new TextSpan(start, random.Next(text.Length - start + 1));
                Assert.Equal(reference.ToString(span), text.ToString(span));
                Assert.Equal(reference.GetSubText(span).ToString(), text.GetSubText(span).ToString());
                Assert.Equal(reference[span.Start == text.Length ? 0 : span.Start], text[span.Start == text.Length ? 0 : span.Start]);

                var expected = new char[span.Length + 4];
                var actual = new char[span.Length + 4];
                reference.CopyTo(span.Start, expected, 2, span.Length);
                text.CopyTo(span.Start, actual, 2, span.Length);
                Assert.Equal(expected, actual);
            }

            // The syntax tree the compiler parses from it is the one a string gives.
            Assert.Equal(
                source.SyntaxTree.GetRoot().ToFullString(),
                Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(reference).GetRoot().ToFullString());
        }
    }

    [Fact]
    public void No_generated_file_names_a_type_of_the_generator_itself()
    {
        // A doc fragment interpolated as a plain string is written by its type name (EndpointGen.Generator.Emitting.Code+...)
        // instead of its text; the specs and the feature descriptors together use every emitter.
        var features = System.IO.Directory.GetFiles(System.IO.Path.Combine(Repository.Root, "tests", "EndpointGen.Tests", "Features"), "*.endpoints.yaml")
            .Select(path => new InMemoryAdditionalText("/features/" + System.IO.Path.GetFileName(path), System.IO.File.ReadAllText(path)));
        var run = GeneratorHarness.Run(Repository.SpecFiles.Select(Repository.Spec).Concat(features));

        Assert.True(run.Sources.Count > 3);
        Assert.All(run.Sources, source => Assert.DoesNotContain("EndpointGen.Generator.", source.SourceText.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Copying_outside_the_text_throws_as_a_string_text_does()
    {
        var text = new AsciiSourceText(Encoding.ASCII.GetBytes("class C { }"));
        var destination = new char[20];

        Assert.Throws<ArgumentOutOfRangeException>(() => text.CopyTo(-1, destination, 0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => text.CopyTo(10, destination, 0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => text.CopyTo(0, destination, 19, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => text.CopyTo(0, destination, 0, -1));
        Assert.Throws<ArgumentNullException>(() => text.CopyTo(0, null!, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => text.ToString(new TextSpan(5, 7)));
        text.CopyTo(11, destination, 20, 0);
        Assert.Equal("C { }", text.ToString(new TextSpan(6, 5)));
    }

    [Theory]
    [InlineData("Zażółć gęślą jaźń")]
    [InlineData("Émoji 😀 after a pair, and a long tail past the encoder threshold of the writer")]
    [InlineData("Ü")]
    public void A_description_beyond_ascii_reaches_the_compiler_whole(string description)
    {
        var run = GeneratorHarness.Run(("/specs/demo.endpoints.yaml",
            "service: {name: Demo, namespace: Demo.Api, baseUrl: 'https://api.example.com'}\n" +
            "endpoints:\n" +
            "  GetThing:\n" +
            "    method: GET\n" +
            "    path: things\n" +
            "    summary: Gets the thing.\n" +
            "    response: { type: Thing }\n" +
            "types:\n" +
            "  Thing:\n" +
            "    fields:\n" +
            "      name: { type: string, description: \"" + description + "\" }\n" +
            "      note: { type: string, description: plain text written after the wide one }\n"));

        Assert.Empty(run.Result.Diagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));
        var source = Assert.Single(run.Sources, s => s.HintName.StartsWith("Demo", StringComparison.Ordinal));
        Assert.IsNotType<AsciiSourceText>(source.SourceText);
        var content = source.SourceText.ToString();
        Assert.Contains("/// <summary>" + description + ". JSON name: <c>name</c>.</summary>", content, StringComparison.Ordinal);
        Assert.Contains("/// <summary>plain text written after the wide one. JSON name: <c>note</c>.</summary>", content, StringComparison.Ordinal);
        Assert.StartsWith("// <auto-generated/>\n", content, StringComparison.Ordinal);
        Assert.Equal(content, source.SyntaxTree.GetRoot().ToFullString());
    }
}
