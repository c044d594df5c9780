using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace EndpointGen.Runtime;

/// <summary>
/// JSON bytes in a buffer from <see cref="BufferPool"/>, sent as they are and returned to the pool on
/// dispose. A write still in progress when the content is disposed returns the buffer when it ends, so the pool never
/// hands out bytes that are still being sent.
/// </summary>
internal sealed class PooledJsonContent : HttpContent
{
    private readonly int _count;
    private byte[]? _buffer;
    private int _activeWrites;
    private int _disposed;

    public PooledJsonContent(byte[]? buffer, int count)
    {
        _buffer = buffer;
        _count = count;

        // A new header value each time: it is mutable, and a handler that changes one request's must not change all.
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => WriteAsync(stream, CancellationToken.None);

#if NET5_0_OR_GREATER
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) => WriteAsync(stream, cancellationToken);

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = BeginWrite();
        try
        {
            if (_count > 0)
            {
                stream.Write(buffer!, 0, _count);
            }
        }
        finally
        {
            EndWrite();
        }
    }
#endif

    protected override bool TryComputeLength(out long length)
    {
        length = _count;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Interlocked.Exchange(ref _disposed, 1);
            if (Volatile.Read(ref _activeWrites) == 0)
            {
                ReturnBuffer();
            }
        }

        base.Dispose(disposing);
    }

    private async Task WriteAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = BeginWrite();
        try
        {
            if (_count > 0)
            {
                await stream.WriteAsync(buffer!, 0, _count, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            EndWrite();
        }
    }

    private byte[]? BeginWrite()
    {
        Interlocked.Increment(ref _activeWrites);
        if (Volatile.Read(ref _disposed) != 0)
        {
            EndWrite();
            throw new ObjectDisposedException(GetType().FullName);
        }

        return _buffer;
    }

    private void EndWrite()
    {
        if (Interlocked.Decrement(ref _activeWrites) == 0 && Volatile.Read(ref _disposed) != 0)
        {
            ReturnBuffer();
        }
    }

    private void ReturnBuffer()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            BufferPool.Return(buffer);
        }
    }
}

/// <summary>Serializes into pooled buffers with one cached <see cref="Utf8JsonWriter"/> per thread.</summary>
internal static class PooledJsonWriter
{
    [ThreadStatic]
    private static Cache? t_cache;

    /// <summary>Serializes a value; the caller owns the returned buffer (rented, or <see langword="null"/> when nothing was written).</summary>
    public static (byte[]? Buffer, int Count) Write<T>(T value, JsonWriteFunc<T> write)
    {
        // Taken out while in use, so a write that serializes something else on the same thread gets its own.
        var cache = t_cache ?? new Cache();
        t_cache = null;
        try
        {
            cache.Writer.Reset(cache.Output);
            write(cache.Writer, value);
            cache.Writer.Flush();
            return cache.Output.Detach();
        }
        finally
        {
            // After a failure the writer holds a half-written value and the output a rented buffer: drop both.
            cache.Writer.Reset();
            cache.Output.Release();
            t_cache = cache;
        }
    }

    private sealed class Cache
    {
        public readonly PooledBufferWriter Output = new();
        public readonly Utf8JsonWriter Writer;

        public Cache() => Writer = new Utf8JsonWriter(Output, default(JsonWriterOptions));
    }
}

/// <summary>An <see cref="IBufferWriter{T}"/> over buffers from <see cref="BufferPool"/>.</summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>
{
    private const int InitialSize = 256;
    private byte[]? _buffer;
    private int _count;

    public void Advance(int count)
    {
        if (count < 0 || _buffer is null || _count + count > _buffer.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _count += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_count);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_count);
    }

    /// <summary>Hands over the buffer and what was written to it; the writer starts empty again.</summary>
    public (byte[]? Buffer, int Count) Detach()
    {
        var result = (_buffer, _count);
        _buffer = null;
        _count = 0;
        return result;
    }

    /// <summary>Returns the buffer, if the writer still holds one, to the pool.</summary>
    public void Release()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            _count = 0;
            BufferPool.Return(buffer);
        }
    }

    private void Ensure(int sizeHint)
    {
        if (sizeHint < 1)
        {
            sizeHint = 1;
        }

        if (_buffer is null)
        {
            _buffer = BufferPool.RentBytes(Math.Max(sizeHint, InitialSize));
            return;
        }

        if (_buffer.Length - _count >= sizeHint)
        {
            return;
        }

        var larger = BufferPool.RentBytes((int)Math.Min(Math.Max((long)_buffer.Length * 2, (long)_count + sizeHint), 0x7FFFFFC7));
        Buffer.BlockCopy(_buffer, 0, larger, 0, _count);
        var old = _buffer;
        _buffer = larger;
        BufferPool.Return(old);
    }
}
