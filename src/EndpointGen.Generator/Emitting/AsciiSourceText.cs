using System;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace EndpointGen.Generator.Emitting;

/// <summary>
/// Generated code that is all ASCII, kept as one byte per character: half the memory of a string, for text the
/// compiler keeps for the whole build and the IDE for the whole session.
/// </summary>
/// <remarks>
/// Everything else <see cref="SourceText"/> offers (lines, sub-texts, checksums, writing, comparing) is built on
/// <see cref="this[int]"/> and <see cref="CopyTo"/>, so it behaves as the string text of the same content does,
/// checksum included (tests compare the two). Only <see cref="SourceWriter"/> makes one, and only when it wrote
/// no character above U+007F.
/// </remarks>
internal sealed class AsciiSourceText : SourceText
{
    private readonly byte[] _bytes;

    public AsciiSourceText(byte[] bytes) => _bytes = bytes;

    /// <summary>UTF-8, as <c>SourceText.From(text, Encoding.UTF8)</c> says, so checksums and emitted files agree with it.</summary>
    public override Encoding Encoding => Encoding.UTF8;

    public override int Length => _bytes.Length;

    public override char this[int position] => (char)_bytes[position];

    public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
    {
        if (destination is null)
        {
            throw new ArgumentNullException(nameof(destination));
        }

        if (sourceIndex < 0 || count < 0 || sourceIndex > _bytes.Length - count)
        {
            throw new ArgumentOutOfRangeException(nameof(sourceIndex));
        }

        if (destinationIndex < 0 || destinationIndex > destination.Length - count)
        {
            throw new ArgumentOutOfRangeException(nameof(destinationIndex));
        }

        // Every byte is below 0x80, so ASCII decoding is a plain widening (vectorized by the runtime).
        Encoding.ASCII.GetChars(_bytes, sourceIndex, count, destination, destinationIndex);
    }

    public override string ToString(TextSpan span)
    {
        if (span.End > _bytes.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(span));
        }

        return Encoding.ASCII.GetString(_bytes, span.Start, span.Length);
    }
}
