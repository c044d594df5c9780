using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using ContactCenter.Ccai;
using EndpointGen.Benchmarks.Clients.HandWritten;
using EndpointGen.Benchmarks.Clients.Kiota.Generated;
using EndpointGen.Benchmarks.Generated;
using EndpointGen.Runtime;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Refit;
using KiotaModels = EndpointGen.Benchmarks.Clients.Kiota.Generated.Models;
using NSwagCcaiClient = EndpointGen.Benchmarks.Clients.NSwag.NSwagCcaiClient;
using NSwagJsonContext = EndpointGen.Benchmarks.Clients.NSwag.NSwagJsonContext;
using NSwagModels = EndpointGen.Benchmarks.Clients.NSwag;

namespace EndpointGen.Benchmarks.Clients;

/// <summary>The five calls of the client benchmarks.</summary>
public enum ClientScenario
{
    /// <summary>GET with path and query parameters answering one CCAI chat (about 1 KB).</summary>
    GetSmall,

    /// <summary>GET with path and query parameters answering 1000 CCAI media objects (about 110 KB).</summary>
    GetLarge,

    /// <summary>POST of a small JSON body (CCAI CreateChat) answering one CCAI chat.</summary>
    PostSmall,

    /// <summary>POST of a form-encoded body (five fields) answering one CCAI chat.</summary>
    PostForm,

    /// <summary>POST of a multipart body (three text parts and a 2 KB file part) answering one CCAI chat.</summary>
    PostMultipart,
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
        Handler = new CannedHandler { ResponseBody = scenario == ClientScenario.GetLarge ? Payloads.MediaList : Payloads.Chat };

        HandWritten = new HandWrittenClient(new HttpClient(Handler, disposeHandler: false));

        var baseAddress = new Uri(Payloads.BaseAddress);
        GeneratedBench = new BenchClient(
            new HttpClient(Handler, disposeHandler: false),
            new BenchClientOptions { BaseAddress = baseAddress, Username = Payloads.User, Password = Payloads.Password });
        GeneratedCcai = new CcaiClient(
            new HttpClient(Handler, disposeHandler: false),
            new CcaiClientOptions { BaseAddress = baseAddress, Username = Payloads.User, Password = Payloads.Password });

        // Refit's documented fast path: options that keep System.Text.Json's source-generated writer, with a context.
        var refitJson = SystemTextJsonContentSerializer.GetFastPathJsonSerializerOptions();
        refitJson.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        refitJson.TypeInfoResolver = HandWrittenJsonContext.Default;
        Refit = RestService.ForGenerated<IRefitCcaiApi>(
            WithBasicAuth(new HttpClient(Handler, disposeHandler: false) { BaseAddress = baseAddress }),
            new RefitSettings(new SystemTextJsonContentSerializer(refitJson)));

        // NSwag's client reads the base address and the default headers of the HttpClient it is given.
        NSwag = new NSwagCcaiClient(WithBasicAuth(new HttpClient(Handler, disposeHandler: false) { BaseAddress = baseAddress }));

