using System;
using System.Text;

namespace EndpointGen.Runtime;

/// <summary>
/// A response body read into a buffer from <see cref="BufferPool"/>. Dispose it after the last use of
/// <see cref="Span"/>: disposing returns the buffer, which another caller may then overwrite. A class rather than a
/// struct so that disposing twice (or a copy) can never hand the same buffer to the pool twice.
/// </summary>
internal sealed class ResponseBody : IDisposable
{
    /// <summary>An empty body; disposing it does nothing.</summary>
    public static readonly ResponseBody Empty = new(null, 0);

    private readonly int _length;
    private byte[]? _buffer;

    /// <summary>Wraps a buffer from <see cref="BufferPool.RentBytes"/>; the body takes it over.</summary>
    /// <param name="buffer">The rented buffer, or <see langword="null"/> for an empty body.</param>
    /// <param name="length">How many bytes of <paramref name="buffer"/> the body fills.</param>
    internal ResponseBody(byte[]? buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    /// <summary>The body bytes, valid until the body is disposed.</summary>
    public ReadOnlySpan<byte> Span => _buffer is { } buffer ? new ReadOnlySpan<byte>(buffer, 0, _length) : ReadOnlySpan<byte>.Empty;

    /// <summary>The number of bytes in the body (0 once disposed).</summary>
    public int Length => _buffer is null ? 0 : _length;

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
    public string Text() => _buffer is { } buffer && _length > 0 ? Encoding.UTF8.GetString(buffer, 0, _length) : string.Empty;

    /// <summary>Returns the buffer to the pool, once; the body reads as empty afterwards.</summary>
    public void Dispose()
    {
        if (System.Threading.Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            BufferPool.Return(buffer);
        }
    }
}
