using System;

namespace Sandbox;

/// <summary>A Thulium chat conversation as the sandbox stores it (an immutable snapshot).</summary>
/// <param name="Id">The <c>conversation_id</c> returned by <c>start</c>.</param>
/// <param name="ChatQueueId">The <c>chat_queue_id</c> query parameter.</param>
/// <param name="ClientName">The <c>client_name</c> query parameter, if sent.</param>
/// <param name="ClientSurname">The <c>client_surname</c> query parameter, if sent.</param>
/// <param name="ClientEmail">The <c>client_email</c> query parameter, if sent.</param>
/// <param name="ClientId">The <c>client_id</c> query parameter (external id, kept as text), if sent.</param>
/// <param name="CustomerId">The <c>customer_id</c> query parameter, if sent.</param>
/// <param name="StartedAt">When <c>start</c> was served.</param>
/// <param name="StoppedAt">When <c>stop</c> was served; null while the conversation runs.</param>
public sealed record ThuliumConversationSnapshot(
    Guid Id,
    long ChatQueueId,
    string? ClientName,
    string? ClientSurname,
    string? ClientEmail,
    string? ClientId,
    long? CustomerId,
    DateTimeOffset StartedAt,
    DateTimeOffset? StoppedAt)
{
    /// <summary>True once <c>stop</c> succeeded.</summary>
    public bool IsStopped => StoppedAt is not null;
}
