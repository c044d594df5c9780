using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace Sandbox;

/// <summary>
/// Everything the sandbox remembers, readable by tests. All members are thread-safe: the sandbox
/// serves thousands of concurrent requests while tests read this object. Read methods return
/// immutable snapshots, never live collections.
/// </summary>
public sealed partial class SandboxState
{
    private readonly ConcurrentDictionary<Guid, ThuliumConversationSnapshot> _thuliumConversations = new();
    private readonly ConcurrentDictionary<long, CcaiChat> _ccaiChats = new();
    private readonly ConcurrentDictionary<string, IssuedUpload> _issuedUploads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StoredUpload> _uploads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, LiveDeskConversationSnapshot> _liveDeskConversations = new();
    private readonly ConcurrentDictionary<string, long> _liveDeskContactsBySource = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, DateTimeOffset> _liveDeskContactCreatedAt = new();
    private readonly long[] _requestCounts = new long[Enum.GetValues<SandboxVendor>().Length];

    // Id counters start at distinct, vendor-plausible values so ids from different kinds of object
    // are never equal by accident (a test mixing them up fails instead of passing by luck).
    private long _lastCcaiChatId = 1000;
    private long _lastCcaiEndUserId = 5000;
    private long _lastCcaiEscalationId = 70;
    private long _lastCcaiMediaId = 9000;
    private long _lastLiveDeskConversationId;
    private long _lastLiveDeskContactId = 2219000;

    // ---------------------------------------------------------------- requests

    /// <summary>Requests received under a vendor's prefix (including rejected ones).</summary>
    public long GetRequestCount(SandboxVendor vendor) => Interlocked.Read(ref _requestCounts[(int)vendor]);

    internal void CountRequest(SandboxVendor vendor) => Interlocked.Increment(ref _requestCounts[(int)vendor]);

    // ---------------------------------------------------------------- Thulium

    /// <summary>All Thulium conversations, in no particular order.</summary>
    public IReadOnlyList<ThuliumConversationSnapshot> GetThuliumConversations() => _thuliumConversations.Values.ToArray();

    /// <summary>One Thulium conversation, or null if the id was never issued.</summary>
    public ThuliumConversationSnapshot? GetThuliumConversation(Guid id) => _thuliumConversations.TryGetValue(id, out var c) ? c : null;

    internal void AddThuliumConversation(ThuliumConversationSnapshot conversation)
    {
        if (!_thuliumConversations.TryAdd(conversation.Id, conversation))
        {
            throw new InvalidOperationException("Duplicate conversation id.");
        }
    }

    /// <summary>Compare-and-swap, so two concurrent stops cannot both succeed.</summary>
    internal bool TryReplaceThuliumConversation(ThuliumConversationSnapshot current, ThuliumConversationSnapshot updated) =>
        _thuliumConversations.TryUpdate(current.Id, updated, current);

    // ---------------------------------------------------------------- CCAI

    /// <summary>All CCAI chats, ordered by id.</summary>
    public IReadOnlyList<CcaiChatSnapshot> GetCcaiChats() => _ccaiChats.Values.Select(c => c.Snapshot()).OrderBy(c => c.Id).ToArray();

    /// <summary>One CCAI chat, or null if it does not exist.</summary>
    public CcaiChatSnapshot? GetCcaiChat(long chatId) => _ccaiChats.TryGetValue(chatId, out var chat) ? chat.Snapshot() : null;

    /// <summary>Messages posted to a chat, oldest first (empty for an unknown chat).</summary>
    public IReadOnlyList<CcaiMessage> GetCcaiMessages(long chatId) => GetCcaiChat(chatId)?.Messages ?? [];

    /// <summary>A chat's customer flags, or null for an unknown chat.</summary>
    public CcaiCustomerFlags? GetCcaiCustomerFlags(long chatId) => GetCcaiChat(chatId)?.Flags;

    /// <summary>A chat's custom data by key (empty for an unknown chat).</summary>
    public IReadOnlyDictionary<string, CcaiCustomDataItem> GetCcaiCustomData(long chatId) =>
        GetCcaiChat(chatId)?.CustomData ?? new Dictionary<string, CcaiCustomDataItem>();

