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
    public SourceWriter Doc(string tag, string? text, string? attributes = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return this;
        }

        var open = attributes is null ? "<" + tag + ">" : "<" + tag + " " + attributes + ">";
        var lines = Escape(text!).Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 1)
        {
            return Line("/// " + open + lines[0].Trim() + "</" + tag + ">");
        }

        Line("/// " + open);
        foreach (var line in lines)
        {
            Line(line.Trim().Length == 0 ? "/// <para/>" : "/// " + line.Trim());
        }

        return Line("/// </" + tag + ">");
    }

    /// <summary>A raw XML doc line, for markup the emitter composes itself.</summary>
    public SourceWriter DocRaw(string xml) => Line("/// " + xml);

    /// <summary>
    /// Escapes text for an XML doc comment. Every character C# reads as a line end becomes '\n' here, so that the
    /// caller splits on it: a stray U+2028 in a description must not end the comment and turn the rest into code.
    /// Characters XML does not allow (controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD.
    /// </summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
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
                    builder.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    continue;
                case '\n' or '\u2028' or '\u2029' or '\u0085':
                    builder.Append('\n');
                    continue;
                case '\t':
                    builder.Append(' ');
                    continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
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

        return builder.ToString();
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
        builder.Append('"');
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

        return builder.Append('"').ToString();
    }

    /// <summary>A UTF-8 string literal (<c>"..."u8</c>).</summary>
    public static string Utf8Literal(string value) => Literal(value) + "u8";
}
