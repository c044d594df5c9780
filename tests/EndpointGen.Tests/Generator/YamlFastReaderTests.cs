using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EndpointGen.Generator.Diagnostics;
using EndpointGen.Generator.Parsing;
using EndpointGen.Tests.Infrastructure;
using EndpointGen.Tests.Robustness;
using Xunit;
using Xunit.Abstractions;

namespace EndpointGen.Tests.Generator;

/// <summary>
/// The fast YAML path either reads a text exactly as YamlDotNet does (the same nodes, values, styles and
/// positions) or declines it; it never reads a text differently, and never reads one that YamlDotNet refuses.
/// Checked on the real descriptors (which it must read), on hand-picked edge cases, on the 10,200 mutated
/// descriptors of the mutation suite and on 20,000 random YAML documents.
/// </summary>
public sealed class YamlFastReaderTests
{
    private readonly ITestOutputHelper _output;

    public YamlFastReaderTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> SpecFiles => new(Repository.SpecFiles);

    [Theory]
    [MemberData(nameof(SpecFiles))]
    public void Reads_every_real_descriptor_as_YamlDotNet_does_with_LF_and_with_CRLF(string spec)
    {
        var text = Repository.Spec(spec).GetText()!.ToString().Replace("\r\n", "\n");
        foreach (var variant in new[] { text, text.Replace("\n", "\r\n") })
        {
            var fast = YamlFastReader.TryRead(spec, variant);
            Assert.NotNull(fast);
            Assert.Equal(Reference(spec, variant, out var diagnostics), Dump(fast!));
            Assert.Empty(diagnostics);
        }
    }

    [Theory]
    // Block scalars: every chomping, trailing empty and spaces-only lines, a comment after, text that looks like a comment.
    [InlineData("a: >-\n  folded\n  text\n\n  para\n\n\n# c\nb: x\n")]
    [InlineData("a: |+\n  x\n\n  \nb: |\n  x\n   y\n  # not a comment\nc: |-\n  z\n")]
    [InlineData("a: >\n  x\n\n\n")]
    [InlineData("a:\n  b: |\n    deep\n  c: >-  # comment\n    folded\n")]
    // Empty values: at the end, before a comment, before a less indented key, in sequences.
    [InlineData("a:\nb:   # c\nc:\n  - \n  -\n  - x\n  # c\nd:")]
    // Flow collections over one line and several, nested, empty, with quoted keys and URLs.
    [InlineData("a: { type: int64, description: The ID., example: 1234 }\nb: [red, \"blue\", {a: b}, []]\nc: {}\n")]
    [InlineData("a: [a, b,\n  c]\nb: {x: 1,\n    y: [2, 3]  # c\n  }\n")]
    [InlineData("a: {\"@etag\": x, 'k': 'v', u: https://x/y?z=1}\n")]
    // Quoted scalars and keys, escapes, non-ASCII and a surrogate pair.
    [InlineData("\"@etag\": \"a \\\"b\\\" \\u00e9 \\n\\t\\\\ \\/\"\n'it''s': 'it''s'\ng: \"\U0001F600x\" # z\n")]
    // Plain scalars with spaces, colons, hashes and indicators inside; keys with spaces before the colon.
    [InlineData("a: plain text  \nb: a#b c:d -1 ?x\nc : spaced key\nd: https://x:80/#frag\n")]
    // Compact mappings in sequences, sequences in sequences below a dash, deeper indentation.
    [InlineData("items:\n    - name: a\n      type: b\n    -\n      - x\n      - y\n    - [1, 2]\nnext: 1\n")]
    // Comments everywhere, blank lines, a root indented by two.
    [InlineData("# head\n\n  a: 1 # c\n\n  # c\n  b:\n    c: 2\n")]
    // Sequences at their key's indentation, which end at the next key; plain scalars over several lines.
    [InlineData("a: one\n  two\n\n  three  \n    four # c\nb:\n  - x\n    y\n  - z: p\n      q\n")]
    [InlineData("a: one\r\n  two\r\n\r\n\r\n  three\r\nb: c\r\n")]
    // What the fast path declines, and YamlDotNet reads or refuses: tags, anchors, aliases, directives, markers,
    // tabs, multi-line quoted scalars, indentation indicators, explicit keys, trailing commas, a scalar root, an
    // empty file, control characters, a lone CR, a BOM.
    [InlineData("a: !tag x\n")]
    [InlineData("a: &x 1\nb: *x\n")]
    [InlineData("%YAML 1.2\n---\na: 1\n")]
    [InlineData("---\na: 1\n...\n")]
    [InlineData("a:\tb\n")]
    [InlineData("a: multi\n  line plain\n")]
    [InlineData("a: multi\n  # comment\n  line\n")]
    [InlineData("a: multi\n  - x\n")]
    [InlineData("a: multi\n  b: c\n")]
    [InlineData("a: \"multi\n  line\"\n")]
    [InlineData("a: |2\n   x\n")]
    [InlineData("? a\n: b\n")]
    [InlineData("a:\n- x\n- y\nb: 1\n")]
    [InlineData("a:\n- x: 1\n  y: 2\n-\n  - z\nb:\n- |\n  text\n")]
    [InlineData("a: [x, ]\n")]
    [InlineData("just a scalar\n")]
    [InlineData("")]
    [InlineData("a: b\u0001\n")]
    [InlineData("a: b\rc: d\n")]
    [InlineData("\uFEFFa: b\n")]
    // Malformed: YamlDotNet reports these, so the fast path must decline them.
    [InlineData("a: b: c\n")]
    [InlineData("a: [x\n")]
    [InlineData("a: {x: 1\nb: 2\n")]
    [InlineData("a: 1\n b: 2\n")]
    [InlineData("a:\n  b: 1\n c: 2\n")]
    [InlineData("a: \"x\"y\n")]
    [InlineData("a: 'x\n")]
    [InlineData("a: |\nb: 1\n")]
    [InlineData("a: |\n    x\n  y\n")]
    [InlineData("a: >\n  x\n   more indented\n")]
    [InlineData("- a\nb: c\n")]
    [InlineData("a: 1\n---\nb: 2\n")]
    public void Reads_an_edge_case_as_YamlDotNet_does_or_declines_it(string yaml)
    {
        Assert.True(AgreesWithYamlDotNet("case.yaml", yaml, out var problem), problem);
    }

