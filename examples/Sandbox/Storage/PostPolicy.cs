using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Sandbox;

/// <summary>
/// Issues S3-style POST policies for CCAI presigned uploads. The signature is a plain HMAC-SHA256 of
/// the base64 policy with the sandbox's storage secret (not a full SigV4 key derivation): clients
/// only have to echo the fields, and the sandbox only has to tell genuine fields from altered ones.
/// </summary>
internal static class PostPolicy
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public const string Bucket = "sandbox-media";
    public const string SuccessStatus = "201";

    /// <summary>Field names in the order they are issued (and listed in the JSON answer).</summary>
    public static readonly string[] FieldOrder =
    [
        "key", "success_action_status", "Content-Type", "acl", "policy",
        "x-amz-credential", "x-amz-algorithm", "x-amz-date", "x-amz-signature",
    ];

    public static long MaxBytes(CcaiMediaKind kind) => kind == CcaiMediaKind.Photo ? 10L * 1024 * 1024 : 50L * 1024 * 1024;

    public static string ContentType(CcaiMediaKind kind) => kind == CcaiMediaKind.Photo ? "image/jpeg" : "video/mp4";

    public static string Folder(CcaiMediaKind kind) => kind == CcaiMediaKind.Photo ? "photos" : "videos";

    public static IssuedUpload Issue(SandboxContext sandbox, long chatId, CcaiMediaKind kind)
    {
        var now = sandbox.Now;
        var expiration = now + sandbox.Options.UploadPolicyLifetime;
        var key = $"chats/{chatId}/{Folder(kind)}/{Guid.NewGuid():D}";
        var date = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var credential = $"SANDBOXACCESSKEY/{now.UtcDateTime:yyyyMMdd}/us-east-1/s3/aws4_request";

        var conditions = new JsonArray
        {
            new JsonObject { ["bucket"] = Bucket },
            new JsonObject { ["key"] = key },
            new JsonObject { ["success_action_status"] = SuccessStatus },
            new JsonObject { ["Content-Type"] = ContentType(kind) },
            new JsonObject { ["acl"] = "private" },
            new JsonArray { "content-length-range", 1, MaxBytes(kind) },
            new JsonObject { ["x-amz-credential"] = credential },
            new JsonObject { ["x-amz-algorithm"] = Algorithm },
            new JsonObject { ["x-amz-date"] = date },
        };
        var document = new JsonObject
        {
            ["expiration"] = Iso8601(expiration),
            ["conditions"] = conditions,
        };
        var policy = Convert.ToBase64String(JsonResponse.ToUtf8(document));

        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["key"] = key,
            ["success_action_status"] = SuccessStatus,
            ["Content-Type"] = ContentType(kind),
            ["acl"] = "private",
            ["policy"] = policy,
            ["x-amz-credential"] = credential,
            ["x-amz-algorithm"] = Algorithm,
            ["x-amz-date"] = date,
            ["x-amz-signature"] = Sign(policy, sandbox.Options.StorageSigningSecret),
        };
        return new IssuedUpload(key, chatId, kind, fields, expiration);
    }

    public static string Sign(string policy, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(policy)));

    /// <summary>The JSON answer of <c>photos/upload</c> and <c>videos/upload</c>.</summary>
    public static JsonObject ToJson(IssuedUpload upload, string origin)
    {
        var fields = new JsonObject();
        foreach (var name in FieldOrder)
        {
            fields[name] = upload.Fields[name];
        }

        return new JsonObject { ["url"] = origin + UploadEndpoints.UploadPath, ["fields"] = fields };
    }

    /// <summary>The timestamp format of the CCAI docs and of S3 policies: <c>2024-05-02T10:15:30.000Z</c>.</summary>
    public static string Iso8601(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
