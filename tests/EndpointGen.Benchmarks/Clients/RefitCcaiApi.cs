using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EndpointGen.Benchmarks.Clients.HandWritten;
using Refit;

namespace EndpointGen.Benchmarks.Clients;

/// <summary>
/// The three calls declared for Refit, whose source generator builds each request in generated code
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
}
