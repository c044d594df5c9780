using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace EndpointGen.Runtime;

/// <summary>
/// An event stream's body as the parser reads it: once more than the limit has been read since the last event was
/// dispatched, the next read fails with the service's exception, so that one endless line or event cannot fill memory.
/// </summary>
/// <remarks>
/// The check is made when the parser asks for more, never when a read returns: the parser asks only once it has
/// dispatched every event whose end it holds, so what was counted belongs to the event still being received (bytes of
/// it read together with the end of the one before are not counted, which makes the check lenient by at most one
/// read, never strict). Each read is cut to one byte past the limit, so the parser holds at most about twice the limit.
/// Comments and fields between two events count toward the second.
/// </remarks>
internal sealed class EventSizeLimitStream : Stream
{
    private readonly Stream _inner;
    private readonly long _limit;
    private readonly Func<string, Exception> _fail;
    private long _sinceEvent;

    /// <summary>Wraps an event stream's body; disposing the wrapper leaves the body to the response.</summary>
    /// <param name="inner">The body stream.</param>
    /// <param name="limit">The most bytes an event may take.</param>
    /// <param name="fail">Makes the service's exception from what went wrong.</param>
    public EventSizeLimitStream(Stream inner, long limit, Func<string, Exception> fail)
    {
        _inner = inner;
        _limit = limit;
        _fail = fail;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Called by the parser's item reader as each event is dispatched: the next event starts counting.</summary>
    public void EventDispatched() => _sinceEvent = 0;

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

    private int Room(int count)
    {
        if (_sinceEvent > _limit)
        {
            throw _fail($"an event is larger than the limit of {_limit} bytes (more than that arrived without ending an event)");
        }

        return (int)Math.Min(count, _limit - _sinceEvent + 1);
    }

    private int Count(int read)
    {
        _sinceEvent += read;
        return read;
    }
}
