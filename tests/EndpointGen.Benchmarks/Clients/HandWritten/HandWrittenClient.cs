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

    /// <summary>POST chats/{chat_id}/messages, form-encoded.</summary>
    public async Task<ChatDto?> SendChatMessageAsync(long chatId, long agentId, string body, string lang, int priority, bool visible, CancellationToken cancellationToken = default)
    {
        using var content = new FormUrlEncodedContent(
        [
            new("agent_id", agentId.ToString(CultureInfo.InvariantCulture)),
            new("body", body),
            new("lang", lang),
            new("priority", priority.ToString(CultureInfo.InvariantCulture)),
            new("visible", visible ? "true" : "false"),
        ]);
        return await PostAsync(string.Create(CultureInfo.InvariantCulture, $"chats/{chatId}/messages"), content, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>POST chats/{chat_id}/photos, multipart: three text parts, then the file part.</summary>
    public async Task<ChatDto?> UploadChatPhotoAsync(long chatId, string caption, string lang, long agentId, byte[] photo, string fileName, string contentType, CancellationToken cancellationToken = default)
    {
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(caption), "caption" },
            { new StringContent(lang), "lang" },
            { new StringContent(agentId.ToString(CultureInfo.InvariantCulture)), "agent_id" },
            { file, "file", fileName },
        };
        return await PostAsync(string.Create(CultureInfo.InvariantCulture, $"chats/{chatId}/photos"), content, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ChatDto?> PostAsync(string uri, HttpContent content, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsync(uri, content, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(HandWrittenJsonContext.Default.ChatDto, cancellationToken).ConfigureAwait(false);
    }
}
