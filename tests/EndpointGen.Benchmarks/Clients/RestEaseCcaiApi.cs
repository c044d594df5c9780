using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EndpointGen.Benchmarks.Clients.HandWritten;
using RestEase;

namespace EndpointGen.Benchmarks.Clients;

/// <summary>The same four calls declared for RestEase, which implements the interface at run time (Newtonsoft.Json).</summary>
[Header("Accept", "application/json")]
public interface IRestEaseCcaiApi
{
    /// <summary>The <c>Authorization</c> header of every request.</summary>
    [Header("Authorization")]
    string? Authorization { get; set; }

    /// <summary>GET accounts/{account_id}/chats/{id}?lang=&amp;include_agents=</summary>
    [Get("accounts/{account_id}/chats/{id}")]
    Task<ChatDto> FindChatAsync([Path("account_id")] long accountId, [Path("id")] long id, [Query("lang")] string lang, [Query("include_agents")] string includeAgents, CancellationToken cancellationToken);

    /// <summary>GET chats/{chat_id}/media?kind=&amp;limit=</summary>
    [Get("chats/{chat_id}/media")]
    Task<List<MediaDto>> ListMediaAsync([Path("chat_id")] long chatId, [Query("kind")] string kind, [Query("limit")] int limit, CancellationToken cancellationToken);

    /// <summary>POST chats</summary>
    [Post("chats")]
    Task<ChatDto> CreateChatAsync([Body] CreateChatRequestDto body, CancellationToken cancellationToken);

    /// <summary>POST chats/{chat_id}/photos</summary>
    [Post("chats/{chat_id}/photos")]
    Task<MediaDto> AddPhotosAsync([Path("chat_id")] long chatId, [Body] AddPhotosRequestDto body, CancellationToken cancellationToken);
}
