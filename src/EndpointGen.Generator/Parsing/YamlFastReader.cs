using System.Collections.Generic;
using System.Text;
using EndpointGen.Generator.Diagnostics;

namespace EndpointGen.Generator.Parsing;

/// <summary>
/// Reads the YAML that descriptors are written in (block mappings and sequences, also sequences at their key's
/// indentation, one-line and multi-line flow collections, plain scalars on one line or several, quoted and block
/// scalars, comments, LF or CRLF line ends) straight into a
/// <see cref="YamlNode"/> tree, several times faster than YamlDotNet's scanner and parser, which alone cost more
/// than the generator's whole budget per endpoint (docs/performance.md).
/// </summary>
/// <remarks>
/// It is a fast path, not a second YAML implementation: it gives up, returning <see langword="null"/>, on anything
/// outside that subset and on every malformed construct it meets (tabs, anchors, aliases, tags, directives, document markers,
/// explicit keys, multi-line quoted scalars, unusual escapes, control characters, over-deep nesting), and
/// <see cref="YamlTreeReader"/> then reads the file with YamlDotNet, which reports every YAML error. Where it
/// succeeds it produces the same tree, values, styles and positions as YamlDotNet, which the tests check against
/// YamlDotNet over the real descriptors and thousands of mutated ones.
/// </remarks>
internal sealed class YamlFastReader
{
    // The longest implicit key YAML allows.
    private const int MaxKeyLength = 1024;

    // Plain scalars up to this length are shared within a file, in this many slots (a power of two).
    private const int MaxSharedLength = 24;
    private const int SharedSlots = 256;

    private readonly string _path;
    private readonly string _text;
    private int _pos;
    private int _line;
    private int _lineStart;
    private int _nodes;

    // KeyColonAt's last answer: a key line is asked about up to three times (which node starts here, is the next
    // line a key of this mapping, where does the key end).
    private int _keyQueryPosition = -1;
    private int _keyQueryAnswer;

    private readonly string?[] _shared = new string?[SharedSlots];

    // The entries and items of the collections being read, innermost last: a collection takes its own off the top
    // into a list of exactly its size, so no list grows (and copies) entry by entry.
    private readonly List<KeyValuePair<YamlScalar, YamlNode>> _entries = new();
    private readonly List<YamlNode> _items = new();

    private YamlFastReader(string path, string text)
    {
        _path = path;
        _text = text;
    }

    private static List<T> Take<T>(List<T> stack, int start)
    {
        var count = stack.Count - start;
        var taken = new List<T>(count);
        for (var i = start; i < stack.Count; i++)
        {
            taken.Add(stack[i]);
        }

        stack.RemoveRange(start, count);
        return taken;
    }

    /// <summary>Reads <paramref name="text"/>, or answers <see langword="null"/> when YamlDotNet must read it.</summary>
    public static YamlNode? TryRead(string path, string text)
    {
        if (!IsPlainText(text))
        {
            return null;
        }

        var reader = new YamlFastReader(path, text);
        if (!reader.SkipToContent() || reader.AtDocumentMarker())
        {
            return null;
        }

        var root = reader.ParseBlockNode(-1, 0);

        // The root must be a collection and must be the whole document.
        return root is YamlScalar || reader._pos < text.Length ? null : root;
    }

    /// <summary>
    /// Whether every character is one the fast path handles: printable, no tab (YamlDotNet's rules for tabs in
    /// indentation and separation are subtle), no byte-order mark and no line break other than LF and CRLF.
    /// </summary>
    private static bool IsPlainText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((uint)(c - 0x20) < 0x5F)
            {
                continue;
            }

