// Direct driver, not Microsoft.CodeAnalysis.Testing: hostile inputs need raw-byte additional texts and a small-stack thread, which a workspace project cannot give.
using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using EndpointGen.Generator.Parsing;
using EndpointGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace EndpointGen.Tests.Robustness;

/// <summary>Named hostile inputs: each ends in located diagnostics, quickly, without recursing deeply or expanding aliases.</summary>
public sealed class HostileSpecTests
{
    private const string File = "/specs/hostile.endpoints.yaml";

    [Fact]
    public void An_alias_expansion_bomb_is_refused_at_its_first_alias()
    {
        var bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 30; i++)
        {
            bomb.Append($"a{i}: &a{i} [" + string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10)) + "]\n");
        }

        var run = Run(bomb.ToString());
        var diagnostic = Assert.Single(run.Result.Diagnostics);
        Assert.Equal("EPG013", diagnostic.Id);
        Assert.Equal(0, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Theory]
    [InlineData("{a: ", "}")]
    [InlineData("[", "]")]
    [InlineData("- ", "")]
    public void Twenty_thousand_levels_of_nesting_are_refused_without_a_stack_overflow(string open, string close)
    {
        // A stack overflow would kill the test host, failing every test; reaching the assert is the proof.
        var text = close.Length == 0
            ? string.Concat(Enumerable.Range(0, 20_000).Select(i => new string(' ', 0) + open)) + "x"
            : string.Concat(Enumerable.Repeat(open, 20_000)) + "x" + string.Concat(Enumerable.Repeat(close, 20_000));
        var run = RunOnSmallStack(text);
        Assert.Contains(run.Result.Diagnostics, d => d.Id is "EPG014" or "EPG001");
        AssertDidNotFail(run);
    }

    [Fact]
    public void A_twenty_thousand_deep_type_expression_is_an_unknown_type_not_a_stack_overflow()
    {
        var type = string.Concat(Enumerable.Repeat("map<", 20_000)) + "string" + new string('>', 20_000);
        var yaml = $"service: {{ name: Deep, namespace: Deep, baseUrl: 'https://x.example' }}\nendpoints: {{}}\ntypes:\n  T:\n    fields:\n      f: '{type}'\n";
        var run = RunOnSmallStack(yaml);
        Assert.Equal("EPG006", Assert.Single(run.Result.Diagnostics).Id);
    }

    [Fact]
    public void Invalid_utf8_bytes_end_in_diagnostics()
    {
        var bytes = Encoding.UTF8.GetBytes("service:\n  name: Bad\n  namespace: Bad\n  baseUrl: https://x.example\nendpoints:\n  Get");
        var invalid = bytes.Concat(new byte[] { 0xC3, 0x28, 0xFF, 0xFE, 0x80, (byte)':', (byte)' ', 0xE2, 0x82 }).ToArray();
        var text = SourceText.From(invalid, invalid.Length, Encoding.UTF8, canBeEmbedded: false, throwIfBinaryDetected: false);
        var run = GeneratorHarness.Run(new AdditionalText[] { new BytesAdditionalText(File, text) });
        AssertDidNotFail(run);
        Assert.NotEmpty(run.Result.Diagnostics);
        Assert.All(run.Result.Diagnostics, d => Assert.Equal(File, d.Location.GetLineSpan().Path));
    }

    [Theory]
    [InlineData("", "EPG002")]
    [InlineData("   \n\n  # only a comment\n", "EPG002")]
    [InlineData("just a plain scalar", "EPG002")]
    [InlineData("service:\n\tname: Tabbed\n", "EPG001")]
    [InlineData("\0\0\0", "EPG002")]
    [InlineData("service: {name: \"\\uD800\", namespace: X, baseUrl: 'https://x.example'}\nendpoints: {}\n", "EPG001")]
    public void Degenerate_files_end_in_a_located_diagnostic(string text, string id)
    {
        var run = Run(text);
        AssertDidNotFail(run);
        var diagnostic = Assert.Single(run.Result.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(File, diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public void Text_with_an_unpaired_surrogate_is_refused_at_its_node()
    {
        // Built at run time: attribute strings are stored as UTF-8, which cannot hold the lone surrogate.
        var run = Run("service: {name: \"a" + (char)0xD800 + "b\", namespace: X, baseUrl: 'https://x.example'}\nendpoints: {}\n");
        AssertDidNotFail(run);
        var diagnostic = Assert.Single(run.Result.Diagnostics);
        Assert.Equal("EPG005", diagnostic.Id);
        Assert.Equal((0, 16), (diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character));
    }

    [Theory]
    [InlineData("\\u2028")]
    [InlineData("\\u2029")]
    [InlineData("\\x85")]
    public void A_line_break_in_a_name_path_or_example_never_ends_a_doc_comment(string lineBreak)
    {
        // No summaries, so the path, the JSON names and the examples are what the one-line doc comments show.
        var run = Run(
            "service: {name: Demo, namespace: Demo.Api, baseUrl: 'https://api.example.com'}\n" +
            "endpoints:\n" +
            "  GetThing:\n" +
            "    method: GET\n" +
            "    path: \"things/a" + lineBreak + "b\"\n" +
            "    parameters:\n" +
            "      query:\n" +
            "        \"q" + lineBreak + "x\": { type: string, example: \"1" + lineBreak + "2\" }\n" +
            "    response: { type: Thing }\n" +
            "types:\n" +
            "  Thing:\n" +
            "    fields:\n" +
            "      \"a" + lineBreak + "b\": { type: string, name: Ab, example: \"x" + lineBreak + "y\" }\n");
        AssertDidNotFail(run);
        Assert.Empty(run.Result.Diagnostics);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    // Trojan source: a bidirectional control reorders how the rest of its line reads, an invisible character hides
    // that two strings differ. Names refuse them (EPG011); text keeps them, escaped where it reaches the code.
    [Theory]
    [InlineData("\\u202E", "\\u202e", "\\u202e")]
    [InlineData("\\u2066", "\\u2066", "\\u2066")]
    [InlineData("\\u200B", "\\u200b", "\\u200b")]
    [InlineData("\\uFEFF", "\\ufeff", "\\ufeff")]
    [InlineData("\\u00AD", "\\u00ad", "\\u00ad")]
    [InlineData("\\U000E0041", "\\udb40\\udc41", "\\U000e0041")]
    public void An_invisible_or_bidirectional_character_in_text_is_escaped_in_literals_and_doc_comments(string yamlEscape, string inLiteral, string inDoc)
    {
        var run = Run(
            "service:\n" +
            "  name: Demo\n" +
            "  namespace: Demo.Api\n" +
            "  description: \"The a" + yamlEscape + "b API.\"\n" +
            "  baseUrl: \"https://api.example.com/a" + yamlEscape + "b\"\n" +
            "  headers: { X-Tag: \"a" + yamlEscape + "b\" }\n" +
            "endpoints:\n" +
            "  GetThing:\n" +
            "    method: GET\n" +
            "    path: \"things/a" + yamlEscape + "b\"\n" +
            "    summary: \"Gets a" + yamlEscape + "b.\"\n" +
            "    parameters:\n" +
            "      query:\n" +
            "        q: { type: string, example: \"a" + yamlEscape + "b\" }\n" +
            "    response: Thing\n" +
            "types:\n" +
            "  Thing:\n" +
            "    fields:\n" +
            "      \"a" + yamlEscape + "b\": { type: string, name: Ab, required: true, example: \"a" + yamlEscape + "b\" }\n");
        AssertDidNotFail(run);
        Assert.Empty(run.Result.Diagnostics);
        Assert.Empty(run.CompileErrorsAndWarnings.Select(d => d.ToString()));

        var text = Assert.Single(run.Sources).SourceText.ToString();
        for (var i = 0; i < text.Length; i++)
        {
            Assert.False(System.Globalization.CharUnicodeInfo.GetUnicodeCategory(text, i) == System.Globalization.UnicodeCategory.Format, $"a format character is written raw at {i}");
        }

        foreach (var literal in new[] { "BaseUrlTemplate = \"https://api.example.com/a{0}b\";", "new(\"X-Tag\", \"a{0}b\")", "url.AppendPath(\"things/a{0}b\");", "Ref(\"a{0}b\", static o => ref o._Ab" })
        {
            Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, literal, inLiteral), text, StringComparison.Ordinal);
        }

        foreach (var doc in new[] { "/// <summary>The a{0}b API.</summary>", "/// <summary>Gets a{0}b.</summary>", "Example: <c>a{0}b</c>.", "JSON name: <c>a{0}b</c>", "<c>https://api.example.com/a{0}b</c>" })
        {
            Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, doc, inDoc), text, StringComparison.Ordinal);
        }
    }

    private static GeneratorRun Run(string text) => GeneratorHarness.Run((File, text));

    /// <summary>Runs on a 256 KiB stack, far smaller than the compiler's, so an unbounded recursion fails here first.</summary>
    private static GeneratorRun RunOnSmallStack(string text)
    {
        GeneratorRun? run = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                run = Run(text);
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        }, 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.Null(failure);
        AssertDidNotFail(run!);
        return run!;
    }

    private static void AssertDidNotFail(GeneratorRun run)
    {
        Assert.Null(run.Result.Results.Single().Exception);
        Assert.DoesNotContain(run.Result.Diagnostics, d => d.Id == "EPG099");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
    }

    private sealed class BytesAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public BytesAdditionalText(string path, SourceText text)
        {
            Path = path;
            _text = text;
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
