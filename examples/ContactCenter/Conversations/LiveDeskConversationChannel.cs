using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.LiveDesk;
using EndpointGen.Runtime;

namespace ContactCenter.Conversations;

/// <summary>
/// LiveDesk conversations as an <see cref="IConversationChannel"/>: start (<c>POST /api/v2/accounts/conversations</c>)
/// and send a message (<c>POST .../conversations/{id}/messages</c>); also private notes, files (the multipart
/// variant of the same URL) and reading the messages back.
/// </summary>
/// <remarks>
/// Resolving (ending) a conversation exists in Chatwoot, which LiveDesk derives from, but LiveDesk
/// documents no such operation and <c>spec/livedesk.endpoints.yaml</c> has none, so <see cref="EndAsync"/>
/// throws <see cref="NotSupportedException"/>; a conversation is ended by an agent in LiveDesk itself. To
/// find or create the customer's contact first, use <see cref="LiveDesk.LiveDeskContacts"/>.
/// </remarks>
public sealed class LiveDeskConversationChannel : IConversationChannel
{
    /// <summary>Messages LiveDesk answers per list call at most (Chatwoot's page of messages).</summary>
    public const int MessagesPerCall = 20;

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
    public ConversationCapabilities Capabilities => ConversationCapabilities.SendMessage;

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
    /// <remarks>The message goes out as an outgoing message that the customer sees; see <see cref="SendPrivateNoteAsync"/> for one only agents see.</remarks>
    public Task SendMessageAsync(ConversationHandle conversation, string text, CancellationToken cancellationToken = default) =>
        SendAsync(conversation, text, isPrivate: false, cancellationToken);

    /// <summary>Adds a private note to a conversation: a message only agents see.</summary>
    /// <param name="conversation">A handle returned by this channel.</param>
    /// <param name="text">The note.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The message LiveDesk stored.</returns>
    /// <exception cref="ArgumentException">The handle belongs to another vendor, or the text is empty.</exception>
    /// <exception cref="LiveDeskApiException">LiveDesk refused the call.</exception>
    public Task<Message> SendPrivateNoteAsync(ConversationHandle conversation, string text, CancellationToken cancellationToken = default) =>
        SendAsync(conversation, text, isPrivate: true, cancellationToken);

    /// <summary>Sends files into a conversation, with an optional text, as one message (Send Message's multipart/form-data variant).</summary>
    /// <param name="conversation">A handle returned by this channel.</param>
    /// <param name="files">The files, each with its <see cref="FileContent.FileName"/> (LiveDesk stores and serves a file under its name) and, ideally, its <see cref="FileContent.ContentType"/> (LiveDesk files an attachment as image, audio, video or file by it). Streams stay the caller's to dispose once the call completed.</param>
    /// <param name="text">The message text, or <see langword="null"/> for files only.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The message LiveDesk stored, with its attachments (their <c>data_url</c> serves each file).</returns>
    /// <exception cref="ArgumentException">The handle belongs to another vendor, there is no file, a file is <see langword="null"/> or has no file name, or the text is empty.</exception>
    /// <exception cref="LiveDeskApiException">LiveDesk refused the call.</exception>
    public Task<Message> SendFilesAsync(ConversationHandle conversation, IReadOnlyList<FileContent> files, string? text = null, CancellationToken cancellationToken = default)
    {
        var conversationId = GetConversationId(conversation);
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            throw new ArgumentException("Give at least one file; send a message without files with SendMessageAsync.", nameof(files));
        }

        // Without a file name a part is a text field to the server, and LiveDesk refuses attachments[] as text.
        if (files.Any(f => f is null || string.IsNullOrEmpty(f.FileName)))
        {
            throw new ArgumentException("Every file needs its FileName: LiveDesk takes only file parts with a name.", nameof(files));
        }

        if (text is not null)
        {
            ArgumentException.ThrowIfNullOrEmpty(text);
        }

        // private and message_type are left out: LiveDesk's defaults (false, outgoing) are this channel's message.
        var body = new SendMessageWithAttachmentsRequest { Content = text, Attachments = files.ToArray() };
        return _client.SendMessageWithAttachmentsAsync(conversationId, body, cancellationToken);
    }

    /// <summary>Sends one file into a conversation, with an optional text; see <see cref="SendFilesAsync"/>.</summary>
    /// <param name="conversation">A handle returned by this channel.</param>
    /// <param name="file">The file, with its file name.</param>
    /// <param name="text">The message text, or <see langword="null"/> for the file only.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The message LiveDesk stored, with its attachment.</returns>
    /// <exception cref="ArgumentException">The handle belongs to another vendor, the file has no file name, or the text is empty.</exception>
    /// <exception cref="LiveDeskApiException">LiveDesk refused the call.</exception>
    public Task<Message> SendFileAsync(ConversationHandle conversation, FileContent file, string? text = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        return SendFilesAsync(conversation, [file], text, cancellationToken);
    }

    /// <summary>Every message of a conversation, oldest first.</summary>
    /// <param name="conversation">A handle returned by this channel.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The messages; LiveDesk answers 20 a call, so a long conversation takes several calls, each asking for the messages before the oldest one so far.</returns>
    /// <exception cref="ArgumentException">The handle belongs to another vendor.</exception>
    /// <exception cref="LiveDeskApiException">LiveDesk refused a call.</exception>
    public async Task<IReadOnlyList<Message>> GetMessagesAsync(ConversationHandle conversation, CancellationToken cancellationToken = default)
    {
        var conversationId = GetConversationId(conversation);
        var messages = new List<Message>();
        long? before = null;
        while (true)
        {
            var page = await _client.ListMessagesAsync(conversationId, new ListMessagesParameters { Before = before }, cancellationToken).ConfigureAwait(false);
            var batch = page.Payload ?? [];

            // A server that ignored before would answer the same messages again: keep only older ones.
            var older = before is null ? batch : batch.Where(m => m.Id < before).ToArray();
            messages.InsertRange(0, older);

            // A short batch is the start of the conversation; one without ids cannot be paged back from.
            if (older.Count < MessagesPerCall || older[0].Id is not { } oldest)
            {
                return messages;
            }

            before = oldest;
        }
    }

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

    private Task<Message> SendAsync(ConversationHandle conversation, string text, bool isPrivate, CancellationToken cancellationToken)
    {
        var conversationId = GetConversationId(conversation);
        ArgumentException.ThrowIfNullOrEmpty(text);

        // private is left out for a plain message (LiveDesk's default is false): unset values are never sent.
        return _client.SendMessageAsync(conversationId, new SendMessageRequest { Content = text, Private = isPrivate ? true : null }, cancellationToken);
    }

    private async Task<ConversationHandle> CreateAsync(CreateConversationRequest body, CancellationToken cancellationToken)
    {
        var conversation = await _client.CreateConversationAsync(body, cancellationToken).ConfigureAwait(false);

        // Every response field is optional in the descriptor (the page marks them "Required: No").
        var id = conversation.Id ?? throw new InvalidOperationException("LiveDesk created a conversation but its answer carries no conversation id.");
        return new ConversationHandle(Vendor, id.ToString(CultureInfo.InvariantCulture));
    }
}
