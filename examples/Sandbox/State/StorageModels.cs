using System;
using System.Collections.Generic;

namespace Sandbox;

/// <summary>A presigned upload the sandbox issued (CCAI <c>photos/upload</c> or <c>videos/upload</c>).</summary>
/// <param name="Key">The storage key (the <c>key</c> field; later the <c>s3_path</c>).</param>
/// <param name="ChatId">The chat it was issued for.</param>
/// <param name="Kind">Photo or video.</param>
/// <param name="Fields">Every form field issued, exactly as returned to the client.</param>
/// <param name="Expiration">When the policy stops being accepted.</param>
public sealed record IssuedUpload(string Key, long ChatId, CcaiMediaKind Kind, IReadOnlyDictionary<string, string> Fields, DateTimeOffset Expiration);

/// <summary>An object that was actually uploaded to the sandbox storage.</summary>
/// <param name="Key">Storage key.</param>
/// <param name="ChatId">The chat the upload was issued for.</param>
/// <param name="Kind">Photo or video.</param>
/// <param name="ContentType">The <c>Content-Type</c> field of the upload form.</param>
/// <param name="FileName">The file name of the <c>file</c> part, if the client sent one.</param>
/// <param name="Content">The uploaded bytes.</param>
/// <param name="ETag">Quoted hex MD5 of the content, as S3 reports it.</param>
/// <param name="UploadedAt">When the upload completed.</param>
public sealed record StoredUpload(
    string Key,
    long ChatId,
    CcaiMediaKind Kind,
    string ContentType,
    string? FileName,
    ReadOnlyMemory<byte> Content,
    string ETag,
    DateTimeOffset UploadedAt);
