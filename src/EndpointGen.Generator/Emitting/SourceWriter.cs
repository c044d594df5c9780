using System;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace EndpointGen.Generator.Emitting;

/// <summary>An indenting text writer for generated C#; newlines are always '\n' so output is byte-identical on every OS.</summary>
/// <remarks>
/// Generated code is ASCII but for descriptions, so the text is written as one byte per character and reaches the
/// compiler as an <see cref="AsciiSourceText"/>: half the memory the driver keeps, half what the collector moves
/// (docs/performance.md). The first character above U+007F moves what was written into a
/// <see cref="StringBuilder"/>, which takes the rest, and the file reaches the compiler as a string.
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

    private byte[]? _ascii;
    private int _length;
    private StringBuilder? _wide;
    private SourceText? _result;
    private int _indent;
    private readonly bool _ownBuffer;

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

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            Put(' ', _indent * 4);
            Put(text);
        }

        Put('\n');
        return this;
    }

    /// <summary>Starts a line piece by piece: indentation now, then <see cref="Add(string)"/> calls, then <see cref="End"/>.</summary>
    /// <remarks>The pieces go straight into the buffer, so a line of many parts costs no intermediate strings.</remarks>
    public SourceWriter Begin()
    {
        Put(' ', _indent * 4);
        return this;
    }

    public SourceWriter Add(string text)
    {
        Put(text);
        return this;
    }

    public SourceWriter Add(char c)
    {
        Put(c);
        return this;
    }

    /// <summary>Appends <paramref name="value"/> as a C# string literal.</summary>
    public SourceWriter AddLiteral(string value)
    {
        AppendLiteral(this, value);
        return this;
    }

    /// <summary>Appends <paramref name="value"/> as a C# UTF-8 string literal (<c>"..."u8</c>).</summary>
    public SourceWriter AddUtf8Literal(string value)
    {
        AppendLiteral(this, value);
        Put("u8");
        return this;
    }

    /// <summary>Ends the line <see cref="Begin"/> started.</summary>
    public SourceWriter End()
    {
        Put('\n');
        return this;
    }

    private byte[] Ascii => _ascii ?? throw new InvalidOperationException("The writer's text was already taken.");

    private void Put(char c)
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

    private void Put(char c, int count)
    {
        if (_wide is not null || c >= 0x80)
        {
            (_wide ?? Widen()).Append(c, count);
            return;
        }

        var buffer = Ascii;
        if (buffer.Length - _length < count)
        {
            buffer = Grow(count);
        }

        for (var i = 0; i < count; i++)
        {
            buffer[_length + i] = (byte)c;
        }

        _length += count;
    }

    private void Put(string text)
    {
        if (_wide is not null)
        {
            _wide.Append(text);
            return;
        }

        var count = text.Length;
        var buffer = Ascii;
        if (count >= EncoderThreshold)
        {
            // The encoder writes as many bytes as characters exactly when every character is ASCII.
            if (buffer.Length - _length < count * 3)
            {
                buffer = Grow(count * 3);
            }

            if (Encoding.UTF8.GetBytes(text, 0, count, buffer, _length) == count)
            {
                _length += count;
            }
            else
            {
                Widen().Append(text);
            }

            return;
        }

        if (buffer.Length - _length < count)
        {
            buffer = Grow(count);
        }

        var start = _length;
        for (var i = 0; i < count; i++)
        {
            var c = text[i];
            if (c >= 0x80)
            {
                _length = start + i;
                Widen().Append(text, i, count - i);
                return;
            }

            buffer[start + i] = (byte)c;
        }

        _length = start + count;
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

    /// <summary>Ends the line and opens a block below it.</summary>
    public SourceWriter EndOpen()
    {
        End();
        return OpenBlock();
    }

    public SourceWriter Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
        return this;
    }

    /// <summary>Opens a block whose header was written already (a constructor initializer, say).</summary>
    public SourceWriter OpenBlock()
    {
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>XML doc lines from free text: escaped, one <c>///</c> line per text line; nothing for blank text.</summary>
    /// <remarks>
    /// Written straight into the buffer: splitting, trimming and escaping here cost no intermediate strings. A line
    /// ends at every character C# reads as a line end (see <see cref="Escape"/>), and lines are trimmed as
    /// <see cref="string.Trim()"/> trims the escaped text.
    /// </remarks>
    public SourceWriter Doc(string tag, string? text, string? attributes = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return this;
        }

        var value = text!;
        var firstBreak = NextLineBreak(value, 0);
        if (firstBreak < 0)
        {
            Begin().Add("/// <").Add(tag);
            if (attributes is not null)
            {
                Add(' ').Add(attributes);
            }

            Add('>');
            AppendEscapedTrimmed(value, 0, value.Length);
            return Add("</").Add(tag).Add('>').End();
        }

        Begin().Add("/// <").Add(tag);
        if (attributes is not null)
        {
            Add(' ').Add(attributes);
        }

        Add('>').End();
        var start = 0;
        while (true)
        {
            var end = NextLineBreak(value, start);
            var lineEnd = end < 0 ? value.Length : end;
            Begin().Add("/// ");
            if (!AppendEscapedTrimmed(value, start, lineEnd))
            {
                Add("<para/>");
            }

            End();
            if (end < 0)
            {
                break;
            }

            start = end + (value[end] == '\r' && end + 1 < value.Length && value[end + 1] == '\n' ? 2 : 1);
        }

        return Begin().Add("/// </").Add(tag).Add('>').End();
    }

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

        AppendEscaped(this, text, start, end);
        return true;
    }

    /// <summary>A raw XML doc line, for markup the emitter composes itself.</summary>
    public SourceWriter DocRaw(string xml) => Begin().Add("/// ").Add(xml).End();

    /// <summary>
    /// Escapes text for use inside one XML doc comment line (a name, a path, an example). Every character C# reads as
    /// a line end becomes a space: a stray U+2028 in a JSON name must not end the comment and turn the rest into code.
    /// Characters XML does not allow (controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD. Free text that may
    /// hold several lines goes through <see cref="Doc"/>, which keeps its lines.
    /// </summary>
    public static string Escape(string text)
    {
        // Most text (names, examples) needs nothing escaped: then it is its own escaped form.
        var plain = true;
        foreach (var c in text)
        {
            if (c is '&' or '<' or '>' or '\u2028' or '\u2029' || c < 0x20 || (c >= 0x7F && c <= 0x9F) || c >= 0xD800)
            {
                plain = false;
                break;
            }
        }

        if (plain)
        {
            return text;
        }

        var writer = new SourceWriter(text.Length + 16);
        AppendEscaped(writer, text, 0, text.Length);
        return writer.ToString();
    }

    /// <summary>
    /// Appends text[start..end) escaped for a doc comment line: XML's three specials, every line end (CR LF counts
    /// once) and a tab as a space, and characters XML does not allow as U+FFFD.
    /// </summary>
    private static void AppendEscaped(SourceWriter writer, string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&':
                    writer.Add("&amp;");
                    continue;
                case '<':
                    writer.Add("&lt;");
                    continue;
                case '>':
                    writer.Add("&gt;");
                    continue;
                case '\r':
                    writer.Add(' ');
                    if (i + 1 < end && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    continue;
                case '\n' or '\u2028' or '\u2029' or '\u0085' or '\t':
                    writer.Add(' ');
                    continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1]))
            {
                writer.Add(c).Add(text[++i]);
            }
            else if (char.IsSurrogate(c) || c < 0x20 || c == '\uFFFE' || c == '\uFFFF' || (c >= 0x7F && c <= 0x9F))
            {
                writer.Add('\uFFFD');
            }
            else
            {
                writer.Add(c);
            }
        }
    }

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

    public static string Literal(string value)
    {
        var writer = new SourceWriter(value.Length + 2);
        AppendLiteral(writer, value);
        return writer.ToString();
    }

    private static void AppendLiteral(SourceWriter writer, string value)
    {
        writer.Add('"');
        var plain = true;
        foreach (var c in value)
        {
            if (c is '"' or '\\' || c < 0x20 || (c >= 0x7F && c <= 0x9F) || c >= 0xD800 || c is '\u2028' or '\u2029')
            {
                plain = false;
                break;
            }
        }

        if (plain)
        {
            writer.Add(value).Add('"');
            return;
        }

        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    writer.Add("\\\"");
                    break;
                case '\\':
                    writer.Add("\\\\");
                    break;
                case '\n':
                    writer.Add("\\n");
                    break;
                case '\r':
                    writer.Add("\\r");
                    break;
                case '\t':
                    writer.Add("\\t");
                    break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029' || c == '\u0085')
                    {
                        writer.Add("\\u").Add(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        writer.Add(c);
                    }

                    break;
            }
        }

        writer.Add('"');
    }

}
