using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;

namespace ContactCenter.Ccai;

/// <summary>
/// Adds a photo or a video to a CCAI chat. That takes four calls, which this class makes in order:
/// ask CCAI for a presigned upload (<c>CreatePhotoUpload</c> / <c>CreateVideoUpload</c>), POST the file to
/// the media storage with every returned form field (<see cref="PostToStorageAsync"/>), attach the stored
/// file to the chat with its <c>key</c> as <c>s3_path</c> (<c>AddPhotos</c> / <c>AddVideo</c>), and list the
/// chat's media (<c>ListPhotos</c> / <c>ListVideos</c>).
/// </summary>
/// <remarks>
/// The storage POST goes to the storage's own URL (S3 or Google Cloud Storage) and carries no CCAI
/// credentials: the signed policy among the form fields authorizes it. The HTTP client given for it may
/// be the one the <see cref="CcaiClient"/> uses, since generated clients put their credentials on each
/// request, never on the <see cref="HttpClient"/>.
/// </remarks>
public sealed class CcaiMediaUploader
{
    /// <summary>The form field that holds the storage key (later the <c>s3_path</c>).</summary>
    public const string KeyField = "key";

    /// <summary>The name of the file part, which comes after every field.</summary>
    public const string FilePartName = "file";

    // S3 lets a policy leave the file name to the browser; the stored key then has it in place of this.
    private const string FileNameVariable = "${filename}";

    // Storage error documents are a few hundred bytes; anything larger is not one.
    private const long MaxErrorBodyBytes = 64 * 1024;

    private readonly ICcaiClient _client;
    private readonly HttpClient _storage;

