using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Ccai;

namespace ContactCenter.Conversations;

/// <summary>
/// CCAI Platform chats as an <see cref="IConversationChannel"/>: start (<c>POST chats</c>), send a text
/// message (<c>POST chats/{id}/message</c>) and end (<c>PATCH chats/{id}</c> with status <c>finished</c>).
/// </summary>
/// <remarks>
/// CCAI offers much more per chat (escalations, media, custom data, customer flags); use the
/// <see cref="CcaiClient"/> directly with <see cref="GetChatId"/>, or <see cref="CcaiMediaUploader"/> and
/// <see cref="CcaiCustomData"/>. Once a chat has ended, CCAI refuses every change with 400
/// <c>Chat is already ended</c>.
/// </remarks>
public sealed class CcaiConversationChannel : IConversationChannel
{
    /// <summary>The chat status that ends a chat.</summary>
    public const string FinishedStatus = "finished";

    /// <summary>The message type of plain text messages.</summary>
    public const string TextMessageType = "text";

    private readonly ICcaiClient _client;
    private readonly long _menuId;

    /// <summary>Creates the channel over a generated CCAI client.</summary>
    /// <param name="client">The client.</param>
    /// <param name="menuId">The menu (queue) new chats are created in (<c>chat.menu_id</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="menuId"/> is not positive.</exception>
    public CcaiConversationChannel(ICcaiClient client, long menuId)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(menuId);
        _menuId = menuId;
    }

    /// <inheritdoc/>
    public string Vendor => CcaiClient.ServiceName;

    /// <inheritdoc/>
    public ConversationCapabilities Capabilities => ConversationCapabilities.SendMessage | ConversationCapabilities.End;

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">CCAI answered without a chat id.</exception>
    public async Task<ConversationHandle> StartAsync(ConversationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var phone = ChannelArguments.OrNull(request.Phone);
        var chat = await _client.CreateChatAsync(
            new CreateChatRequest
            {
                Chat = new NewChat
                {
                    MenuId = _menuId,
                    Lang = ChannelArguments.OrNull(request.Language),
                    Email = ChannelArguments.OrNull(request.Email),
                },
                EndUser = phone is null ? null : new NewChatEndUser { Phone = phone },
            },
            cancellationToken).ConfigureAwait(false);

        // The descriptor leaves every Chat field optional (the page marks none required), so the id
        // is checked here rather than trusted.
        var id = chat.Id ?? throw new InvalidOperationException("CCAI created a chat but its answer carries no chat id.");
        return new ConversationHandle(Vendor, id.ToString(CultureInfo.InvariantCulture));
    }

    /// <inheritdoc/>
    public Task SendMessageAsync(ConversationHandle conversation, string text, CancellationToken cancellationToken = default)
    {
        var chatId = GetChatId(conversation);
        ArgumentException.ThrowIfNullOrEmpty(text);
        return _client.SendMessageAsync(
            chatId,
            new SendMessageRequest { Message = new ChatMessage { Type = TextMessageType, Content = new MessageContent { Text = text } } },
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task EndAsync(ConversationHandle conversation, CancellationToken cancellationToken = default) =>
        _client.UpdateChatAsync(GetChatId(conversation), new UpdateChatRequest { Chat = new ChatUpdate { Status = FinishedStatus } }, cancellationToken);

    /// <summary>CCAI's chat id of a handle this channel issued, for the chat operations the interface does not cover.</summary>
    /// <param name="conversation">The handle.</param>
    /// <returns>The chat id.</returns>
    /// <exception cref="ArgumentException">The handle is not a CCAI chat.</exception>
    public static long GetChatId(ConversationHandle conversation)
    {
        var id = ChannelArguments.IdOf(conversation, CcaiClient.ServiceName);
        return long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var chatId)
            ? chatId
            : throw new ArgumentException($"'{id}' is not a CCAI chat id.", nameof(conversation));
    }
}
