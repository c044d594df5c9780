using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace EndpointGen.Benchmarks.Clients;

/// <summary>
/// The server of the client benchmarks, in memory: it reads the whole request body, as a socket handler
/// would send it, and answers 200 with the same canned JSON bytes to every request.
/// </summary>
internal sealed class CannedHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue s_json = new("application/json") { CharSet = "utf-8" };
    private readonly CountingSink _sink = new();

    /// <summary>The body of every answer.</summary>
    public byte[] ResponseBody { get; set; } = Array.Empty<byte>();

    /// <summary>When set, the next request is recorded here instead of being discarded (set-up checks only).</summary>
    public RecordedRequest? Recorded { get; private set; }

    /// <summary>Whether to record requests into <see cref="Recorded"/>.</summary>
    public bool Record { get; set; }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Record)
        {
            byte[]? body = null;
            if (request.Content is not null)
            {
                using var copy = new MemoryStream();
                await request.Content.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
                body = copy.ToArray();
            }

            Recorded = new RecordedRequest(
                request.Method.Method, request.RequestUri!.AbsoluteUri, request.Headers.Authorization?.ToString(), request.Content?.Headers.ContentType, body);
        }
        else if (request.Content is not null)
        {
            await request.Content.CopyToAsync(_sink, cancellationToken).ConfigureAwait(false);
        }

        var content = new ByteArrayContent(ResponseBody);
        content.Headers.ContentType = s_json;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }

    /// <summary>A write-only stream that drops what it is given, like a socket that is never full.</summary>
    private sealed class CountingSink : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _length += count;
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>What a contender sent, for the set-up check that all of them send the same request.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Uri">The absolute request URI.</param>
/// <param name="Authorization">The Authorization header.</param>
/// <param name="ContentType">The body's Content-Type, or <see langword="null"/>.</param>
/// <param name="Body">The request body, or <see langword="null"/>.</param>
internal sealed record RecordedRequest(string Method, string Uri, string? Authorization, MediaTypeHeaderValue? ContentType, byte[]? Body);
