using System.Net.Http;
using EndpointGen.Runtime;

namespace ContactCenter.Ccai;

/// <summary>
/// Thrown when the media storage (S3 or Google Cloud Storage behind a CCAI presigned upload) refuses
/// the multipart upload. It is an <see cref="ApiException"/> like the generated clients' exceptions, so
/// the same handler reports it: <see cref="ApiException.StatusCode"/>, and in
/// <see cref="ApiException.Detail"/> the storage's error code and message, such as
/// <c>AccessDenied: Invalid according to Policy: Policy expired.</c>
/// </summary>
public sealed class CcaiUploadException : ApiException
{
    /// <summary>The operation name the exception reports: the storage POST of a presigned upload.</summary>
    public const string OperationName = "StorageUpload";

    /// <summary>Creates the exception from the storage's answer.</summary>
    /// <param name="response">The storage's response.</param>
    /// <param name="responseBody">The raw response body (S3 and GCS answer an XML <c>&lt;Error&gt;</c> document).</param>
    /// <param name="storageErrorCode">The error document's <c>Code</c>, when there was one.</param>
    /// <param name="storageMessage">The error document's <c>Message</c>, when there was one.</param>
    public CcaiUploadException(HttpResponseMessage response, string responseBody, string? storageErrorCode, string? storageMessage)
        : base(CcaiClient.ServiceName, OperationName, response, responseBody, Describe(storageErrorCode, storageMessage), null)
    {
        StorageErrorCode = storageErrorCode;
        StorageMessage = storageMessage;
    }

    /// <summary>The storage's error code (<c>AccessDenied</c>, <c>SignatureDoesNotMatch</c>, <c>EntityTooLarge</c>, ...), when it sent one.</summary>
    public string? StorageErrorCode { get; }

    /// <summary>The storage's human-readable error message, when it sent one.</summary>
    public string? StorageMessage { get; }

    private static string? Describe(string? code, string? message) => (code, message) switch
    {
        (null, null) => null,
        (null, _) => message,
        (_, null) => code,
        _ => code + ": " + message,
    };
}