        // Kiota's adapter over the shared handler alone: no middleware (retry, redirect, ...) to time.
        var kiotaAdapter = new HttpClientRequestAdapter(
            new AnonymousAuthenticationProvider(),
            httpClient: WithBasicAuth(new HttpClient(Handler, disposeHandler: false)))
        {
            BaseUrl = Payloads.BaseAddress.TrimEnd('/'),
        };
        Kiota = new KiotaCcaiClient(kiotaAdapter);

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
        NSwagChatRequest = new NSwagModels.CreateChatRequest
        {
            Chat = new NSwagModels.NewChat { Menu_id = 17, End_user_id = 9001, Lang = "en", Email = "mario.bianchi@example.com" },
            End_user = new NSwagModels.NewChatEndUser { Phone = "+393331234567" },
        };
        KiotaChatRequest = new KiotaModels.CreateChatRequest
        {
            Chat = new KiotaModels.NewChat { MenuId = 17, EndUserId = 9001, Lang = "en", Email = "mario.bianchi@example.com" },
            EndUser = new KiotaModels.NewChatEndUser { Phone = "+393331234567" },
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

    /// <summary>The generated CCAI client of examples/ContactCenter (the POST).</summary>
    public CcaiClient GeneratedCcai { get; }

    /// <summary>Refit's source-generated implementation.</summary>
    public IRefitCcaiApi Refit { get; }

    /// <summary>The client NSwag generated from the OpenAPI document.</summary>
    public NSwagCcaiClient NSwag { get; }

    /// <summary>The client Kiota generated from the OpenAPI document.</summary>
    public KiotaCcaiClient Kiota { get; }

    /// <summary>The POST body, for the clients over the hand-written classes.</summary>
    public CreateChatRequestDto ChatRequestDto { get; }

    /// <summary>The POST body, for the generated client.</summary>
    public CreateChatRequest ChatRequest { get; }

    /// <summary>The POST body, for NSwag's classes.</summary>
    public NSwagModels.CreateChatRequest NSwagChatRequest { get; }

    /// <summary>The POST body, for Kiota's classes.</summary>
    public KiotaModels.CreateChatRequest KiotaChatRequest { get; }

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
        ClientScenario.GetSmall => HandWritten.FindChatAsync(Payloads.AccountId, Payloads.ChatId, includeAgents: true, Payloads.Lang),
        ClientScenario.GetLarge => HandWritten.ListMediaAsync(Payloads.ChatId, Payloads.Kind, Payloads.LargeCount),
        ClientScenario.PostSmall => HandWritten.CreateChatAsync(ChatRequestDto),
        ClientScenario.PostForm => HandWritten.SendChatMessageAsync(Payloads.ChatId, Payloads.AgentId, Payloads.MessageBody, Payloads.Lang, Payloads.Priority, visible: true),
        _ => HandWritten.UploadChatPhotoAsync(Payloads.ChatId, Payloads.Caption, Payloads.Lang, Payloads.AgentId, Payloads.Photo, Payloads.PhotoFileName, Payloads.PhotoContentType),
    };

    /// <summary>The generated client's call; the parameter objects are made per call, as a caller makes them.</summary>
    /// <returns>The call's task.</returns>
    public Task GeneratedCall() => Scenario switch
    {
        ClientScenario.GetSmall => GeneratedBench.FindChatAsync(Payloads.AccountId, Payloads.ChatId, new FindChatParameters { IncludeAgents = true, Lang = Payloads.Lang }),
        ClientScenario.GetLarge => GeneratedBench.ListMediaAsync(Payloads.ChatId, new ListMediaParameters { Kind = Payloads.Kind, Limit = Payloads.LargeCount }),
        ClientScenario.PostSmall => GeneratedCcai.CreateChatAsync(ChatRequest),
        ClientScenario.PostForm => GeneratedBench.SendChatMessageAsync(Payloads.ChatId, new ChatMessageForm
        {
            AgentId = Payloads.AgentId, Body = Payloads.MessageBody, Lang = Payloads.Lang, Priority = Payloads.Priority, Visible = true,
        }),
        _ => GeneratedBench.UploadChatPhotoAsync(Payloads.ChatId, new ChatPhotoUpload
        {
            Caption = Payloads.Caption, Lang = Payloads.Lang, AgentId = Payloads.AgentId,
            File = new FileContent(Payloads.Photo, Payloads.PhotoFileName, Payloads.PhotoContentType),
        }),
    };

