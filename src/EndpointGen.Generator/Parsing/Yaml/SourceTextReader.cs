using System;
using System.IO;
using Microsoft.CodeAnalysis.Text;

namespace EndpointGen.Generator.Parsing.Yaml;

/// <summary>
/// A <see cref="TextReader"/> over a <see cref="SourceText"/>, so YamlDotNet reads a descriptor where the compiler keeps
/// it. <c>SourceText.ToString()</c> would copy a file the compiler read as a large (chunked) text, 40 KB and more, into
/// a string of its own on every parse; this copies 1,024 characters at a time into YamlDotNet's own buffer.
/// </summary>
internal sealed class SourceTextReader : TextReader
{
    private readonly SourceText _text;
    private int _position;

    public SourceTextReader(SourceText text) => _text = text;

    public override int Peek() => _position < _text.Length ? _text[_position] : -1;

    public override int Read() => _position < _text.Length ? _text[_position++] : -1;

    public override int Read(char[] buffer, int index, int count)
    {
        if (buffer is null)
        {
            throw new ArgumentNullException(nameof(buffer));
        }

        if (index < 0 || count < 0 || index > buffer.Length - count)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        var read = Math.Min(count, _text.Length - _position);
        if (read > 0)
        {
            _text.CopyTo(_position, buffer, index, read);
            _position += read;
        }

        return read;
    }
}
