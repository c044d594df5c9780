using System;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Sandbox;

/// <summary>Why a request body could not be used, with the HTTP status to answer.</summary>
internal sealed record BodyProblem(int Status, string Message);

/// <summary>
/// Reads request bodies strictly. The sandbox exists to catch client mistakes, so it refuses what a
/// lenient server would let through: a wrong content type, a body where none belongs, malformed or
/// non-object JSON, duplicate keys.
/// </summary>
internal static class JsonBody
{
    /// <summary>Upper bound for JSON bodies; far above anything the vendors' APIs carry.</summary>
    public const int MaxJsonBytes = 1024 * 1024;

    private static readonly JsonDocumentOptions ParseOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 64,
        AllowDuplicateProperties = false,
    };

    /// <summary>Reads a JSON object body; on success the caller owns (and disposes) the document.</summary>
    public static async Task<(JsonDocument? Document, BodyProblem? Problem)> ReadObjectAsync(HttpContext context)
    {
        if (!IsJsonContentType(context.Request.ContentType))
        {
            return (null, new BodyProblem(StatusCodes.Status415UnsupportedMediaType, "Content-Type must be application/json"));
        }

        var (bytes, tooLarge) = await ReadAllAsync(context.Request, MaxJsonBytes);
        if (tooLarge)
        {
            return (null, new BodyProblem(StatusCodes.Status413PayloadTooLarge, $"request body exceeds {MaxJsonBytes} bytes"));
        }

        if (bytes.Length == 0)
        {
            return (null, new BodyProblem(StatusCodes.Status400BadRequest, "request body is empty; a JSON object is required"));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, ParseOptions);
        }
        catch (JsonException ex)
        {
            return (null, new BodyProblem(StatusCodes.Status400BadRequest, "request body is not valid JSON: " + ex.Message));
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = JsonRules.Describe(document.RootElement.ValueKind);
            document.Dispose();
            return (null, new BodyProblem(StatusCodes.Status400BadRequest, $"request body must be a JSON object, not {kind}"));
        }

        return (document, null);
    }

    /// <summary>
    /// For operations documented without a body: true when the client sent one anyway. A
    /// Content-Type header alone is fine (the vendors' own examples send one with an empty body).
    /// </summary>
    public static async Task<bool> HasBodyAsync(HttpContext context)
    {
        var (bytes, tooLarge) = await ReadAllAsync(context.Request, 0);
        return tooLarge || bytes.Length > 0;
    }

    public static bool IsJsonContentType(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || !mediaType.MediaType.HasValue)
        {
            return false;
        }

        var value = mediaType.MediaType.Value;
        if (mediaType.Charset.HasValue && !mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            // JSON is UTF-8 (RFC 8259); any other declared charset is a client bug.
            return false;
        }

        return value.Equals("application/json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads the whole body, stopping as soon as it exceeds <paramref name="limit"/> bytes.</summary>
    private static async Task<(byte[] Bytes, bool TooLarge)> ReadAllAsync(HttpRequest request, int limit)
    {
        if (request.ContentLength > limit)
        {
            return ([], true);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return ([], true);
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), false);
    }
}
