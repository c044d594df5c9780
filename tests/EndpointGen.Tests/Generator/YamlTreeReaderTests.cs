using System.Collections.Generic;
using System.Linq;
using System.Text;
using EndpointGen.Generator.Diagnostics;
using EndpointGen.Generator.Parsing.Yaml;
using EndpointGen.Tests.Infrastructure;
using Xunit;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// What the descriptor reader relies on from the YAML tree: the values of every kind of scalar, whether a scalar was
/// plain (an unquoted <c>null</c> is nothing, a quoted one is text), the position of every node (each diagnostic is
/// located at one, 0-based, with its start index and length for the squiggle), and where a YAML error is reported.
/// </summary>
/// <remarks>
/// A tree is written as one line per node: <c>start+length line:column-endLine:endColumn</c>, then the scalar's
/// style and value, or the collection's kind; a mapping's values are indented below their keys.
/// </remarks>
public sealed class YamlTreeReaderTests
{
    public static TheoryData<string> SpecFiles => new(Repository.SpecFiles);

    [Theory]
    [MemberData(nameof(SpecFiles))]
    public void Reads_every_real_descriptor_alike_with_LF_and_with_CRLF(string spec)
    {
        var lf = Repository.Spec(spec).GetText()!.ToString().Replace("\r\n", "\n");
        var lfNodes = Nodes(Read(spec, lf));
        var crlfNodes = Nodes(Read(spec, lf.Replace("\n", "\r\n")));

        // The same values, styles, lines and columns; each index is further on by the CRs of the lines before it.
        Assert.Equal(lfNodes.Count, crlfNodes.Count);
        for (var i = 0; i < lfNodes.Count; i++)
        {
            var (a, b) = (lfNodes[i].Location, crlfNodes[i].Location);
            Assert.Equal(Describe(lfNodes[i]), Describe(crlfNodes[i]));
            Assert.Equal((a.Line, a.Column, a.EndLine, a.EndColumn), (b.Line, b.Column, b.EndLine, b.EndColumn));
            Assert.Equal((a.Start + a.Line, a.Start + a.Length + a.EndLine), (b.Start, b.Start + b.Length));
        }
    }

    [Fact]
    public void Block_scalars_keep_or_strip_their_line_breaks_as_their_chomping_says()
    {
        AssertTree("a: >-\n  folded\n  text\n\n  para\n\n\n# c\nb: x\n", """
            0+0 0:0-0:0 mapping
              0+1 0:0-0:1 plain "a"
                3+29 0:3-7:0 styled "folded text\npara"
              36+1 8:0-8:1 plain "b"
                39+1 8:3-8:4 plain "x"
            """);
        AssertTree("a: |+\n  x\n\n  \nb: |\n  x\n   y\n  # not a comment\nc: |-\n  z\n", """
            0+0 0:0-0:0 mapping
              0+1 0:0-0:1 plain "a"
                3+11 0:3-4:0 styled "x\n\n\n"
              14+1 4:0-4:1 plain "b"
                17+29 4:3-8:0 styled "x\n y\n# not a comment\n"
              46+1 8:0-8:1 plain "c"
                49+7 8:3-10:0 styled "z"
            """);
        AssertTree("a: >\n  x\n\n\n", """
            0+0 0:0-0:0 mapping
              0+1 0:0-0:1 plain "a"
                3+8 0:3-4:0 styled "x\n"
            """);
        AssertTree("a:\n  b: |\n    deep\n  c: >-  # comment\n    folded\n", """
            0+0 0:0-0:0 mapping
              0+1 0:0-0:1 plain "a"
                5+0 1:2-1:2 mapping
                  5+1 1:2-1:3 plain "b"
                    8+11 1:5-3:0 styled "deep\n"
                  21+1 3:2-3:3 plain "c"
                    24+25 3:5-5:0 styled "folded"
            """);
    }

