using System.Collections.Generic;

namespace ContactCenter.Ccai;

/// <summary>The outcome of <see cref="CcaiMediaUploader.UploadPhotoAsync"/> or <see cref="CcaiMediaUploader.UploadVideoAsync"/>.</summary>
/// <param name="StorageKey">Where the file was stored: the presigned upload's <c>key</c>, sent as <c>s3_path</c> when attaching.</param>
/// <param name="Attached">The media id and URL CCAI answered when the file was attached to the chat.</param>
/// <param name="ChatMedia">Every photo (or every video) of the chat after attaching, as CCAI lists them.</param>
public sealed record CcaiUploadedMedia(string StorageKey, Media Attached, IReadOnlyList<Media> ChatMedia);
