using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Ccai;
using EndpointGen.Runtime;
using EndpointGen.Tests.Client;
using Xunit;
using Xunit.Abstractions;

namespace EndpointGen.Tests.Robustness;

/// <summary>
/// Large bodies leave nothing behind: every buffer above 1 MiB that the client read a body into, or wrote one from,
/// is garbage once the call is over, instead of being kept by <c>ArrayPool&lt;byte&gt;.Shared</c> for the life of the
/// process. Measured by whether the arrays are still alive after a full collection, which no machine load changes.
/// </summary>
public sealed class MemoryTests
{
    private const int LargeBody = 8 * 1024 * 1024;

    [Theory]
    [InlineData(200, true)]
    [InlineData(200, false)]
    [InlineData(500, true)]
    [InlineData(500, false)]
    public async Task A_large_response_body_leaves_no_buffer_behind(int status, bool declaredLength)
    {
        var body = PhotoList(LargeBody);
        var stream = new BufferRecordingStream(body);
        var handler = new StubHandler(_ =>
        {
            var content = new StreamContent(stream);
            content.Headers.ContentLength = declaredLength ? body.Length : null;
            return new HttpResponseMessage((HttpStatusCode)status) { Content = content };
        });

        await CallAsync(() => Client(handler).ListPhotosAsync(1));

        Assert.True(stream.LargestBuffer > BufferPool.MaxPooledBytes, $"the largest buffer was {stream.LargestBuffer} bytes");
        Assert.Empty(stream.LiveLargeBuffers());
    }

    [Fact]
    public async Task A_large_request_body_leaves_no_buffer_behind()
    {
        var sink = new BufferRecordingStream(Array.Empty<byte>());
        var handler = new SinkHandler(sink);
        var message = new SendMessageRequest { Message = new ChatMessage { Type = "text", Content = new MessageContent { Text = new string('x', LargeBody) } } };

        await CallAsync(() => Client(handler).SendMessageAsync(1, message));

        Assert.True(sink.LargestBuffer > BufferPool.MaxPooledBytes, $"the largest buffer was {sink.LargestBuffer} bytes");
        Assert.Empty(sink.LiveLargeBuffers());
    }

    [Fact]
    public void Buffers_up_to_1_MiB_come_from_the_shared_pool_and_larger_ones_are_not_kept()
    {
        var small = BufferPool.RentBytes(BufferPool.MaxPooledBytes);
        Assert.Equal(BufferPool.MaxPooledBytes, small.Length);
        BufferPool.Return(small);

        var bytes = RentAndReturn(() => BufferPool.RentBytes(BufferPool.MaxPooledBytes + 1), BufferPool.Return);
        var chars = RentAndReturn(() => BufferPool.RentChars((BufferPool.MaxPooledBytes / sizeof(char)) + 1), BufferPool.Return);
        FullCollection();

        Assert.False(bytes.IsAlive);
        Assert.False(chars.IsAlive);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference RentAndReturn<T>(Func<T[]> rent, Action<T[]> giveBack)
    {
        var buffer = rent();
        giveBack(buffer);
        return new WeakReference(buffer);
    }

    /// <summary>A JSON array of one element repeated, about <paramref name="size"/> bytes.</summary>
    internal static byte[] List(string element, int size)
    {
        var json = new StringBuilder(size + element.Length + 2).Append('[').Append(element);
        while (json.Length < size)
        {
            json.Append(',').Append(element);
        }

        return Encoding.UTF8.GetBytes(json.Append(']').ToString());
    }

    /// <summary>A JSON array of photos, about <paramref name="size"/> bytes.</summary>
    internal static byte[] PhotoList(int size) =>
        List("""{"url": "https://media.example-bucket.s3.amazonaws.com/chats/1234/photos/3f9c2b7e-receipt.jpg", "media_id": 880}""", size);

    internal static CcaiClient Client(HttpMessageHandler handler) =>
        new(new HttpClient(handler), new CcaiClientOptions { BaseAddress = new Uri("https://acme.example.com/apps/api/v1"), Username = "u", Password = "p" });

    /// <summary>Runs a call to its end, success or failure, in a frame of its own: nothing of it stays reachable from the test.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task CallAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (CcaiApiException)
        {
        }
    }

    internal static void FullCollection()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>Sends each request's body into a stream (as a socket would, without buffering it) and answers <c>{}</c>.</summary>
    private sealed class SinkHandler : HttpMessageHandler
    {
        private readonly Stream _sink;

        public SinkHandler(Stream sink) => _sink = sink;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is { } content)
            {
                await content.CopyToAsync(_sink, cancellationToken);
            }