    [Theory]
    [InlineData("a: one\n  two\n\n  three  \n    four # c\nb:\n  - x\n    y\n  - z: p\n      q\n")]
    [InlineData("a: one\r\n  two\r\n\r\n\r\n  three\r\nb: c\r\n")]
    [InlineData("a:\n- x\n- y\nb: 1\n")]
    [InlineData("a: { type: int64, description: The ID., example: 1234 }\nb: [red, \"blue\", {a: b}, []]\nc: {}\n")]
    [InlineData("a: >-\n  folded\n  text\n\n  para\n\n\n# c\nb: x\n")]
    public void Reads_the_constructs_descriptors_are_written_in(string yaml)
    {
        var fast = YamlFastReader.TryRead("case.yaml", yaml);
        Assert.NotNull(fast);
        Assert.Equal(Reference("case.yaml", yaml, out var diagnostics), Dump(fast!));
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("a: !tag x\n")]
    [InlineData("a: b\u0001\n")]
    [InlineData("a: multi\n  b: c\n")]
    [InlineData("a: [x\n")]
    [InlineData("a: b: c\n")]
    public void Declines_what_it_does_not_read(string yaml)
    {
        Assert.Null(YamlFastReader.TryRead("case.yaml", yaml));
    }

    [Fact]
    public void Agrees_with_YamlDotNet_on_the_ten_thousand_mutated_descriptors()
    {
        const int variantsPerSpec = 3_400;
        var failures = new ConcurrentQueue<string>();
        var read = 0;
        Parallel.For(0, Repository.SpecFiles.Length * variantsPerSpec, id =>
        {
            var spec = Repository.SpecFiles[id % Repository.SpecFiles.Length];
            var text = new SpecMutator(20261121 + id).Mutate(Repository.Spec(spec).GetText()!.ToString());
            if (id % 2 == 1)
            {
                text = text.Replace("\n", "\r\n");
            }

            if (!AgreesWithYamlDotNet("variant" + id, text, out var problem))
            {
                failures.Enqueue($"variant {id}: {problem}");
            }
            else if (YamlFastReader.TryRead("variant" + id, text) is not null)
            {
                Interlocked.Increment(ref read);
            }
        });

        _output.WriteLine($"the fast path read {read} of {Repository.SpecFiles.Length * variantsPerSpec} variants; YamlDotNet read the rest");
        Assert.True(failures.IsEmpty, $"{failures.Count} variants differ; first: {failures.FirstOrDefault()}");
    }

