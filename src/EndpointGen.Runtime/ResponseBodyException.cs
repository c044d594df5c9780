using System;

namespace EndpointGen.Runtime;

/// <summary>
/// The response body could not be taken in: it broke off, or it was larger than the client's limit. Generated
/// clients' runner turns it into their typed exception, which keeps the status and headers that did arrive.
/// </summary>
internal sealed class ResponseBodyException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, as a clause ("the response body ...").</param>
    /// <param name="innerException">The transport failure, when there was one.</param>
    public ResponseBodyException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