    [Fact]
    public void Block_scalars_with_an_indentation_indicator_more_indented_lines_or_no_content()
    {
        AssertTree("a: |2\n   x\n", """
            0+0 0:0-0:0 mapping
              0+1 0:0-0:1 plain "a"
                3+8 0:3-2:0 styled " x\n"
            """);
        AssertTree("a: >\n  x\n   more indented\n", """
            0+0 0:0-0:0 mapping
              0+1 0:0-0:1 plain "a"
                3+23 0:3-3:0 styled "x\n more indented\n"
            """);
        AssertTree("a: |\nb: 1\n", """
            0+0 0:0-0:0 mapping
              0+1 0:0-0:1 plain "a"
                3+2 0:3-1:0 styled ""
              5+1 1:0-1:1 plain "b"
                8+1 1:3-1:4 plain "1"
            """);
    }

    [Fact]
    public void An_empty_value_is_a_plain_empty_scalar_where_the_value_would_start()
    {
        AssertTree("a:\nb:   # c\nc:\n  - \n  -\n  - x\n  # c\nd:", """
            0+0 0:0-0:0 mapping
              0+1 0:0-0:1 plain "a"
                2+0 0:2-0:2 plain ""
              3+1 1:0-1:1 plain "b"
                5+0 1:2-1:2 plain ""
              12+1 2:0-2:1 plain "c"
                17+0 3:2-3:2 sequence
                  18+0 3:3-3:3 plain ""
                  23+0 4:3-4:3 plain ""
                  28+1 5:4-5:5 plain "x"
              36+1 7:0-7:1 plain "d"
                38+0 7:2-7:2 plain ""
            """);
    }

    [Fact]
    public void Flow_collections_on_one_line_or_several()
    {
        AssertTree("a: { type: int64, description: The ID., example: 1234 }\nb: [red, \"blue\", {a: b}, []]\nc: {}\n", """
            0+0 0:0-0:0 mapping
              0+1 0:0-0:1 plain "a"
                3+0 0:3-0:3 mapping
                  5+4 0:5-0:9 plain "type"
                    11+5 0:11-0:16 plain "int64"
                  18+11 0:18-0:29 plain "description"
                    31+7 0:31-0:38 plain "The ID."
                  40+7 0:40-0:47 plain "example"
                    49+4 0:49-0:53 plain "1234"
              56+1 1:0-1:1 plain "b"
                59+0 1:3-1:3 sequence
                  60+3 1:4-1:7 plain "red"
                  65+6 1:9-1:15 styled "blue"
                  73+0 1:17-1:17 mapping
                    74+1 1:18-1:19 plain "a"
                      77+1 1:21-1:22 plain "b"
                  81+0 1:25-1:25 sequence
              85+1 2:0-2:1 plain "c"
                88+0 2:3-2:3 mapping
            """);
        AssertTree("a: [a, b,\n  c]\nb: {x: 1,\n    y: [2, 3]  # c\n  }\n", """
            0+0 0:0-0:0 mapping
              0+1 0:0-0:1 plain "a"
                3+0 0:3-0:3 sequence
                  4+1 0:4-0:5 plain "a"
                  7+1 0:7-0:8 plain "b"
                  12+1 1:2-1:3 plain "c"
              15+1 2:0-2:1 plain "b"
                18+0 2:3-2:3 mapping
                  19+1 2:4-2:5 plain "x"
                    22+1 2:7-2:8 plain "1"
                  29+1 3:4-3:5 plain "y"
                    32+0 3:7-3:7 sequence
                      33+1 3:8-3:9 plain "2"
                      36+1 3:11-3:12 plain "3"
            """);
        AssertTree("a: {\"@etag\": x, 'k': 'v', u: https://x/y?z=1}\n", """
            0+0 0:0-0:0 mapping
              0+1 0:0-0:1 plain "a"
                3+0 0:3-0:3 mapping
                  4+7 0:4-0:11 styled "@etag"
                    13+1 0:13-0:14 plain "x"
                  16+3 0:16-0:19 styled "k"
                    21+3 0:21-0:24 styled "v"
                  26+1 0:26-0:27 plain "u"
                    29+15 0:29-0:44 plain "https://x/y?z=1"
            """);
        AssertTree("a: [x, ]\n", """
            0+0 0:0-0:0 mapping
              0+1 0:0-0:1 plain "a"
                3+0 0:3-0:3 sequence
                  4+1 0:4-0:5 plain "x"
            """);
    }

