using System;
using System.Text;

namespace EndpointGen.Generator.Emitting;

/// <summary>An indenting text writer for generated C#; newlines are always '\n' so output is byte-identical on every OS.</summary>
internal sealed class SourceWriter
{
    // One builder per thread, reused from file to file: a fresh one per file grows from 16 characters to
    // tens of thousands each time, which was a fifth of a cold run's allocations (docs/performance.md).
    [ThreadStatic]
    private static StringBuilder? t_cachedBuilder;

    private const int CachedCapacityLimit = 1 << 20;

    private StringBuilder? _builder;
    private string? _text;
    private int _indent;

    public SourceWriter()
    {
        _builder = t_cachedBuilder ?? new StringBuilder(32 * 1024);
        t_cachedBuilder = null;
    }

    private StringBuilder Builder => _builder ?? throw new InvalidOperationException("The writer's text was already taken.");

    public SourceWriter Line(string text = "")
    {
        var builder = Builder;
        if (text.Length > 0)
        {
            builder.Append(' ', _indent * 4);
            builder.Append(text);
        }

        builder.Append('\n');
        return this;
    }

    /// <summary>Starts a line piece by piece: indentation now, then <see cref="Add(string)"/> calls, then <see cref="End"/>.</summary>
    /// <remarks>The pieces go straight into the builder, so a line of many parts costs no intermediate strings.</remarks>
    public SourceWriter Begin()
    {
        Builder.Append(' ', _indent * 4);
        return this;
    }

    public SourceWriter Add(string text)
    {
        Builder.Append(text);
        return this;
    }

    public SourceWriter Add(char c)
    {
        Builder.Append(c);
        return this;
    }

    /// <summary>Appends <paramref name="value"/> as a C# string literal.</summary>
    public SourceWriter AddLiteral(string value)
    {
        AppendLiteral(Builder, value);
        return this;
    }

    /// <summary>Appends <paramref name="value"/> as a C# UTF-8 string literal (<c>"..."u8</c>).</summary>
    public SourceWriter AddUtf8Literal(string value)
    {
        AppendLiteral(Builder, value);
        Builder.Append("u8");
        return this;
    }

    /// <summary>Ends the line <see cref="Begin"/> started.</summary>
    public SourceWriter End()
    {
        Builder.Append('\n');
        return this;
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
    /// Written straight into the builder: splitting, trimming and escaping here cost no intermediate strings. A line
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

        AppendEscaped(Builder, text, start, end);
        return true;
    }

    /// <summary>A raw XML doc line, for markup the emitter composes itself.</summary>
    public SourceWriter DocRaw(string xml) => Line("/// " + xml);

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

        var builder = new StringBuilder(text.Length + 16);
        AppendEscaped(builder, text, 0, text.Length);
        return builder.ToString();
    }

    /// <summary>
    /// Appends text[start..end) escaped for a doc comment line: XML's three specials, every line end (CR LF counts
    /// once) and a tab as a space, and characters XML does not allow as U+FFFD.
    /// </summary>
    private static void AppendEscaped(StringBuilder builder, string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    continue;
                case '<':
                    builder.Append("&lt;");
                    continue;
                case '>':
                    builder.Append("&gt;");
                    continue;
                case '\r':
                    builder.Append(' ');
                    if (i + 1 < end && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    continue;
                case '\n' or '\u2028' or '\u2029' or '\u0085' or '\t':
                    builder.Append(' ');
                    continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c) || c < 0x20 || c == '\uFFFE' || c == '\uFFFF' || (c >= 0x7F && c <= 0x9F))
            {
                builder.Append('\uFFFD');
            }
            else
            {
                builder.Append(c);
            }
        }
    }

    /// <summary>The text written; the writer is finished after this and its builder goes back to the thread's cache.</summary>
    public override string ToString()
    {
        if (_text is null)
        {
            var builder = Builder;
            _text = builder.ToString();
            _builder = null;
            if (builder.Capacity <= CachedCapacityLimit)
            {
                builder.Clear();
                t_cachedBuilder = builder;
            }
        }

        return _text;
    }

    public static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        AppendLiteral(builder, value);
        return builder.ToString();
    }

    private static void AppendLiteral(StringBuilder builder, string value)
    {
        builder.Append('"');
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
            builder.Append(value).Append('"');
            return;
        }

        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029' || c == '\u0085')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

}