            if (c == '\n')
            {
                continue;
            }

            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    continue;
                }

                return false;
            }

            if (c < 0xA0 || c is '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF')
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return false;
            }

            if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    private int Column => _pos - _lineStart;

    private bool AtEnd => _pos >= _text.Length;

    private char Current => _text[_pos];

    // The node below the cursor, whose first character is at the cursor on a content line.
    private YamlNode? ParseBlockNode(int parentIndent, int depth)
    {
        if (depth > YamlTreeReader.MaxDepth)
        {
            return null;
        }

        var indent = Column;
        if (Current == '-' && IsBlankAt(_pos + 1))
        {
            return ParseBlockSequence(indent, depth);
        }

        if (KeyColonAt() >= 0)
        {
            return ParseBlockMapping(indent, depth);
        }

        // A scalar on a line of its own below its key ("key:\n  value") is legal YAML but not the descriptors' style.
        return Current is '{' or '[' ? ParseInlineValue(parentIndent, depth) : null;
    }

    private YamlMapping? ParseBlockMapping(int indent, int depth)
    {
        if (depth > YamlTreeReader.MaxDepth || !CountNode())
        {
            return null;
        }

        var location = PointHere();
        var start = _entries.Count;
        while (true)
        {
            var key = ParseKey();
            if (key is null)
            {
                return null;
            }

            // The cursor is just after the colon.
            var afterColon = _pos;
            SkipSpaces();
            YamlNode? value;
            if (AtLineEnd() || IsCommentStart())
            {
                var empty = Point(afterColon);
                if (!SkipToContent())
                {
                    value = EmptyScalar(empty);
                }
                else if (Column > indent)
                {
                    value = ParseBlockNode(indent, depth + 1);
                }
                else if (Column == indent && Current == '-' && IsBlankAt(_pos + 1))
                {
                    // A sequence at its key's indentation ("key:\n- a"): it ends at the next key of this mapping.
                    value = ParseBlockSequence(indent, depth + 1, indentless: true);
                }
                else
                {
                    value = EmptyScalar(empty);
                }
            }
            else
            {
                value = ParseInlineValue(indent, depth + 1);
            }

            if (value is null)
            {
                return null;
            }

            _entries.Add(new KeyValuePair<YamlScalar, YamlNode>(key, value));
            if (AtEnd || Column < indent)
            {
                return new YamlMapping(location, Take(_entries, start));
            }

            if (Column > indent || KeyColonAt() < 0 || AtDocumentMarker())
            {
                return null;
            }
        }
    }

    private YamlSequence? ParseBlockSequence(int indent, int depth, bool indentless = false)
    {
        if (depth > YamlTreeReader.MaxDepth || !CountNode())
        {
            return null;
        }

        // YamlDotNet marks a sequence at its key's indentation by its first dash, other block sequences by a point.
        var location = indentless ? Span(_pos, _pos + 1) : PointHere();
        var start = _items.Count;
        while (true)
        {
            _pos++;
            var afterDash = _pos;
            SkipSpaces();
            YamlNode? item;
            if (AtLineEnd() || IsCommentStart())
            {
                var empty = Point(afterDash);
                if (!SkipToContent())
                {
                    item = EmptyScalar(empty);
                }
                else if (Column > indent)
                {
                    item = ParseBlockNode(indent, depth + 1);
                }
                else
                {
                    item = EmptyScalar(empty);
                }
            }
            else if (Current == '-' && IsBlankAt(_pos + 1))
            {
                // "- - a": a sequence in a sequence on one line.
                return null;
            }
            else if (KeyColonAt() >= 0)
            {
                // "- name: a" starts a mapping whose keys line up with "name".
                item = ParseBlockMapping(Column, depth + 1);
            }
            else
            {
                item = ParseInlineValue(indent, depth + 1);
            }

            if (item is null)
            {
                return null;
            }

            _items.Add(item);
            if (AtEnd || Column < indent || (indentless && Column == indent && !(Current == '-' && IsBlankAt(_pos + 1))))
            {
                return new YamlSequence(location, Take(_items, start));
            }

            if (Column > indent || Current != '-' || !IsBlankAt(_pos + 1) || AtDocumentMarker())
            {
                return null;
            }
        }
    }

    // A value that starts on its key's or dash's line. Leaves the cursor on the next content line (or at the end).
    private YamlNode? ParseInlineValue(int parentIndent, int depth)
    {
        if (depth > YamlTreeReader.MaxDepth)
        {
            return null;
        }

        YamlNode? value;
        switch (Current)
        {
            case '"':
                value = ParseDoubleQuoted();
                break;
            case '\'':
                value = ParseSingleQuoted();
                break;
            case '{':
            case '[':
                value = ParseFlowCollection(parentIndent, depth);
                break;
            case '|':
            case '>':
                // A block scalar ends on the next content line itself.
                return ParseBlockScalar(parentIndent);
            default:
                value = StartsPlain(inFlow: false) ? ParseBlockPlain(parentIndent) : null;
                break;
        }

        return value is not null && FinishLine() ? value : null;
    }

    private YamlScalar? ParseKey()
    {
        var colon = KeyColonAt();
        if (colon < 0 || colon - _pos > MaxKeyLength)
        {
            return null;
        }

        var start = _pos;
        YamlScalar key;
        if (Current is '"' or '\'')
        {
            var quoted = Current == '"' ? ParseDoubleQuoted() : ParseSingleQuoted();
            if (quoted is null || _pos != colon)
            {
                return null;
            }

            key = quoted;
        }
        else
        {
            if (!CountNode())
            {
                return null;
            }

            var end = colon;
            while (end > start && _text[end - 1] == ' ')
            {
                end--;
            }

            key = new YamlScalar(Span(start, end), Text(start, end), isPlain: true);
        }

        _pos = colon + 1;
        return key;
    }

    /// <summary>
    /// Where the colon of a key at the cursor is (a key on one line, followed by ": " or a colon at the line's end),
    /// or -1 when the line does not start with such a key.
    /// </summary>
    /// <summary>
    /// The text of a plain scalar. Short ones repeat all through a descriptor (type, description, string, int64):
    /// each is made once per file and shared, a third of the scalars' strings at the benchmark's sizes.
    /// </summary>
    private string Text(int start, int end)
    {
        var length = end - start;
        if (length == 0)
        {
            return string.Empty;
        }

        if (length > MaxSharedLength)
        {
            return _text.Substring(start, length);
        }

        var slot = (length * 31 + _text[start] * 7 + _text[end - 1]) & (SharedSlots - 1);
        var shared = _shared[slot];
        if (shared is not null && shared.Length == length && string.CompareOrdinal(_text, start, shared, 0, length) == 0)
        {
            return shared;
        }

        return _shared[slot] = _text.Substring(start, length);
    }

    private int KeyColonAt()
    {
        if (_keyQueryPosition != _pos)
        {
            _keyQueryAnswer = FindKeyColon();
            _keyQueryPosition = _pos;
        }

        return _keyQueryAnswer;
    }

    private int FindKeyColon()
    {
        var i = _pos;
        var c = _text[i];
        if (c is '"' or '\'')
        {
            // A quoted key: its closing quote on this line, then the colon.
            i++;
            while (i < _text.Length && _text[i] is not ('\n' or '\r'))
            {
                if (_text[i] == c)
                {
                    if (c == '\'' && i + 1 < _text.Length && _text[i + 1] == '\'')
                    {
                        i += 2;
                        continue;
                    }

                    return i + 1 < _text.Length && _text[i + 1] == ':' && IsBlankAt(i + 2) ? i + 1 : -1;
                }

                i += c == '"' && _text[i] == '\\' ? 2 : 1;
            }

            return -1;
        }

        if (!StartsPlain(inFlow: false))
        {
            return -1;
        }

        for (; i < _text.Length; i++)
        {
            c = _text[i];
            if (c is '\n' or '\r' || (c == '#' && _text[i - 1] == ' '))
            {
                return -1;
            }

            if (c == ':' && IsBlankAt(i + 1))
            {
                return i;
            }
        }

        return -1;
    }

    // A plain scalar in block context: its first line, then any lines below indented deeper than its parent block,
    // folded as YAML folds them (one line break becomes a space, each empty line a line break). A comment ends it.
    private YamlScalar? ParseBlockPlain(int parentIndent)
    {
        if (!CountNode())
        {
            return null;
        }

        var start = _pos;
        var startLine = _line;
        var startColumn = Column;
        if (!ScanPlainLine(out var end, out var endedByComment))
        {
            return null;
        }

        StringBuilder? folded = null;
        var lastEnd = end;
        var lastLine = _line;
        var lastLineStart = _lineStart;
        while (!endedByComment)
        {
            // Look past the line end for a continuation line; empty lines in between are kept as line breaks.
            _pos = lastEnd;
            SkipSpaces();
            if (AtEnd || !AtLineEnd())
            {
                break;
            }

            var emptyLines = 0;
            var continues = false;
            while (true)
            {
                NewLine();
                SkipSpaces();
                if (AtEnd)
                {
                    break;
                }

                if (AtLineEnd())
                {
                    emptyLines++;
                    continue;
                }

                // A line indented no deeper than the parent, or a comment line, ends the scalar; a line that starts
                // like an indicator is left to YamlDotNet.
                if (Column <= parentIndent || Current == '#')
                {
                    break;
                }

                if (!StartsPlain(inFlow: false) || Current == '-')
                {
                    return null;
                }

                continues = true;
                break;
            }

            if (!continues)
            {
                break;
            }

            var lineStart = _pos;
            if (!ScanPlainLine(out var lineEnd, out endedByComment))
            {
                return null;
            }

            folded ??= new StringBuilder().Append(_text, start, end - start);
            if (emptyLines == 0)
            {
                folded.Append(' ');
            }
            else
            {
                folded.Append('\n', emptyLines);
            }

            folded.Append(_text, lineStart, lineEnd - lineStart);
            lastEnd = lineEnd;
            lastLine = _line;
            lastLineStart = _lineStart;
        }

        // Back to the end of the scalar's last text, on its line, for the caller's end-of-line check.
        _pos = lastEnd;
        _line = lastLine;
        _lineStart = lastLineStart;
        var location = new LocationInfo(_path, start, lastEnd - start, startLine, startColumn, lastLine, lastEnd - lastLineStart);
        return new YamlScalar(location, folded is null ? Text(start, end) : folded.ToString(), isPlain: true);
    }

    /// <summary>
    /// Scans one line of a plain scalar from the cursor: <paramref name="end"/> is after its last non-space
    /// character, and the cursor stops at the line's end or at a comment. False on ": ", which YAML refuses there.
    /// </summary>
    private bool ScanPlainLine(out int end, out bool endedByComment)
    {
        end = _pos;
        endedByComment = false;
        while (!AtLineEnd())
        {
            var c = Current;
            if (c == '#' && _text[_pos - 1] == ' ')
            {
                endedByComment = true;
                break;
            }

            if (c == ':' && IsBlankAt(_pos + 1))
            {
                // "key: a: b" is an error; YamlDotNet says so.
                return false;
            }

            _pos++;
            if (c != ' ')
            {
                end = _pos;
            }
        }

        return true;
    }

    // A plain scalar in a flow collection: it also ends at a flow indicator, and must not continue on the next line.
    private YamlScalar? ParseFlowPlain()
    {
        if (!CountNode())
        {
            return null;
        }

        var start = _pos;
        var end = start;
        while (!AtLineEnd())
        {
            var c = Current;
            if (c is ',' or '[' or ']' or '{' or '}' || (c == '#' && _text[_pos - 1] == ' '))
            {
                break;
            }

            if (c == ':' && (IsBlankAt(_pos + 1) || _text[_pos + 1] is ',' or '[' or ']' or '{' or '}'))
            {
                break;
            }

            _pos++;
            if (c != ' ')
            {
                end = _pos;
            }
        }

        _pos = end;
        return new YamlScalar(Span(start, end), Text(start, end), isPlain: true);
    }

    private YamlScalar? ParseDoubleQuoted()
    {
        if (!CountNode())
        {
            return null;
        }

        var start = _pos;
        _pos++;
        StringBuilder? escaped = null;
        var runStart = _pos;
        while (true)
        {
            if (AtLineEnd())
            {
                // A quoted scalar over several lines folds its line breaks; YamlDotNet reads those.
                return null;
            }

            var c = Current;
            if (c == '"')
            {
                break;
            }

            if (c != '\\')
            {
                _pos++;
                continue;
            }

            escaped ??= new StringBuilder();
            escaped.Append(_text, runStart, _pos - runStart);
            if (_pos + 1 >= _text.Length)
            {
                return null;
            }

            var e = _text[_pos + 1];
            _pos += 2;
            switch (e)
            {
                case '"': escaped.Append('"'); break;
                case '\\': escaped.Append('\\'); break;
                case '/': escaped.Append('/'); break;
                case 'n': escaped.Append('\n'); break;
                case 't': escaped.Append('\t'); break;
                case 'r': escaped.Append('\r'); break;
                case 'b': escaped.Append('\b'); break;
                case 'f': escaped.Append('\f'); break;
                case '0': escaped.Append('\0'); break;
                case 'u':
                    if (!TryReadHex4(_pos, out var code) || char.IsSurrogate(code))
                    {
                        return null;
                    }

                    escaped.Append(code);
                    _pos += 4;
                    break;
                default:
                    return null;
            }

            runStart = _pos;
        }

        string value;
        if (escaped is null)
        {
            value = _text.Substring(start + 1, _pos - start - 1);
        }
        else
        {
            value = escaped.Append(_text, runStart, _pos - runStart).ToString();
        }

        _pos++;
        return new YamlScalar(Span(start, _pos), value, isPlain: false);
    }

    private YamlScalar? ParseSingleQuoted()
    {
        if (!CountNode())
        {
            return null;
        }

        var start = _pos;
        _pos++;
        StringBuilder? unescaped = null;
        var runStart = _pos;
        while (true)
        {
            if (AtLineEnd())
            {
                return null;
            }

            if (Current != '\'')
            {
                _pos++;
                continue;
            }

            if (_pos + 1 < _text.Length && _text[_pos + 1] == '\'')
            {
                unescaped ??= new StringBuilder();
                unescaped.Append(_text, runStart, _pos - runStart + 1);
                _pos += 2;
                runStart = _pos;
                continue;
            }

            break;
        }

        var value = unescaped is null
            ? _text.Substring(start + 1, _pos - start - 1)
            : unescaped.Append(_text, runStart, _pos - runStart).ToString();
        _pos++;
        return new YamlScalar(Span(start, _pos), value, isPlain: false);
    }

    private YamlNode? ParseFlowCollection(int parentIndent, int depth)
    {
        if (depth > YamlTreeReader.MaxDepth || !CountNode())
        {
            return null;
        }

        var location = PointHere();
        var isMapping = Current == '{';
        var close = isMapping ? '}' : ']';
        _pos++;
        if (!SkipFlowSpace(parentIndent))
        {
            return null;
        }

        var start = isMapping ? _entries.Count : _items.Count;
        if (Current == close)
        {
            _pos++;
            return isMapping ? new YamlMapping(location, new List<KeyValuePair<YamlScalar, YamlNode>>(0)) : new YamlSequence(location, new List<YamlNode>(0));
        }

        while (true)
        {
            YamlScalar? key = null;
            if (isMapping)
            {
                key = Current switch
                {
                    '"' => ParseDoubleQuoted(),
                    '\'' => ParseSingleQuoted(),
                    _ => StartsPlain(inFlow: true) ? ParseFlowPlain() : null,
                };

                // "key: value", the colon right after the key and a space or line end after it.
                if (key is null || AtEnd || Current != ':' || !IsBlankAt(_pos + 1))
                {
                    return null;
                }

                _pos++;
                if (!SkipFlowSpace(parentIndent))
                {
                    return null;
                }
            }

            var value = ParseFlowNode(parentIndent, depth + 1);
            if (value is null || !SkipFlowSpace(parentIndent))
            {
                return null;
            }

            if (isMapping)
            {
                _entries.Add(new KeyValuePair<YamlScalar, YamlNode>(key!, value));
            }
            else
            {
                _items.Add(value);
            }

            if (Current == close)
            {
                _pos++;
                return isMapping ? new YamlMapping(location, Take(_entries, start)) : new YamlSequence(location, Take(_items, start));
            }

            // A comma, then another entry (a trailing comma is left to YamlDotNet).
            if (Current != ',')
            {
                return null;
            }

            _pos++;
            if (!SkipFlowSpace(parentIndent) || Current is ',' or ']' or '}')
            {
                return null;
            }
        }
    }

    private YamlNode? ParseFlowNode(int parentIndent, int depth)
    {
        switch (Current)
        {
            case '{':
            case '[':
                return ParseFlowCollection(parentIndent, depth);
            case '"':
                return ParseDoubleQuoted();
            case '\'':
                return ParseSingleQuoted();
            default:
                return StartsPlain(inFlow: true) ? ParseFlowPlain() : null;
        }
    }

    /// <summary>
    /// Skips spaces, comments and line breaks inside a flow collection. A continuation line must be indented
    /// deeper than the block the collection sits in. False at the end of the text or on a bad continuation line.
    /// </summary>
    private bool SkipFlowSpace(int parentIndent)
    {
        while (SkipToLineBreak())
        {
            NewLine();
            SkipSpaces();

            // Column 0 is never a continuation, so a document marker cannot hide in a flow collection.
            if (AtEnd || (!AtLineEnd() && Column <= System.Math.Max(parentIndent, 0)))
            {
                return false;
            }
        }

        return !AtEnd;
    }

    // "|" or ">" with an optional chomping indicator; the text on the lines below, indented deeper than the parent.
    private YamlScalar? ParseBlockScalar(int parentIndent)
    {
        if (!CountNode())
        {
            return null;
        }

        var start = _pos;
        var startLine = _line;
        var startColumn = Column;
        var literal = Current == '|';
        _pos++;
        var chomping = 'c';
        if (!AtEnd && Current is '-' or '+')
        {
            chomping = Current;
            _pos++;
        }

        // An indentation indicator ("|2") or anything else after the header is left to YamlDotNet.
        if (!IsBlankAt(_pos))
        {
            return null;
        }

        SkipSpaces();
        if (IsCommentStart())
        {
            SkipToLineEnd();
        }

        if (AtEnd || !AtLineEnd())
        {
            return null;
        }

        NewLine();

        // The first non-empty line sets the indentation.
        var contentIndent = -1;
        var maxLeadingSpaces = 0;
        for (var probe = _pos; probe < _text.Length;)
        {
            var spaces = 0;
            while (probe + spaces < _text.Length && _text[probe + spaces] == ' ')
            {
                spaces++;
            }

            var at = probe + spaces;
            if (at < _text.Length && _text[at] is not ('\n' or '\r'))
            {
                contentIndent = spaces;
                break;
            }

            maxLeadingSpaces = System.Math.Max(maxLeadingSpaces, spaces);
            probe = at >= _text.Length ? at : at + (_text[at] == '\r' ? 2 : 1);
        }

        if (contentIndent <= parentIndent || contentIndent <= 0 || maxLeadingSpaces > 0)
        {
            // An empty block scalar, or leading lines of spaces (YamlDotNet refuses some of those).
            return null;
        }

        var value = new StringBuilder();
        var pendingBreaks = 0;
        var hasContent = false;
        var endIndex = _pos;
        var endLine = _line;
        while (!AtEnd)
        {
            var lineStart = _pos;
            var spaces = 0;
            while (spaces < contentIndent && !AtEnd && Current == ' ')
            {
                _pos++;
                spaces++;
            }

            if (AtLineEnd())
            {
                // An empty (or spaces-only) line inside or after the text. At the very end, without a final line
                // break, YamlDotNet's positions differ.
                if (AtEnd)
                {
                    return null;
                }

                pendingBreaks++;
                SkipToLineEnd();
                NewLine();
                endIndex = _pos;
                endLine = _line;
                continue;
            }

            if (spaces < contentIndent)
            {
                _pos = lineStart;
                break;
            }

            var textStart = _pos;
            if (Current == ' ' && (!literal || IsSpacesToLineEnd()))
            {
                // A more-indented line in a folded scalar keeps its breaks, and a line of spaces deeper than the
                // text may be text or an empty line: YamlDotNet's rules apply to both.
                return null;
            }

            SkipToLineEnd();
            if (hasContent)
            {
                if (literal)
                {
                    value.Append('\n', pendingBreaks + 1);
                }
                else if (pendingBreaks == 0)
                {
                    value.Append(' ');
                }
                else
                {
                    value.Append('\n', pendingBreaks);
                }
            }
            else
            {
                // Empty lines before the first line of text are kept as line breaks, in both styles.
                value.Append('\n', pendingBreaks);
            }

            value.Append(_text, textStart, _pos - textStart);
            hasContent = true;
            pendingBreaks = 0;
            if (AtEnd)
            {
                // The text ends without a final line break.
                return null;
            }

            NewLine();
            endIndex = _pos;
            endLine = _line;
        }

        if (!hasContent)
        {
            return null;
        }

        switch (chomping)
        {
            case 'c':
                value.Append('\n');
                break;
            case '+':
                value.Append('\n', pendingBreaks + 1);
                break;
        }

        // The scalar ends at the start of the first line after it; comments and blank lines follow.
        var location = new LocationInfo(_path, start, endIndex - start, startLine, startColumn, endLine, 0);
        SkipToContent();
        return new YamlScalar(location, value.ToString(), isPlain: false);
    }

    /// <summary>After a value: only spaces and a comment may follow on its line; then on to the next content line.</summary>
    private bool FinishLine()
    {
        SkipSpaces();
        if (IsCommentStart())
        {
            SkipToLineEnd();
        }

        if (!AtLineEnd())
        {
            return false;
        }

        SkipToContent();
        return true;
    }

    /// <summary>
    /// Moves from anywhere on a line that holds nothing more than spaces and a comment to the first character of
    /// the next line with content. False at the end of the text.
    /// </summary>
    private bool SkipToContent()
    {
        while (SkipToLineBreak())
        {
            NewLine();
        }

        return !AtEnd;
    }

    /// <summary>Skips spaces and a comment on this line; true when a line break follows, false at content or the end of the text.</summary>
    private bool SkipToLineBreak()
    {
        SkipSpaces();
        if (IsCommentStart())
        {
            SkipToLineEnd();
        }

        return !AtEnd && AtLineEnd();
    }

    private bool StartsPlain(bool inFlow)
    {
        var c = Current;
        switch (c)
        {
            case ',':
            case '[':
            case ']':
            case '{':
            case '}':
            case '#':
            case '&':
            case '*':
            case '!':
            case '|':
            case '>':
            case '\'':
            case '"':
            case '%':
            case '@':
            case '`':
                return false;
            case '?':
            case ':':
                // In a flow collection YamlDotNet takes these as indicators even before a letter.
                return !inFlow && !IsBlankAt(_pos + 1);
            case '-':
                // "-1" is plain; "- " is an indicator, and in a flow collection "-," too.
                var next = _pos + 1 < _text.Length ? _text[_pos + 1] : '\n';
                return !(next is ' ' or '\n' or '\r' || (inFlow && next is ',' or '[' or ']' or '{' or '}'));
            default:
                return true;
        }
    }

    private bool AtDocumentMarker() =>
        Column == 0 && _pos + 2 < _text.Length &&
        ((_text[_pos] == '-' && _text[_pos + 1] == '-' && _text[_pos + 2] == '-') ||
         (_text[_pos] == '.' && _text[_pos + 1] == '.' && _text[_pos + 2] == '.')) &&
        IsBlankAt(_pos + 3);

    private bool IsSpacesToLineEnd()
    {
        var i = _pos;
        while (i < _text.Length && _text[i] == ' ')
        {
            i++;
        }

        return i >= _text.Length || _text[i] is '\n' or '\r';
    }

    private bool IsBlankAt(int index) =>
        index >= _text.Length || _text[index] is ' ' or '\n' or '\r';

    private bool AtLineEnd() => _pos >= _text.Length || _text[_pos] is '\n' or '\r';

    // A comment starts at a line's first character or after a space.
    private bool IsCommentStart() => !AtEnd && Current == '#' && (_pos == _lineStart || _text[_pos - 1] == ' ');

    private void SkipSpaces()
    {
        while (_pos < _text.Length && _text[_pos] == ' ')
        {
            _pos++;
        }
    }

    private void SkipToLineEnd()
    {
        while (_pos < _text.Length && _text[_pos] is not ('\n' or '\r'))
        {
            _pos++;
        }
    }

    // At a line end (LF or CRLF; IsPlainText allows no lone CR): on to the next line's start.
    private void NewLine()
    {
        _pos += _text[_pos] == '\r' ? 2 : 1;
        _line++;
        _lineStart = _pos;
    }

    private bool CountNode() => ++_nodes <= YamlTreeReader.MaxNodes;

    private bool TryReadHex4(int index, out char value)
    {
        value = '\0';
        if (index + 4 > _text.Length)
        {
            return false;
        }

        var code = 0;
        for (var i = index; i < index + 4; i++)
        {
            var c = _text[i];
            var digit = c >= '0' && c <= '9' ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                : -1;
            if (digit < 0)
            {
                return false;
            }

            code = (code * 16) + digit;
        }

        value = (char)code;
        return true;
    }

    private YamlScalar EmptyScalar(LocationInfo location)
    {
        _nodes++;
        return new YamlScalar(location, string.Empty, isPlain: true);
    }

    // A span on the current line, as YamlTreeReader turns YamlDotNet's marks into locations.
    private LocationInfo Span(int start, int end) =>
        new(_path, start, end - start, _line, start - _lineStart, _line, end - _lineStart);

    private LocationInfo PointHere() => Point(_pos);

    // A zero-width position on the current line.
    private LocationInfo Point(int index) =>
        new(_path, index, 0, _line, index - _lineStart, _line, index - _lineStart);
}
