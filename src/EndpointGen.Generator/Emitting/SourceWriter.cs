using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace EndpointGen.Generator.Emitting;

/// <summary>
/// An indenting text writer for generated C#, written to read like its output: raw-string templates for fixed
/// blocks, and interpolated lines whose pieces append in place. Newlines are always '\n', so output is
/// byte-identical on every OS.
/// </summary>
/// <remarks>
/// <para>
/// Indentation is written lazily, before the first character of each line, so a multi-line template indents every
/// line to the current level and blank lines stay empty. A hole of an interpolated line is a string (code the
/// emitter composed), a number, or an <see cref="ISourcePiece"/> that writes itself (a string literal, escaped doc
/// text, a type name): <see cref="LineHandler"/> appends each without an intermediate string.
/// </para>
/// <para>
/// Generated code is ASCII but for descriptions, so the text is written as one byte per character and reaches the
/// compiler as an <see cref="AsciiSourceText"/>: half the memory the driver keeps, half what the collector moves
/// (docs/performance.md). The first character above U+007F moves what was written into a
/// <see cref="StringBuilder"/>, which takes the rest, and the file reaches the compiler as a string.
/// </para>
/// </remarks>
internal sealed class SourceWriter
{
    // One buffer per thread, reused from file to file: a fresh one per file grows to tens of thousands of bytes
    // each time, which was a fifth of a cold run's allocations (docs/performance.md).
    [ThreadStatic]
    private static byte[]? t_cachedBuffer;

    private const int CachedCapacityLimit = 1 << 21;

    // Longer pieces go through the runtime's vectorized UTF-8 encoder; shorter ones are copied one by one.
    private const int EncoderThreshold = 32;

    private static readonly char[] s_lineEnds = { '\n', '\r' };

    private byte[]? _ascii;
    private int _length;
    private StringBuilder? _wide;
    private SourceText? _result;
    private int _indent;
    private bool _atLineStart = true;
    private readonly bool _ownBuffer;

    /// <summary>
    /// Whether a descriptor's <c>date</c> is a <c>System.DateOnly</c> (the compilation has it) rather than a
    /// <c>System.DateTime</c>: the one compilation fact the type names depend on, carried by the writer every piece gets.
    /// </summary>
    public bool DateOnly { get; init; }

    public SourceWriter()
    {
        _ascii = t_cachedBuffer ?? new byte[64 * 1024];
        t_cachedBuffer = null;
    }

    // A writer of its own for one short piece of text, leaving the thread's buffer to the file being written.
    private SourceWriter(int capacity)
    {
        _ascii = new byte[capacity];
        _ownBuffer = true;
    }

    /// <summary>Ends the current line, or writes an empty one.</summary>
    public void WriteLine() => PutLineBreak();

    /// <summary>Writes text and ends the line; text of several lines (a raw-string template) is indented line by line.</summary>
    public void WriteLine(string text)
    {
        Write(text);
        PutLineBreak();
    }

    /// <summary>Writes an interpolated line, its pieces appended in place, and ends the line.</summary>
    public void WriteLine([InterpolatedStringHandlerArgument("")] ref LineHandler text) => PutLineBreak();