    [Fact]
    public void Quoted_scalars_and_keys_are_unescaped_and_span_their_quotes()
    {
        AssertTree("\"@etag\": \"a \\\"b\\\" \\u00e9 \\n\\t\\\\ \\/\"\n'it''s': 'it''s'\ng: \"\U0001F600x\" # z\n", """
            0+0 0:0-0:0 mapping
              0+7 0:0-0:7 styled "@etag"
                9+26 0:9-0:35 styled "a \"b\" é \n\t\\ /"
              36+7 1:0-1:7 styled "it's"
                45+7 1:9-1:16 styled "it's"
              53+1 2:0-2:1 plain "g"
                56+5 2:3-2:8 styled "😀x"
            """);
        AssertTree("a: \"multi\n  line\"\n", """
            0+0 0:0-0:0 mapping
              0+1 0:0-0:1 plain "a"
                3+14 0:3-1:7 styled "multi line"
            """);
    }

    [Fact]
    public void Plain_scalars_hold_spaces_colons_and_hashes_and_end_before_trailing_spaces()
    {
        AssertTree("a: plain text  \nb: a#b c:d -1 ?x\nc : spaced key\nd: https://x:80/#frag\n", """
            0+0 0:0-0:0 mapping
              0+1 0:0-0:1 plain "a"
                3+10 0:3-0:13 plain "plain text"
              16+1 1:0-1:1 plain "b"
                19+13 1:3-1:16 plain "a#b c:d -1 ?x"
              33+1 2:0-2:1 plain "c"
                37+10 2:4-2:14 plain "spaced key"
              48+1 3:0-3:1 plain "d"
                51+18 3:3-3:21 plain "https://x:80/#frag"
            """);
    }

    [Fact]
    public void Plain_scalars_over_several_lines_are_folded_and_end_on_their_last_line()
    {
        AssertTree("a: one\n  two\n\n  three  \n    four # c\nb:\n  - x\n    y\n  - z: p\n      q\n", """
            0+0 0:0-0:0 mapping
              0+1 0:0-0:1 plain "a"
                3+29 0:3-4:8 plain "one two\nthree four"
              37+1 5:0-5:1 plain "b"
                42+0 6:2-6:2 sequence
                  44+7 6:4-7:5 plain "x y"
                  56+0 8:4-8:4 mapping
                    56+1 8:4-8:5 plain "z"
                      59+9 8:7-9:7 plain "p q"
            """);
        AssertTree("a: one\r\n  two\r\n\r\n\r\n  three\r\nb: c\r\n", """
            0+0 0:0-0:0 mapping
              0+1 0:0-0:1 plain "a"
                3+23 0:3-4:7 plain "one two\n\nthree"
              28+1 5:0-5:1 plain "b"
                31+1 5:3-5:4 plain "c"
            """);
        AssertTree("a: multi\n  - x\n", """
            0+0 0:0-0:0 mapping
              0+1 0:0-0:1 plain "a"
                3+11 0:3-1:5 plain "multi - x"
            """);
    }

