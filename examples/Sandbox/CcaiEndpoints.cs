using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Sandbox;

/// <summary>
/// Google CCAI Platform apps API (chats) under <c>/apps/api/v1</c>. Errors are <c>{"message": ...}</c>.
/// As a strict server it refuses unknown request keys, explicit nulls, wrong JSON types and blank
/// required values, and a finished chat refuses every change with <c>Chat is already ended</c>.
/// </summary>
internal sealed class CcaiEndpoints(SandboxContext context) : VendorApi(context)
{
    private const string Base = "/apps/api/v1";
    private const string ChatRoute = Base + "/chats/{id:long}";

    public static readonly string[] EscalationReasons =
    [
        "unknown", "by_end_user_ask", "by_end_user_message", "by_virtual_agent", "payload_failure",
        "could_not_resume", "by_human_agent", "invalid_queue", "dismissed",
    ];

    /// <summary>Custom data keys that also set the chat's customer flags (see the custom data example).</summary>
    private static readonly Dictionary<string, string> ReservedFlagKeys = new(StringComparer.Ordinal)
    {
        ["reserved_verified_customer"] = "verified_customer",
        ["reserved_bad_actor"] = "bad_actor",
        ["reserved_repeat_customer"] = "repeat_customer",
    };

    private static readonly Shape CreateChatShape = new(
        new Field("chat", JsonType.Object, Required: true)
        {
            Shape = new Shape(
                new Field("menu_id", JsonType.Integer, Required: true) { Positive = true },
                new Field("end_user_id", JsonType.Integer) { Positive = true },
                new Field("lang", JsonType.String) { NotBlank = true },
                new Field("email", JsonType.String),
                new Field("context", JsonType.Any),
                new Field("transcript", JsonType.Any)),
        },
        new Field("end_user", JsonType.Object) { Shape = new Shape(new Field("phone", JsonType.String)) });

    private static readonly Shape UpdateChatShape = new(
        new Field("finished_by_user_id", JsonType.Integer),
        new Field("chat", JsonType.Object)
        {
            Shape = new Shape(
                new Field("deflection_channel", JsonType.String) { NotBlank = true },
                new Field("status", JsonType.String) { NotBlank = true },
                new Field("escalation_id", JsonType.Integer)),
        });

    // The page shows content as a string; the English docs (and the spec's decision) use {"text": ...}.
    private static readonly Shape MessageShape = new(
        new Field("from_user_id", JsonType.Integer),
        new Field("message", JsonType.Object, Required: true)
        {
            Shape = new Shape(
                new Field("type", JsonType.String, Required: true),
                new Field("content", JsonType.Object, Required: true) { Shape = new Shape(new Field("text", JsonType.String, Required: true)) }),
        });

    private static readonly Shape EscalationShape = new(
        new Field("reason", JsonType.String, Required: true) { OneOf = EscalationReasons },
        new Field("force_escalate", JsonType.Boolean));

    private static readonly Shape DeflectionShape = new(new Field("deflection_channel", JsonType.String, Required: true));

    private static readonly Shape PhotosShape = new(
        new Field("photo", JsonType.Array, Required: true)
        {
            Items = new Field("item", JsonType.Object)
            {
                Shape = new Shape(new Field("s3_path", JsonType.String, Required: true), new Field("photo_type", JsonType.String)),
            },
        });

    private static readonly Shape VideoShape = new(
        new Field("video", JsonType.Object, Required: true)
        {
            Shape = new Shape(new Field("s3_path", JsonType.String), new Field("gcs_path", JsonType.String)),
        });

    // The GET answers repeat_customer; the POST body on the page says repeat_customers. The sandbox
    // takes the GET spelling and rejects the other, so a client carrying the typo fails loudly.
    private static readonly Shape CustomerFlagShape = new(
        new Field("verified_customer", JsonType.Boolean),
        new Field("bad_actor", JsonType.Boolean),
        new Field("repeat_customer", JsonType.Boolean));

    private static readonly Shape CustomDataItemShape = new(new Field("label", JsonType.String), new Field("value", JsonType.Any, Required: true));

    private static readonly Shape EndUserShape = new(
        new Field("identifier", JsonType.String, Required: true),
        new Field("name", JsonType.String),
        new Field("email", JsonType.String),
        new Field("phone", JsonType.String));

    private delegate Task ChatHandler(HttpContext http, CcaiChat chat);

    public override SandboxVendor Vendor => SandboxVendor.Ccai;

    public override PathString Prefix => Base;