    [Fact]
    public void Agrees_with_YamlDotNet_on_twenty_thousand_random_documents()
    {
        const int documents = 20_000;
        var failures = new ConcurrentQueue<string>();
        var read = 0;
        var wellFormed = 0;
        Parallel.For(0, documents, id =>
        {
            var text = new RandomYaml(id).Document();
            if (!AgreesWithYamlDotNet("random" + id, text, out var problem))
            {
                failures.Enqueue($"document {id}: {problem}");
                return;
            }

            var diagnostics = new List<DiagnosticInfo>();
            _ = YamlTreeReader.ReadWithYamlDotNet("random" + id, text, diagnostics);
            if (diagnostics.Count == 0)
            {
                Interlocked.Increment(ref wellFormed);
                if (YamlFastReader.TryRead("random" + id, text) is not null)
                {
                    Interlocked.Increment(ref read);
                }
            }
        });

        _output.WriteLine($"{wellFormed} of {documents} documents are well-formed YAML; the fast path read {read} of them");
        Assert.True(failures.IsEmpty, $"{failures.Count} documents differ; first: {failures.FirstOrDefault()}");

        // The documents are adversarial (tabs, tags, indentation indicators are declined on purpose), yet most
        // well-formed ones must take the fast path, or it is no fast path.
        Assert.True(read * 2 > wellFormed, $"the fast path read only {read} of {wellFormed} well-formed documents");
    }

    private static bool AgreesWithYamlDotNet(string path, string text, out string problem)
    {
        problem = string.Empty;
        YamlNode? fast;
        try
        {
            fast = YamlFastReader.TryRead(path, text);
        }
        catch (Exception ex)
        {
            problem = $"the fast path threw {ex}\n--- text ---\n{text}";
            return false;
        }

        if (fast is null)
        {
            return true;
        }

        var reference = Reference(path, text, out var diagnostics);
        if (diagnostics.Count > 0)
        {
            problem = $"the fast path read a text YamlDotNet refuses ({diagnostics[0].ToDiagnostic().GetMessage()})\n--- text ---\n{text}";
            return false;
        }

        var actual = Dump(fast);
        if (actual != reference)
        {
            problem = $"the trees differ\n--- text ---\n{text}\n--- YamlDotNet ---\n{reference}\n--- fast path ---\n{actual}";
            return false;
        }

        return true;
    }

    private static string Reference(string path, string text, out List<DiagnosticInfo> diagnostics)
    {
        diagnostics = new List<DiagnosticInfo>();
        var tree = YamlTreeReader.ReadWithYamlDotNet(path, text, diagnostics);
        return tree is null ? "<nothing>" : Dump(tree);
    }

    private static string Dump(YamlNode node)
    {
        var builder = new StringBuilder();
        DumpTo(builder, node, 0);
        return builder.ToString();
    }

    private static void DumpTo(StringBuilder builder, YamlNode node, int depth)
    {
        var l = node.Location;
        builder.Append(' ', depth * 2).Append($"{l.Start}+{l.Length} {l.Line}:{l.Column}-{l.EndLine}:{l.EndColumn} ");
        switch (node)
        {
            case YamlScalar scalar:
                builder.Append(scalar.IsPlain ? "plain " : "styled ").Append(Escape(scalar.Value)).Append('\n');
                break;
            case YamlSequence sequence:
                builder.Append("sequence\n");
                foreach (var item in sequence.Items)
                {
                    DumpTo(builder, item, depth + 1);
                }

                break;
            case YamlMapping mapping:
                builder.Append("mapping\n");
                foreach (var entry in mapping.Entries)
                {
                    DumpTo(builder, entry.Key, depth + 1);
                    DumpTo(builder, entry.Value, depth + 2);
                }

                break;
        }
    }