    /// <summary>Refit's call.</summary>
    /// <returns>The call's task.</returns>
    public Task RefitCall() => Scenario switch
    {
        ClientScenario.GetSmall => Refit.FindChatAsync(Payloads.AccountId, Payloads.ChatId, "true", Payloads.Lang, default),
        ClientScenario.GetLarge => Refit.ListMediaAsync(Payloads.ChatId, Payloads.Kind, Payloads.LargeCount, default),
        ClientScenario.PostSmall => Refit.CreateChatAsync(ChatRequestDto, default),
        ClientScenario.PostForm => Refit.SendChatMessageAsync(Payloads.ChatId, new RefitChatMessageForm
        {
            AgentId = Payloads.AgentId, Body = Payloads.MessageBody, Lang = Payloads.Lang, Priority = Payloads.Priority, Visible = "true",
        }, default),
        _ => Refit.UploadChatPhotoAsync(
            Payloads.ChatId, Payloads.Caption, Payloads.Lang, Payloads.AgentId.ToString(CultureInfo.InvariantCulture),
            new ByteArrayPart(Payloads.Photo, Payloads.PhotoFileName, Payloads.PhotoContentType, "file"),
            default),
    };

    /// <summary>NSwag's call.</summary>
    /// <returns>The call's task.</returns>
    public Task NSwagCall() => Scenario switch
    {
        ClientScenario.GetSmall => NSwag.FindChatAsync(Payloads.AccountId, Payloads.ChatId, include_agents: true, Payloads.Lang),
        ClientScenario.GetLarge => NSwag.ListMediaAsync(Payloads.ChatId, Payloads.Kind, Payloads.LargeCount),
        ClientScenario.PostSmall => NSwag.CreateChatAsync(NSwagChatRequest),
        ClientScenario.PostForm => NSwag.SendChatMessageAsync(Payloads.ChatId, new NSwagModels.ChatMessageForm
        {
            Agent_id = Payloads.AgentId, Body = Payloads.MessageBody, Lang = Payloads.Lang, Priority = Payloads.Priority, Visible = true,
        }),
        _ => NSwag.UploadChatPhotoAsync(
            Payloads.ChatId, Payloads.Caption, Payloads.Lang, Payloads.AgentId,
            new NSwagModels.FileParameter(new MemoryStream(Payloads.Photo, writable: false), Payloads.PhotoFileName, Payloads.PhotoContentType)),
    };

    /// <summary>Kiota's call; the request configuration is a static lambda, as the values are constants.</summary>
    /// <returns>The call's task.</returns>
    public Task KiotaCall() => Scenario switch
    {
        ClientScenario.GetSmall => Kiota.Accounts[Payloads.AccountId].Chats[Payloads.ChatId].GetAsync(static request =>
        {
            request.QueryParameters.IncludeAgents = true;
            request.QueryParameters.Lang = Payloads.Lang;
        }),
        ClientScenario.GetLarge => Kiota.Chats[Payloads.ChatId].Media.GetAsync(static request =>
        {
            request.QueryParameters.Kind = Payloads.Kind;
            request.QueryParameters.Limit = Payloads.LargeCount;
        }),
        ClientScenario.PostSmall => Kiota.Chats.PostAsync(KiotaChatRequest),
        ClientScenario.PostForm => Kiota.Chats[Payloads.ChatId].Messages.PostAsync(new KiotaModels.ChatMessageForm
        {
            AgentId = Payloads.AgentId, Body = Payloads.MessageBody, Lang = Payloads.Lang, Priority = Payloads.Priority, Visible = true,
        }),
        _ => Kiota.Chats[Payloads.ChatId].Photos.PostAsync(KiotaPhotoUpload()),
    };

    /// <summary>Kiota's multipart body: a generic list of named parts, each with its content type, in the order added.</summary>
    private static MultipartBody KiotaPhotoUpload()
    {
        var body = new MultipartBody();
        body.AddOrReplacePart("caption", "text/plain", Payloads.Caption);
        body.AddOrReplacePart("lang", "text/plain", Payloads.Lang);
        body.AddOrReplacePart("agent_id", "text/plain", Payloads.AgentId.ToString(CultureInfo.InvariantCulture));
        body.AddOrReplacePart("file", Payloads.PhotoContentType, Payloads.Photo, Payloads.PhotoFileName);
        return body;
    }

