using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Sandbox;

/// <summary>
/// LiveDesk messages: <c>POST /api/v2/accounts/conversations/{conversation_id}/messages</c> (Send Message:
/// a JSON body, or the attachment variant as <c>multipart/form-data</c>, as Chatwoot takes it) and
/// <c>GET</c> on the same path (Chatwoot's message list; LiveDesk documents none).
/// </summary>
internal sealed partial class LiveDeskEndpoints
{
    /// <summary>Messages one list call returns at most (Chatwoot's message finder).</summary>
    public const int MessagesPerCall = 20;

    /// <summary>Largest multipart body read (Chatwoot's attachment limit is 40 MB).</summary>
    public const long MaxAttachmentBodyBytes = 40L * 1024 * 1024;

    /// <summary>Where the <c>data_url</c> of an attachment points, as Chatwoot's Active Storage URLs do.</summary>
    public const string AttachmentPathPrefix = "/rails/active_storage/blobs/redirect";

    private const string AttachmentsPart = "attachments[]";

    // Chatwoot's message_type numbers in answers; requests name them (incoming, outgoing).
    private const int IncomingMessageType = 0;
    private const int OutgoingMessageType = 1;

    private static readonly Shape SendMessageShape = new(
        new Field("content", JsonType.String, Required: true),
        new Field("private", JsonType.Boolean),
        new Field("content_attributes", JsonType.Object));

    private static readonly string[] MessageTypes = ["incoming", "outgoing"];

    private static readonly FormOptions AttachmentFormOptions = new()
    {
        MultipartBodyLengthLimit = MaxAttachmentBodyBytes,
        ValueCountLimit = 64,
        KeyLengthLimit = 256,
        MultipartHeadersLengthLimit = 16 * 1024,
    };

    private async Task SendMessageAsync(HttpContext http)
    {
        // Rails finds the conversation before it reads the parameters: an unknown one is 404 whatever the body.
        if (FindConversation(http) is not { } conversation)
        {
            await WriteNotFoundAsync(http);
            return;
        }

        if (IsMultipart(http.Request.ContentType))
        {
            await SendMessageWithAttachmentsAsync(http, conversation);
            return;
        }

        if (!JsonBody.IsJsonContentType(http.Request.ContentType))
        {
            await WriteErrorAsync(http, StatusCodes.Status415UnsupportedMediaType, "Content-Type must be application/json, or multipart/form-data to send attachments");
            return;
        }

        var (document, bodyProblem) = await JsonBody.ReadObjectAsync(http);
        if (bodyProblem is not null)
        {
            await WriteBodyProblemAsync(http, bodyProblem);
            return;
        }

        using (document)
        {
            var root = document!.RootElement;
            if (JsonRules.Validate(root, SendMessageShape) is { } problem)
            {
                await WriteErrorAsync(http, StatusCodes.Status422UnprocessableEntity, problem.Message);
                return;
            }

            var attributes = JsonRules.OptionalClone(root, "content_attributes");
            await WriteNewMessageAsync(http, conversation, JsonRules.OptionalString(root, "content"), JsonRules.OptionalBoolean(root, "private") ?? false, OutgoingMessageType, attributes, []);
        }
    }

    /// <summary>
    /// The attachment variant: text parts <c>content</c>, <c>private</c> (<c>true</c>/<c>false</c>) and
    /// <c>message_type</c> (<c>outgoing</c>/<c>incoming</c>), and at least one file part named
    /// <c>attachments[]</c>. Any other part, a repeated text part, a file under another name or an
    /// <c>attachments[]</c> without a file name is refused.
    /// </summary>
    private async Task SendMessageWithAttachmentsAsync(HttpContext http, LiveDeskConversationSnapshot conversation)
    {
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(AttachmentFormOptions, http.RequestAborted);
        }
        catch (InvalidDataException ex)
        {
            var status = ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status422UnprocessableEntity;
            await WriteErrorAsync(http, status, "request body is not usable multipart/form-data: " + ex.Message);
            return;
        }
        catch (IOException ex) when (!http.RequestAborted.IsCancellationRequested)
        {
            await WriteErrorAsync(http, StatusCodes.Status422UnprocessableEntity, "request body is not usable multipart/form-data: " + ex.Message);
            return;
        }

