using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Sandbox;

/// <summary>A LiveDesk conversation created through the sandbox.</summary>
/// <param name="Id">Conversation id.</param>
/// <param name="Uuid">Conversation uuid.</param>
/// <param name="InboxId">The <c>inbox_id</c> (numeric strings are accepted and converted).</param>
/// <param name="ContactId">The <c>contact_id</c>, or the contact derived from <c>source_id</c>.</param>
/// <param name="SourceId">The <c>source_id</c>, if sent.</param>
/// <param name="Status">Conversation status (<c>open</c>).</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="Response">The exact JSON body returned by the create call.</param>
public sealed record LiveDeskConversationSnapshot(
    long Id,
    Guid Uuid,
    long InboxId,
    long ContactId,
    string? SourceId,
    string Status,
    DateTimeOffset CreatedAt,
    JsonElement Response);

/// <summary>A LiveDesk contact created through the sandbox (<c>POST /api/v2/accounts/contacts</c>).</summary>
/// <param name="Id">Contact id.</param>
/// <param name="InboxId">The <c>inbox_id</c> it was created in.</param>
/// <param name="SourceId">Its <c>source_id</c> in that inbox (a new UUID); <c>CreateConversation</c> with this <c>source_id</c> reaches this contact.</param>
/// <param name="Name">The <c>name</c>, if sent.</param>
/// <param name="Email">The <c>email</c>, if sent (unique in the account, compared ignoring case).</param>
/// <param name="PhoneNumber">The <c>phone_number</c>, if sent (E.164, unique).</param>
/// <param name="AvatarUrl">The <c>avatar_url</c>, if sent.</param>
/// <param name="Identifier">The <c>identifier</c>, if sent (unique).</param>
/// <param name="Labels">The contact's labels (set by agents in LiveDesk; tests set them with <see cref="SandboxState.SetLiveDeskContactLabels"/>).</param>
/// <param name="CreatedAt">Creation time.</param>
public sealed record LiveDeskContactSnapshot(
    long Id,
    long InboxId,
    string SourceId,
    string? Name,
    string? Email,
    string? PhoneNumber,
    string? AvatarUrl,
    string? Identifier,
    IReadOnlyList<string> Labels,
    DateTimeOffset CreatedAt);

/// <summary>A message sent into a LiveDesk conversation through the sandbox.</summary>
/// <param name="Id">Message id.</param>
/// <param name="ConversationId">The conversation.</param>
/// <param name="InboxId">The conversation's inbox.</param>
/// <param name="Content">The <c>content</c>; null for files without text.</param>
/// <param name="Private">Whether it is a private note.</param>
/// <param name="MessageType">Chatwoot's number: 0 incoming, 1 outgoing.</param>
/// <param name="ContentAttributes">The <c>content_attributes</c> object, if sent (JSON variant only).</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="Attachments">The files of the multipart variant, in the order they were sent.</param>
/// <param name="Response">The exact JSON body returned by the send call.</param>
public sealed record LiveDeskMessageSnapshot(
    long Id,
    long ConversationId,
    long InboxId,
    string? Content,
    bool Private,
    int MessageType,
    JsonElement? ContentAttributes,
    DateTimeOffset CreatedAt,
    IReadOnlyList<LiveDeskAttachmentSnapshot> Attachments,
    JsonElement Response);

/// <summary>A file part (<c>attachments[]</c>) of a LiveDesk message.</summary>
/// <param name="Id">Attachment id.</param>
/// <param name="MessageId">The message it belongs to.</param>
/// <param name="FileName">The part's file name.</param>
/// <param name="ContentType">The part's <c>Content-Type</c> (<c>application/octet-stream</c> when it had none).</param>
/// <param name="Content">The bytes.</param>
/// <param name="Token">The path segment of its <c>data_url</c>.</param>
public sealed record LiveDeskAttachmentSnapshot(long Id, long MessageId, string FileName, string ContentType, ReadOnlyMemory<byte> Content, string Token)
{
    /// <summary>Size in bytes (the answer's <c>file_size</c>).</summary>
    public long Size => Content.Length;
}
