using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Sandbox;

/// <summary>
/// LiveDesk contacts: <c>POST /api/v2/accounts/contacts</c> (Create Contact) and
/// <c>GET /api/v2/accounts/contacts</c> (List Contact and Search Contacts share the URL: <c>q</c> searches).
/// </summary>
internal sealed partial class LiveDeskEndpoints
{
    /// <summary>Contacts a page holds (Chatwoot's <c>RESULTS_PER_PAGE</c>; the docs say 15).</summary>
    public const int ContactsPerPage = 15;

    /// <summary>The values <c>sort</c> takes, as the docs list them.</summary>
    public static readonly IReadOnlyList<string> ContactSortValues = ["email", "name", "phone_number", "last_activity_at", "created_at", "company", "city", "country"];

    // inbox_id is typed String in the docs while their example sends 407: both forms are accepted,
    // as for conversations.
    private static readonly Shape CreateContactShape = new(
        new Field("inbox_id", JsonType.Integer, Required: true) { AcceptNumericString = true, Positive = true },
        new Field("name", JsonType.String),
        new Field("email", JsonType.String) { NotBlank = true },
        new Field("phone_number", JsonType.String) { NotBlank = true },
        new Field("avatar_url", JsonType.String) { NotBlank = true },
        new Field("identifier", JsonType.String) { NotBlank = true });

    private static readonly HashSet<string> ContactListKeys = new(StringComparer.Ordinal)
    {
        "q", "page", "sort", "direction", "include_contact_inboxes", "page_size", Labels, LabelsList,
    };

    private const string Labels = "labels";
    private const string LabelsList = "labels[]";

    private async Task CreateContactAsync(HttpContext http)
    {
        var (document, bodyProblem) = await JsonBody.ReadObjectAsync(http);
        if (bodyProblem is not null)
        {
            await WriteBodyProblemAsync(http, bodyProblem);
            return;
        }

        using (document)
        {
            var root = document!.RootElement;
            var problem = JsonRules.Validate(root, CreateContactShape)?.Message ?? CheckContactValues(root);
            if (problem is not null)
            {
                await WriteErrorAsync(http, StatusCodes.Status422UnprocessableEntity, problem);
                return;
            }

            var inboxId = JsonRules.GetInteger(root.GetProperty("inbox_id"));
            var email = JsonRules.OptionalString(root, "email");
            var phoneNumber = JsonRules.OptionalString(root, "phone_number");
            var identifier = JsonRules.OptionalString(root, "identifier");
            var now = Context.Now;
            var taken = State.TryAddLiveDeskContact(
                email,
                phoneNumber,
                identifier,
                id => new LiveDeskContactSnapshot(
                    id,
                    inboxId,
                    Guid.NewGuid().ToString("D"),
                    JsonRules.OptionalString(root, "name"),
                    email,
                    phoneNumber,
                    JsonRules.OptionalString(root, "avatar_url"),
                    identifier,
                    [],
                    now),
                out var contact);
            if (taken is not null)
            {
                await WriteErrorAsync(http, StatusCodes.Status422UnprocessableEntity, taken + " has already been taken");
                return;
            }

            var body = new JsonObject { ["payload"] = new JsonObject { ["contact"] = ContactJson(contact, contact!.Id, contact.CreatedAt, withContactInboxes: true) } };
            await JsonResponse.WriteAsync(http, StatusCodes.Status200OK, body);
        }
    }

