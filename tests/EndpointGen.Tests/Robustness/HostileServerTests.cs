using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Ccai;
using EndpointGen.Tests.Client;
using Xunit;

namespace EndpointGen.Tests.Robustness;

/// <summary>
/// Hostile servers: every misbehaviour ends in the client's typed exception, or in OperationCanceledException
/// when the caller cancels; never a NullReferenceException, an InvalidCastException, or a hang.
/// </summary>
public sealed class HostileServerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static CcaiClient Client(HttpMessageHandler handler, Uri? baseAddress = null, long? maxBytes = null)
    {
        var options = new CcaiClientOptions { BaseAddress = baseAddress ?? new Uri("https://acme.example.com/apps/api/v1"), Username = "u", Password = "p" };
        if (maxBytes is long limit)
        {
            options.MaxResponseBodyBytes = limit;
        }

        return new CcaiClient(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }, options);
    }

    [Theory]
    [InlineData(200, "application/json", "{\"id\": 1, \"status\": ")]
    [InlineData(200, "application/json", "{\"id\": {\"nested\": true}}")]
    [InlineData(200, "application/json", "{\"all_agents\": {\"id\": 1}}")]
    [InlineData(200, "application/json", "[{\"id\": 1}]")]
    [InlineData(200, "application/json", "null")]
    [InlineData(200, "application/json", "\"a string\"")]
    [InlineData(200, "text/html", "<!doctype html><html><body>Welcome</body></html>")]
    [InlineData(200, "application/xml", "<chat><id>1</id></chat>")]
    [InlineData(200, "application/octet-stream", "\u0000\u0001\u00ff")]
    [InlineData(200, "application/json", "{\"id\": 1} {\"id\": 2}")]
    [InlineData(200, "application/json", "{\"created_at\": \"not a date\"}")]
    [InlineData(200, "application/json", "{\"id\": 1e400}")]
    [InlineData(500, "text/html", "<html><body><h1>500 Internal Server Error</h1></body></html>")]
    [InlineData(500, "application/json", "{\"message\": 42}")]
    [InlineData(404, "application/json", "")]
    [InlineData(503, "text/plain", "upstream connect error or disconnect/reset before headers")]
    public async Task A_malformed_or_unexpected_answer_ends_in_the_typed_exception(int status, string contentType, string body)
    {
        var client = Client(new StubHandler((HttpStatusCode)status, body, contentType));

        var exception = await Assert.ThrowsAsync<CcaiApiException>(() => client.GetChatAsync(1));

        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.StartsWith($"Ccai GetChat failed: {status} ", exception.Message, StringComparison.Ordinal);
        Assert.Equal(body, exception.ResponseBody);
    }

    [Fact]
    public async Task A_body_larger_than_the_limit_fails_the_call_without_reading_it_all()
    {
        var stream = new EndlessStream();
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(stream) });
        var client = Client(handler, maxBytes: 1024 * 1024);

        var exception = await Assert.ThrowsAsync<CcaiApiException>(() => client.ListPhotosAsync(1));

        Assert.Contains("larger than the limit of 1048576 bytes", exception.Message, StringComparison.Ordinal);
        Assert.True(stream.Served < 4 * 1024 * 1024, $"read {stream.Served} bytes");
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_fails_before_reading()
    {
        var handler = new StubHandler(_ =>
        {
            var content = new StringContent("[]");
            content.Headers.ContentLength = 10L * 1024 * 1024 * 1024;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });

        var exception = await Assert.ThrowsAsync<CcaiApiException>(() => Client(handler).ListPhotosAsync(1));
        Assert.Contains("10737418240 bytes is larger than the limit", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(400)]
    public async Task A_body_that_breaks_off_midway_ends_in_the_typed_exception(int status)
    {
        await using var server = new ScriptedServer(async (stream, token) =>
        {
            await ScriptedServer.WriteAsync(stream, $"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{{\"id\": 1, \"status\": \"qu", token);
            await stream.FlushAsync(token);
        });

        using var timeout = new CancellationTokenSource(Patience);
        var exception = await Assert.ThrowsAsync<CcaiApiException>(() => Client(new SocketsHttpHandler(), server.BaseAddress).GetChatAsync(1, timeout.Token));

        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.Contains("could not be read", exception.Message, StringComparison.Ordinal);
        Assert.False(timeout.IsCancellationRequested);
    }

    [Fact]
    public async Task A_server_that_stalls_after_the_headers_is_cancelled_by_the_caller()
    {
        await using var server = new ScriptedServer(async (stream, token) =>
        {
            await ScriptedServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"id\":", token);
            await stream.FlushAsync(token);
            await Task.Delay(Timeout.Infinite, token);
        });

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(new SocketsHttpHandler(), server.BaseAddress).GetChatAsync(1, cancel.Token));
    }

    [Fact]
    public async Task A_server_that_never_answers_is_cancelled_by_the_caller()
    {
        await using var server = new ScriptedServer((stream, token) => Task.Delay(Timeout.Infinite, token));

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(new SocketsHttpHandler(), server.BaseAddress).GetChatAsync(1, cancel.Token));
    }

    [Fact]
    public async Task A_cancelled_call_reading_a_slow_error_body_is_an_OperationCanceledException()
    {
        await using var server = new ScriptedServer(async (stream, token) =>
        {
            await ScriptedServer.WriteAsync(stream, "HTTP/1.1 500 Oops\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"mess", token);
            await stream.FlushAsync(token);
            await Task.Delay(Timeout.Infinite, token);
        });

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(new SocketsHttpHandler(), server.BaseAddress).GetChatAsync(1, cancel.Token));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(500)]
    public async Task A_server_that_stalls_after_the_headers_is_cut_off_by_the_HttpClient_timeout(int status)
    {
        await using var server = new ScriptedServer(async (stream, token) =>
        {
            await ScriptedServer.WriteAsync(stream, $"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"id\":", token);
            await stream.FlushAsync(token);
            await Task.Delay(Timeout.Infinite, token);
        });

        var (exception, elapsed) = await CallWithTimeoutAsync(server.BaseAddress, TimeSpan.FromMilliseconds(500));

        Assert.IsType<TimeoutException>(exception.InnerException);
        Assert.Contains("Ccai GetChat took longer than the HttpClient's Timeout of 0.5 seconds", exception.Message, StringComparison.Ordinal);
        Assert.True(elapsed < Patience, $"the call took {elapsed}");
    }

    [Fact]
    public async Task A_server_that_trickles_its_body_a_byte_at_a_time_is_cut_off_by_the_HttpClient_timeout()
    {
        var sent = 0;
        await using var server = new ScriptedServer(async (stream, token) =>
        {
            await ScriptedServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n", token);
            while (true)
            {
                await ScriptedServer.WriteAsync(stream, " ", token);
                await stream.FlushAsync(token);
                Interlocked.Increment(ref sent);
                await Task.Delay(20, token);
            }
        });

        var (exception, elapsed) = await CallWithTimeoutAsync(server.BaseAddress, TimeSpan.FromSeconds(1));

        Assert.IsType<TimeoutException>(exception.InnerException);
        Assert.True(Volatile.Read(ref sent) > 1, "the server never got to trickle");
        Assert.True(elapsed < Patience, $"the call took {elapsed}");
    }

    /// <summary>Calls with a short HttpClient.Timeout and a long caller's token, which must not be what ends the call.</summary>
    private static async Task<(TaskCanceledException Exception, TimeSpan Elapsed)> CallWithTimeoutAsync(Uri baseAddress, TimeSpan timeout)
    {
        var options = new CcaiClientOptions { BaseAddress = baseAddress, Username = "u", Password = "p" };
        using var http = new HttpClient(new SocketsHttpHandler()) { Timeout = timeout };
        using var patience = new CancellationTokenSource(Patience);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var exception = await Assert.ThrowsAsync<TaskCanceledException>(() => new CcaiClient(http, options).GetChatAsync(1, patience.Token));
        Assert.False(patience.IsCancellationRequested, "the caller's token ended the call, not the timeout");
        return (exception, clock.Elapsed);
    }

    /// <summary>
    /// A body far larger than any limit, counting what was read from it. It does end (at 64 MiB), so that a client
    /// without a limit fails this test instead of hanging it.
    /// </summary>
    private sealed class EndlessStream : Stream
    {
        private const long End = 64L * 1024 * 1024;

        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            count = (int)Math.Min(count, End - Served);
            Array.Fill(buffer, (byte)' ', offset, count);
            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
