using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EndpointGen.Benchmarks.Clients.HandWritten;
using Refit;

namespace EndpointGen.Benchmarks.Clients;

/// <summary>
/// The five calls declared for Refit, whose source generator builds each request in generated code
/// (<c>RefitRequireGeneratedRequests</c> in the project file fails the build on any reflection fallback);
/// the bodies go through the baseline's System.Text.Json source-generated context.
/// </summary>
[Headers("Accept: application/json")]
public interface IRefitCcaiApi
{
    /// <summary>
    /// GET accounts/{account_id}/chats/{id}?include_agents=&amp;lang=; <c>include_agents</c> is a string because
    /// Refit writes a <see langword="bool"/> as <c>True</c>, which the other contenders would not send.
    /// </summary>
    [Get("/accounts/{account_id}/chats/{id}")]
    Task<ChatDto> FindChatAsync(
        [AliasAs("account_id")] long accountId,
        long id,
        [AliasAs("include_agents")] string includeAgents,
        string lang,
        CancellationToken cancellationToken);

    /// <summary>GET chats/{chat_id}/media?kind=&amp;limit=</summary>
    [Get("/chats/{chat_id}/media")]
    Task<List<MediaDto>> ListMediaAsync([AliasAs("chat_id")] long chatId, string kind, int limit, CancellationToken cancellationToken);

    /// <summary>POST chats</summary>
    [Post("/chats")]
    Task<ChatDto> CreateChatAsync([Body] CreateChatRequestDto body, CancellationToken cancellationToken);

    /// <summary>POST chats/{chat_id}/messages, form-encoded from the fields of <see cref="RefitChatMessageForm"/>.</summary>
    [Post("/chats/{chat_id}/messages")]
    Task<ChatDto> SendChatMessageAsync([AliasAs("chat_id")] long chatId, [Body(BodySerializationMethod.UrlEncoded)] RefitChatMessageForm body, CancellationToken cancellationToken);

    /// <summary>
    /// POST chats/{chat_id}/photos, multipart: a part per parameter after the path's, in order, the file last.
    /// <c>agent_id</c> is a string because Refit sends any other value as a JSON part (<c>application/json</c>).
    /// </summary>
    [Multipart]
    [Post("/chats/{chat_id}/photos")]
    Task<ChatDto> UploadChatPhotoAsync(
        [AliasAs("chat_id")] long chatId,
        string caption,
        string lang,
        [AliasAs("agent_id")] string agentId,
        ByteArrayPart file,
        CancellationToken cancellationToken);
}

/// <summary>
/// The form of <see cref="IRefitCcaiApi.SendChatMessageAsync"/>: Refit writes each property as a form field under
/// its <see cref="AliasAsAttribute"/> name. <see cref="Visible"/> is a string for the reason given on
/// <see cref="IRefitCcaiApi.FindChatAsync"/> (a <see langword="bool"/> would be sent as <c>True</c>).
/// </summary>
public sealed class RefitChatMessageForm
{
    /// <summary>The agent.</summary>
    [AliasAs("agent_id")]
    public long? AgentId { get; set; }

    /// <summary>The message text.</summary>
    [AliasAs("body")]
    public string? Body { get; set; }

    /// <summary>Language.</summary>
    [AliasAs("lang")]
    public string? Lang { get; set; }

    /// <summary>Priority.</summary>
    [AliasAs("priority")]
    public int? Priority { get; set; }

    /// <summary><c>true</c> or <c>false</c>.</summary>
    [AliasAs("visible")]
    public string? Visible { get; set; }
}
