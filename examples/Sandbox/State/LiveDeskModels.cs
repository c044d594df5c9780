using System;
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