    public override void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost(Base + "/chats", (RequestDelegate)CreateChatAsync);
        routes.MapGet(ChatRoute, ForChat(mutates: false, GetChatAsync));
        routes.MapPatch(ChatRoute, ForChat(mutates: true, UpdateChatAsync));
        routes.MapPost(ChatRoute + "/message", ForChat(mutates: true, SendMessageAsync));
        routes.MapPost(ChatRoute + "/escalations", ForChat(mutates: true, EscalateAsync));
        routes.MapPatch(ChatRoute + "/escalations/{escalationId:long}", ForChat(mutates: true, UpdateEscalationAsync));
        routes.MapPost(ChatRoute + "/photos/upload", ForChat(mutates: true, (h, c) => IssueUploadAsync(h, c, CcaiMediaKind.Photo)));
        routes.MapPost(ChatRoute + "/videos/upload", ForChat(mutates: true, (h, c) => IssueUploadAsync(h, c, CcaiMediaKind.Video)));
        routes.MapPost(ChatRoute + "/photos", ForChat(mutates: true, AttachPhotosAsync));
        routes.MapGet(ChatRoute + "/photos", ForChat(mutates: false, (h, c) => ListMediaAsync(h, c, CcaiMediaKind.Photo)));
        routes.MapPost(ChatRoute + "/videos", ForChat(mutates: true, AttachVideoAsync));
        routes.MapGet(ChatRoute + "/videos", ForChat(mutates: false, (h, c) => ListMediaAsync(h, c, CcaiMediaKind.Video)));
        routes.MapGet(ChatRoute + "/customer_flag", ForChat(mutates: false, GetCustomerFlagAsync));
        routes.MapPost(ChatRoute + "/customer_flag", ForChat(mutates: true, SetCustomerFlagAsync));
        routes.MapPost(ChatRoute + "/custom_data", ForChat(mutates: true, SetCustomDataAsync));

