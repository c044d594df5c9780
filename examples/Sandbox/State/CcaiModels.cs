using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Sandbox;

/// <summary>Kind of media a CCAI chat carries; decides the storage key prefix and content type.</summary>
public enum CcaiMediaKind
{
    /// <summary>A photo (<c>chats/{id}/photos/...</c>, image/jpeg).</summary>
    Photo,

    /// <summary>A video (<c>chats/{id}/videos/...</c>, video/mp4).</summary>
    Video,
}

/// <summary>A consistent, immutable copy of one CCAI chat and everything attached to it.</summary>
/// <param name="Id">Chat id.</param>
/// <param name="Status">Chat status: <c>queued</c> at first, <c>finished</c> once ended, or whatever PATCH set.</param>
/// <param name="MenuId">The <c>chat.menu_id</c> the chat was created with.</param>
/// <param name="Lang">The chat language (<c>chat.lang</c>, default <c>en</c>).</param>
/// <param name="Email">The <c>chat.email</c> sent at creation, if any.</param>
/// <param name="Context">The free-form <c>chat.context</c> sent at creation, if any.</param>
/// <param name="Transcript">The free-form <c>chat.transcript</c> sent at creation, if any.</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="EndsAt">Scheduled end while running; the actual end once finished.</param>
/// <param name="TimeoutAt">Inactivity timeout; moved forward by every message.</param>
/// <param name="FinishedByUserId">The <c>finished_by_user_id</c> of the last PATCH that sent one.</param>
/// <param name="DeflectionChannel">The <c>chat.deflection_channel</c> of the last PATCH that sent one.</param>
/// <param name="EscalationId">The <c>chat.escalation_id</c> of the last PATCH that sent one.</param>
/// <param name="EndUser">The chat's end user.</param>
/// <param name="Flags">The customer flags (GET/POST <c>customer_flag</c>, reserved custom data keys).</param>
/// <param name="Messages">Messages posted to the chat, oldest first.</param>
/// <param name="CustomData">Custom data by key, merged over all <c>custom_data</c> calls.</param>
/// <param name="Escalations">Escalations of the chat, oldest first.</param>
/// <param name="Photos">Photos attached to the chat, oldest first.</param>
/// <param name="Videos">Videos attached to the chat, oldest first.</param>
public sealed record CcaiChatSnapshot(
    long Id,
    string Status,
    long MenuId,
    string Lang,
    string? Email,
    JsonElement? Context,
    JsonElement? Transcript,
    DateTimeOffset CreatedAt,
    DateTimeOffset EndsAt,
    DateTimeOffset TimeoutAt,
    long? FinishedByUserId,
    string? DeflectionChannel,
    long? EscalationId,
    CcaiEndUser EndUser,
    CcaiCustomerFlags Flags,
    IReadOnlyList<CcaiMessage> Messages,
    IReadOnlyDictionary<string, CcaiCustomDataItem> CustomData,
    IReadOnlyList<CcaiEscalation> Escalations,
    IReadOnlyList<CcaiMedia> Photos,
    IReadOnlyList<CcaiMedia> Videos)
{
    /// <summary>True once the chat was ended (status <c>finished</c>); it then refuses every change.</summary>
    public bool IsFinished => Status == CcaiChatStatus.Finished;
}

/// <summary>Chat status values the sandbox itself assigns.</summary>
public static class CcaiChatStatus
{
    /// <summary>Status of a new chat.</summary>
    public const string Queued = "queued";

    /// <summary>Status of an ended chat.</summary>
    public const string Finished = "finished";
}

/// <summary>The end user of a CCAI chat.</summary>
/// <param name="Id">End user id (<c>chat.end_user_id</c> when given at creation, otherwise assigned).</param>
/// <param name="Identifier">End user identifier (assigned, then replaced by <c>end_user</c> updates).</param>
/// <param name="Name">Name from the last end user update, if any.</param>
/// <param name="Email">E-mail from the last end user update, if any.</param>
/// <param name="Phone">Phone from creation (<c>end_user.phone</c>) or the last end user update.</param>
public sealed record CcaiEndUser(long Id, string Identifier, string? Name, string? Email, string? Phone);

/// <summary>The customer flags of a CCAI chat.</summary>
/// <param name="VerifiedCustomer"><c>verified_customer</c>.</param>
/// <param name="BadActor"><c>bad_actor</c>.</param>
/// <param name="RepeatCustomer"><c>repeat_customer</c>.</param>
public sealed record CcaiCustomerFlags(bool VerifiedCustomer, bool BadActor, bool RepeatCustomer);

/// <summary>A message posted to a CCAI chat.</summary>
/// <param name="FromUserId"><c>from_user_id</c>, if sent.</param>
/// <param name="Type"><c>message.type</c>.</param>
/// <param name="Text"><c>message.content.text</c>.</param>
/// <param name="ReceivedAt">When the sandbox accepted it.</param>
public sealed record CcaiMessage(long? FromUserId, string Type, string Text, DateTimeOffset ReceivedAt);

/// <summary>One custom data entry of a CCAI chat.</summary>
/// <param name="Label">The entry's <c>label</c>, if sent.</param>
/// <param name="Value">The entry's <c>value</c> (any JSON).</param>
/// <param name="Signed">True when it arrived inside verified <c>signed_data</c>.</param>
public sealed record CcaiCustomDataItem(string? Label, JsonElement Value, bool Signed);

/// <summary>An escalation of a CCAI chat.</summary>
/// <param name="Id">Escalation id.</param>
/// <param name="ChatId">Chat id.</param>
/// <param name="Reason">The <c>reason</c> it was created with.</param>
/// <param name="ForceEscalate">The <c>force_escalate</c> it was created with (false when omitted).</param>
/// <param name="Status"><c>escalating</c>/<c>escalated</c> at creation, <c>deflected</c> after a PATCH.</param>
/// <param name="DeflectionChannel">The <c>deflection_channel</c> of the last PATCH, if any.</param>
public sealed record CcaiEscalation(long Id, long ChatId, string Reason, bool ForceEscalate, string Status, string? DeflectionChannel);

/// <summary>A photo or video attached to a CCAI chat.</summary>
/// <param name="MediaId">The <c>media_id</c> returned to the client.</param>
/// <param name="ChatId">Chat id.</param>
/// <param name="Kind">Photo or video.</param>
/// <param name="Key">The storage key (<c>s3_path</c>/<c>gcs_path</c>) that was attached.</param>
/// <param name="Url">The URL returned to the client (serves the uploaded bytes).</param>
/// <param name="PhotoType">The <c>photo_type</c> of a photo, if sent.</param>
public sealed record CcaiMedia(long MediaId, long ChatId, CcaiMediaKind Kind, string Key, Uri Url, string? PhotoType);