        var problem = CheckAttachmentForm(form);
        if (problem is not null)
        {
            await WriteErrorAsync(http, StatusCodes.Status422UnprocessableEntity, problem);
            return;
        }

        var messageId = State.NextLiveDeskMessageId();
        var attachments = new List<LiveDeskAttachmentSnapshot>();
        foreach (var file in form.Files)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, http.RequestAborted);
            var contentType = string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType;
            attachments.Add(new LiveDeskAttachmentSnapshot(State.NextLiveDeskAttachmentId(), messageId, file.FileName, contentType, buffer.ToArray(), NewToken()));
        }

        var content = form.TryGetValue("content", out var text) && !string.IsNullOrEmpty(text) ? text.ToString() : null;
        var isPrivate = form.TryGetValue("private", out var privateText) && privateText == "true";
        var messageType = form.TryGetValue("message_type", out var type) && type == "incoming" ? IncomingMessageType : OutgoingMessageType;
        await WriteNewMessageAsync(http, conversation, content, isPrivate, messageType, null, attachments, messageId);
    }

    private static string? CheckAttachmentForm(IFormCollection form)
    {
        foreach (var (key, values) in form)
        {
            var problem = key switch
            {
                AttachmentsPart => $"{AttachmentsPart} must be a file part (a Content-Disposition with a filename)",
                "content" or "private" or "message_type" when values.Count > 1 => $"parameter {key} was given more than once",
                "private" when values != "true" && values != "false" => new JsonProblem(ProblemKind.InvalidValue, key, $"\"{values}\" is not one of: true, false").Message,
                "message_type" when !MessageTypes.Contains(values.ToString(), StringComparer.Ordinal) =>
                    new JsonProblem(ProblemKind.InvalidValue, key, $"\"{values}\" is not one of: {string.Join(", ", MessageTypes)}").Message,
                "content" or "private" or "message_type" => null,
                _ => new JsonProblem(ProblemKind.Unknown, key).Message,
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        foreach (var file in form.Files)
        {
            if (file.Name != AttachmentsPart)
            {
                return file.Name == "attachments"
                    ? "file parts must be named attachments[]: a repeated name without [] keeps only its last value"
                    : new JsonProblem(ProblemKind.Unknown, file.Name).Message;
            }

            if (file.Length == 0)
            {
                return new JsonProblem(ProblemKind.InvalidValue, AttachmentsPart, $"the file {file.FileName} is empty").Message;
            }
        }

        return form.Files.Count == 0 ? new JsonProblem(ProblemKind.Missing, "attachments").Message + " (send a message without files as JSON)" : null;
    }

    private async Task ListMessagesAsync(HttpContext http)
    {
        if (FindConversation(http) is not { } conversation)
        {
            await WriteNotFoundAsync(http);
            return;
        }

        long? before = null;
        foreach (var (key, raw) in http.Request.Query)
        {
            string? problem = null;
            if (key != "before")
            {
                problem = new JsonProblem(ProblemKind.Unknown, key).Message;
            }
            else if (raw.Count > 1)
            {
                problem = $"parameter {key} was given more than once";
            }
            else if (!long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            {
                problem = new JsonProblem(ProblemKind.InvalidValue, key, "must be a positive integer").Message;
            }
            else
            {
                before = id;
            }

            if (problem is not null)
            {
                await WriteErrorAsync(http, StatusCodes.Status422UnprocessableEntity, problem);
                return;
            }
        }

        var messages = State.GetLiveDeskMessages(conversation.Id).Where(m => before is null || m.Id < before).OrderBy(m => m.Id).TakeLast(MessagesPerCall);
        var payload = new JsonArray();
        foreach (var message in messages)
        {
            payload.Add(JsonNode.Parse(message.Response.GetRawText()));
        }

        var contact = State.GetLiveDeskContact(conversation.ContactId);
        var body = new JsonObject
        {
            ["meta"] = new JsonObject
            {
                ["labels"] = new JsonArray(),
                ["additional_attributes"] = new JsonObject(),
                ["contact"] = ContactJson(contact, conversation.ContactId, State.LiveDeskContactCreatedAt(conversation.ContactId, conversation.CreatedAt)),
            },
            ["payload"] = payload,
        };
        await JsonResponse.WriteAsync(http, StatusCodes.Status200OK, body);
    }

    private async Task DownloadAttachmentAsync(HttpContext http)
    {
        var token = (string)http.Request.RouteValues["token"]!;
        var fileName = (string)http.Request.RouteValues["file_name"]!;
        if (State.FindLiveDeskAttachment(token) is not { } attachment || attachment.FileName != fileName)
        {
            await WriteNotFoundAsync(http);
            return;
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = attachment.ContentType;
        http.Response.ContentLength = attachment.Size;
        await http.Response.Body.WriteAsync(attachment.Content, http.RequestAborted);
    }

    /// <summary>Stores the message and answers it in the shape of Chatwoot's message JSON (the page's example: id, content, inbox_id, conversation_id, message_type, ...).</summary>
    private async Task WriteNewMessageAsync(HttpContext http, LiveDeskConversationSnapshot conversation, string? content, bool isPrivate, int messageType, JsonElement? attributes, IReadOnlyList<LiveDeskAttachmentSnapshot> attachments, long? messageId = null)
    {
        var id = messageId ?? State.NextLiveDeskMessageId();
        var now = Context.Now;
        var json = new JsonObject
        {
            ["id"] = id,
            ["content"] = content,
            ["inbox_id"] = conversation.InboxId,
            ["conversation_id"] = conversation.Id,
            ["message_type"] = messageType,
            ["content_type"] = "text",
            ["content_attributes"] = attributes is { } a ? JsonNode.Parse(a.GetRawText()) : new JsonObject(),
            ["created_at"] = now.ToUnixTimeSeconds(),
            ["private"] = isPrivate,
            ["source_id"] = null,
        };
        if (attachments.Count > 0)
        {
            var list = new JsonArray();
            foreach (var attachment in attachments)
            {
                list.Add(new JsonObject
                {
                    ["id"] = attachment.Id,
                    ["message_id"] = id,
                    ["file_type"] = FileType(attachment.ContentType),
                    ["account_id"] = AccountId,
                    ["extension"] = null,
                    ["data_url"] = $"{Context.Origin}{AttachmentPathPrefix}/{attachment.Token}/{Uri.EscapeDataString(attachment.FileName)}",
                    ["thumb_url"] = "",
                    ["file_size"] = attachment.Size,
                });
            }

            json["attachments"] = list;
        }

        var bytes = JsonResponse.ToUtf8(json);
        using var stored = JsonDocument.Parse(bytes);
        State.AddLiveDeskMessage(new LiveDeskMessageSnapshot(id, conversation.Id, conversation.InboxId, content, isPrivate, messageType, attributes, now, attachments, stored.RootElement.Clone()));
        await JsonResponse.WriteUtf8Async(http, StatusCodes.Status200OK, bytes);
    }

    private LiveDeskConversationSnapshot? FindConversation(HttpContext http) =>
        long.TryParse((string?)http.Request.RouteValues["conversation_id"], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? State.GetLiveDeskConversation(id) : null;

    private static bool IsMultipart(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType) && mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    /// <summary>Chatwoot's file_type: from the content type's top-level type.</summary>
    private static string FileType(string contentType) => contentType.Split('/')[0].ToLowerInvariant() switch
    {
        "image" => "image",
        "audio" => "audio",
        "video" => "video",
        _ => "file",
    };

    /// <summary>An unguessable URL segment, like Active Storage's signed blob ids.</summary>
    private static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(18));
}
