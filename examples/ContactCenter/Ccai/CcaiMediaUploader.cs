using System;
using System.IO;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EndpointGen.Runtime;

namespace ContactCenter.Ccai;

/// <summary>
/// Adds a photo or a video to a CCAI chat. That takes four calls, which this class makes in order:
/// ask CCAI for a presigned upload (<c>CreatePhotoUpload</c> / <c>CreateVideoUpload</c>), POST the file to
/// the media storage with every returned form field (<see cref="PostToStorageAsync"/>, through the generated
/// <c>UploadToStorage</c>), attach the stored file to the chat with its <c>key</c> as <c>s3_path</c>
/// (<c>AddPhotos</c> / <c>AddVideo</c>), and list the chat's media (<c>ListPhotos</c> / <c>ListVideos</c>).
/// </summary>
/// <remarks>
/// The storage POST goes to the storage's own URL (S3 or Google Cloud Storage) and carries no CCAI
/// credentials (<c>UploadToStorage</c> is declared <c>auth: none</c>): the signed policy among the form
/// fields authorizes it. Plain http URLs are refused except to loopback unless the client's
/// <see cref="CcaiClientOptions"/> set <c>AllowInsecureHttp</c>, as for every generated call.
/// </remarks>
public sealed class CcaiMediaUploader
{
    /// <summary>The form field that holds the storage key (later the <c>s3_path</c>).</summary>
    public const string KeyField = "key";

    /// <summary>The name of the file part, which comes after every field (the <c>file</c> field of <c>StorageUpload</c> in the descriptor).</summary>
    public const string FilePartName = "file";

    // S3 lets a policy leave the file name to the browser; the stored key then has it in place of this.
    private const string FileNameVariable = "${filename}";

    private readonly ICcaiClient _client;

    /// <summary>Creates the uploader.</summary>
    /// <param name="client">The CCAI client; its options (<c>AllowInsecureHttp</c>, the HTTP client) serve the storage POST too.</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    public CcaiMediaUploader(ICcaiClient client)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
    }

    /// <summary>Uploads a photo, attaches it to a chat and lists the chat's photos.</summary>
    /// <param name="chatId">The chat.</param>
    /// <param name="content">The photo's bytes, read from the current position to the end; the stream is left open.</param>
    /// <param name="fileName">The photo's file name (<c>receipt.jpg</c>).</param>
    /// <param name="photoType">The <c>photo_type</c> to attach it with; by default the content type the upload policy names (<c>image/jpeg</c>).</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The storage key, the attached media and the chat's photos.</returns>
    /// <exception cref="CcaiApiException">
    /// CCAI refused a call, or the media storage refused the file (operation <c>UploadToStorage</c>; its XML
    /// error document is in <see cref="ApiException.ResponseBody"/>).
    /// </exception>
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
    /// <exception cref="CcaiApiException">
    /// CCAI refused a call, or the media storage refused the file (operation <c>UploadToStorage</c>; its XML
    /// error document is in <see cref="ApiException.ResponseBody"/>).
    /// </exception>
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
    /// Posts a file to the media storage as a presigned upload prescribes, with the generated
    /// <c>UploadToStorage</c>: one multipart/form-data POST to <see cref="PresignedUpload.Url"/> with every entry
    /// of <see cref="PresignedUpload.Fields"/>, in the order CCAI returned them and with their exact values, then
    /// the file as the last part, named <c>file</c>, typed by the policy's <c>Content-Type</c> field.
    /// </summary>
    /// <param name="upload">The presigned upload from <c>CreatePhotoUpload</c> or <c>CreateVideoUpload</c>.</param>
    /// <param name="content">The file's bytes, read from the current position to the end; the stream is left open.</param>
    /// <param name="fileName">The file name sent with the file part (its path dropped, and characters outside printable ASCII replaced by <c>_</c>).</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The storage key of the file: the <c>s3_path</c> to attach it with (a <c>${filename}</c> in it replaced by the file name sent).</returns>
    /// <exception cref="ArgumentException">
    /// The upload's URL is not absolute https (plain http is accepted for loopback, or with the client's
    /// <c>AllowInsecureHttp</c>), the upload has no <c>key</c> field, or the file name is empty.
    /// </exception>
    /// <exception cref="CcaiApiException">
    /// The storage answered with a status other than 2xx (operation <c>UploadToStorage</c>); its XML error document
    /// (<c>&lt;Error&gt;&lt;Code&gt;AccessDenied&lt;/Code&gt;...</c>) is in <see cref="ApiException.ResponseBody"/>.
    /// </exception>
    public async Task<string> PostToStorageAsync(PresignedUpload upload, Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        CheckFile(content, fileName);
        // The URL is not echoed in this message: a presigned URL may carry its signature in the query. The generated
        // call checks the rest (https, or http to loopback or with AllowInsecureHttp; no user-info).
        if (!Uri.TryCreate(upload.Url, UriKind.Absolute, out var url))
        {
            throw new ArgumentException("The presigned upload's url is not an absolute https URL.", nameof(upload));
        }

        var key = FieldValue(upload, KeyField)
            ?? throw new ArgumentException("The presigned upload has no 'key' field, so the stored file could not be attached afterwards.", nameof(upload));
        var partFileName = SafeFileName(fileName);
        var contentType = MediaTypeHeaderValue.TryParse(FieldValue(upload, "Content-Type"), out var policyType) ? policyType.MediaType : null;

        // The generated call never disposes the caller's stream.
        var form = new StorageUpload { Fields = upload.Fields, File = new FileContent(content, partFileName, contentType) };
        await _client.UploadToStorageAsync(url, form, cancellationToken).ConfigureAwait(false);
        return key.Replace(FileNameVariable, partFileName, StringComparison.Ordinal);
    }

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
}
