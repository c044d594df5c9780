using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Sandbox;

/// <summary>
/// A tiny S3 look-alike for CCAI presigned uploads. <c>POST /sandbox-storage/upload</c> takes a
/// browser-style POST-policy upload: multipart/form-data carrying every issued field with its issued
/// value, then the <c>file</c> part last. Errors are S3's XML documents. Uploaded objects can be read
/// back with <c>GET /sandbox-storage/{key}</c> (the URLs CCAI hands out for attached media).
/// Unlike a real bucket it is stricter than S3 in two ways, to catch client bugs: no extra fields
/// and no parts after the file.
/// </summary>
internal sealed class UploadEndpoints(SandboxContext context) : VendorApi(context)
{
    public const string StoragePrefix = "/sandbox-storage";
    public const string UploadPath = StoragePrefix + "/upload";

    /// <summary>Largest form field value accepted (a policy is a few hundred bytes).</summary>
    private const int MaxFieldBytes = 64 * 1024;

    /// <summary>Largest file part read at all; the per-kind limit of the policy is checked afterwards.</summary>
    private const long MaxFileBytes = 64L * 1024 * 1024;

    public override SandboxVendor Vendor => SandboxVendor.Storage;

    public override PathString Prefix => StoragePrefix;

    public override void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost(UploadPath, (RequestDelegate)UploadAsync);
        routes.MapMethods(StoragePrefix + "/{**key}", [HttpMethods.Get, HttpMethods.Head], (RequestDelegate)DownloadAsync);
    }

    /// <summary>Storage is authorized by the signed policy, not by HTTP credentials.</summary>
    public override bool IsAuthorized(HttpRequest request) => true;

    public override Task WriteErrorAsync(HttpContext context, int status, string message) =>
        WriteS3ErrorAsync(context, status, status >= 500 ? "InternalError" : "InvalidRequest", message);

    public override Task WriteUnauthorizedAsync(HttpContext context) =>
        WriteS3ErrorAsync(context, StatusCodes.Status403Forbidden, "AccessDenied", "Access Denied");

    public override Task WriteNotFoundAsync(HttpContext context) =>
        WriteS3ErrorAsync(context, StatusCodes.Status404NotFound, "NoSuchKey", "The specified key does not exist.");

    public override Task WriteMethodNotAllowedAsync(HttpContext context) =>
        WriteS3ErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed", "The specified method is not allowed against this resource.");

    private async Task UploadAsync(HttpContext http)
    {
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediaType) ||
            !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            await Fail(http, "PreconditionFailed", "Bucket POST must be of the enclosure-type multipart/form-data");
            return;
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            await Fail(http, "MalformedPOSTRequest", "The multipart/form-data Content-Type has no boundary.");
            return;
        }

        // 1. Read the form in order: fields first, then exactly one "file" part as the very last part.
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        byte[]? file = null;
        string? fileName = null;
        try
        {
            var reader = new MultipartReader(boundary, http.Request.Body) { HeadersLengthLimit = 16 * 1024, BodyLengthLimit = null };
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync(http.RequestAborted)) is not null)
            {
                if (file is not null)
                {
                    await Fail(http, "InvalidArgument", "The file must be the last part of the form; a part follows it.");
                    return;
                }

                var disposition = section.GetContentDispositionHeader();
                var name = disposition is null ? null : HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (disposition is null || !disposition.IsFormDisposition() && !disposition.IsFileDisposition() || string.IsNullOrEmpty(name))
                {
                    await Fail(http, "MalformedPOSTRequest", "Every part needs a Content-Disposition: form-data header with a name.");
                    return;
                }

                if (name == "file")
                {
                    file = await ReadLimitedAsync(section.Body, MaxFileBytes + 1, http);
                    if (file.Length > MaxFileBytes)
                    {
                        await Fail(http, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size.");
                        return;
                    }

                    fileName = HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                    continue;
                }

                if (disposition.IsFileDisposition())
                {
                    await Fail(http, "InvalidArgument", $"POST requires exactly one file upload per request; unexpected file part '{name}'.");
                    return;
                }

                var bytes = await ReadLimitedAsync(section.Body, MaxFieldBytes + 1, http);
                if (bytes.Length > MaxFieldBytes)
                {
                    await Fail(http, "InvalidArgument", $"Form field '{name}' is too large.");
                    return;
                }

                if (!fields.TryAdd(name, Encoding.UTF8.GetString(bytes)))
                {
                    await Fail(http, "InvalidArgument", $"Form field '{name}' appears more than once.");
                    return;
                }
            }
        }
        catch (InvalidDataException ex)
        {
            await Fail(http, "MalformedPOSTRequest", "The body of your POST request is not well-formed multipart/form-data. " + ex.Message);
            return;
        }
        catch (IOException ex) when (!http.RequestAborted.IsCancellationRequested)
        {
            await Fail(http, "MalformedPOSTRequest", "The body of your POST request is not well-formed multipart/form-data. " + ex.Message);
            return;
        }

        // 2. Check the form against what was issued, in the order S3 reports problems.
        var problem = Verify(fields, file, out var issued);
        if (problem is not null)
        {
            await Fail(http, problem.Value.Code, problem.Value.Message);
            return;
        }

        var etag = "\"" + Convert.ToHexStringLower(MD5.HashData(file!)) + "\"";
        var upload = new StoredUpload(issued!.Key, issued.ChatId, issued.Kind, issued.Fields["Content-Type"], fileName, file, etag, Context.Now);
        State.PutUpload(upload);

        // 3. Answer like S3 does for success_action_status=201.
        var location = Context.Origin + StoragePrefix + "/" + upload.Key;
        var xml = new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(
                "PostResponse",
                new XElement("Location", location),
                new XElement("Bucket", PostPolicy.Bucket),
                new XElement("Key", upload.Key),
                new XElement("ETag", etag)));
        http.Response.Headers[HeaderNames.Location] = location;
        http.Response.Headers[HeaderNames.ETag] = etag;
        await WriteXmlAsync(http, int.Parse(issued.Fields["success_action_status"], System.Globalization.CultureInfo.InvariantCulture), xml);
    }

    private (string Code, string Message)? Verify(Dictionary<string, string> fields, byte[]? file, out IssuedUpload? issued)
    {
        issued = null;
        foreach (var required in new[] { "key", "policy", "x-amz-algorithm", "x-amz-credential", "x-amz-date", "x-amz-signature" })
        {
            if (!fields.ContainsKey(required))
            {
                return ("InvalidArgument", $"Bucket POST must contain a field named '{required}'.  If it is specified, please check the order of the fields.");
            }
        }

        if (fields["x-amz-algorithm"] != PostPolicy.Algorithm)
        {
            return ("InvalidArgument", $"Only {PostPolicy.Algorithm} is supported for x-amz-algorithm.");
        }

        var expectedSignature = PostPolicy.Sign(fields["policy"], Context.Options.StorageSigningSecret);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expectedSignature), Encoding.ASCII.GetBytes(fields["x-amz-signature"])))
        {
            return ("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
        }

        if (PolicyExpiration(fields["policy"]) is not { } expiration)
        {
            return ("InvalidPolicyDocument", "Invalid Policy: Invalid JSON.");
        }

        if (expiration <= Context.Now)
        {
            return ("AccessDenied", "Invalid according to Policy: Policy expired.");
        }

        // The signature proves the policy is genuine; the policy must also be the one issued for this key.
        issued = State.FindIssuedUpload(fields["key"]);
        if (issued is null || issued.Fields["policy"] != fields["policy"])
        {
            issued = null;
            return ("AccessDenied", $"Invalid according to Policy: Policy Condition failed: [\"eq\", \"$key\", \"{fields["key"]}\"]");
        }

        foreach (var name in PostPolicy.FieldOrder)
        {
            if (!fields.TryGetValue(name, out var value) || value != issued.Fields[name])
            {
                return ("AccessDenied", $"Invalid according to Policy: Policy Condition failed: [\"eq\", \"${name}\", \"{issued.Fields[name]}\"]");
            }
        }

        var issuedFields = issued.Fields;
        var extra = fields.Keys.Where(k => !issuedFields.ContainsKey(k)).ToArray();
        if (extra.Length > 0)
        {
            return ("AccessDenied", "Invalid according to Policy: Extra input fields: " + string.Join(", ", extra));
        }

        if (file is null)
        {
            return ("InvalidArgument", "POST requires exactly one file upload per request (a part named 'file', last).");
        }

        if (file.Length == 0)
        {
            return ("EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size.");
        }

        if (file.Length > PostPolicy.MaxBytes(issued.Kind))
        {
            return ("EntityTooLarge", "Your proposed upload exceeds the maximum allowed size.");
        }

        return null;
    }

    private static DateTimeOffset? PolicyExpiration(string policy)
    {
        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(policy));
            return document.RootElement.TryGetProperty("expiration", out var expiration) && expiration.TryGetDateTimeOffset(out var value) ? value : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private async Task DownloadAsync(HttpContext http)
    {
        var key = (string?)http.Request.RouteValues["key"] ?? string.Empty;
        if (State.GetUpload(key) is not { } upload)
        {
            await WriteNotFoundAsync(http);
            return;
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = upload.ContentType;
        http.Response.ContentLength = upload.Content.Length;
        http.Response.Headers[HeaderNames.ETag] = upload.ETag;
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await http.Response.Body.WriteAsync(upload.Content, http.RequestAborted);
        }
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream body, long limit, HttpContext http)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length >= limit)
            {
                break; // the caller reports "too large"; no need to buffer the rest
            }
        }

        return buffer.ToArray();
    }

    private static Task Fail(HttpContext http, string code, string message) =>
        WriteS3ErrorAsync(http, StatusCodes.Status400BadRequest, code, message);

    private static Task WriteS3ErrorAsync(HttpContext http, int status, string code, string message)
    {
        var xml = new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(
                "Error",
                new XElement("Code", code),
                new XElement("Message", message),
                new XElement("Resource", http.Request.Path.Value),
                new XElement("RequestId", Guid.NewGuid().ToString("N")[..16].ToUpperInvariant())));
        return WriteXmlAsync(http, status, xml);
    }

    private static async Task WriteXmlAsync(HttpContext http, int status, XDocument xml)
    {
        var body = Encoding.UTF8.GetBytes(xml.Declaration + "\n" + xml.Root!.ToString(SaveOptions.DisableFormatting));
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/xml";
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }
}