    private static string Escape(string value) =>
        "\"" + value.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t").Replace("\"", "\\\"") + "\"";

    /// <summary>
    /// Random YAML shaped like descriptors and their mistakes: nested block mappings and sequences, flow collections
    /// over one or several lines, plain, quoted and block scalars with awkward contents, comments and blank lines,
    /// CRLF, and now and then a wrong indentation or a stray indicator. Deterministic for a seed.
    /// </summary>
    private sealed class RandomYaml
    {
        private static readonly string[] s_plain =
        {
            "x", "int64", "The ID.", "a b  c", "https://x.example/a?b=1#c", "a#b", "a:b", "-1", "?x", ":x", "~", "null", "1.5",
            "é日本", "\U0001F600", "a,b", "a]b", "a}b", "[x", "x:", "a: b", "a #c", "*x", "&x", "!x", "|", ">", "@x", "%x", "- x",
            "`x", "'", "\"", "---", "...", "x\ty",
        };

        private static readonly string[] s_quoted =
        {
            "\"x\"", "\"a \\\"b\\\"\"", "\"\\u00e9\\n\\t\"", "\"\\x41\"", "\"\\ud800\"", "'it''s'", "''", "\"\"", "'a\"b'", "\"a'b\"",
            "\"a\\", "'x", "\"x\" y", "\"\\/\\b\\f\\0\\r\"",
        };

        private readonly Random _random;
        private readonly StringBuilder _text = new();
        private string _newLine = "\n";

        public RandomYaml(int seed) => _random = new Random(seed);

        public string Document()
        {
            _newLine = _random.Next(4) == 0 ? "\r\n" : "\n";
            if (_random.Next(10) == 0)
            {
                Comment(0);
            }

            Mapping(0, 0);
            return _text.ToString();
        }

        private void Mapping(int indent, int depth)
        {
            var entries = 1 + _random.Next(depth == 0 ? 6 : 4);
            for (var i = 0; i < entries; i++)
            {
                Indent(indent);
                Key();
                Value(indent, depth);
            }
        }

        private void Sequence(int indent, int depth)
        {
            var items = 1 + _random.Next(4);
            for (var i = 0; i < items; i++)
            {
                Indent(indent);
                _text.Append('-');
                switch (_random.Next(depth > 3 ? 2 : 5))
                {
                    case 0:
                        _text.Append(' ').Append(Scalar());
                        Continuation(indent);
                        Line();
                        break;
                    case 1:
                        _text.Append(_random.Next(2) == 0 ? " " : string.Empty);
                        Line();
                        break;
                    case 2:
                        // A compact mapping: its keys line up after "- ".
                        _text.Append(' ');
                        Key();
                        Value(indent + 2, depth + 1);
                        if (_random.Next(2) == 0)
                        {
                            Indent(indent + 2);
                            Key();
                            Value(indent + 2, depth + 1);
                        }

                        break;
                    case 3:
                        Line();
                        Mapping(indent + 2 + _random.Next(2), depth + 1);
                        break;
                    default:
                        _text.Append(' ').Append(Flow(depth));
                        Line();
                        break;
                }
            }
        }

        private void Value(int indent, int depth)
        {
            switch (_random.Next(depth > 3 ? 4 : 8))
            {
                case 0:
                    _text.Append(' ').Append(Scalar());
                    Line();
                    break;
                case 1:
                    _text.Append(' ').Append(s_plain[_random.Next(s_plain.Length)]);
                    Continuation(indent);
                    Line();
                    break;
                case 2:
                    _text.Append(' ').Append(Flow(depth));
                    Line();
                    break;
                case 3:
                    BlockScalar(indent);
                    break;
                case 4:
                    // Nothing: an empty value.
                    Line();
                    break;
                case 5:
                    Line();
                    Sequence(indent + _random.Next(4), depth + 1);
                    break;
                default:
                    Line();
                    Mapping(indent + 1 + _random.Next(4), depth + 1);
                    break;
            }
        }

        // Now and then more lines of a plain scalar: deeper than its block, with empty lines, comments and
        // indicators among them.
        private void Continuation(int indent)
        {
            if (_random.Next(3) != 0)
            {
                return;
            }

            var lines = 1 + _random.Next(3);
            for (var i = 0; i < lines; i++)
            {
                _text.Append(_random.Next(4) == 0 ? "  " : string.Empty);
                _text.Append(_newLine);
                if (_random.Next(4) == 0)
                {
                    _text.Append(_random.Next(2) == 0 ? string.Empty : "   ").Append(_newLine);
                }

                _text.Append(' ', Math.Max(0, indent + _random.Next(4)));
                _text.Append(_random.Next(8) == 0 ? "# a comment" : s_plain[_random.Next(s_plain.Length)]);
            }
        }

        private void BlockScalar(int indent)
        {
            _text.Append(' ').Append(_random.Next(2) == 0 ? '|' : '>');
            _text.Append(_random.Next(4) switch { 0 => "-", 1 => "+", 2 => "2", _ => string.Empty });
            if (_random.Next(5) == 0)
            {
                _text.Append("  # header comment");
            }

            Line();
            var content = indent + 1 + _random.Next(3);
            var lines = 1 + _random.Next(4);
            for (var i = 0; i < lines; i++)
            {
                switch (_random.Next(8))
                {
                    case 0:
                        Line();
                        break;
                    case 1:
                        _text.Append(' ', content + 1 + _random.Next(2)).Append("more indented");
                        Line();
                        break;
                    case 2:
                        _text.Append(' ', content).Append("# not a comment");
                        Line();
                        break;
                    case 3:
                        _text.Append(' ', content + _random.Next(3));
                        Line();
                        break;
                    default:
                        _text.Append(' ', content).Append(s_plain[_random.Next(s_plain.Length)]).Append(_random.Next(4) == 0 ? "  " : string.Empty);
                        Line();
                        break;
                }
            }
        }

        private string Flow(int depth)
        {
            var builder = new StringBuilder();
            var isMapping = _random.Next(2) == 0;
            builder.Append(isMapping ? '{' : '[');
            var entries = _random.Next(4);
            for (var i = 0; i < entries; i++)
            {
                builder.Append(i == 0 ? (_random.Next(2) == 0 ? " " : string.Empty) : (_random.Next(6) == 0 ? "," + _newLine + "    " : ", "));
                if (isMapping)
                {
                    builder.Append(_random.Next(5) == 0 ? s_quoted[_random.Next(s_quoted.Length)] : PlainKey()).Append(_random.Next(8) == 0 ? ":" : ": ");
                }

                builder.Append(depth < 6 && _random.Next(6) == 0 ? Flow(depth + 1) : Scalar());
            }

            builder.Append(_random.Next(10) == 0 ? ", " : _random.Next(3) == 0 ? " " : string.Empty);
            builder.Append(_random.Next(30) == 0 ? string.Empty : isMapping ? "}" : "]");
            return builder.ToString();
        }

        private string Scalar() => _random.Next(3) == 0 ? s_quoted[_random.Next(s_quoted.Length)] : s_plain[_random.Next(s_plain.Length)];

        private string PlainKey() => _random.Next(6) switch
        {
            0 => "\"@etag\"",
            1 => "a b",
            2 => "x-y",
            3 => s_plain[_random.Next(s_plain.Length)],
            _ => "key" + _random.Next(100),
        };

        private void Key()
        {
            _text.Append(PlainKey());
            _text.Append(_random.Next(20) == 0 ? " :" : ":");
        }

        private void Indent(int indent)
        {
            // Now and then a line one column off.
            var off = _random.Next(40) == 0 ? (_random.Next(2) == 0 ? 1 : -1) : 0;
            _text.Append(' ', Math.Max(0, indent + off));
        }

        private void Line()
        {
            if (_random.Next(12) == 0)
            {
                _text.Append("  # comment");
            }

            _text.Append(_newLine);
            if (_random.Next(10) == 0)
            {
                Comment(_random.Next(4));
            }

            if (_random.Next(10) == 0)
            {
                _text.Append(_newLine);
            }
        }

        private void Comment(int indent) => _text.Append(' ', indent).Append("# a comment").Append(_newLine);
    }
}
