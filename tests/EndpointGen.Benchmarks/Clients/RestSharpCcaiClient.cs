using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using EndpointGen.Benchmarks.Clients.HandWritten;
using RestSharp;
using RestSharp.Authenticators;
using RestSharp.Serializers.Json;

namespace EndpointGen.Benchmarks.Clients;

/// <summary>The same four calls written with RestSharp, given the hand-written client's System.Text.Json context.</summary>
internal sealed class RestSharpCcaiClient
{
    private readonly RestClient _client;

    /// <summary>Creates the client over an HttpClient that it does not dispose.</summary>
    /// <param name="http">The HttpClient.</param>
    public RestSharpCcaiClient(HttpClient http)
    {
        var options = new RestClientOptions(new Uri(Payloads.BaseAddress))
        {
            Authenticator = new HttpBasicAuthenticator(Payloads.User, Payloads.Password),
        };
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = HandWrittenJsonContext.Default,
        };
        _client = new RestClient(http, options, disposeHttpClient: false, configureSerialization: config => config.UseSystemTextJson(json));
    }

    /// <summary>GET accounts/{account_id}/chats/{id}?lang=&amp;include_agents=</summary>
    public Task<ChatDto?> FindChatAsync(long accountId, long id, string lang, bool includeAgents, CancellationToken cancellationToken = default)
    {
        var request = new RestRequest("accounts/{account_id}/chats/{id}")
            .AddUrlSegment("account_id", accountId.ToString(CultureInfo.InvariantCulture))
            .AddUrlSegment("id", id.ToString(CultureInfo.InvariantCulture))
            .AddQueryParameter("lang", lang)
            .AddQueryParameter("include_agents", includeAgents ? "true" : "false");
        return _client.GetAsync<ChatDto>(request, cancellationToken);
    }

    /// <summary>GET chats/{chat_id}/media?kind=&amp;limit=</summary>
    public Task<List<MediaDto>?> ListMediaAsync(long chatId, string kind, int limit, CancellationToken cancellationToken = default)
    {
        var request = new RestRequest("chats/{chat_id}/media")
            .AddUrlSegment("chat_id", chatId.ToString(CultureInfo.InvariantCulture))
            .AddQueryParameter("kind", kind)
            .AddQueryParameter("limit", limit.ToString(CultureInfo.InvariantCulture));
        return _client.GetAsync<List<MediaDto>>(request, cancellationToken);
    }

    /// <summary>POST chats</summary>
    public Task<ChatDto?> CreateChatAsync(CreateChatRequestDto body, CancellationToken cancellationToken = default)
    {
        var request = new RestRequest("chats", Method.Post).AddJsonBody(body);
        return _client.PostAsync<ChatDto>(request, cancellationToken);
    }

    /// <summary>POST chats/{chat_id}/photos</summary>
    public Task<MediaDto?> AddPhotosAsync(long chatId, AddPhotosRequestDto body, CancellationToken cancellationToken = default)
    {
        var request = new RestRequest("chats/{chat_id}/photos", Method.Post)
            .AddUrlSegment("chat_id", chatId.ToString(CultureInfo.InvariantCulture))
            .AddJsonBody(body);
        return _client.PostAsync<MediaDto>(request, cancellationToken);
    }
}
