using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace EndpointGen.Tests.Wire;

/// <summary>
/// An HTTP/1.1 server on loopback that keeps the exact bytes of each request body (a Content-Length body, or a chunked
/// one de-chunked) and its headers as sent, and answers each request with the response its script gives.
/// </summary>
internal sealed class RecordingServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<RecordedWireRequest, byte[]> _respond;
    private readonly ConcurrentQueue<RecordedWireRequest> _received = new();
    private readonly Task _loop;

    /// <summary>Starts the server.</summary>
    /// <param name="respond">The whole response (head and body) to a request, as bytes.</param>
    /// <param name="address">The loopback address to listen on (127.0.0.1 when not given; another one is another origin).</param>
    public RecordingServer(Func<RecordedWireRequest, byte[]> respond, IPAddress? address = null)
    {
        _listener = new TcpListener(address ?? IPAddress.Loopback, 0);
        _respond = respond;
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The server's origin, <c>http://address:port</c>.</summary>
    public string Origin => $"http://{((IPEndPoint)_listener.LocalEndpoint).Address}:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>The origin and the host as a request's <c>Host</c> header names it.</summary>
    public string Host => Origin.Substring("http://".Length);

    public Uri BaseAddress => new(Origin + "/api/");

    public IReadOnlyList<RecordedWireRequest> Received => _received.ToArray();

    public RecordedWireRequest Last => Received[^1];

    /// <summary>A response with the given status, content type and body, closing the connection.</summary>
    public static byte[] Response(string status, string? contentType, byte[] body, bool declareLength = true)
    {
        var head = new StringBuilder("HTTP/1.1 ").Append(status).Append("\r\nConnection: close\r\n");
        if (contentType is not null)
        {
            head.Append("Content-Type: ").Append(contentType).Append("\r\n");
        }

        if (declareLength)
        {
            head.Append("Content-Length: ").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        head.Append("\r\n");
        return Encoding.ASCII.GetBytes(head.ToString()).Concat(body).ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(async () =>
            {
                using (client)
                {
                    try
                    {
                        var stream = client.GetStream();
                        var request = await ReadAsync(new BufferedStream(stream), _stop.Token);
                        _received.Enqueue(request);
                        await stream.WriteAsync(_respond(request), _stop.Token);
                        await stream.FlushAsync(_stop.Token);
                    }
                    catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
                    {
                    }
                }
            });
        }
    }

    private static async Task<RecordedWireRequest> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var requestLine = await ReadLineAsync(stream, cancellationToken);
        var headers = new List<KeyValuePair<string, string>>();
        string line;
        while ((line = await ReadLineAsync(stream, cancellationToken)).Length > 0)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon], line[(colon + 1)..].Trim()));
        }

        var body = new MemoryStream();
        var length = headers.FirstOrDefault(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value;
        var chunked = headers.Any(h => h.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && h.Value.Contains("chunked", StringComparison.OrdinalIgnoreCase));
        if (chunked)
        {
            while (true)
            {
                var size = int.Parse((await ReadLineAsync(stream, cancellationToken)).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    await ReadLineAsync(stream, cancellationToken);
                    break;
                }

                await CopyAsync(stream, body, size, cancellationToken);
                await ReadLineAsync(stream, cancellationToken);
            }
        }
        else if (length is not null)
        {
            await CopyAsync(stream, body, int.Parse(length, CultureInfo.InvariantCulture), cancellationToken);
        }

        var parts = requestLine.Split(' ');
        return new RecordedWireRequest(parts[0], parts[1], headers, body.ToArray(), chunked, requestLine);
    }

    private static async Task CopyAsync(Stream from, Stream to, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        while (count > 0)
        {
            var read = await from.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, count)), cancellationToken);
            if (read == 0)
            {
                throw new EndOfStreamException();
            }

            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            count -= read;
        }
    }

    private static async Task<string> ReadLineAsync(Stream stream, CancellationToken cancellationToken)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                throw new EndOfStreamException();
            }

            if (one[0] == '\n' && bytes.Count > 0 && bytes[^1] == '\r')
            {
                bytes.RemoveAt(bytes.Count - 1);
                return Encoding.Latin1.GetString(bytes.ToArray());
            }

            bytes.Add(one[0]);
        }
    }
}

/// <summary>A request as it reached a <see cref="RecordingServer"/>: headers as sent, the body's exact bytes.</summary>
internal sealed record RecordedWireRequest(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, bool Chunked, string RequestLine = "")
{
    public string? Header(string name) => Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The request line and the headers as sent, one per line, in order.</summary>
    public string Head => RequestLine + "\r\n" + string.Concat(Headers.Select(h => h.Key + ": " + h.Value + "\r\n"));
}
