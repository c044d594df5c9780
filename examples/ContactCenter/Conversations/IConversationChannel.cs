using System;
using System.Threading;
using System.Threading.Tasks;

namespace ContactCenter.Conversations;

/// <summary>
/// A contact-center vendor seen through the operations every chat channel shares: start a
/// conversation for a customer, post a message into it, and end it. Code that routes customers to
/// Thulium, CCAI Platform or LiveDesk programs against this interface and picks the vendor by
/// configuration.
/// </summary>
/// <remarks>
/// <para>
/// Not every vendor's API offers every operation (see <see cref="Capabilities"/>): an operation the
/// vendor lacks throws <see cref="NotSupportedException"/> before any request is sent.
/// </para>
/// <para>
/// A vendor that refuses a call throws its generated exception (<c>ThuliumApiException</c>,
/// <c>CcaiApiException</c>, <c>LiveDeskApiException</c>). All of them derive from
/// <see cref="EndpointGen.Runtime.ApiException"/>, so vendor-neutral code catches that and reads
/// <see cref="EndpointGen.Runtime.ApiException.StatusCode"/> and
/// <see cref="EndpointGen.Runtime.ApiException.Detail"/> (the vendor's own message).
/// </para>
/// </remarks>
public interface IConversationChannel
{
    /// <summary>The vendor's service name, as its generated client and exceptions spell it (<c>Thulium</c>, <c>Ccai</c>, <c>LiveDesk</c>).</summary>
    string Vendor { get; }

    /// <summary>Which optional operations this vendor's API offers.</summary>
    ConversationCapabilities Capabilities { get; }

    /// <summary>Starts a conversation for a customer.</summary>
    /// <param name="request">Who the customer is; each vendor uses the fields its API has (see <see cref="ConversationRequest"/>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The handle to pass to the other operations.</returns>
    /// <exception cref="ArgumentException">The request lacks what this vendor needs to identify the customer.</exception>
    /// <exception cref="EndpointGen.Runtime.ApiException">The vendor refused the call.</exception>
    Task<ConversationHandle> StartAsync(ConversationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Posts a text message into a running conversation.</summary>
    /// <param name="conversation">A handle returned by this channel's <see cref="StartAsync"/>.</param>
    /// <param name="text">The message text.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the vendor has accepted the message.</returns>
    /// <exception cref="NotSupportedException"><see cref="Capabilities"/> lacks <see cref="ConversationCapabilities.SendMessage"/>.</exception>
    /// <exception cref="ArgumentException">The handle belongs to another vendor, or the text is empty.</exception>
    /// <exception cref="EndpointGen.Runtime.ApiException">The vendor refused the call.</exception>
    Task SendMessageAsync(ConversationHandle conversation, string text, CancellationToken cancellationToken = default);

    /// <summary>Ends a running conversation.</summary>
    /// <param name="conversation">A handle returned by this channel's <see cref="StartAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the vendor has ended the conversation.</returns>
    /// <exception cref="NotSupportedException"><see cref="Capabilities"/> lacks <see cref="ConversationCapabilities.End"/>.</exception>
    /// <exception cref="ArgumentException">The handle belongs to another vendor.</exception>
    /// <exception cref="EndpointGen.Runtime.ApiException">The vendor refused the call (for example because the conversation already ended).</exception>
    Task EndAsync(ConversationHandle conversation, CancellationToken cancellationToken = default);
}
