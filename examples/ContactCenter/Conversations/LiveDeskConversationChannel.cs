using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.LiveDesk;

namespace ContactCenter.Conversations;

/// <summary>LiveDesk conversations as an <see cref="IConversationChannel"/>: start only (<c>POST /api/v2/accounts/conversations</c>).</summary>
/// <remarks>
/// <c>spec/livedesk.endpoints.yaml</c> transcribes the one page LiveDesk documents: creating a
/// conversation. Posting messages and resolving (ending) a conversation exist in Chatwoot, which
/// LiveDesk derives from, but are not in the spec, so <see cref="SendMessageAsync"/> and
/// <see cref="EndAsync"/> throw <see cref="NotSupportedException"/>; a conversation is ended by an agent
/// in LiveDesk itself.
/// </remarks>
public sealed class LiveDeskConversationChannel : IConversationChannel
{
    private readonly ILiveDeskClient _client;
    private readonly long _inboxId;

    /// <summary>Creates the channel over a generated LiveDesk client.</summary>
    /// <param name="client">The client.</param>
    /// <param name="inboxId">The channel (inbox) new conversations go to (<c>inbox_id</c>; the documentation's example is 407).</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inboxId"/> is not positive.</exception>
    public LiveDeskConversationChannel(ILiveDeskClient client, long inboxId)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inboxId);
        _inboxId = inboxId;
    }

    /// <inheritdoc/>
    public string Vendor => LiveDeskClient.ServiceName;

    /// <inheritdoc/>
    public ConversationCapabilities Capabilities => ConversationCapabilities.None;

    /// <inheritdoc/>
    /// <remarks>
    /// LiveDesk identifies the sender by <c>contact_id</c> or <c>source_id</c>; this sends
    /// <see cref="ConversationRequest.CustomerReference"/> as <c>source_id</c>. When you hold LiveDesk's
    /// own contact id, use <see cref="StartForContactAsync"/>.
    /// </remarks>
    /// <exception cref="ArgumentException"><see cref="ConversationRequest.CustomerReference"/> is not set.</exception>
    /// <exception cref="InvalidOperationException">LiveDesk answered without a conversation id.</exception>
    public Task<ConversationHandle> StartAsync(ConversationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sourceId = ChannelArguments.OrNull(request.CustomerReference)
            ?? throw new ArgumentException("LiveDesk needs to know the sender: set CustomerReference (sent as source_id), or call StartForContactAsync with a LiveDesk contact id.", nameof(request));
        return CreateAsync(new CreateConversationRequest { InboxId = _inboxId, SourceId = sourceId }, cancellationToken);
    }

    /// <summary>Starts a conversation for a contact LiveDesk already knows (<c>contact_id</c>, the <c>id</c> its create-contact call returned).</summary>
    /// <param name="contactId">The LiveDesk contact id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The handle of the new conversation.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="contactId"/> is not positive.</exception>
    /// <exception cref="LiveDeskApiException">LiveDesk refused the call.</exception>
    /// <exception cref="InvalidOperationException">LiveDesk answered without a conversation id.</exception>
    public Task<ConversationHandle> StartForContactAsync(long contactId, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(contactId);
        return CreateAsync(new CreateConversationRequest { InboxId = _inboxId, ContactId = contactId }, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>Always throws: the LiveDesk spec has no message operation.</remarks>
    public Task SendMessageAsync(ConversationHandle conversation, string text, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The LiveDesk API in spec/livedesk.endpoints.yaml has no operation that posts a message (check Capabilities before calling SendMessageAsync).");

    /// <inheritdoc/>
    /// <remarks>Always throws: the LiveDesk spec has no operation that ends or resolves a conversation.</remarks>
    public Task EndAsync(ConversationHandle conversation, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The LiveDesk API in spec/livedesk.endpoints.yaml has no operation that ends or resolves a conversation (check Capabilities before calling EndAsync).");

    /// <summary>LiveDesk's conversation id of a handle this channel issued.</summary>
    /// <param name="conversation">The handle.</param>
    /// <returns>The conversation id.</returns>
    /// <exception cref="ArgumentException">The handle is not a LiveDesk conversation.</exception>
    public static long GetConversationId(ConversationHandle conversation)
    {
        var id = ChannelArguments.IdOf(conversation, LiveDeskClient.ServiceName);
        return long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var conversationId)
            ? conversationId
            : throw new ArgumentException($"'{id}' is not a LiveDesk conversation id.", nameof(conversation));
    }

    private async Task<ConversationHandle> CreateAsync(CreateConversationRequest body, CancellationToken cancellationToken)
    {
        var conversation = await _client.CreateConversationAsync(body, cancellationToken).ConfigureAwait(false);

        // Every response field is optional in the descriptor (the page marks them "Required: No").
        var id = conversation.Id ?? throw new InvalidOperationException("LiveDesk created a conversation but its answer carries no conversation id.");
        return new ConversationHandle(Vendor, id.ToString(CultureInfo.InvariantCulture));
    }
}
