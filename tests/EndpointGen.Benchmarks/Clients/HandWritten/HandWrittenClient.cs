using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace EndpointGen.Benchmarks.Clients.HandWritten;

/// <summary>
/// The baseline: the client a careful developer writes by hand over <see cref="HttpClient"/> and
/// <c>System.Net.Http.Json</c>, with System.Text.Json's source-generated context.
/// </summary>
internal sealed class HandWrittenClient
{
    private readonly HttpClient _http;

    /// <summary>Creates the client; the base address and default headers are set once on the HttpClient.</summary>
    /// <param name="http">An HttpClient without base address; this client owns its settings.</param>
    public HandWrittenClient(HttpClient http)
    {
        _http = http;
        _http.BaseAddress = new Uri(Payloads.BaseAddress);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Payloads.User + ":" + Payloads.Password)));
    }

    /// <summary>GET accounts/{account_id}/chats/{id}?include_agents=&amp;lang=</summary>
    public Task<ChatDto?> FindChatAsync(long accountId, long id, bool includeAgents, string lang, CancellationToken cancellationToken = default) =>
        _http.GetFromJsonAsync(
            string.Create(CultureInfo.InvariantCulture, $"accounts/{accountId}/chats/{id}?include_agents={(includeAgents ? "true" : "false")}&lang={Uri.EscapeDataString(lang)}"),
            HandWrittenJsonContext.Default.ChatDto,
            cancellationToken);

    /// <summary>GET chats/{chat_id}/media?kind=&amp;limit=</summary>
    public Task<List<MediaDto>?> ListMediaAsync(long chatId, string kind, int limit, CancellationToken cancellationToken = default) =>
        _http.GetFromJsonAsync(
            string.Create(CultureInfo.InvariantCulture, $"chats/{chatId}/media?kind={Uri.EscapeDataString(kind)}&limit={limit}"),
            HandWrittenJsonContext.Default.ListMediaDto,
            cancellationToken);

    /// <summary>POST chats</summary>
    public async Task<ChatDto?> CreateChatAsync(CreateChatRequestDto body, CancellationToken cancellationToken = default)
    {
        using var response = await _http.PostAsJsonAsync("chats", body, HandWrittenJsonContext.Default.CreateChatRequestDto, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(HandWrittenJsonContext.Default.ChatDto, cancellationToken).ConfigureAwait(false);
    }

}
