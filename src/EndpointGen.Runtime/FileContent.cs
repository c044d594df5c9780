using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace EndpointGen.Runtime;

/// <summary>
/// A file to send: a <c>file</c> part of a multipart body, or a whole binary body (<c>body: file</c>). Made from a
/// <see cref="System.IO.Stream"/> or from bytes, with an optional file name and content type.
/// </summary>
/// <remarks>
/// <para>
/// <b>The stream stays the caller's.</b> The client reads it when the request is sent, from the position it had when
/// this <see cref="FileContent"/> was created, and never disposes it: dispose it yourself once the call's task has
/// completed (<c>using var stream = File.OpenRead(path);</c> around the call). A seekable stream is read again from that
/// position if the request is sent again (a redirect that keeps the body); a non-seekable one can be sent once, and is
/// sent with chunked transfer encoding, since its length is unknown.
/// </para>
/// <para>
/// The content type sent is <see cref="ContentType"/> when set; otherwise, for a whole body, the descriptor's
/// <c>contentType</c>; otherwise <c>application/octet-stream</c>. In a multipart body the part's file name is
/// <see cref="FileName"/>, or the part's name when that is unset (a part without a file name is not a file to most servers).
/// </para>
/// </remarks>
public sealed class FileContent
{
    private readonly Stream? _stream;
    private readonly byte[]? _bytes;
    private readonly long _start;

    /// <summary>A file read from a stream when the request is sent.</summary>
    /// <param name="stream">The content, read from its current position to its end; the caller disposes it after the call.</param>
    /// <param name="fileName">The file name, such as <c>photo.png</c>; <see langword="null"/> for none.</param>
    /// <param name="contentType">The media type, such as <c>image/png</c>; <see langword="null"/> for the descriptor's or <c>application/octet-stream</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The stream cannot be read, the file name holds a line break or NUL, or the content type is not a media type.</exception>
    public FileContent(Stream stream, string? fileName = null, string? contentType = null)
        : this(fileName, contentType)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(stream));
        }

        _start = stream.CanSeek ? stream.Position : -1;
    }

    /// <summary>A file held in memory.</summary>
    /// <param name="bytes">The content; not copied, so do not change it until the call has completed.</param>
    /// <param name="fileName">The file name, such as <c>photo.png</c>; <see langword="null"/> for none.</param>
    /// <param name="contentType">The media type, such as <c>image/png</c>; <see langword="null"/> for the descriptor's or <c>application/octet-stream</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="bytes"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The file name holds a line break or NUL, or the content type is not a media type.</exception>
    public FileContent(byte[] bytes, string? fileName = null, string? contentType = null)
        : this(fileName, contentType)
    {
        _bytes = bytes ?? throw new ArgumentNullException(nameof(bytes));
    }

    private FileContent(string? fileName, string? contentType)
    {
        if (fileName is not null && fileName.IndexOfAny(new[] { '\r', '\n', '\0' }) >= 0)
        {
            throw new ArgumentException("The file name contains a line break or NUL character.", nameof(fileName));
        }

        if (contentType is not null)
        {
            try
            {
                _ = MediaTypeHeaderValue.Parse(contentType);
            }
            catch (FormatException ex)
            {
                throw new ArgumentException("'" + contentType + "' is not a media type such as image/png.", nameof(contentType), ex);
            }
        }

        FileName = fileName;
        ContentType = contentType;
    }

    /// <summary>The file name sent with a multipart file part; <see langword="null"/> when none was given.</summary>
    public string? FileName { get; }

    /// <summary>The media type given by the caller; <see langword="null"/> when none was.</summary>
    public string? ContentType { get; }

    /// <summary>The content as HTTP content typed <paramref name="fallbackContentType"/> unless <see cref="ContentType"/> is set.</summary>
    internal HttpContent CreateContent(string fallbackContentType)
    {
        HttpContent content = _bytes is not null ? new ByteArrayContent(_bytes) : new CallerStreamContent(_stream!, _start);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType ?? fallbackContentType);
        return content;
    }

    /// <summary>
    /// A caller's stream as content, which (unlike <see cref="StreamContent"/>) leaves the stream open when the request
    /// is disposed, and rewinds a seekable stream to where it started for each send.
    /// </summary>
    private sealed class CallerStreamContent : HttpContent
    {
        private readonly Stream _stream;
        private readonly long _start;
        private int _sent;

        public CallerStreamContent(Stream stream, long start)
        {
            _stream = stream;
            _start = start;
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => CopyAsync(stream, CancellationToken.None);

#if NET5_0_OR_GREATER
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) => CopyAsync(stream, cancellationToken);
#endif

        protected override bool TryComputeLength(out long length)
        {
            if (_start >= 0)
            {
                length = Math.Max(0, _stream.Length - _start);
                return true;
            }

            length = 0;
            return false;
        }

        private Task CopyAsync(Stream target, CancellationToken cancellationToken)
        {
            if (_start >= 0)
            {
                _stream.Position = _start;
            }
            else if (Interlocked.Exchange(ref _sent, 1) != 0)
            {
                throw new InvalidOperationException("The file's stream cannot seek, so it can be sent only once.");
            }

            return _stream.CopyToAsync(target, 81920, cancellationToken);
        }
    }
}
