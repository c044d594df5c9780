using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace EndpointGen.Tests.Robustness;

/// <summary>
/// A raw HTTP/1.1 server on a loopback address that answers every connection with a script: what no well-behaved
/// server (and no HttpMessageHandler stub) does, such as breaking a body off midway or stalling forever. It keeps every
/// request it received, headers and body, so tests can assert exactly what reached it.
/// </summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<ReceivedRequest, NetworkStream, CancellationToken, Task> _script;
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private readonly Task _loop;

    public ScriptedServer(Func<NetworkStream, CancellationToken, Task> script, IPAddress? address = null)
        : this((_, stream, token) => script(stream, token), address)
    {
    }

    public ScriptedServer(Func<ReceivedRequest, NetworkStream, CancellationToken, Task> script, IPAddress? address = null)
    {
        _script = script;
        _listener = new TcpListener(address ?? IPAddress.Loopback, 0);
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>A loopback address other than 127.0.0.1 where the system has one (Linux, Windows), so that a second server is another host; else 127.0.0.1, another port.</summary>
    public static IPAddress OtherLoopback { get; } = FindOtherLoopback();

    /// <summary>The server's origin, such as <c>http://127.0.0.1:5000</c>.</summary>
    public string Origin
    {
        get
        {
            var endpoint = (IPEndPoint)_listener.LocalEndpoint;
            return $"http://{endpoint.Address}:{endpoint.Port}";
        }
    }

    public Uri BaseAddress => new(Origin + "/api/");

    /// <summary>Every request received so far, in order.</summary>
    public IReadOnlyList<ReceivedRequest> Received => _received.ToArray();

    /// <summary>Reads the request head and its Content-Length body, so the client is past sending when the script runs.</summary>
    /// <returns>The request, or <see langword="null"/> when the connection closed first.</returns>
    private static async Task<ReceivedRequest?> ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        var seen = new List<byte>();
        int headEnd;
        while ((headEnd = IndexOfBlankLine(seen)) < 0)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return null;
            }

            seen.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        var lines = Encoding.ASCII.GetString(seen.GetRange(0, headEnd).ToArray()).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        var length = headers.Where(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Select(h => int.Parse(h.Value, CultureInfo.InvariantCulture)).FirstOrDefault();
        var body = seen.Skip(headEnd + 4).ToList();
        while (body.Count < length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, length - body.Count)), cancellationToken);
            if (read == 0)
            {
                break;
            }

            body.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        return new ReceivedRequest(requestLine[0], requestLine[1], headers, Encoding.UTF8.GetString(body.ToArray()));
    }

    public static Task WriteAsync(NetworkStream stream, string text, CancellationToken cancellationToken) =>
        stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).AsTask();

    /// <summary>Writes a whole response that closes the connection, so the client never reuses it.</summary>
    public static async Task RespondAsync(NetworkStream stream, string status, string? location, string body, CancellationToken cancellationToken)
    {
        var head = new StringBuilder("HTTP/1.1 ").Append(status).Append("\r\nConnection: close\r\nContent-Type: application/json\r\n");
        if (location is not null)
        {
            head.Append("Location: ").Append(location).Append("\r\n");
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        head.Append("Content-Length: ").Append(bytes.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n");
        await WriteAsync(stream, head.ToString(), cancellationToken);
        await stream.WriteAsync(bytes, cancellationToken);
        await stream.FlushAsync(cancellationToken);
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

    private static int IndexOfBlankLine(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    private static IPAddress FindOtherLoopback()
    {
        var other = IPAddress.Parse("127.0.0.2");
        try
        {
            var probe = new TcpListener(other, 0);
            probe.Start();
            probe.Stop();
            return other;
        }
        catch (SocketException)
        {
            return IPAddress.Loopback;
        }
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
                        var request = await ReadRequestAsync(stream, _stop.Token);
                        if (request is null)
                        {
                            return;
                        }

                        _received.Enqueue(request);
                        await _script(request, stream, _stop.Token);
                    }
                    catch (Exception ex) when (ex is OperationCanceledException or System.IO.IOException or SocketException or ObjectDisposedException)
                    {
                        // The client gave up or the test ended: both are expected endings of a hostile script.
                    }
                }
            });
        }
    }
}

/// <summary>A request as it reached a <see cref="ScriptedServer"/>.</summary>
/// <param name="Method">The method.</param>
/// <param name="Target">The request target: path and query.</param>
/// <param name="Headers">The headers, in order, as sent.</param>
/// <param name="Body">The body (empty when there was none).</param>
internal sealed record ReceivedRequest(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body)
{
    /// <summary>The value of a header, or <see langword="null"/> when the request did not carry it.</summary>
    public string? Header(string name) => Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();
}
