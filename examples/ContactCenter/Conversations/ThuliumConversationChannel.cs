using System;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Thulium;

namespace ContactCenter.Conversations;

/// <summary>
/// Thulium chat conversations as an <see cref="IConversationChannel"/>: start (<c>chat_conversations/start</c>)
/// and end (<c>chat_conversations/{id}/stop</c>).
/// </summary>
/// <remarks>
/// Thulium's chat API (<c>spec/thulium.endpoints.yaml</c>) has no operation that posts a message, so
/// <see cref="SendMessageAsync"/> throws <see cref="NotSupportedException"/>.
/// </remarks>
public sealed class ThuliumConversationChannel : IConversationChannel
{
    private readonly IThuliumClient _client;
    private readonly int _chatQueueId;

    /// <summary>Creates the channel over a generated Thulium client.</summary>
    /// <param name="client">The client.</param>
    /// <param name="chatQueueId">The chat queue new conversations go to (<c>chat_queue_id</c>; the documentation's example is 3).</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chatQueueId"/> is not positive.</exception>
    public ThuliumConversationChannel(IThuliumClient client, int chatQueueId)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chatQueueId);
        _chatQueueId = chatQueueId;
    }

    /// <inheritdoc/>
    public string Vendor => ThuliumClient.ServiceName;

    /// <inheritdoc/>
    public ConversationCapabilities Capabilities => ConversationCapabilities.End;

    /// <inheritdoc/>
    /// <remarks>Thulium matches the customer in its CRM by <c>client_id</c> (<see cref="ConversationRequest.CustomerReference"/>), then by e-mail.</remarks>
    public async Task<ConversationHandle> StartAsync(ConversationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await _client.StartChatConversationAsync(
            new StartChatConversationParameters
            {
                ChatQueueId = _chatQueueId,
                ClientName = ChannelArguments.OrNull(request.FirstName),
                ClientSurname = ChannelArguments.OrNull(request.LastName),
                ClientEmail = ChannelArguments.OrNull(request.Email),
                ClientId = ChannelArguments.OrNull(request.CustomerReference),
            },
            cancellationToken).ConfigureAwait(false);
        return new ConversationHandle(Vendor, result.ConversationId.ToString("D"));
    }

    /// <inheritdoc/>
    /// <remarks>Always throws: Thulium's chat API has no message operation.</remarks>
    public Task SendMessageAsync(ConversationHandle conversation, string text, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Thulium's chat conversation API has no operation that posts a message (check Capabilities before calling SendMessageAsync).");

    /// <inheritdoc/>
    public Task EndAsync(ConversationHandle conversation, CancellationToken cancellationToken = default) =>
        _client.StopChatConversationAsync(GetConversationId(conversation), cancellationToken);

    /// <summary>Thulium's <c>conversation_id</c> of a handle this channel issued.</summary>
    /// <param name="conversation">The handle.</param>
    /// <returns>The conversation id.</returns>
    /// <exception cref="ArgumentException">The handle is not a Thulium conversation.</exception>
    public static Guid GetConversationId(ConversationHandle conversation)
    {
        var id = ChannelArguments.IdOf(conversation, ThuliumClient.ServiceName);
        return Guid.TryParseExact(id, "D", out var guid)
            ? guid
            : throw new ArgumentException($"'{id}' is not a Thulium conversation id (a UUID).", nameof(conversation));
    }
}