    /// <summary>Writes text without ending the line; its line breaks start indented lines.</summary>
    public void Write(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOfAny(s_lineEnds, start);
            if (end < 0)
            {
                PutCode(text, start, text.Length - start);
                return;
            }

            PutCode(text, start, end - start);

            // A template's line ends are its source file's; the output has '\n' alone.
            if (text[end] == '\n')
            {
                PutLineBreak();
            }

            start = end + 1;
        }
    }

    /// <summary>Writes an interpolated piece of a line without ending it.</summary>
    public void Write([InterpolatedStringHandlerArgument("")] ref LineHandler text)
    {
    }

    /// <summary>Writes a block's header line and its opening brace, and indents what follows.</summary>
    public void OpenBlock(string header)
    {
        WriteLine(header);
        OpenBlock();
    }

    /// <summary>Writes an interpolated header line and its opening brace, and indents what follows.</summary>
    public void OpenBlock([InterpolatedStringHandlerArgument("")] ref LineHandler header)
    {
        PutLineBreak();
        OpenBlock();
    }

    /// <summary>Opens a block whose header is written already (a constructor initializer, say).</summary>
    public void OpenBlock()
    {
        WriteLine("{");
        _indent++;
    }

    /// <summary>Indents what follows by one level, for a block a template opened.</summary>
    public void Indent() => _indent++;

    /// <summary>Takes one level of indentation back, for a block a template closes.</summary>
    public void Unindent() => _indent--;

    /// <summary>Closes the innermost block; <paramref name="suffix"/> follows the brace (<c>;</c> after an initializer).</summary>
    public void CloseBlock(string suffix = "")
    {
        _indent--;
        Put('}');
        Write(suffix);
        PutLineBreak();
    }

    /// <summary>XML doc lines from free text: escaped, one <c>///</c> line per text line; nothing for blank text.</summary>
    /// <remarks>
    /// Written straight into the buffer: splitting, trimming and escaping here cost no intermediate strings. A line
    /// ends at every character C# reads as a line end (see <see cref="Code.DocText"/>), and lines are trimmed as
    /// <see cref="string.Trim()"/> trims the escaped text.
    /// </remarks>
    public void Doc(string tag, string? text, string? attributes = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var value = text!;
        Write("/// <");
        Write(tag);
        if (attributes is not null)
        {
            Put(' ');
            Write(attributes);
        }

        Put('>');
        var firstBreak = NextLineBreak(value, 0);
        if (firstBreak < 0)
        {
            AppendEscapedTrimmed(value, 0, value.Length);
            Write("</");
            Write(tag);
            Put('>');
            PutLineBreak();
            return;
        }

        PutLineBreak();
        var start = 0;
        while (true)
        {
            var end = NextLineBreak(value, start);
            var lineEnd = end < 0 ? value.Length : end;
            Write("/// ");
            if (!AppendEscapedTrimmed(value, start, lineEnd))
            {
                Write("<para/>");
            }

            PutLineBreak();
            if (end < 0)
            {
                break;
            }

            start = end + (value[end] == '\r' && end + 1 < value.Length && value[end + 1] == '\n' ? 2 : 1);
        }

        Write("/// </");
        Write(tag);
        Put('>');
        PutLineBreak();
    }

    /// <summary>Appends <paramref name="value"/> as a C# string literal.</summary>
    internal void WriteLiteral(string value)
    {
        Put('"');
        var plain = true;
        foreach (var c in value)
        {
            if (c is '"' or '\\' || c < 0x20 || (c >= 0x7F && c <= 0x9F) || c >= 0xD800 || c is '\u2028' or '\u2029' || IsFormat(c))
            {
                plain = false;
                break;
            }
        }

        if (plain)
        {
            PutCode(value, 0, value.Length);
            Put('"');
            return;
        }

        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    Put('\\');
                    Put('"');
                    break;
                case '\\':
                    Put('\\');
                    Put('\\');
                    break;
                case '\n':
                    Put('\\');
                    Put('n');
                    break;
                case '\r':
                    Put('\\');
                    Put('r');
                    break;
                case '\t':
                    Put('\\');
                    Put('t');
                    break;
                default:
                    // Format characters too: invisible, and the bidirectional ones reorder how the line reads (Trojan source).
                    if (char.IsControl(c) || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029' || c == '\u0085' || IsFormat(c))
                    {
                        Put('\\');
                        Put('u');
                        Write(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        Put(c);
                    }

                    break;
            }
        }

        Put('"');
    }

    /// <summary>
    /// Appends text escaped for use inside one XML doc comment line (a name, a path, an example). Every character C#
    /// reads as a line end becomes a space: a stray U+2028 in a JSON name must not end the comment and turn the rest
    /// into code. Characters XML does not allow (controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD, and invisible
    /// format characters (U+200B, the bidirectional controls) a visible <c>\uXXXX</c>. Free text that may hold several
    /// lines goes through <see cref="Doc"/>, which keeps its lines.
    /// </summary>
    internal void WriteDocText(string text) => AppendEscaped(text, 0, text.Length);

    /// <summary>The text written, for the compiler; the writer is finished after this and its buffer goes back to the thread's cache.</summary>
    public SourceText ToSourceText()
    {
        if (_result is null)
        {
            if (_wide is null)
            {
                var bytes = new byte[_length];
                Buffer.BlockCopy(Ascii, 0, bytes, 0, _length);
                Finish(new AsciiSourceText(bytes));
            }
            else
            {
                Finish(SourceText.From(_wide.ToString(), Encoding.UTF8));
            }
        }

        return _result!;
    }

    /// <summary>The text written, as a string (decoded once, no intermediate copy); the writer is finished after this.</summary>
    public override string ToString()
    {
        if (_result is null)
        {
            Finish(SourceText.From(_wide?.ToString() ?? Encoding.ASCII.GetString(Ascii, 0, _length), Encoding.UTF8));
        }

        return _result!.ToString();
    }

    /// <summary>A piece written to a string of its own, for a model value (a message) rather than a file.</summary>
    internal static string Render<T>(T piece)
        where T : struct, ISourcePiece
    {
        var writer = new SourceWriter(64);
        piece.WriteTo(writer);
        return writer.ToString();
    }

    private void Finish(SourceText result)
    {
        var buffer = Ascii;
        _result = result;
        _wide = null;
        _ascii = null;
        if (buffer.Length <= CachedCapacityLimit && !_ownBuffer)
        {
            t_cachedBuffer = buffer;
        }
    }

    private byte[] Ascii => _ascii ?? throw new InvalidOperationException("The writer's text was already taken.");

    private void PutLineBreak()
    {
        PutRaw('\n');
        _atLineStart = true;
    }

    private void PutIndent()
    {
        _atLineStart = false;
        var count = _indent * 4;
        if (count == 0)
        {
            return;
        }

        if (_wide is not null)
        {
            _wide.Append(' ', count);
            return;
        }

        var buffer = Ascii;
        if (buffer.Length - _length < count)
        {
            buffer = Grow(count);
        }

        for (var i = 0; i < count; i++)
        {
            buffer[_length + i] = (byte)' ';
        }

        _length += count;
    }

    /// <summary>Appends one character of a line (never a line break).</summary>
    internal void Put(char c)
    {
        if (_atLineStart)
        {
            PutIndent();
        }

        PutRaw(c);
    }

    private void PutRaw(char c)
    {
        if (_wide is not null)
        {
            _wide.Append(c);
            return;
        }

        if (c >= 0x80)
        {
            Widen().Append(c);
            return;
        }

        var buffer = Ascii;
        if (_length == buffer.Length)
        {
            buffer = Grow(1);
        }

        buffer[_length++] = (byte)c;
    }

    /// <summary>Appends text[start..start+count), which holds no line break.</summary>
    private void PutCode(string text, int start, int count)
    {
        if (count == 0)
        {
            return;
        }

        if (_atLineStart)
        {
            PutIndent();
        }

        if (_wide is not null)
        {
            _wide.Append(text, start, count);
            return;
        }

        var buffer = Ascii;
        if (count >= EncoderThreshold)
        {
            // The encoder writes as many bytes as characters exactly when every character is ASCII.
            if (buffer.Length - _length < count * 3)
            {
                buffer = Grow(count * 3);
            }

            if (Encoding.UTF8.GetBytes(text, start, count, buffer, _length) == count)
            {
                _length += count;
            }
            else
            {
                Widen().Append(text, start, count);
            }

            return;
        }

        if (buffer.Length - _length < count)
        {
            buffer = Grow(count);
        }

        var at = _length;
        for (var i = 0; i < count; i++)
        {
            var c = text[start + i];
            if (c >= 0x80)
            {
                _length = at + i;
                Widen().Append(text, start + i, count - i);
                return;
            }

            buffer[at + i] = (byte)c;
        }

        _length = at + count;
    }

    private byte[] Grow(int needed)
    {
        var buffer = Ascii;
        var grown = new byte[Math.Max(buffer.Length * 2, _length + needed)];
        Buffer.BlockCopy(buffer, 0, grown, 0, _length);
        _ascii = grown;
        return grown;
    }

    // The first character above U+007F: what was written moves into a builder, which takes the rest of the file.
    private StringBuilder Widen()
    {
        var buffer = Ascii;
        _wide = new StringBuilder(Math.Max(buffer.Length, 16 * 1024));
        _wide.Append(Encoding.ASCII.GetString(buffer, 0, _length));
        _length = 0;
        return _wide;
    }

    // A format character (category Cf) of the BMP; every one is above U+00AC.
    private static bool IsFormat(char c) => c > '\u00AC' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    private static int NextLineBreak(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] is '\r' or '\n' or '\u2028' or '\u2029' or '\u0085')
            {
                return i;
            }
        }

        return -1;
    }

    // Trim as string.Trim() trims the escaped text: escaping turns a tab into a space and other controls into U+FFFD.
    private static bool IsTrimmed(char c) => c == '\t' || (c >= 0x20 && !(c >= 0x7F && c <= 0x9F) && char.IsWhiteSpace(c));

    /// <summary>Appends text[start..end), trimmed and escaped; false when nothing is left after trimming.</summary>
    private bool AppendEscapedTrimmed(string text, int start, int end)
    {
        while (start < end && IsTrimmed(text[start]))
        {
            start++;
        }

        while (end > start && IsTrimmed(text[end - 1]))
        {
            end--;
        }

        if (start == end)
        {
            return false;
        }

        AppendEscaped(text, start, end);
        return true;
    }

    /// <summary>
    /// Appends text[start..end) escaped for a doc comment line: XML's three specials, every line end (CR LF counts
    /// once) and a tab as a space, characters XML does not allow as U+FFFD, and format characters as <c>\uXXXX</c>
    /// (<c>\U000XXXXX</c> beyond the BMP): a bidirectional control in a comment reorders how the code around it reads.
    /// </summary>
    private void AppendEscaped(string text, int start, int end)
    {
        var plainFrom = start;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            string? replacement;
            var pair = false;
            switch (c)
            {
                case '&':
                    replacement = "&amp;";
                    break;
                case '<':
                    replacement = "&lt;";
                    break;
                case '>':
                    replacement = "&gt;";
                    break;
                case '\r' or '\n' or '\u2028' or '\u2029' or '\u0085' or '\t':
                    replacement = " ";
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1]))
                    {
                        if (CharUnicodeInfo.GetUnicodeCategory(text, i) != UnicodeCategory.Format)
                        {
                            i++;
                            continue;
                        }

                        replacement = "\\U" + char.ConvertToUtf32(c, text[i + 1]).ToString("x8", CultureInfo.InvariantCulture);
                        pair = true;
                        break;
                    }

                    if (char.IsSurrogate(c) || c < 0x20 || c == '\uFFFE' || c == '\uFFFF' || (c >= 0x7F && c <= 0x9F))
                    {
                        replacement = "\uFFFD";
                        break;
                    }

                    if (IsFormat(c))
                    {
                        replacement = "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture);
                        break;
                    }

                    continue;
            }

            PutCode(text, plainFrom, i - plainFrom);
            PutCode(replacement, 0, replacement.Length);
            if (pair || (c == '\r' && i + 1 < end && text[i + 1] == '\n'))
            {
                i++;
            }

            plainFrom = i + 1;
        }

        PutCode(text, plainFrom, end - plainFrom);
    }

    /// <summary>
    /// The interpolated-string handler of <see cref="WriteLine(ref LineHandler)"/> and its siblings: literal parts and
    /// holes go straight into the writer, in order.
    /// </summary>
    [InterpolatedStringHandler]
    internal readonly ref struct LineHandler
    {
        private readonly SourceWriter _writer;

        public LineHandler(int literalLength, int formattedCount, SourceWriter writer)
        {
            _ = literalLength;
            _ = formattedCount;
            _writer = writer;
        }

        public void AppendLiteral(string text) => _writer.Write(text);

        /// <summary>Code the emitter composed: an identifier, a keyword, a type name.</summary>
        public void AppendFormatted(string? code)
        {
            if (code is not null)
            {
                _writer.Write(code);
            }
        }

        public void AppendFormatted(char c) => _writer.Put(c);

        public void AppendFormatted(int value) => _writer.Write(value.ToString(CultureInfo.InvariantCulture));

        public void AppendFormatted<T>(T piece)
            where T : struct, ISourcePiece => piece.WriteTo(_writer);
    }
}

