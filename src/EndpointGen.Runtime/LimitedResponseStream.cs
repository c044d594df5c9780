using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace EndpointGen.Runtime;

/// <summary>
/// A <c>stream</c> response body as the caller gets it: read-only, forward-only, failing with the service's exception
/// once more than the size limit has been read, and releasing the response (and its connection) when disposed.
/// </summary>
internal sealed class LimitedResponseStream : Stream
{
    private readonly Stream _inner;
    private readonly HttpResponseMessage _response;
    private readonly long _limit;
    private readonly Func<string, Exception> _fail;
    private long _read;
    private int _disposed;

    /// <summary>Wraps a response's body stream; the wrapper owns both.</summary>
    /// <param name="inner">The body stream.</param>
    /// <param name="response">The response, disposed with the stream.</param>
    /// <param name="limit">The most bytes that may be read.</param>
    /// <param name="fail">Makes the service's exception from what went wrong.</param>
    public LimitedResponseStream(Stream inner, HttpResponseMessage response, long limit, Func<string, Exception> fail)
    {
        _inner = inner;
        _response = response;
        _limit = limit;
        _fail = fail;
    }

    public override bool CanRead => Volatile.Read(ref _disposed) == 0;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, Room(count)));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Count(await _inner.ReadAsync(buffer, offset, Room(count), cancellationToken).ConfigureAwait(false));

#if NET5_0_OR_GREATER
    public override int Read(Span<byte> buffer) => Count(_inner.Read(buffer.Slice(0, Room(buffer.Length))));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await _inner.ReadAsync(buffer.Slice(0, Room(buffer.Length)), cancellationToken).ConfigureAwait(false));
#endif

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _inner.Dispose();
            _response.Dispose();
        }

        base.Dispose(disposing);
    }

    // At most one byte past the limit is asked for: reading it tells a body of exactly the limit from a larger one.
    private int Room(int count)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(LimitedResponseStream));
        }

        if (_read > _limit)
        {
            throw _fail($"the response body is larger than the limit of {_limit} bytes");
        }

        return (int)Math.Min(count, _limit - _read + 1);
    }

    private int Count(int read)
    {
        _read += read;
        if (_read > _limit)
        {
            throw _fail($"the response body is larger than the limit of {_limit} bytes");
        }

        return read;
    }
}