    /// <summary>A chat's end user, or null for an unknown chat.</summary>
    public CcaiEndUser? GetCcaiEndUser(long chatId) => GetCcaiChat(chatId)?.EndUser;

    /// <summary>A chat's escalations, oldest first (empty for an unknown chat).</summary>
    public IReadOnlyList<CcaiEscalation> GetCcaiEscalations(long chatId) => GetCcaiChat(chatId)?.Escalations ?? [];

    /// <summary>Photos attached to a chat, oldest first (empty for an unknown chat).</summary>
    public IReadOnlyList<CcaiMedia> GetCcaiPhotos(long chatId) => GetCcaiChat(chatId)?.Photos ?? [];

    /// <summary>Videos attached to a chat, oldest first (empty for an unknown chat).</summary>
    public IReadOnlyList<CcaiMedia> GetCcaiVideos(long chatId) => GetCcaiChat(chatId)?.Videos ?? [];

    internal long NextCcaiChatId() => Interlocked.Increment(ref _lastCcaiChatId);

    internal long NextCcaiEndUserId() => Interlocked.Increment(ref _lastCcaiEndUserId);

    internal long NextCcaiEscalationId() => Interlocked.Increment(ref _lastCcaiEscalationId);

    internal long NextCcaiMediaId() => Interlocked.Increment(ref _lastCcaiMediaId);

    internal void AddCcaiChat(CcaiChat chat)
    {
        if (!_ccaiChats.TryAdd(chat.Id, chat))
        {
            throw new InvalidOperationException("Duplicate chat id.");
        }
    }

    internal CcaiChat? FindCcaiChat(long chatId) => _ccaiChats.TryGetValue(chatId, out var chat) ? chat : null;

    // ---------------------------------------------------------------- storage

    /// <summary>Every presigned upload issued so far, in no particular order.</summary>
    public IReadOnlyList<IssuedUpload> GetIssuedUploads() => _issuedUploads.Values.ToArray();

    /// <summary>Keys of every object actually uploaded, sorted ordinally.</summary>
    public IReadOnlyList<string> GetUploadedKeys() => _uploads.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>An uploaded object, or null if nothing was uploaded under the key.</summary>
    public StoredUpload? GetUpload(string key) => _uploads.TryGetValue(key, out var upload) ? upload : null;

    internal void AddIssuedUpload(IssuedUpload upload) => _issuedUploads[upload.Key] = upload;

    internal IssuedUpload? FindIssuedUpload(string key) => _issuedUploads.TryGetValue(key, out var upload) ? upload : null;

    /// <summary>Stores (or, like S3, overwrites) an object.</summary>
    internal void PutUpload(StoredUpload upload) => _uploads[upload.Key] = upload;

    // ---------------------------------------------------------------- LiveDesk

    /// <summary>All LiveDesk conversations, ordered by id.</summary>
    public IReadOnlyList<LiveDeskConversationSnapshot> GetLiveDeskConversations() =>
        _liveDeskConversations.Values.OrderBy(c => c.Id).ToArray();

    /// <summary>One LiveDesk conversation, or null if it does not exist.</summary>
    public LiveDeskConversationSnapshot? GetLiveDeskConversation(long id) =>
        _liveDeskConversations.TryGetValue(id, out var conversation) ? conversation : null;

    internal long NextLiveDeskConversationId() => Interlocked.Increment(ref _lastLiveDeskConversationId);

    internal void AddLiveDeskConversation(LiveDeskConversationSnapshot conversation)
    {
        if (!_liveDeskConversations.TryAdd(conversation.Id, conversation))
        {
            throw new InvalidOperationException("Duplicate conversation id.");
        }
    }

    /// <summary>The contact a <c>source_id</c> stands for: the same source always maps to the same contact.</summary>
    internal long LiveDeskContactForSource(string sourceId) =>
        _liveDeskContactsBySource.GetOrAdd(sourceId, static (_, state) => Interlocked.Increment(ref state._lastLiveDeskContactId), this);

    /// <summary>When a contact was first seen; the sandbox treats any contact id as existing.</summary>
    internal DateTimeOffset LiveDeskContactCreatedAt(long contactId, DateTimeOffset now) => _liveDeskContactCreatedAt.GetOrAdd(contactId, now);
}