    /// <summary>
    /// Every contender sends the same request (method, URI, credentials, content type, body: the same bytes, or the
    /// same JSON, form fields or multipart parts as <see cref="SameBody"/> says) and returns the same value: each
    /// result, written back as JSON, equals the canned answer.
    /// </summary>
    /// <returns>A task that fails when a contender differs.</returns>
    public async Task VerifyAsync()
    {
        var calls = new (string Name, Func<Task> Call)[]
        {
            ("hand-written", HandWrittenCall),
            ("generated", GeneratedCall),
            ("Refit", RefitCall),
            ("NSwag", NSwagCall),
            ("Kiota", KiotaCall),
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
                var actual = JsonNode.Parse(await ToJsonAsync(result).ConfigureAwait(false));
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

                if (!SameContentType(sent.ContentType, reference.ContentType))
                {
                    throw Mismatch(name, $"sent the content type {sent.ContentType}, the baseline {reference.ContentType}");
                }

                if (!SameBody(sent, reference))
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

    /// <summary>
    /// The same bytes; or, for JSON, the same members in another order and otherwise the same bytes (Kiota writes the
    /// members of an object in alphabetical order): equal as JSON, and of equal length, so no member, value or
    /// escape differs; or, for a form, the same fields (<see cref="FormFields"/>); or, for multipart, the same parts
    /// (<see cref="MultipartParts"/>).
    /// </summary>
    private static bool SameBody(RecordedRequest sent, RecordedRequest reference)
    {
        var (a, b) = (sent.Body ?? [], reference.Body ?? []);
        if (a.AsSpan().SequenceEqual(b))
        {
            return true;
        }

        return reference.ContentType?.MediaType switch
        {
            "application/json" => a.Length == b.Length && a.Length > 0 && JsonNode.DeepEquals(JsonNode.Parse(a), JsonNode.Parse(b)),
            "application/x-www-form-urlencoded" => FormFields(a).SequenceEqual(FormFields(b)),
            "multipart/form-data" => MultipartParts(sent).SequenceEqual(MultipartParts(reference)),
            _ => false,
        };
    }

    /// <summary>
    /// The fields of a form body in order, decoded as a form parser decodes them (the WHATWG URL standard): Kiota
    /// percent-encodes a space as <c>%20</c> where FormUrlEncodedContent writes <c>+</c>, one space to a server. The
    /// order is compared too: the form's fields are declared in alphabetical order, Kiota's, so every client writes
    /// them in one order.
    /// </summary>
    private static List<(string Key, string Value)> FormFields(byte[] body) =>
        Encoding.ASCII.GetString(body)
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(field => field.Split('=', 2))
            .Select(pair => (Decode(pair[0]), pair.Length > 1 ? Decode(pair[1]) : string.Empty))
            .ToList();

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    /// <summary>
    /// The parts of a multipart/form-data body, each normalised to what a server reads of it, in order. The boundary
    /// is random per call (the generated client, NSwag) or fixed (Refit, Kiota), so the body is split on each
    /// request's own boundary and compared part by part, never as bytes. A part's headers are compared for what they
    /// mean, as a form-data parser reads them (RFC 7578): the disposition's name and file name, quoted or not, with
    /// a <c>filename*</c> (which System.Net.Http adds) equal to the file name; the content type of a file part
    /// exactly; and a text part without a content type equal to one of <c>text/plain</c> in UTF-8 (RFC 7578 4.4:
    /// the default, which StringContent and Kiota write). Any other header must be the same. The part's body must be
    /// the same bytes.
    /// </summary>
    private static List<string> MultipartParts(RecordedRequest request)
    {
        var boundary = request.ContentType?.Parameters.FirstOrDefault(p => string.Equals(p.Name, "boundary", StringComparison.OrdinalIgnoreCase))?.Value?.Trim('"')
            ?? throw new InvalidOperationException("A multipart body without a boundary.");
        var body = "\r\n" + Encoding.Latin1.GetString(request.Body ?? []); // Latin-1: one char per byte, so a file part's bytes survive
        var segments = body.Split("\r\n--" + boundary);
        if (segments.Length < 2 || segments[0].Length != 0 || !segments[^1].StartsWith("--", StringComparison.Ordinal))
        {
            return ["(not a multipart body of boundary " + boundary + ")"];
        }

        var parts = new List<string>();
        foreach (var segment in segments[1..^1])
        {
            var headerEnd = segment.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (!segment.StartsWith("\r\n", StringComparison.Ordinal) || headerEnd < 0)
            {
                return ["(a malformed part: " + segment + ")"];
            }

            var headers = new SortedDictionary<string, string>(StringComparer.Ordinal);
            string? name = null, fileName = null, contentType = null;
            foreach (var line in segment[2..headerEnd].Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var (header, value) = (line[..colon].Trim().ToLowerInvariant(), line[(colon + 1)..].Trim());
                switch (header)
                {
                    case "content-disposition":
                        var disposition = ContentDispositionHeaderValue.Parse(value);
                        name = disposition.Name?.Trim('"');
                        fileName = disposition.FileName?.Trim('"');
                        if (disposition.FileNameStar is { } star && star != fileName)
                        {
                            return ["(a filename* that is not the filename: " + value + ")"];
                        }

                        headers[header] = disposition.DispositionType;
                        break;
                    case "content-type":
                        contentType = value;
                        break;
                    default:
                        headers[header] = value;
                        break;
                }
            }

            if (fileName is null && contentType is not null)
            {
                var type = MediaTypeHeaderValue.Parse(contentType);
                if (type.MediaType == "text/plain" && IsUtf8OrNone(type.CharSet) && type.Parameters.Count <= 1)
                {
                    contentType = null;
                }
            }

            parts.Add($"name={name}; filename={fileName}; content-type={contentType}; {string.Join("; ", headers)}\n{segment[(headerEnd + 4)..]}");
        }

        return parts;
    }

    private static HttpClient WithBasicAuth(HttpClient http)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Payloads.User + ":" + Payloads.Password)));
        return http;
    }

    /// <summary>
    /// The same media type, and a charset that is absent or UTF-8: JSON has no charset parameter (RFC 8259
    /// is UTF-8 only), so <c>application/json</c> and <c>application/json; charset=utf-8</c> are one type.
    /// </summary>
    private static bool SameContentType(MediaTypeHeaderValue? sent, MediaTypeHeaderValue? reference) =>
        string.Equals(sent?.MediaType, reference?.MediaType, StringComparison.OrdinalIgnoreCase)
        && IsUtf8OrNone(sent?.CharSet) && IsUtf8OrNone(reference?.CharSet);

    private static bool IsUtf8OrNone(string? charSet) =>
        charSet is null || string.Equals(charSet.Trim('"'), "utf-8", StringComparison.OrdinalIgnoreCase);

    private static async Task<string> ToJsonAsync(object result) => result switch
    {
        ChatDto chat => JsonSerializer.Serialize(chat, HandWrittenJsonContext.Default.ChatDto),
        List<MediaDto> list => JsonSerializer.Serialize(list, HandWrittenJsonContext.Default.ListMediaDto),
        NSwagModels.Chat chat => JsonSerializer.Serialize(chat, NSwagJsonContext.Default.Chat),
        List<NSwagModels.Media> list => JsonSerializer.Serialize(list, NSwagJsonContext.Default.ListMedia),
        IParsable parsable => await KiotaJsonSerializer.SerializeAsStringAsync(parsable).ConfigureAwait(false),
        IEnumerable<KiotaModels.Media> list => await KiotaJsonSerializer.SerializeAsStringAsync(list).ConfigureAwait(false),
        _ => JsonSerializer.Serialize(result, result.GetType(), s_generatedJson), // generated types carry their own converters
    };

    private static string Text(byte[]? body) => body is null ? "(none)" : Encoding.UTF8.GetString(body);

    private static string Shorten(string? text) => text is null ? "null" : text.Length <= 300 ? text : text[..300] + "…";

    private static InvalidOperationException Mismatch(string contender, string what) =>
        new($"Client benchmark set-up: the {contender} client {what}.");
}
