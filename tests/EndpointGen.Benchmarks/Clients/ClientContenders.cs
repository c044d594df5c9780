using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using ContactCenter.Ccai;
using EndpointGen.Benchmarks.Clients.HandWritten;
using EndpointGen.Benchmarks.Generated;
using JsonSerializerSettings = Newtonsoft.Json.JsonSerializerSettings;
using NullValueHandling = Newtonsoft.Json.NullValueHandling;

namespace EndpointGen.Benchmarks.Clients;

/// <summary>The four calls of the client benchmarks.</summary>
public enum ClientScenario
{
    /// <summary>GET with path and query parameters answering one CCAI chat (about 1 KB).</summary>
    GetSmall,

    /// <summary>GET with path and query parameters answering 1000 CCAI media objects (about 110 KB).</summary>
    GetLarge,

    /// <summary>POST of a small JSON body (CCAI CreateChat) answering one CCAI chat.</summary>
    PostSmall,

    /// <summary>POST of a 1000-element JSON body (CCAI AddPhotos) answering one media object.</summary>
    PostLarge,
}

/// <summary>
/// The contenders, each over its own HttpClient on one shared <see cref="CannedHandler"/>, and the
/// request values they send. <see cref="VerifyAsync"/> proves they are interchangeable before any timing.
/// </summary>
internal sealed class ClientContenders
{
    private static readonly JsonSerializerOptions s_generatedJson = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private ClientContenders(ClientScenario scenario)
    {
        Scenario = scenario;
        Handler = new CannedHandler
        {
            ResponseBody = scenario switch
            {
                ClientScenario.GetSmall or ClientScenario.PostSmall => Payloads.Chat,
                ClientScenario.GetLarge => Payloads.MediaList,
                _ => Payloads.Media,
            },
        };

        HandWritten = new HandWrittenClient(new HttpClient(Handler, disposeHandler: false));

        var baseAddress = new Uri(Payloads.BaseAddress);
        GeneratedBench = new BenchClient(
            new HttpClient(Handler, disposeHandler: false),
            new BenchClientOptions { BaseAddress = baseAddress, Username = Payloads.User, Password = Payloads.Password });
        GeneratedCcai = new CcaiClient(
            new HttpClient(Handler, disposeHandler: false),
            new CcaiClientOptions { BaseAddress = baseAddress, Username = Payloads.User, Password = Payloads.Password });

        var restEase = new RestEase.RestClient(new HttpClient(Handler, disposeHandler: false) { BaseAddress = new Uri(Payloads.BaseAddress) })
        {
            JsonSerializerSettings = new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore },
        }.For<IRestEaseCcaiApi>();
        restEase.Authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Payloads.User + ":" + Payloads.Password));
        RestEase = restEase;

        RestSharp = new RestSharpCcaiClient(new HttpClient(Handler, disposeHandler: false));

        ChatRequestDto = new CreateChatRequestDto
        {
            Chat = new NewChatDto { MenuId = 17, EndUserId = 9001, Lang = "en", Email = "mario.bianchi@example.com" },
            EndUser = new NewChatEndUserDto { Phone = "+393331234567" },
        };
        ChatRequest = new CreateChatRequest
        {
            Chat = new NewChat { MenuId = 17, EndUserId = 9001, Lang = "en", Email = "mario.bianchi@example.com" },
            EndUser = new NewChatEndUser { Phone = "+393331234567" },
        };
        PhotosRequestDto = new AddPhotosRequestDto
        {
            Photo = Enumerable.Range(0, Payloads.LargeCount).Select(static i => new PhotoAttachmentDto { S3Path = Payloads.PhotoPath(i), PhotoType = "image/jpeg" }).ToList(),
        };
        PhotosRequest = new AddPhotosRequest
        {
            Photo = Enumerable.Range(0, Payloads.LargeCount).Select(static i => new PhotoAttachment { S3Path = Payloads.PhotoPath(i), PhotoType = "image/jpeg" }).ToList(),
        };
    }

    /// <summary>The call every contender makes.</summary>
    public ClientScenario Scenario { get; }

    /// <summary>The in-memory server.</summary>
    public CannedHandler Handler { get; }

    /// <summary>The baseline.</summary>
    public HandWrittenClient HandWritten { get; }

    /// <summary>The generated client of the benchmark descriptor (the GETs).</summary>
    public BenchClient GeneratedBench { get; }

    /// <summary>The generated CCAI client of examples/ContactCenter (the POSTs).</summary>
    public CcaiClient GeneratedCcai { get; }

    /// <summary>RestEase's run-time implementation.</summary>
    public IRestEaseCcaiApi RestEase { get; }

    /// <summary>The RestSharp client.</summary>
    public RestSharpCcaiClient RestSharp { get; }

    /// <summary>The small POST body, for the clients over the hand-written classes.</summary>
    public CreateChatRequestDto ChatRequestDto { get; }

    /// <summary>The small POST body, for the generated client.</summary>
    public CreateChatRequest ChatRequest { get; }

    /// <summary>The large POST body, for the clients over the hand-written classes.</summary>
    public AddPhotosRequestDto PhotosRequestDto { get; }

    /// <summary>The large POST body, for the generated client.</summary>
    public AddPhotosRequest PhotosRequest { get; }

    /// <summary>Builds the contenders for a scenario and checks them.</summary>
    /// <param name="scenario">The call.</param>
    /// <returns>The contenders.</returns>
    public static ClientContenders Create(ClientScenario scenario)
    {
        var contenders = new ClientContenders(scenario);
        contenders.VerifyAsync().GetAwaiter().GetResult();
        return contenders;
    }

    /// <summary>The baseline's call.</summary>
    /// <returns>The call's task.</returns>
    public Task HandWrittenCall() => Scenario switch
    {
        ClientScenario.GetSmall => HandWritten.FindChatAsync(Payloads.AccountId, Payloads.ChatId, Payloads.Lang, includeAgents: true),
        ClientScenario.GetLarge => HandWritten.ListMediaAsync(Payloads.ChatId, Payloads.Kind, Payloads.LargeCount),
        ClientScenario.PostSmall => HandWritten.CreateChatAsync(ChatRequestDto),
        _ => HandWritten.AddPhotosAsync(Payloads.ChatId, PhotosRequestDto),
    };

    /// <summary>The generated client's call; the parameter objects are made per call, as a caller makes them.</summary>
    /// <returns>The call's task.</returns>
    public Task GeneratedCall() => Scenario switch
    {
        ClientScenario.GetSmall => GeneratedBench.FindChatAsync(Payloads.AccountId, Payloads.ChatId, new FindChatParameters { Lang = Payloads.Lang, IncludeAgents = true }),
        ClientScenario.GetLarge => GeneratedBench.ListMediaAsync(Payloads.ChatId, new ListMediaParameters { Kind = Payloads.Kind, Limit = Payloads.LargeCount }),
        ClientScenario.PostSmall => GeneratedCcai.CreateChatAsync(ChatRequest),
        _ => GeneratedCcai.AddPhotosAsync(Payloads.ChatId, PhotosRequest),
    };

    /// <summary>RestEase's call.</summary>
    /// <returns>The call's task.</returns>
    public Task RestEaseCall() => Scenario switch
    {
        ClientScenario.GetSmall => RestEase.FindChatAsync(Payloads.AccountId, Payloads.ChatId, Payloads.Lang, "true", default),
        ClientScenario.GetLarge => RestEase.ListMediaAsync(Payloads.ChatId, Payloads.Kind, Payloads.LargeCount, default),
        ClientScenario.PostSmall => RestEase.CreateChatAsync(ChatRequestDto, default),
        _ => RestEase.AddPhotosAsync(Payloads.ChatId, PhotosRequestDto, default),
    };

    /// <summary>RestSharp's call.</summary>
    /// <returns>The call's task.</returns>
    public Task RestSharpCall() => Scenario switch
    {
        ClientScenario.GetSmall => RestSharp.FindChatAsync(Payloads.AccountId, Payloads.ChatId, Payloads.Lang, includeAgents: true),
        ClientScenario.GetLarge => RestSharp.ListMediaAsync(Payloads.ChatId, Payloads.Kind, Payloads.LargeCount),
        ClientScenario.PostSmall => RestSharp.CreateChatAsync(ChatRequestDto),
        _ => RestSharp.AddPhotosAsync(Payloads.ChatId, PhotosRequestDto),
    };

    /// <summary>
    /// Every contender sends the same request (method, URI, credentials, JSON body) and returns the same
    /// value: each result, written back as JSON, equals the canned answer.
    /// </summary>
    /// <returns>A task that fails when a contender differs.</returns>
    public async Task VerifyAsync()
    {
        var calls = new (string Name, Func<Task> Call)[]
        {
            ("hand-written", HandWrittenCall),
            ("generated", GeneratedCall),
            ("RestEase", RestEaseCall),
            ("RestSharp", RestSharpCall),
        };

        var expected = JsonNode.Parse(Handler.ResponseBody);
        RecordedRequest? reference = null;
        Handler.Record = true;
        try
        {
            foreach (var (name, call) in calls)
            {
                var task = call();
                await task.ConfigureAwait(false);
                var result = task.GetType().GetProperty("Result")!.GetValue(task)
                    ?? throw Mismatch(name, "returned null");
                var actual = JsonNode.Parse(ToJson(result));
                if (!JsonNode.DeepEquals(actual, expected))
                {
                    throw Mismatch(name, $"returned {Shorten(actual?.ToJsonString())}, expected {Shorten(expected?.ToJsonString())}");
                }

                var sent = Handler.Recorded ?? throw Mismatch(name, "sent no request");
                reference ??= sent;
                if (sent.Method != reference.Method || sent.Uri != reference.Uri || sent.Authorization != reference.Authorization)
                {
                    throw Mismatch(name, $"sent {sent.Method} {sent.Uri} ({sent.Authorization}), the baseline {reference.Method} {reference.Uri} ({reference.Authorization})");
                }

                if (!JsonNode.DeepEquals(ParseBody(sent.Body), ParseBody(reference.Body)))
                {
                    throw Mismatch(name, $"sent the body {Shorten(Text(sent.Body))}, the baseline {Shorten(Text(reference.Body))}");
                }
            }
        }
        finally
        {
            Handler.Record = false;
        }
    }

    private static string ToJson(object result) => result switch
    {
        ChatDto chat => JsonSerializer.Serialize(chat, HandWrittenJsonContext.Default.ChatDto),
        MediaDto media => JsonSerializer.Serialize(media, HandWrittenJsonContext.Default.MediaDto),
        List<MediaDto> list => JsonSerializer.Serialize(list, HandWrittenJsonContext.Default.ListMediaDto),
        _ => JsonSerializer.Serialize(result, result.GetType(), s_generatedJson), // generated types carry their own converters
    };

    private static JsonNode? ParseBody(byte[]? body) => body is null || body.Length == 0 ? null : JsonNode.Parse(body);

    private static string Text(byte[]? body) => body is null ? "(none)" : Encoding.UTF8.GetString(body);

    private static string Shorten(string? text) => text is null ? "null" : text.Length <= 300 ? text : text[..300] + "…";

    private static InvalidOperationException Mismatch(string contender, string what) =>
        new($"Client benchmark set-up: the {contender} client {what}.");
}