    [Fact]
    public void Sequences_below_a_dash_compact_mappings_and_sequences_at_their_keys_indentation()
    {
        AssertTree("items:\n    - name: a\n      type: b\n    -\n      - x\n      - y\n    - [1, 2]\nnext: 1\n", """
            0+0 0:0-0:0 mapping
              0+5 0:0-0:5 plain "items"
                11+0 1:4-1:4 sequence
                  13+0 1:6-1:6 mapping
                    13+4 1:6-1:10 plain "name"
                      19+1 1:12-1:13 plain "a"
                    27+4 2:6-2:10 plain "type"
                      33+1 2:12-2:13 plain "b"
                  47+0 4:6-4:6 sequence
                    49+1 4:8-4:9 plain "x"
                    59+1 5:8-5:9 plain "y"
                  67+0 6:6-6:6 sequence
                    68+1 6:7-6:8 plain "1"
                    71+1 6:10-6:11 plain "2"
              74+4 7:0-7:4 plain "next"
                80+1 7:6-7:7 plain "1"
            """);
        AssertTree("a:\n- x\n- y\nb: 1\n", """
            0+0 0:0-0:0 mapping
              0+1 0:0-0:1 plain "a"
                3+1 1:0-1:1 sequence
                  5+1 1:2-1:3 plain "x"
                  9+1 2:2-2:3 plain "y"
              11+1 3:0-3:1 plain "b"
                14+1 3:3-3:4 plain "1"
            """);
        AssertTree("a:\n- x: 1\n  y: 2\n-\n  - z\nb:\n- |\n  text\n", """
            0+0 0:0-0:0 mapping
              0+1 0:0-0:1 plain "a"
                3+1 1:0-1:1 sequence
                  5+0 1:2-1:2 mapping
                    5+1 1:2-1:3 plain "x"
                      8+1 1:5-1:6 plain "1"
                    12+1 2:2-2:3 plain "y"
                      15+1 2:5-2:6 plain "2"
                  21+0 4:2-4:2 sequence
                    23+1 4:4-4:5 plain "z"
              25+1 5:0-5:1 plain "b"
                28+1 6:0-6:1 sequence
                  30+9 6:2-8:0 styled "text\n"
            """);
    }

    [Fact]
    public void Comments_blank_lines_markers_and_an_indented_root_move_positions_only()
    {
        AssertTree("# head\n\n  a: 1 # c\n\n  # c\n  b:\n    c: 2\n", """
            10+0 2:2-2:2 mapping
              10+1 2:2-2:3 plain "a"
                13+1 2:5-2:6 plain "1"
              28+1 5:2-5:3 plain "b"
                35+0 6:4-6:4 mapping
                  35+1 6:4-6:5 plain "c"
                    38+1 6:7-6:8 plain "2"
            """);
        AssertTree("%YAML 1.2\n---\na: 1\n", """
            14+0 2:0-2:0 mapping
              14+1 2:0-2:1 plain "a"
                17+1 2:3-2:4 plain "1"
            """);
        AssertTree("---\na: 1\n...\n", """
            4+0 1:0-1:0 mapping
              4+1 1:0-1:1 plain "a"
                7+1 1:3-1:4 plain "1"
            """);
        AssertTree("? a\n: b\n", """
            0+0 0:0-0:0 mapping
              2+1 0:2-0:3 plain "a"
                6+1 1:2-1:3 plain "b"
            """);
    }

    [Fact]
    public void A_lone_CR_ends_a_line_as_it_does_for_the_compiler()
    {
        AssertTree("a: b\rc: d\n", """
            0+0 0:0-0:0 mapping
              0+1 0:0-0:1 plain "a"
                3+1 0:3-0:4 plain "b"
              5+1 1:0-1:1 plain "c"
                8+1 1:3-1:4 plain "d"
            """);
    }

    [Theory]
    [InlineData("a: null", true)]
    [InlineData("a: Null", true)]
    [InlineData("a: NULL", true)]
    [InlineData("a: ~", true)]
    [InlineData("a:", true)]
    [InlineData("a: \"null\"", false)]
    [InlineData("a: '~'", false)]
    [InlineData("a: ''", false)]
    [InlineData("a: |\n  null\n", false)]
    [InlineData("a: nULL", false)]
    [InlineData("a: none", false)]
    public void Only_an_unquoted_null_or_nothing_is_null(string yaml, bool isNull)
    {
        var value = Assert.IsType<YamlScalar>(Assert.IsType<YamlMapping>(Read("case.yaml", yaml)).Entries.Single().Value);
        Assert.Equal(isNull, value.IsNull);
    }

