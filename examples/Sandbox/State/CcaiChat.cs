using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Sandbox;

/// <summary>
/// Mutable server-side state of one CCAI chat. Every read and write goes through <see cref="Gate"/>
/// so that concurrent requests against the same chat see a consistent chat (in particular, nothing
/// can change a chat after another request finished it).
/// </summary>
internal sealed class CcaiChat
{
    private readonly List<CcaiMessage> _messages = [];
    private readonly Dictionary<string, CcaiCustomDataItem> _customData = new(StringComparer.Ordinal);
    private readonly List<CcaiEscalation> _escalations = [];
    private readonly List<CcaiMedia> _photos = [];
    private readonly List<CcaiMedia> _videos = [];

    public CcaiChat(long id, long menuId, string lang, string? email, JsonElement? context, JsonElement? transcript, CcaiEndUser endUser, DateTimeOffset now)
    {
        Id = id;
        MenuId = menuId;
        Lang = lang;
        Email = email;
        Context = context;
        Transcript = transcript;
        EndUser = endUser;
        CreatedAt = now;
        EndsAt = now + ScheduledLength;
        TimeoutAt = now + InactivityTimeout;
    }

    /// <summary>How long after creation a running chat is scheduled to end (plausible filler for <c>ends_at</c>).</summary>
    public static readonly TimeSpan ScheduledLength = TimeSpan.FromHours(1);

    /// <summary>Inactivity window reported in <c>timeout_at</c>; each message moves it forward.</summary>
    public static readonly TimeSpan InactivityTimeout = TimeSpan.FromMinutes(10);

    public object Gate { get; } = new();

    public long Id { get; }

    public long MenuId { get; }

    public string Lang { get; }

    public string? Email { get; }

    public JsonElement? Context { get; }

    public JsonElement? Transcript { get; }

    public DateTimeOffset CreatedAt { get; }

    // The members below change after creation; callers hold Gate.
    public string Status { get; private set; } = CcaiChatStatus.Queued;

    public DateTimeOffset EndsAt { get; private set; }

    public DateTimeOffset TimeoutAt { get; private set; }

    public long? FinishedByUserId { get; private set; }

    public string? DeflectionChannel { get; private set; }

    public long? EscalationId { get; private set; }

    public CcaiEndUser EndUser { get; private set; }

    public CcaiCustomerFlags Flags { get; private set; } = new(false, false, false);

    public bool IsFinished => Status == CcaiChatStatus.Finished;

    public void Update(long? finishedByUserId, string? deflectionChannel, string? status, long? escalationId, DateTimeOffset now)
    {
        FinishedByUserId = finishedByUserId ?? FinishedByUserId;
        DeflectionChannel = deflectionChannel ?? DeflectionChannel;
        EscalationId = escalationId ?? EscalationId;
        if (status is not null)
        {
            Status = status;
            if (status == CcaiChatStatus.Finished)
            {
                EndsAt = now;
                TimeoutAt = now;
            }
        }
    }

    public void AddMessage(CcaiMessage message)
    {
        _messages.Add(message);
        TimeoutAt = message.ReceivedAt + InactivityTimeout;
    }

    public CcaiEscalation AddEscalation(long id, string reason, bool force)
    {
        // A forced escalation skips the virtual agent's consent step, so it is complete at once.
        var escalation = new CcaiEscalation(id, Id, reason, force, force ? "escalated" : "escalating", null);
        _escalations.Add(escalation);
        return escalation;
    }

    public CcaiEscalation? DeflectEscalation(long id, string channel)
    {
        var index = _escalations.FindIndex(e => e.Id == id);
        if (index < 0)
        {
            return null;
        }

        // The sandbox has no real channel to hand over to, so the deflection completes immediately.
        var updated = _escalations[index] with { Status = "deflected", DeflectionChannel = channel };
        _escalations[index] = updated;
        return updated;
    }

    public void AddMedia(CcaiMedia media) => (media.Kind == CcaiMediaKind.Photo ? _photos : _videos).Add(media);

    public IReadOnlyList<CcaiMedia> Media(CcaiMediaKind kind)
    {
        lock (Gate)
        {
            return (kind == CcaiMediaKind.Photo ? _photos : _videos).ToArray();
        }
    }

    public void SetFlags(bool? verified, bool? badActor, bool? repeat) => Flags = new CcaiCustomerFlags(
        verified ?? Flags.VerifiedCustomer,
        badActor ?? Flags.BadActor,
        repeat ?? Flags.RepeatCustomer);

    public void SetCustomData(string key, CcaiCustomDataItem item) => _customData[key] = item;

    public void SetEndUser(CcaiEndUser endUser) => EndUser = endUser;

    /// <summary>Copies the chat; takes <see cref="Gate"/> itself (Monitor is re-entrant, so callers may hold it).</summary>
    public CcaiChatSnapshot Snapshot()
    {
        lock (Gate)
        {
            return new(
                Id,
                Status,
                MenuId,
                Lang,
                Email,
                Context,
                Transcript,
                CreatedAt,
                EndsAt,
                TimeoutAt,
                FinishedByUserId,
                DeflectionChannel,
                EscalationId,
                EndUser,
                Flags,
                _messages.ToArray(),
                new Dictionary<string, CcaiCustomDataItem>(_customData, StringComparer.Ordinal),
                _escalations.ToArray(),
                _photos.ToArray(),
                _videos.ToArray());
        }
    }
}
