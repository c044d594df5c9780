using System;
using System.Buffers;
using System.Text;

namespace EndpointGen.Runtime;

/// <summary>
/// A response body read into a buffer rented from <see cref="ArrayPool{T}.Shared"/>. Dispose it exactly once, after the
/// last use of <see cref="Span"/>: disposing returns the buffer, which another caller may then overwrite.
/// </summary>
public readonly struct ResponseBody : IDisposable
{
    private readonly byte[]? _buffer;
    private readonly int _length;

    /// <summary>Wraps a buffer rented from <see cref="ArrayPool{T}.Shared"/>; the body takes it over.</summary>
    /// <param name="buffer">The rented buffer, or <see langword="null"/> for an empty body.</param>
    /// <param name="length">How many bytes of <paramref name="buffer"/> the body fills.</param>
    internal ResponseBody(byte[]? buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    /// <summary>The body bytes, valid until the body is disposed.</summary>
    public ReadOnlySpan<byte> Span => _buffer is null ? ReadOnlySpan<byte>.Empty : new ReadOnlySpan<byte>(_buffer, 0, _length);

    /// <summary>The number of bytes in the body.</summary>
    public int Length => _length;

    /// <summary>Whether the body holds anything but white space, so it is worth parsing.</summary>
    public bool HasContent
    {
        get
        {
            var span = Span;
            for (var i = 0; i < span.Length; i++)
            {
                var b = span[i];
                if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\r' && b != (byte)'\n')
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Decodes the body for an exception's <see cref="ApiException.ResponseBody"/>.</summary>
    /// <returns>The text (invalid UTF-8 replaced).</returns>
    public string Text() => _buffer is null || _length == 0 ? string.Empty : Encoding.UTF8.GetString(_buffer, 0, _length);

    /// <summary>A copy of the body in an array of its exact length.</summary>
    /// <returns>The body bytes.</returns>
    public byte[] ToArray() => Span.ToArray();

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }
    }
}