/// <summary>A piece of generated code that writes itself into a <see cref="SourceWriter"/>, in place.</summary>
internal interface ISourcePiece
{
    void WriteTo(SourceWriter writer);
}

/// <summary>The pieces of generated code that need escaping: string literals and doc text.</summary>
internal static class Code
{
    /// <summary>A C# string literal of <paramref name="value"/>.</summary>
    public static StringLiteral Literal(string value) => new(value, utf8: false);

    /// <summary>A C# UTF-8 string literal (<c>"..."u8</c>) of <paramref name="value"/>.</summary>
    public static StringLiteral Utf8Literal(string value) => new(value, utf8: true);

    /// <summary>Text escaped for one XML doc comment line; see <see cref="SourceWriter.WriteDocText"/>.</summary>
    public static EscapedDocText DocText(string value) => new(value);

    /// <summary>A C# string literal.</summary>
    internal readonly struct StringLiteral : ISourcePiece
    {
        private readonly string _value;
        private readonly bool _utf8;

        public StringLiteral(string value, bool utf8)
        {
            _value = value;
            _utf8 = utf8;
        }

        public void WriteTo(SourceWriter writer)
        {
            writer.WriteLiteral(_value);
            if (_utf8)
            {
                writer.Write("u8");
            }
        }
    }

    /// <summary>Text escaped for one doc comment line.</summary>
    internal readonly struct EscapedDocText : ISourcePiece
    {
        private readonly string _value;

        public EscapedDocText(string value) => _value = value;

        public void WriteTo(SourceWriter writer) => writer.WriteDocText(_value);
    }
}
