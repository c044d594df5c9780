using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Sandbox;

/// <summary>
/// EngageLab LiveDesk (Chatwoot-derived) under <c>/api/v2/accounts</c>:
/// <c>POST conversations</c> (this file), <c>POST</c> and <c>GET contacts</c> (<c>LiveDesk/LiveDeskEndpoints.Contacts.cs</c>),
/// <c>POST</c> and <c>GET conversations/{conversation_id}/messages</c> (<c>LiveDesk/LiveDeskEndpoints.Messages.cs</c>).
/// Errors are <c>{"error": ...}</c>: 401 <c>Invalid Access Token</c>, 404 <c>Resource could not be found</c>,
/// 422 for invalid bodies and query strings.
/// </summary>
internal sealed partial class LiveDeskEndpoints(SandboxContext context) : VendorApi(context)
{
    /// <summary>The account id of the page's example; LiveDesk paths carry no account id.</summary>
    public const long AccountId = 17623000010928;

    // The page types inbox_id and contact_id as String while its examples send numbers: both forms
    // are accepted. Ids must be positive.
    private static readonly Shape CreateConversationShape = new(
        new Field("inbox_id", JsonType.Integer, Required: true) { AcceptNumericString = true, Positive = true },
        new Field("contact_id", JsonType.Integer) { AcceptNumericString = true, Positive = true },
        new Field("source_id", JsonType.String) { NotBlank = true });

    public override SandboxVendor Vendor => SandboxVendor.LiveDesk;

    public override PathString Prefix => "/api/v2/accounts";

    public override void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v2/accounts/conversations", (RequestDelegate)CreateConversationAsync);
        routes.MapPost("/api/v2/accounts/contacts", (RequestDelegate)CreateContactAsync);
        routes.MapGet("/api/v2/accounts/contacts", (RequestDelegate)ListContactsAsync);
        routes.MapPost("/api/v2/accounts/conversations/{conversation_id}/messages", (RequestDelegate)SendMessageAsync);
        routes.MapGet("/api/v2/accounts/conversations/{conversation_id}/messages", (RequestDelegate)ListMessagesAsync);