    [Theory]
    [InlineData("a: b: c\n", "EPG001 4+0 0:4-0:4")]
    [InlineData("a: [x\n", "EPG001 6+0 1:0-1:0")]
    [InlineData("a: {x: 1\nb: 2\n", "EPG001 4+1 0:4-0:5")]
    [InlineData("a: 1\n b: 2\n", "EPG001 7+0 1:2-1:2")]
    [InlineData("a:\n  b: 1\n c: 2\n", "EPG001 11+0 2:1-2:1")]
    [InlineData("a: \"x\"y\n", "EPG001 6+1 0:6-0:7")]
    [InlineData("a: 'x\n", "EPG001 3+3 0:3-1:0")]
    [InlineData("a: |\n    x\n  y\n", "EPG001 13+1 2:2-2:3")]
    [InlineData("a: multi\n  # comment\n  line\n", "EPG001 23+4 2:2-2:6")]
    [InlineData("a: multi\n  b: c\n", "EPG001 12+0 1:3-1:3")]
    [InlineData("- a\nb: c\n", "EPG001 4+0 1:0-1:0")]
    [InlineData("a: 1\n---\nb: 2\n", "EPG002 5+3 1:0-1:3")]
    [InlineData("a: &x 1\nb: *x\n", "EPG013 3+4 0:3-0:7")]
    public void A_YAML_error_is_one_diagnostic_at_the_token_that_breaks_the_document(string yaml, string expected)
    {
        var diagnostics = new List<DiagnosticInfo>();
        Assert.Null(YamlTreeReader.Read("case.yaml", yaml, diagnostics));
        var diagnostic = Assert.Single(diagnostics);
        var l = diagnostic.Location!.Value;
        Assert.Equal("case.yaml", l.FilePath);
        Assert.Equal(expected, $"{diagnostic.Descriptor.Id} {l.Start}+{l.Length} {l.Line}:{l.Column}-{l.EndLine}:{l.EndColumn}");
    }

    private static YamlNode Read(string path, string text)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var tree = YamlTreeReader.Read(path, text, diagnostics);
        Assert.Empty(diagnostics);
        return Assert.IsAssignableFrom<YamlNode>(tree);
    }

    private static void AssertTree(string yaml, string expected) =>
        Assert.Equal(expected.Replace("\r\n", "\n") + "\n", Dump(Read("case.yaml", yaml)));

    private static string Dump(YamlNode node)
    {
        var builder = new StringBuilder();
        DumpTo(builder, node, 0);
        return builder.ToString();
    }

    private static void DumpTo(StringBuilder builder, YamlNode node, int depth)
    {
        var l = node.Location;
        builder.Append(' ', depth * 2).Append($"{l.Start}+{l.Length} {l.Line}:{l.Column}-{l.EndLine}:{l.EndColumn} ").Append(Describe(node)).Append('\n');
        switch (node)
        {
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    DumpTo(builder, item, depth + 1);
                }

                break;
            case YamlMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    DumpTo(builder, entry.Key, depth + 1);
                    DumpTo(builder, entry.Value, depth + 2);
                }

                break;
        }
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalar scalar => (scalar.IsPlain ? "plain " : "styled ") + Escape(scalar.Value),
        YamlSequence => "sequence",
        _ => "mapping",
    };

    /// <summary>Every node of a tree in document order, a mapping's keys before their values.</summary>
    private static List<YamlNode> Nodes(YamlNode root)
    {
        var nodes = new List<YamlNode>();
        var pending = new Stack<YamlNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            nodes.Add(node);
            IEnumerable<YamlNode> children = node switch
            {
                YamlSequence sequence => sequence.Items,
                YamlMapping mapping => mapping.Entries.SelectMany(e => new[] { e.Key, e.Value }),
                _ => Enumerable.Empty<YamlNode>(),
            };
            foreach (var child in children.Reverse())
            {
                pending.Push(child);
            }
        }

        return nodes;
    }

    private static string Escape(string value) =>
        "\"" + value.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t").Replace("\"", "\\\"") + "\"";
}