    /// <summary>What Chatwoot's contact model validates beyond the JSON types.</summary>
    private static string? CheckContactValues(JsonElement root)
    {
        if (JsonRules.OptionalString(root, "email") is { } email && !Regex.IsMatch(email, @"\A[^@\s]+@[^@\s]+\z"))
        {
            return "Email is invalid";
        }

        if (JsonRules.OptionalString(root, "phone_number") is { } phone && !Regex.IsMatch(phone, @"\A\+[1-9]\d{1,14}\z"))
        {
            return "Phone number should be in e164 format";
        }

        if (JsonRules.OptionalString(root, "avatar_url") is { } avatar &&
            !(Uri.TryCreate(avatar, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            return new JsonProblem(ProblemKind.InvalidValue, "avatar_url", "must be an http or https URL").Message;
        }

        return null;
    }

    private async Task ListContactsAsync(HttpContext http)
    {
        var (values, labels, problem) = ReadContactQuery(http.Request.Query);
        if (problem is not null)
        {
            await WriteErrorAsync(http, StatusCodes.Status422UnprocessableEntity, problem);
            return;
        }

        IEnumerable<LiveDeskContactSnapshot> contacts = State.GetLiveDeskContacts();
        if (values.TryGetValue("q", out var q))
        {
            q = q.Trim();
            contacts = contacts.Where(c => new[] { c.Email, c.PhoneNumber, c.Name, c.Identifier }.Any(v => v?.Contains(q, StringComparison.OrdinalIgnoreCase) == true));
        }

        if (labels.Count > 0)
        {
            contacts = contacts.Where(c => c.Labels.Intersect(labels, StringComparer.Ordinal).Any());
        }

        if (values.TryGetValue("sort", out var sort))
        {
            contacts = Sort(contacts, sort, values.GetValueOrDefault("direction") == "desc");
        }

        var matching = contacts.ToArray();

        // page_size is accepted (one example of the docs sends it) and ignored: pages hold 15, as the docs say.
        var page = values.TryGetValue("page", out var pageText) ? int.Parse(pageText, NumberStyles.None, CultureInfo.InvariantCulture) : 1;
        var withInboxes = values.GetValueOrDefault("include_contact_inboxes") != "false";
        var payload = new JsonArray();
        foreach (var contact in matching.Skip((int)Math.Min((page - 1L) * ContactsPerPage, int.MaxValue)).Take(ContactsPerPage))
        {
            payload.Add(ContactJson(contact, contact.Id, contact.CreatedAt, withInboxes));
        }

        // Chatwoot writes current_page as params[:page] || 1: the page as sent (a string), else the number 1.
        var body = new JsonObject
        {
            ["meta"] = new JsonObject { ["count"] = matching.Length, ["current_page"] = pageText is null ? JsonValue.Create(1) : JsonValue.Create(pageText) },
            ["payload"] = payload,
        };
        await JsonResponse.WriteAsync(http, StatusCodes.Status200OK, body);
    }

    /// <summary>
    /// Checks the query string of the contact list: known keys only, each once and not empty; a list of
    /// labels only as <c>labels[]</c> (Rails keeps the last of a repeated plain key), or one <c>labels</c>.
    /// </summary>
    private static (Dictionary<string, string> Values, List<string> Labels, string? Problem) ReadContactQuery(IQueryCollection query)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var labels = new List<string>();
        foreach (var (key, raw) in query)
        {
            var problem = key switch
            {
                _ when !ContactListKeys.Contains(key) => new JsonProblem(ProblemKind.Unknown, key).Message,
                LabelsList when query.ContainsKey(Labels) => "send labels either as labels[]=a&labels[]=b or as one labels=a, not both",
                LabelsList => raw.Any(string.IsNullOrWhiteSpace) ? new JsonProblem(ProblemKind.InvalidValue, key, "must not be empty").Message : null,
                Labels when raw.Count > 1 => "labels was given more than once: a repeated key keeps only its last value; send a list as labels[]=a&labels[]=b",
                "q" when string.IsNullOrWhiteSpace(raw) => "Specify search string with parameter q",
                _ when raw.Count > 1 => $"parameter {key} was given more than once",
                _ when string.IsNullOrWhiteSpace(raw) => new JsonProblem(ProblemKind.InvalidValue, key, "must not be empty").Message,
                "page" or "page_size" when !int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0 =>
                    new JsonProblem(ProblemKind.InvalidValue, key, "must be a positive integer").Message,
                "sort" when !ContactSortValues.Contains(raw.ToString(), StringComparer.Ordinal) =>
                    new JsonProblem(ProblemKind.InvalidValue, key, $"\"{raw}\" is not one of: {string.Join(", ", ContactSortValues)}").Message,
                "direction" when raw != "asc" && raw != "desc" => new JsonProblem(ProblemKind.InvalidValue, key, $"\"{raw}\" is not one of: asc, desc").Message,
                "include_contact_inboxes" when raw != "true" && raw != "false" => new JsonProblem(ProblemKind.InvalidValue, key, $"\"{raw}\" is not one of: true, false").Message,
                _ => null,
            };
            if (problem is not null)
            {
                return (values, labels, problem);
            }

            if (key is Labels or LabelsList)
            {
                labels.AddRange(raw.Select(v => v!));
            }
            else
            {
                values[key] = raw.ToString();
            }
        }

        return (values, labels, null);
    }

    /// <summary>Sorts by the attribute, missing values last in either direction, ties by id.</summary>
    private static IEnumerable<LiveDeskContactSnapshot> Sort(IEnumerable<LiveDeskContactSnapshot> contacts, string sort, bool descending)
    {
        // The sandbox keeps no activity, company, city or country: those sorts leave the id order.
        Func<LiveDeskContactSnapshot, string?> key = sort switch
        {
            "email" => c => c.Email,
            "name" => c => string.IsNullOrEmpty(c.Name) ? null : c.Name,
            "phone_number" => c => c.PhoneNumber,
            "created_at" => c => c.CreatedAt.UtcTicks.ToString("D20", CultureInfo.InvariantCulture),
            _ => _ => null,
        };

        var ordered = contacts.OrderBy(c => key(c) is null);
        ordered = descending
            ? ordered.ThenByDescending(key, StringComparer.OrdinalIgnoreCase)
            : ordered.ThenBy(key, StringComparer.OrdinalIgnoreCase);
        return ordered.ThenBy(c => c.Id);
    }

    /// <summary>
    /// The contact as the page's <c>meta.sender</c> example shows it, field for field; a contact the
    /// sandbox did not create (any id is accepted for conversations) is a stand-in named after its id.
    /// </summary>
    private static JsonObject ContactJson(LiveDeskContactSnapshot? contact, long contactId, DateTimeOffset createdAt, bool withContactInboxes = false)
    {
        var json = new JsonObject
        {
            ["additional_attributes"] = new JsonObject(),
            ["availability_status"] = "offline",
            ["email"] = contact?.Email,
            ["id"] = contactId,
            ["name"] = ContactName(contact, contactId),
            ["phone_number"] = contact?.PhoneNumber,
            ["blocked"] = false,
            ["identifier"] = contact?.Identifier,
            ["thumbnail"] = "",
            ["custom_attributes"] = new JsonObject(),
            ["created_at"] = createdAt.ToUnixTimeSeconds(),
        };
        if (withContactInboxes && contact is not null)
        {
            json["contact_inboxes"] = new JsonArray(new JsonObject
            {
                ["source_id"] = contact.SourceId,
                ["inbox"] = new JsonObject
                {
                    ["id"] = contact.InboxId,
                    ["avatar_url"] = "",
                    ["channel_id"] = contact.InboxId,
                    ["name"] = InboxName(contact.InboxId),
                    ["channel_type"] = "Channel::Api",
                    ["provider"] = null,
                },
            });
        }

        return json;
    }

    private static string ContactName(LiveDeskContactSnapshot? contact, long contactId) =>
        contact is null ? $"Sandbox Contact {contactId}" : contact.Name ?? "";

    private static string InboxName(long inboxId) => $"Sandbox Inbox {inboxId}";

    /// <summary>Rails answers unparsable input with 422 too; 413 and 415 stay for size and media type.</summary>
    private Task WriteBodyProblemAsync(HttpContext http, BodyProblem problem) =>
        WriteErrorAsync(http, problem.Status == StatusCodes.Status400BadRequest ? StatusCodes.Status422UnprocessableEntity : problem.Status, problem.Message);
}