        // Where data_url points, outside the API prefix and without credentials, like Chatwoot's blob URLs.
        routes.MapGet(AttachmentPathPrefix + "/{token}/{file_name}", (RequestDelegate)DownloadAttachmentAsync);
    }

    public override bool IsAuthorized(HttpRequest request) =>
        BasicAuth.IsValid(request, Context.Options.LiveDeskApiKey, Context.Options.LiveDeskApiSecret);

    public override Task WriteErrorAsync(HttpContext context, int status, string message) =>
        JsonResponse.WriteAsync(context, status, new JsonObject { ["error"] = message });

    public override Task WriteUnauthorizedAsync(HttpContext context) =>
        WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Invalid Access Token");

    public override Task WriteNotFoundAsync(HttpContext context) =>
        WriteErrorAsync(context, StatusCodes.Status404NotFound, "Resource could not be found");

    public override Task WriteMethodNotAllowedAsync(HttpContext context) =>
        WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed");

    private async Task CreateConversationAsync(HttpContext http)
    {
        var (document, bodyProblem) = await JsonBody.ReadObjectAsync(http);
        if (bodyProblem is not null)
        {
            // Rails answers unparsable input with 422 too; keep 413/415 for size and media type.
            var status = bodyProblem.Status == StatusCodes.Status400BadRequest ? StatusCodes.Status422UnprocessableEntity : bodyProblem.Status;
            await WriteErrorAsync(http, status, bodyProblem.Message);
            return;
        }

        using (document)
        {
            var root = document!.RootElement;
            var problem = JsonRules.Validate(root, CreateConversationShape);
            if (problem is null && !root.TryGetProperty("contact_id", out _) && !root.TryGetProperty("source_id", out _))
            {
                problem = new JsonProblem(ProblemKind.Missing, "contact_id");
            }

            if (problem is not null)
            {
                var message = problem.Kind == ProblemKind.Missing && problem.Path == "contact_id"
                    ? "contact_id or source_id is required to identify the sender"
                    : problem.Message;
                await WriteErrorAsync(http, StatusCodes.Status422UnprocessableEntity, message);
                return;
            }

            var inboxId = JsonRules.GetInteger(root.GetProperty("inbox_id"));
            var sourceId = JsonRules.OptionalString(root, "source_id");
            var contactId = JsonRules.OptionalInteger(root, "contact_id") ?? State.LiveDeskContactForSource(sourceId!);
            var now = Context.Now;
            var id = State.NextLiveDeskConversationId();
            var uuid = Guid.NewGuid();
            var body = ConversationJson(id, uuid, inboxId, contactId, State.LiveDeskContactCreatedAt(contactId, now), State.GetLiveDeskContact(contactId), now);
            var bytes = JsonResponse.ToUtf8(body);
            using var stored = JsonDocument.Parse(bytes);
            State.AddLiveDeskConversation(new LiveDeskConversationSnapshot(id, uuid, inboxId, contactId, sourceId, "open", now, stored.RootElement.Clone()));
            await JsonResponse.WriteUtf8Async(http, StatusCodes.Status200OK, bytes);
        }
    }

    /// <summary>Exactly the fields, order and types of the page's response example, filled from the request and the clock.</summary>
    /// <remarks>The sender is the created contact when there is one, else a stand-in named after its id.</remarks>
    private static JsonObject ConversationJson(long id, Guid uuid, long inboxId, long contactId, DateTimeOffset contactCreatedAt, LiveDeskContactSnapshot? contact, DateTimeOffset now)
    {
        var seconds = now.ToUnixTimeSeconds();
        var contactName = ContactName(contact, contactId);
        var inboxName = InboxName(inboxId);
        return new JsonObject
        {
            ["meta"] = new JsonObject
            {
                ["sender"] = ContactJson(contact, contactId, contactCreatedAt),
                ["channel"] = "Channel::Api",
                ["hmac_verified"] = false,
            },
            ["id"] = id,
            ["messages"] = new JsonArray(),
            ["account_id"] = AccountId,
            ["uuid"] = uuid.ToString("D"),
            ["inbox_id"] = inboxId,
            ["additional_attributes"] = new JsonObject(),
            ["agent_last_seen_at"] = 0,
            ["assignee_last_seen_at"] = 0,
            ["can_reply"] = true,
            ["contact_last_seen_at"] = 0,
            ["custom_attributes"] = new JsonObject(),
            ["labels"] = new JsonArray(),
            ["muted"] = false,
            ["snoozed_until"] = null,
            ["status"] = "open",
            ["priority"] = null,
            ["conversation_category"] = "chat",
            ["chat_mode"] = "private_chat",
            ["is_forum"] = false,
            ["created_at"] = seconds,
            ["updated_at"] = UnixTimeWithFraction(now),
            ["timestamp"] = seconds,
            ["first_reply_created_at"] = 0,
            ["unread_count"] = 0,
            ["last_non_activity_message"] = null,
            ["last_activity_at"] = seconds,
            ["waiting_since"] = seconds,
            ["sla_policy_id"] = null,
            ["ticket_id"] = null,
            ["over_limit"] = false,
            ["content_preview"] = new JsonObject
            {
                ["content"] = null,
                ["message_type"] = null,
                ["created_at"] = null,
            },
            ["platform"] = new JsonObject
            {
                ["channel_type"] = "Channel::Api",
                ["inbox_name"] = inboxName,
                ["inbox_id"] = inboxId,
            },
            ["account_info"] = new JsonObject
            {
                ["contact_name"] = contactName,
                ["contact_email"] = contact?.Email,
                ["contact_phone"] = contact?.PhoneNumber,
                ["contact_id"] = contactId,
                ["contact_avatar"] = "",
            },
            ["assignment"] = new JsonObject
            {
                ["assignee_id"] = null,
                ["assignee_name"] = null,
                ["assignee_email"] = null,
                ["team_id"] = null,
                ["team_name"] = null,
            },
        };
    }

    /// <summary>
    /// Unix seconds with a 7-digit fraction, like the page's <c>1766572062.5803902</c>. Built as a
    /// decimal so the digits are exact, and never a whole number: a client that maps this field to an
    /// integer must fail here, as it would against the real service.
    /// </summary>
    private static JsonNode UnixTimeWithFraction(DateTimeOffset now)
    {
        var ticks = (now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) % TimeSpan.TicksPerSecond;
        if (ticks == 0)
        {
            ticks = 1;
        }

        var text = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "." + ticks.ToString("D7", CultureInfo.InvariantCulture);
        return JsonValue.Create(decimal.Parse(text, CultureInfo.InvariantCulture));
    }
}