    /// <summary>Creates the uploader.</summary>
    /// <param name="client">The CCAI client.</param>
    /// <param name="storageHttpClient">The HTTP client that posts files to the media storage.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public CcaiMediaUploader(ICcaiClient client, HttpClient storageHttpClient)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _storage = storageHttpClient ?? throw new ArgumentNullException(nameof(storageHttpClient));
    }

    /// <summary>
    /// Allow storage URLs with plain http to hosts other than loopback. Off by default, like the generated
    /// clients' <c>AllowInsecureHttp</c>: the signed policy and the file would cross the network in clear.
    /// </summary>
    public bool AllowInsecureHttp { get; init; }

    /// <summary>Uploads a photo, attaches it to a chat and lists the chat's photos.</summary>
    /// <param name="chatId">The chat.</param>
    /// <param name="content">The photo's bytes, read from the current position to the end; the stream is left open.</param>
    /// <param name="fileName">The photo's file name (<c>receipt.jpg</c>).</param>
    /// <param name="photoType">The <c>photo_type</c> to attach it with; by default the content type the upload policy names (<c>image/jpeg</c>).</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The storage key, the attached media and the chat's photos.</returns>
    /// <exception cref="CcaiApiException">CCAI refused a call.</exception>
    /// <exception cref="CcaiUploadException">The media storage refused the file.</exception>
    public async Task<CcaiUploadedMedia> UploadPhotoAsync(long chatId, Stream content, string fileName, string? photoType = null, CancellationToken cancellationToken = default)
    {
        CheckFile(content, fileName);
        var upload = await _client.CreatePhotoUploadAsync(chatId, cancellationToken).ConfigureAwait(false);
        var key = await PostToStorageAsync(upload, content, fileName, cancellationToken).ConfigureAwait(false);
        var attachment = new PhotoAttachment { S3Path = key, PhotoType = photoType ?? FieldValue(upload, "Content-Type") };
        var attached = await _client.AddPhotosAsync(chatId, new AddPhotosRequest { Photo = [attachment] }, cancellationToken).ConfigureAwait(false);
        var photos = await _client.ListPhotosAsync(chatId, cancellationToken).ConfigureAwait(false);
        return new CcaiUploadedMedia(key, attached, photos);
    }

    /// <summary>Uploads a video, attaches it to a chat and lists the chat's videos.</summary>
    /// <param name="chatId">The chat.</param>
    /// <param name="content">The video's bytes, read from the current position to the end; the stream is left open.</param>
    /// <param name="fileName">The video's file name (<c>unboxing.mp4</c>).</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The storage key, the attached media and the chat's videos.</returns>
    /// <exception cref="CcaiApiException">CCAI refused a call.</exception>
    /// <exception cref="CcaiUploadException">The media storage refused the file.</exception>
    public async Task<CcaiUploadedMedia> UploadVideoAsync(long chatId, Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        CheckFile(content, fileName);
        var upload = await _client.CreateVideoUploadAsync(chatId, cancellationToken).ConfigureAwait(false);
        var key = await PostToStorageAsync(upload, content, fileName, cancellationToken).ConfigureAwait(false);
        var attached = await _client.AddVideoAsync(chatId, new AddVideoRequest { Video = new VideoAttachment { S3Path = key } }, cancellationToken).ConfigureAwait(false);
        var videos = await _client.ListVideosAsync(chatId, cancellationToken).ConfigureAwait(false);
        return new CcaiUploadedMedia(key, attached, videos);
    }

    /// <summary>
    /// Posts a file to the media storage as a presigned upload prescribes: one multipart/form-data POST to
    /// <see cref="PresignedUpload.Url"/> with every entry of <see cref="PresignedUpload.Fields"/>, in the order
    /// CCAI returned them and with their exact values, then the file as the last part, named <c>file</c>.
    /// </summary>
    /// <param name="upload">The presigned upload from <c>CreatePhotoUpload</c> or <c>CreateVideoUpload</c>.</param>
    /// <param name="content">The file's bytes, read from the current position to the end; the stream is left open.</param>
    /// <param name="fileName">The file name sent with the file part.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The storage key of the file: the <c>s3_path</c> to attach it with.</returns>
    /// <exception cref="ArgumentException">
    /// The upload's URL is not absolute https (plain http is accepted for loopback, or with <see cref="AllowInsecureHttp"/>),
    /// the upload has no <c>key</c> field, or the file name is empty.
    /// </exception>
    /// <exception cref="CcaiUploadException">The storage answered with a status other than 2xx.</exception>
    public async Task<string> PostToStorageAsync(PresignedUpload upload, Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        CheckFile(content, fileName);
        // The URL is not echoed in these messages: a presigned URL may carry its signature in the query.
        if (!Uri.TryCreate(upload.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The presigned upload's url is not an absolute https URL.", nameof(upload));
        }

        if (url.Scheme == Uri.UriSchemeHttp && !AllowInsecureHttp && !IsLoopback(url))
        {
            throw new ArgumentException("The presigned upload's url uses plain http, which would send the signed policy and the file in clear; set AllowInsecureHttp to opt in.", nameof(upload));
        }

        var key = FieldValue(upload, KeyField)
            ?? throw new ArgumentException("The presigned upload has no 'key' field, so the stored file could not be attached afterwards.", nameof(upload));
        var partFileName = SafeFileName(fileName);

        // The form and the request are deliberately not disposed: disposing them would close the
        // caller's stream, which the caller owns. They hold no unmanaged resources of their own.
        var form = new MultipartFormDataContent();
        foreach (var field in upload.Fields)
        {
            // A plain part without a Content-Type of its own, as a browser sends a form field.
            var part = new ByteArrayContent(Encoding.UTF8.GetBytes(field.Value));
            part.Headers.ContentDisposition = FormData(field.Key, fileName: null);
            form.Add(part);
        }

        var file = new StreamContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.TryParse(FieldValue(upload, "Content-Type"), out var contentType)
            ? contentType
            : new MediaTypeHeaderValue("application/octet-stream");
        file.Headers.ContentDisposition = FormData(FilePartName, partFileName);
        form.Add(file);

        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
        using var response = await _storage.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var body = await ReadErrorBodyAsync(response, cancellationToken).ConfigureAwait(false);

            var (code, message) = ReadStorageError(body);
            throw new CcaiUploadException(response, body, code, message);
        }

        return key.Replace(FileNameVariable, partFileName, StringComparison.Ordinal);
    }

    /// <summary>
    /// The storage's error body, at most <see cref="MaxErrorBodyBytes"/> of it; empty when it is larger or breaks
    /// off, since the status still says what happened.
    /// </summary>
    private static async Task<string> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > MaxErrorBodyBytes)
        {
            return string.Empty;
        }

        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var buffer = new byte[MaxErrorBodyBytes + 1];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            return total > MaxErrorBodyBytes ? string.Empty : Encoding.UTF8.GetString(buffer, 0, total);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return string.Empty;
        }
    }

    /// <summary>Whether the URL names this machine, where plain http never crosses a network.</summary>
    private static bool IsLoopback(Uri url) => url.IsLoopback || string.Equals(url.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The part's Content-Disposition, quoted the way browsers write it. Built by hand because
    /// MultipartFormDataContent.Add(content, name, fileName) also writes an RFC 5987 <c>filename*</c>
    /// parameter, which storage POST policies do not expect.
    /// </summary>
    private static ContentDispositionHeaderValue FormData(string name, string? fileName) => new("form-data")
    {
        Name = Quote(name),
        FileName = fileName is null ? null : Quote(fileName),
    };

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "%5C", StringComparison.Ordinal).Replace("\"", "%22", StringComparison.Ordinal) + "\"";

    private static void CheckFile(Stream content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
    }

    /// <summary>A form field by name; S3 compares field names case-insensitively, so an exact match wins, then any case.</summary>
    private static string? FieldValue(PresignedUpload upload, string name)
    {
        if (upload.Fields.TryGetValue(name, out var value))
        {
            return value;
        }

        foreach (var field in upload.Fields)
        {
            if (string.Equals(field.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return field.Value;
            }
        }

        return null;
    }

    /// <summary>The file name as a quoted-string can carry it: no path, quotes, backslashes, controls or non-ASCII.</summary>
    private static string SafeFileName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var safe = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            safe.Append(c is < ' ' or > '~' or '"' or '\\' ? '_' : c);
        }

        return safe.Length == 0 ? "upload" : safe.ToString();
    }

    /// <summary>Reads <c>Code</c> and <c>Message</c> from the XML <c>&lt;Error&gt;</c> document S3 and GCS answer with.</summary>
    private static (string? Code, string? Message) ReadStorageError(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        string? code = null;
        string? message = null;
        try
        {
            // XmlReader's defaults prohibit DTDs, so a hostile body cannot expand entities.
            using var reader = XmlReader.Create(new StringReader(body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "Error")
            {
                return (null, null);
            }

            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element || reader.Depth != 1)
                {
                    reader.Read();
                }
                else if (reader.LocalName == "Code")
                {
                    code = Trimmed(reader.ReadElementContentAsString());
                }
                else if (reader.LocalName == "Message")
                {
                    message = Trimmed(reader.ReadElementContentAsString());
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (XmlException)
        {
            // Not XML (a proxy's HTML page, say): the raw body stays on the exception.
            return (null, null);
        }

        return (code, message);
    }

    private static string? Trimmed(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
