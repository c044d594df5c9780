using System;
using System.Collections.Generic;
using EndpointGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EndpointGen.Generator.Parsing.Yaml;

/// <summary>
/// Reads YAML text into a <see cref="YamlNode"/> tree with explicit bounds: nesting depth and node count are
/// limited (a runaway document must not overflow the compiler's stack or memory) and aliases are refused
/// (so no alias expansion can multiply the work).
/// </summary>
internal static class YamlTreeReader
{
    // Deeper than any sensible descriptor; recursion below stays far from the stack limit.
    private const int MaxDepth = 64;

    // Nodes in one file; about ten times the largest realistic descriptor.
    private const int MaxNodes = 1_000_000;

    /// <summary>
    /// Reads a descriptor's YAML with YamlDotNet. Every YAML error, and every construct the tree refuses (aliases,
    /// anchors, non-scalar keys, runaway nesting), is added to <paramref name="diagnostics"/> at its position, and
    /// then the answer is <see langword="null"/>.
    /// </summary>
    public static YamlNode? Read(string filePath, string text, List<DiagnosticInfo> diagnostics) =>
        Read(filePath, SourceText.From(text), diagnostics);

    /// <inheritdoc cref="Read(string, string, List{DiagnosticInfo})"/>
    public static YamlNode? Read(string filePath, SourceText text, List<DiagnosticInfo> diagnostics)
    {
        var state = new ReadState(filePath);
        var parser = new Parser(new SourceTextReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotADescriptor, state.Point(0, 1, 1), "the file is empty"));
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, state, 0);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.NotADescriptor,
                    state.Location(second.Start, second.End),
                    "a descriptor holds exactly one YAML document, and this file has more"));
                return null;
            }

            return root;
        }
        catch (YamlTreeException ex)
        {
            diagnostics.Add(ex.Diagnostic);
            return null;
        }
        catch (YamlException ex)
        {
            var (location, message) = Explain(ex, text.ToString(), state);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.YamlSyntax, location, message));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException)
        {
            // YamlDotNet throws these, not a YamlException, for some malformed input (an unclosed flow
            // sequence in a block mapping, for one). The last event it produced is the closest position known.
            var near = parser.Current;
            var location = near is null ? state.Point(0, 1, 1) : state.Location(near.Start, near.End);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.YamlSyntax, location, "the YAML is malformed at or after this point"));
            return null;
        }
    }

    private static YamlNode ReadNode(IParser parser, ReadState state, int depth)
    {
        if (parser.Accept<AnchorAlias>(out var alias))
        {
            throw new YamlTreeException(DiagnosticInfo.Create(DiagnosticDescriptors.AliasNotSupported, state.Location(alias.Start, alias.End)));
        }

        var current = parser.Current!;
        if (++state.NodeCount > MaxNodes)
        {
            throw new YamlTreeException(DiagnosticInfo.Create(
                DiagnosticDescriptors.TooComplex, state.Location(current.Start, current.End), $"more than {MaxNodes} nodes"));
        }

        if (depth > MaxDepth)
        {
            throw new YamlTreeException(DiagnosticInfo.Create(
                DiagnosticDescriptors.TooComplex, state.Location(current.Start, current.End), $"nesting deeper than {MaxDepth} levels"));
        }

        if (parser.Current is NodeEvent { Anchor.IsEmpty: false } anchored)
        {
            throw new YamlTreeException(DiagnosticInfo.Create(DiagnosticDescriptors.AliasNotSupported, state.Location(anchored.Start, anchored.End)));
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            var location = state.Location(scalar.Start, scalar.End);
            if (HasUnpairedSurrogate(scalar.Value))
            {
                // A "\uD800" escape: such text has no UTF-8 form, so it cannot be a JSON name, a value or a C# literal.
                throw new YamlTreeException(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidValue, location, "text", "it contains an unpaired UTF-16 surrogate"));
            }

            return new YamlScalar(location, scalar.Value, scalar.Style == ScalarStyle.Plain);
        }

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            // Collected in this depth's scratch list (the children use the next depth's), then copied to an exact array:
            // no list object and no growth copies per collection.
            var items = state.ItemScratch(depth);
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser, state, depth + 1));
            }

            var itemArray = items.Count == 0 ? Array.Empty<YamlNode>() : items.ToArray();
            items.Clear();
            return new YamlSequence(state.Location(sequenceStart.Start, sequenceStart.End), itemArray);
        }

        var mappingStart = parser.Consume<MappingStart>();
        var entries = state.EntryScratch(depth);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyNode = ReadNode(parser, state, depth + 1);
            if (keyNode is not YamlScalar key)
            {
                throw new YamlTreeException(DiagnosticInfo.Create(
                    DiagnosticDescriptors.InvalidValue, keyNode.Location, "mapping key", "a key must be a plain name, not " + keyNode.KindName));
            }

            entries.Add(new KeyValuePair<YamlScalar, YamlNode>(key, ReadNode(parser, state, depth + 1)));
        }

        var entryArray = entries.Count == 0 ? Array.Empty<KeyValuePair<YamlScalar, YamlNode>>() : entries.ToArray();
        entries.Clear();
        return new YamlMapping(state.Location(mappingStart.Start, mappingStart.End), entryArray);
    }

    private static bool HasUnpairedSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where a YAML error is and what it means: YamlDotNet's message and position, with a hint for the classic causes,
    /// and the position of a tab in indentation, which YamlDotNet reports at the start of the file.
    /// </summary>
    private static (LocationInfo Location, string Message) Explain(YamlException ex, string text, ReadState state)
    {
        var message = CleanMessage(ex);
        var location = state.Location(ex.Start, ex.End);
        if (message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            if (FirstIndentingTab(text) is { } tab)
            {
                location = state.Point(tab.Index, tab.Line, tab.Column);
            }

            return (location, message + " Indent with spaces: YAML does not allow tabs in indentation.");
        }

        if (message.IndexOf("flow mapping", StringComparison.Ordinal) >= 0 || message.IndexOf("flow sequence", StringComparison.Ordinal) >= 0)
        {
            return (location, message + " Inside { } or [ ], a value holding '[', ']', '{', '}' or ',' needs quotes: description: \"a [b], c\".");
        }

        if (message.IndexOf("did not find expected key", StringComparison.Ordinal) >= 0
            || message.IndexOf("invalid mapping", StringComparison.Ordinal) >= 0
            || message.IndexOf("did not find expected '-'", StringComparison.Ordinal) >= 0)
        {
            return (location, message + " Check this line's indentation against the keys beside it (siblings start in the same column, with spaces), and quote a value that holds ': '.");
        }

        return (location, message);
    }

    /// <summary>The first tab in a line's leading white space, 1-based, or <see langword="null"/>.</summary>
    private static (int Index, int Line, int Column)? FirstIndentingTab(string text)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
            }
            else if (c == '\t')
            {
                if (text.Substring(lineStart, i - lineStart).Trim(' ').Length == 0)
                {
                    return (i, line, i - lineStart + 1);
                }
            }
        }

        return null;
    }

    private static string CleanMessage(YamlException ex)
    {
        // YamlDotNet prefixes its message with "(Line: 1, Col: 1, Idx: 0) - (Line: ...): "; the location says that already.
        var message = ex.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && marker >= 0)
        {
            message = message.Substring(marker + 3);
        }

        return message.Trim();
    }

    private sealed class ReadState
    {
        // One scratch list per depth, reused for every collection at that depth of this file.
        private readonly List<List<YamlNode>> _itemScratch = new();
        private readonly List<List<KeyValuePair<YamlScalar, YamlNode>>> _entryScratch = new();

        public ReadState(string filePath) => FilePath = filePath;

        public string FilePath { get; }

        public int NodeCount { get; set; }

        public List<YamlNode> ItemScratch(int depth) => Scratch(_itemScratch, depth);

        public List<KeyValuePair<YamlScalar, YamlNode>> EntryScratch(int depth) => Scratch(_entryScratch, depth);

        private static List<T> Scratch<T>(List<List<T>> byDepth, int depth)
        {
            while (byDepth.Count <= depth)
            {
                byDepth.Add(new List<T>());
            }

            return byDepth[depth];
        }

        public LocationInfo Location(Mark start, Mark end)
        {
            // YamlDotNet marks are 1-based; Roslyn line positions are 0-based.
            var startIndex = (int)Math.Max(0, start.Index);
            var endIndex = (int)Math.Max(startIndex, end.Index);
            var startLine = (int)Math.Max(0, start.Line - 1);
            var startColumn = (int)Math.Max(0, start.Column - 1);
            var endLine = (int)Math.Max(startLine, end.Line - 1);
            var endColumn = endLine == startLine ? (int)Math.Max(startColumn, end.Column - 1) : (int)Math.Max(0, end.Column - 1);
            return new LocationInfo(FilePath, startIndex, endIndex - startIndex, startLine, startColumn, endLine, endColumn);
        }

        public LocationInfo Point(int index, int line, int column) =>
            new(FilePath, index, 0, line - 1, column - 1, line - 1, column - 1);
    }

    private sealed class YamlTreeException : Exception
    {
        public YamlTreeException(DiagnosticInfo diagnostic) => Diagnostic = diagnostic;

        public DiagnosticInfo Diagnostic { get; }
    }
}