            return StubHandler.Respond(HttpStatusCode.OK, "{}");
        }
    }

    /// <summary>A stream that serves a body, or takes one, and remembers (weakly) every array it was handed to fill or drain.</summary>
    private sealed class BufferRecordingStream : Stream
    {
        private readonly byte[] _body;
        private readonly List<WeakReference<byte[]>> _buffers = new();
        private int _position;

        public BufferRecordingStream(byte[] body) => _body = body;

        /// <summary>The length of the largest array seen.</summary>
        public int LargestBuffer { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        /// <summary>After a full collection, the arrays larger than the pooled size that something still holds.</summary>
        public IReadOnlyList<int> LiveLargeBuffers()
        {
            FullCollection();
            return _buffers.Select(w => w.TryGetTarget(out var b) ? b.Length : 0).Where(length => length > BufferPool.MaxPooledBytes).ToList();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Record(buffer);
            count = Math.Min(count, _body.Length - _position);
            Buffer.BlockCopy(_body, _position, buffer, offset, count);
            _position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            // A large body arrives in network-sized pieces, not at once.
            var slice = buffer.Length > 65536 ? buffer[..65536] : buffer;
            Record(slice);
            var count = Math.Min(slice.Length, _body.Length - _position);
            _body.AsMemory(_position, count).CopyTo(slice);
            _position += count;
            return new ValueTask<int>(count);
        }

        public override void Write(byte[] buffer, int offset, int count) => Record(buffer);

        public override void Write(ReadOnlySpan<byte> buffer)
        {
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Record(buffer);
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (MemoryMarshal.TryGetArray(buffer, out var segment))
            {
                Record(segment.Array!);
            }

            return default;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        private void Record(Memory<byte> buffer)
        {
            if (MemoryMarshal.TryGetArray<byte>(buffer, out var segment))
            {
                Record(segment.Array!);
            }
        }

        private void Record(byte[] buffer)
        {
            lock (_buffers)
            {
                LargestBuffer = Math.Max(LargestBuffer, buffer.Length);
                if (!_buffers.Any(w => w.TryGetTarget(out var b) && ReferenceEquals(b, buffer)))
                {
                    _buffers.Add(new WeakReference<byte[]>(buffer));
                }
            }
        }
    }
}

/// <summary>Tests that measure the process's live memory, so they run alone: other tests' objects would count too.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LiveMemoryCollection
{
    public const string Name = "Live memory";
}

/// <summary>
/// What a large body costs once read: the result's own objects while the caller holds it, nothing once it is dropped.
/// Measured in live bytes after full collections, which no machine load changes.
/// </summary>
[Collection(LiveMemoryCollection.Name)]
public sealed class LiveMemoryTests
{
    private const int BodySize = 16 * 1024 * 1024;
    private readonly ITestOutputHelper _output;

    public LiveMemoryTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData("""{"url": "https://media.example-bucket.s3.amazonaws.com/chats/1234/photos/3f9c2b7e-receipt.jpg", "media_id": 880}""", 2.5)]
    [InlineData("""{"media_id": 880}""", 3.0)]
    [InlineData("{}", 18.0)]
    public async Task A_large_result_costs_its_own_objects_and_nothing_stays_after_it(string photo, double documentedMultiple)
    {
        var large = MemoryTests.List(photo, BodySize);
        var handler = new SwitchableHandler(MemoryTests.List(photo, 1024));
        var client = MemoryTests.Client(handler);
        await client.ListPhotosAsync(1); // compiles the path, so the measurement sees no code being generated

        handler.Body = large;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var (held, count) = await CallAndHoldAsync(client, before);
        handler.Body = Array.Empty<byte>();
        var left = GC.GetTotalMemory(forceFullCollection: true) - before;

        var multiple = (double)held / large.Length;
        _output.WriteLine($"{count} photos from {large.Length} bytes: {held} bytes live while held ({multiple:F2}x), {left} after");
        Assert.True(count > 0);
        Assert.True(multiple <= documentedMultiple, $"holding {count} photos read from {large.Length} bytes keeps {held} bytes live, {multiple:F2} times the body");
        Assert.True(left < 1024 * 1024, $"{left} bytes stay live after the result is dropped");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<(long Held, int Count)> CallAndHoldAsync(CcaiClient client, long before)
    {
        var photos = await client.ListPhotosAsync(1);
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(photos);
        return (held, photos.Count);
    }

    /// <summary>Answers with whatever body it holds now, declared with its length, as a server does.</summary>
    private sealed class SwitchableHandler : HttpMessageHandler
    {
        public SwitchableHandler(byte[] body) => Body = body;

        public byte[] Body { get; set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Body) });
    }
}