        // The Italian page writes end-user, the English docs end_user: serve both.
        routes.MapPost(ChatRoute + "/end_user", ForChat(mutates: true, UpdateEndUserAsync));
        routes.MapPost(ChatRoute + "/end-user", ForChat(mutates: true, UpdateEndUserAsync));
    }

    public override bool IsAuthorized(HttpRequest request) =>
        BasicAuth.IsValid(request, Context.Options.CcaiUser, Context.Options.CcaiPassword);

    public override Task WriteErrorAsync(HttpContext context, int status, string message) =>
        JsonResponse.WriteAsync(context, status, new JsonObject { ["message"] = message });

    public override Task WriteUnauthorizedAsync(HttpContext context)
    {
        context.Response.Headers[HeaderNames.WWWAuthenticate] = "Basic realm=\"Application\"";
        return WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized");
    }

    public override Task WriteNotFoundAsync(HttpContext context) => WriteErrorAsync(context, StatusCodes.Status404NotFound, "Not Found");

    public override Task WriteMethodNotAllowedAsync(HttpContext context) =>
        WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed");

    // ------------------------------------------------------------------ chats

    private async Task CreateChatAsync(HttpContext http)
    {
        using var document = await ReadBodyAsync(http, CreateChatShape);
        if (document is null)
        {
            return;
        }

        var root = document.RootElement;
        var chatJson = root.GetProperty("chat");
        var endUserId = JsonRules.OptionalInteger(chatJson, "end_user_id") ?? State.NextCcaiEndUserId();
        var phone = root.TryGetProperty("end_user", out var endUserJson) ? JsonRules.OptionalString(endUserJson, "phone") : null;
        var chat = new CcaiChat(
            State.NextCcaiChatId(),
            JsonRules.GetInteger(chatJson.GetProperty("menu_id")),
            JsonRules.OptionalString(chatJson, "lang") ?? "en",
            JsonRules.OptionalString(chatJson, "email"),
            JsonRules.OptionalClone(chatJson, "context"),
            JsonRules.OptionalClone(chatJson, "transcript"),
            new CcaiEndUser(endUserId, $"sandbox-end-user-{endUserId}", null, null, phone),
            Context.Now);
        State.AddCcaiChat(chat);
        await JsonResponse.WriteAsync(http, StatusCodes.Status200OK, ChatJson(chat.Snapshot()));
    }

    private static Task GetChatAsync(HttpContext http, CcaiChat chat) =>
        JsonResponse.WriteAsync(http, StatusCodes.Status200OK, ChatJson(chat.Snapshot()));

    private async Task UpdateChatAsync(HttpContext http, CcaiChat chat)
    {
        using var document = await ReadBodyAsync(http, UpdateChatShape);
        if (document is null)
        {
            return;
        }

        var root = document.RootElement;
        var changes = root.TryGetProperty("chat", out var c) ? c : default;
        var hasChanges = changes.ValueKind == JsonValueKind.Object;
        CcaiChatSnapshot? updated = null;
        lock (chat.Gate)
        {
            if (!chat.IsFinished)
            {
                chat.Update(
                    JsonRules.OptionalInteger(root, "finished_by_user_id"),
                    hasChanges ? JsonRules.OptionalString(changes, "deflection_channel") : null,
                    hasChanges ? JsonRules.OptionalString(changes, "status") : null,
                    hasChanges ? JsonRules.OptionalInteger(changes, "escalation_id") : null,
                    Context.Now);
                updated = chat.Snapshot();
            }
        }

        await (updated is null ? WriteEndedAsync(http) : JsonResponse.WriteAsync(http, StatusCodes.Status200OK, ChatJson(updated)));
    }

    private async Task SendMessageAsync(HttpContext http, CcaiChat chat)
    {
        using var document = await ReadBodyAsync(http, MessageShape);
        if (document is null)
        {
            return;
        }

        var root = document.RootElement;
        var message = root.GetProperty("message");
        var stored = new CcaiMessage(
            JsonRules.OptionalInteger(root, "from_user_id"),
            message.GetProperty("type").GetString()!,
            message.GetProperty("content").GetProperty("text").GetString()!,
            Context.Now);
        await MutateAsync(http, chat, () => chat.AddMessage(stored), () => new JsonObject());
    }

    // ------------------------------------------------------------------ escalations

    private async Task EscalateAsync(HttpContext http, CcaiChat chat)
    {
        using var document = await ReadBodyAsync(http, EscalationShape);
        if (document is null)
        {
            return;
        }

        var reason = document.RootElement.GetProperty("reason").GetString()!;
        var force = JsonRules.OptionalBoolean(document.RootElement, "force_escalate") ?? false;
        CcaiEscalation? escalation = null;
        await MutateAsync(http, chat, () => escalation = chat.AddEscalation(State.NextCcaiEscalationId(), reason, force), () => EscalationJson(escalation!));
    }

    private async Task UpdateEscalationAsync(HttpContext http, CcaiChat chat)
    {
        using var document = await ReadBodyAsync(http, DeflectionShape);
        if (document is null)
        {
            return;
        }

        var escalationId = long.Parse((string)http.Request.RouteValues["escalationId"]!, CultureInfo.InvariantCulture);
        var channel = document.RootElement.GetProperty("deflection_channel").GetString()!;
        bool ended;
        CcaiEscalation? escalation = null;
        lock (chat.Gate)
        {
            ended = chat.IsFinished;
            if (!ended)
            {
                escalation = chat.DeflectEscalation(escalationId, channel);
            }
        }

        if (ended)
        {
            await WriteEndedAsync(http);
        }
        else if (escalation is null)
        {
            await WriteNotFoundAsync(http);
        }
        else
        {
            await JsonResponse.WriteAsync(http, StatusCodes.Status200OK, EscalationJson(escalation));
        }
    }

    // ------------------------------------------------------------------ media

    private async Task IssueUploadAsync(HttpContext http, CcaiChat chat, CcaiMediaKind kind)
    {
        if (await JsonBody.HasBodyAsync(http))
        {
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, "this endpoint takes no request body");
            return;
        }

        var upload = PostPolicy.Issue(Context, chat.Id, kind);
        State.AddIssuedUpload(upload);
        await JsonResponse.WriteAsync(http, StatusCodes.Status200OK, PostPolicy.ToJson(upload, Context.Origin));
    }

    private async Task AttachPhotosAsync(HttpContext http, CcaiChat chat)
    {
        using var document = await ReadBodyAsync(http, PhotosShape);
        if (document is null)
        {
            return;
        }

        var items = new List<(string Key, string? PhotoType)>();
        var index = 0;
        foreach (var item in document.RootElement.GetProperty("photo").EnumerateArray())
        {
            var key = item.GetProperty("s3_path").GetString()!;
            if (!await CheckUploadedAsync(http, chat, key, CcaiMediaKind.Photo, $"photo[{index++}].s3_path"))
            {
                return;
            }

            items.Add((key, JsonRules.OptionalString(item, "photo_type")));
        }

        // The API answers one {url, media_id} even though the body is a list: the sandbox attaches
        // every photo and answers with the first one.
        CcaiMedia? first = null;
        await MutateAsync(
            http,
            chat,
            () =>
            {
                foreach (var (key, photoType) in items)
                {
                    var media = NewMedia(chat, CcaiMediaKind.Photo, key, photoType);
                    chat.AddMedia(media);
                    first ??= media;
                }
            },
            () => MediaJson(first!));
    }

    private async Task AttachVideoAsync(HttpContext http, CcaiChat chat)
    {
        using var document = await ReadBodyAsync(http, VideoShape);
        if (document is null)
        {
            return;
        }

        var video = document.RootElement.GetProperty("video");
        var s3 = JsonRules.OptionalString(video, "s3_path");
        var gcs = JsonRules.OptionalString(video, "gcs_path");
        if (s3 is null && gcs is null)
        {
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, new JsonProblem(ProblemKind.Missing, "video.s3_path").Message);
            return;
        }

        if (s3 is not null && gcs is not null)
        {
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, new JsonProblem(ProblemKind.InvalidValue, "video", "send either s3_path or gcs_path, not both").Message);
            return;
        }

        var key = (s3 ?? gcs)!;
        if (!await CheckUploadedAsync(http, chat, key, CcaiMediaKind.Video, s3 is not null ? "video.s3_path" : "video.gcs_path"))
        {
            return;
        }

        CcaiMedia? media = null;
        await MutateAsync(http, chat, () => chat.AddMedia(media = NewMedia(chat, CcaiMediaKind.Video, key, null)), () => MediaJson(media!));
    }

    private static Task ListMediaAsync(HttpContext http, CcaiChat chat, CcaiMediaKind kind) =>
        JsonResponse.WriteAsync(http, StatusCodes.Status200OK, new JsonArray(chat.Media(kind).Select(m => (JsonNode)MediaJson(m)).ToArray()));

    /// <summary>Only a key this chat was issued AND that was then really uploaded may be attached.</summary>
    private async Task<bool> CheckUploadedAsync(HttpContext http, CcaiChat chat, string key, CcaiMediaKind kind, string path)
    {
        var upload = State.GetUpload(key);
        if (upload is not null && upload.ChatId == chat.Id && upload.Kind == kind)
        {
            return true;
        }

        var why = upload is null
            ? "nothing was uploaded under this key (upload the file with the presigned form first)"
            : $"the key belongs to another chat or is not a {kind.ToString().ToLowerInvariant()}";
        await WriteErrorAsync(http, StatusCodes.Status400BadRequest, $"Invalid {path} \"{key}\": {why}");
        return false;
    }

    private CcaiMedia NewMedia(CcaiChat chat, CcaiMediaKind kind, string key, string? photoType) =>
        new(State.NextCcaiMediaId(), chat.Id, kind, key, new Uri(Context.Origin + UploadEndpoints.StoragePrefix + "/" + key), photoType);

    // ------------------------------------------------------------------ customer flags, custom data, end user

    private static Task GetCustomerFlagAsync(HttpContext http, CcaiChat chat)
    {
        var flags = chat.Snapshot().Flags;
        return JsonResponse.WriteAsync(http, StatusCodes.Status200OK, new JsonObject
        {
            ["verified_customer"] = flags.VerifiedCustomer,
            ["bad_actor"] = flags.BadActor,
            ["repeat_customer"] = flags.RepeatCustomer,
        });
    }

    private async Task SetCustomerFlagAsync(HttpContext http, CcaiChat chat)
    {
        using var document = await ReadBodyAsync(http, CustomerFlagShape);
        if (document is null)
        {
            return;
        }

        var root = document.RootElement;
        var verified = JsonRules.OptionalBoolean(root, "verified_customer");
        var badActor = JsonRules.OptionalBoolean(root, "bad_actor");
        var repeat = JsonRules.OptionalBoolean(root, "repeat_customer");
        await MutateAsync(http, chat, () => chat.SetFlags(verified, badActor, repeat), () => new JsonObject());
    }

    private async Task SetCustomDataAsync(HttpContext http, CcaiChat chat)
    {
        using var document = await ReadBodyAsync(http, shape: null);
        if (document is null)
        {
            return;
        }

        var (data, signed, error) = ParseCustomData(document.RootElement);
        if (error is not null)
        {
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, error);
            return;
        }

        var items = new List<(string Key, CcaiCustomDataItem Item)>();
        foreach (var property in data!.Value.EnumerateObject())
        {
            var value = property.Value.GetProperty("value").Clone();
            items.Add((property.Name, new CcaiCustomDataItem(JsonRules.OptionalString(property.Value, "label"), value, signed)));
        }

        await MutateAsync(
            http,
            chat,
            () =>
            {
                foreach (var (key, item) in items)
                {
                    chat.SetCustomData(key, item);
                    if (ReservedFlagKeys.TryGetValue(key, out var flag))
                    {
                        var on = item.Value.GetBoolean();
                        chat.SetFlags(flag == "verified_customer" ? on : null, flag == "bad_actor" ? on : null, flag == "repeat_customer" ? on : null);
                    }
                }
            },
            () => new JsonObject());
    }

    /// <summary>
    /// Either <c>{"signed": false, "data": {...}}</c> or <c>{"signed": true, "signed_data": JWT}</c>;
    /// the shape depends on <c>signed</c>, so this is checked by hand rather than with one Shape.
    /// </summary>
    private (JsonElement? Data, bool Signed, string? Error) ParseCustomData(JsonElement root)
    {
        var problem = JsonRules.Validate(root, new Shape(
            new Field("signed", JsonType.Boolean, Required: true),
            new Field("data", JsonType.Object),
            new Field("signed_data", JsonType.String)));
        if (problem is not null)
        {
            return (null, false, problem.Message);
        }

        var signed = root.GetProperty("signed").GetBoolean();
        JsonElement data;
        string prefix;
        if (signed)
        {
            if (root.TryGetProperty("data", out _))
            {
                return (null, true, new JsonProblem(ProblemKind.InvalidValue, "data", "not allowed when signed is true; put it inside signed_data").Message);
            }

            if (!root.TryGetProperty("signed_data", out var token) || string.IsNullOrWhiteSpace(token.GetString()))
            {
                return (null, true, new JsonProblem(ProblemKind.Missing, "signed_data").Message);
            }

            var (customData, error) = SignedCustomData.Verify(token.GetString()!, Context.Options.CcaiSigningSecret, Context.Now);
            if (error is not null)
            {
                return (null, true, "Invalid signed_data: " + error);
            }

            data = customData!.Value;
            prefix = "signed_data.custom_data";
        }
        else
        {
            if (root.TryGetProperty("signed_data", out _))
            {
                return (null, false, new JsonProblem(ProblemKind.InvalidValue, "signed_data", "only allowed when signed is true").Message);
            }

            if (!root.TryGetProperty("data", out data) || !data.EnumerateObject().Any())
            {
                return (null, false, new JsonProblem(ProblemKind.Missing, "data").Message);
            }

            prefix = "data";
        }

        foreach (var property in data.EnumerateObject())
        {
            var path = prefix + "." + property.Name;
            if (property.Value.ValueKind != JsonValueKind.Object)
            {
                return (null, signed, new JsonProblem(ProblemKind.WrongType, path, "expected an object {\"label\", \"value\"}").Message);
            }

            var itemProblem = JsonRules.Validate(property.Value, CustomDataItemShape, path);
            if (itemProblem is not null)
            {
                return (null, signed, itemProblem.Message);
            }

            if (ReservedFlagKeys.ContainsKey(property.Name) && property.Value.GetProperty("value").ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return (null, signed, new JsonProblem(ProblemKind.WrongType, path + ".value", "a reserved customer flag must be a boolean").Message);
            }
        }

        return (data, signed, null);
    }

    private async Task UpdateEndUserAsync(HttpContext http, CcaiChat chat)
    {
        using var document = await ReadBodyAsync(http, EndUserShape);
        if (document is null)
        {
            return;
        }

        var root = document.RootElement;
        var identifier = root.GetProperty("identifier").GetString()!;
        var name = JsonRules.OptionalString(root, "name");
        var email = JsonRules.OptionalString(root, "email");
        var phone = JsonRules.OptionalString(root, "phone");
        await MutateAsync(
            http,
            chat,
            () => chat.SetEndUser(chat.EndUser with
            {
                Identifier = identifier,
                Name = name ?? chat.EndUser.Name,
                Email = email ?? chat.EndUser.Email,
                Phone = phone ?? chat.EndUser.Phone,
            }),
            () => new JsonObject { ["message"] = "accepted" },
            StatusCodes.Status202Accepted);
    }

    // ------------------------------------------------------------------ plumbing

    /// <summary>
    /// Resolves <c>{id}</c> to a chat (404 <c>Not Found</c> otherwise) and, for changing operations,
    /// fails fast on a finished chat. The change itself re-checks under the chat's lock
    /// (<see cref="MutateAsync"/>), because another request may finish the chat in between.
    /// </summary>
    private RequestDelegate ForChat(bool mutates, ChatHandler handler) => async http =>
    {
        var id = long.Parse((string)http.Request.RouteValues["id"]!, CultureInfo.InvariantCulture);
        var chat = State.FindCcaiChat(id);
        if (chat is null)
        {
            await WriteNotFoundAsync(http);
            return;
        }

        if (mutates && chat.IsFinished)
        {
            await WriteEndedAsync(http);
            return;
        }

        await handler(http, chat);
    };

    /// <summary>Applies a change unless the chat is finished, atomically with that check.</summary>
    private static async Task MutateAsync(HttpContext http, CcaiChat chat, Action change, Func<JsonNode> response, int status = StatusCodes.Status200OK)
    {
        bool ended;
        lock (chat.Gate)
        {
            ended = chat.IsFinished;
            if (!ended)
            {
                change();
            }
        }

        await (ended ? WriteEndedAsync(http) : JsonResponse.WriteAsync(http, status, response()));
    }

    private static Task WriteEndedAsync(HttpContext http) =>
        JsonResponse.WriteAsync(http, StatusCodes.Status400BadRequest, new JsonObject { ["message"] = "Chat is already ended" });

    /// <summary>Reads and validates a JSON object body; on failure answers and returns null.</summary>
    private async Task<JsonDocument?> ReadBodyAsync(HttpContext http, Shape? shape)
    {
        var (document, problem) = await JsonBody.ReadObjectAsync(http);
        if (problem is not null)
        {
            await WriteErrorAsync(http, problem.Status, problem.Message);
            return null;
        }

        var invalid = shape is null ? null : JsonRules.Validate(document!.RootElement, shape);
        if (invalid is not null)
        {
            document!.Dispose();
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, invalid.Message);
            return null;
        }

        return document;
    }

    // ------------------------------------------------------------------ JSON shapes

    private static JsonObject ChatJson(CcaiChatSnapshot chat) => new()
    {
        ["id"] = chat.Id,
        ["status"] = chat.Status,
        ["status_text"] = StatusText(chat.Status),
        ["features"] = new JsonArray("photo", "video", "screenshot", "cobrowse"),
        ["created_at"] = PostPolicy.Iso8601(chat.CreatedAt),
        ["ends_at"] = PostPolicy.Iso8601(chat.EndsAt),
        ["timeout_at"] = PostPolicy.Iso8601(chat.TimeoutAt),
        ["agent"] = Agent(201, "Giulia", "Bianchi", "available"),
        ["virtual_agent"] = VirtualAgent(31, "Sandbox Virtual Agent", "active"),
        ["all_agents"] = new JsonArray(Agent(201, "Giulia", "Bianchi", "available"), Agent(202, "Marco", "Rossi", "unavailable")),
        ["all_virtual_agents"] = new JsonArray(VirtualAgent(31, "Sandbox Virtual Agent", "active"), VirtualAgent(32, "Sandbox FAQ Bot", "inactive")),
        ["lang"] = chat.Lang,
        ["menus"] = new JsonArray(new JsonObject { ["id"] = chat.MenuId, ["name"] = $"Menu {chat.MenuId}" }),
        ["end_user"] = new JsonObject { ["id"] = chat.EndUser.Id, ["identifier"] = chat.EndUser.Identifier },
    };

    private static JsonObject Agent(long id, string firstName, string lastName, string status) => new()
    {
        ["id"] = id,
        ["name"] = firstName + " " + lastName,
        ["first_name"] = firstName,
        ["avatar_url"] = $"https://avatars.sandbox.invalid/agents/{id}.png",
        ["status"] = status,
    };

    private static JsonObject VirtualAgent(long id, string name, string status) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["avatar_url"] = $"https://avatars.sandbox.invalid/virtual_agents/{id}.png",
        ["status"] = status,
    };

    private static string StatusText(string status) => status switch
    {
        CcaiChatStatus.Queued => "Waiting for an agent",
        CcaiChatStatus.Finished => "Chat ended",
        _ => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(status.Replace('_', ' ')),
    };

    private static JsonObject EscalationJson(CcaiEscalation escalation) => new()
    {
        ["id"] = escalation.Id,
        ["chat_id"] = escalation.ChatId,
        ["status"] = escalation.Status,
    };

    private static JsonObject MediaJson(CcaiMedia media) => new() { ["url"] = media.Url.AbsoluteUri, ["media_id"] = media.MediaId };
}
