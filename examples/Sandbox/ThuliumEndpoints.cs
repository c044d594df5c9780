using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Sandbox;

/// <summary>
/// The <c>code</c> values of Thulium error bodies produced by the sandbox. Thulium documents the shape
/// (<c>{"request_id", "errors": [{"message", "code"}]}</c>) but not its codes, so these are the
/// sandbox's own; tests may assert them.
/// </summary>
public static class ThuliumErrorCodes
{
    /// <summary>Missing or wrong HTTP Basic credentials (401).</summary>
    public const int InvalidCredentials = 100401;

    /// <summary>Unknown path or unknown conversation id (404).</summary>
    public const int NotFound = 100404;

    /// <summary>Known path, wrong HTTP method (405).</summary>
    public const int MethodNotAllowed = 100405;

    /// <summary>Sandbox failure (500).</summary>
    public const int InternalError = 100500;

    /// <summary>A required query parameter is absent (400).</summary>
    public const int MissingParameter = 200001;

    /// <summary>A query parameter that must be a positive integer is not (400).</summary>
    public const int InvalidInteger = 200002;

    /// <summary>A query parameter the operation does not know (400).</summary>
    public const int UnknownParameter = 200003;

    /// <summary>A query parameter is present with an empty value (400).</summary>
    public const int EmptyParameter = 200004;

    /// <summary>A query parameter is repeated (400).</summary>
    public const int DuplicateParameter = 200005;

    /// <summary>The request has a body; Thulium's chat operations take parameters in the query string (400).</summary>
    public const int BodyNotAllowed = 200006;

    /// <summary><c>client_email</c> is not an e-mail address (400).</summary>
    public const int InvalidEmail = 200007;

    /// <summary>The conversation was already stopped (400).</summary>
    public const int ConversationAlreadyStopped = 300001;

    /// <summary>The request exceeded a server limit such as the body size (4xx from Kestrel).</summary>
    public const int RequestRejected = 100400;
}

/// <summary>
/// Thulium chat API under <c>/api</c>: <c>POST chat_conversations/start</c> (parameters in the query
/// string, empty body) and <c>POST chat_conversations/{id}/stop</c> (200 with an empty body).
/// </summary>
internal sealed class ThuliumEndpoints(SandboxContext context) : VendorApi(context)
{
    private static long s_requestSequence;

    /// <summary>Query keys <c>start</c> accepts, and whether each must be a positive integer.</summary>
    private static readonly Dictionary<string, bool> StartParameters = new(StringComparer.Ordinal)
    {
        ["chat_queue_id"] = true,
        ["client_name"] = false,
        ["client_surname"] = false,
        ["client_email"] = false,
        ["client_id"] = false, // an external identifier, so any text (the example's 1234 is just digits)
        ["customer_id"] = true,
    };

    public override SandboxVendor Vendor => SandboxVendor.Thulium;

    public override PathString Prefix => "/api";

    public override void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/chat_conversations/start", StartAsync);
        routes.MapPost("/api/chat_conversations/{id}/stop", StopAsync);
    }

    public override bool IsAuthorized(HttpRequest request) =>
        BasicAuth.IsValid(request, Context.Options.ThuliumUser, Context.Options.ThuliumPassword);

    public override Task WriteErrorAsync(HttpContext context, int status, string message) =>
        WriteErrorsAsync(context, status, [(message, status >= 500 ? ThuliumErrorCodes.InternalError : ThuliumErrorCodes.RequestRejected)]);

    public override Task WriteUnauthorizedAsync(HttpContext context)
    {
        context.Response.Headers[HeaderNames.WWWAuthenticate] = "Basic realm=\"Thulium API\"";
        return WriteErrorsAsync(context, StatusCodes.Status401Unauthorized, [(Text(context, "invalid credentials", "nieprawidłowe dane uwierzytelniające"), ThuliumErrorCodes.InvalidCredentials)]);
    }

    public override Task WriteNotFoundAsync(HttpContext context) =>
        WriteErrorsAsync(context, StatusCodes.Status404NotFound, [(Text(context, "resource not found", "nie znaleziono zasobu"), ThuliumErrorCodes.NotFound)]);

    public override Task WriteMethodNotAllowedAsync(HttpContext context) =>
        WriteErrorsAsync(context, StatusCodes.Status405MethodNotAllowed, [(Text(context, "method not allowed", "niedozwolona metoda HTTP"), ThuliumErrorCodes.MethodNotAllowed)]);

    private async Task StartAsync(HttpContext context)
    {
        // Collect every problem before answering: Thulium lists several errors at once.
        var errors = new List<(string Message, int Code)>();
        if (await JsonBody.HasBodyAsync(context))
        {
            errors.Add((Text(context, "request body must be empty; pass the parameters in the query string", "treść żądania musi być pusta; parametry należy przekazać w query string"), ThuliumErrorCodes.BodyNotAllowed));
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var integers = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, raw) in context.Request.Query)
        {
            if (!StartParameters.TryGetValue(key, out var isInteger))
            {
                errors.Add((Text(context, $"unknown parameter: {key}", $"nieznany parametr: {key}"), ThuliumErrorCodes.UnknownParameter));
                continue;
            }

            if (raw.Count > 1)
            {
                errors.Add((Text(context, $"parameter {key} was given more than once", $"parametr {key} podano więcej niż raz"), ThuliumErrorCodes.DuplicateParameter));
                continue;
            }

            var value = raw.ToString();
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add((Text(context, $"parameter {key} must not be empty", $"parametr {key} nie może być pusty"), ThuliumErrorCodes.EmptyParameter));
                continue;
            }

            if (isInteger)
            {
                if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
                {
                    errors.Add((Text(context, $"parameter {key} must be a positive integer", $"parametr {key} musi być dodatnią liczbą całkowitą"), ThuliumErrorCodes.InvalidInteger));
                    continue;
                }

                integers[key] = number;
            }
            else if (key == "client_email" && !LooksLikeEmail(value))
            {
                errors.Add((Text(context, $"parameter {key} must be an e-mail address", $"parametr {key} musi być adresem e-mail"), ThuliumErrorCodes.InvalidEmail));
                continue;
            }

            values[key] = value;
        }

        if (!context.Request.Query.ContainsKey("chat_queue_id"))
        {
            errors.Add((Text(context, "parameter chat_queue_id is required", "parametr chat_queue_id jest wymagany"), ThuliumErrorCodes.MissingParameter));
        }

        if (errors.Count > 0)
        {
            await WriteErrorsAsync(context, StatusCodes.Status400BadRequest, errors);
            return;
        }

        var conversation = new ThuliumConversationSnapshot(
            Guid.NewGuid(),
            integers["chat_queue_id"],
            values.GetValueOrDefault("client_name"),
            values.GetValueOrDefault("client_surname"),
            values.GetValueOrDefault("client_email"),
            values.GetValueOrDefault("client_id"),
            integers.TryGetValue("customer_id", out var customerId) ? customerId : null,
            Context.Now,
            null);
        State.AddThuliumConversation(conversation);
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, new JsonObject { ["conversation_id"] = conversation.Id.ToString("D") });
    }

    private async Task StopAsync(HttpContext context)
    {
        var errors = new List<(string Message, int Code)>();
        if (await JsonBody.HasBodyAsync(context))
        {
            errors.Add((Text(context, "request body must be empty", "treść żądania musi być pusta"), ThuliumErrorCodes.BodyNotAllowed));
        }

        foreach (var key in context.Request.Query.Keys)
        {
            errors.Add((Text(context, $"unknown parameter: {key}", $"nieznany parametr: {key}"), ThuliumErrorCodes.UnknownParameter));
        }

        if (errors.Count > 0)
        {
            await WriteErrorsAsync(context, StatusCodes.Status400BadRequest, errors);
            return;
        }

        var id = (string)context.Request.RouteValues["id"]!;
        if (!Guid.TryParseExact(id, "D", out var guid) || State.GetThuliumConversation(guid) is not { } current)
        {
            await WriteErrorsAsync(context, StatusCodes.Status404NotFound, [(Text(context, "chat conversation not found", "nie znaleziono konwersacji"), ThuliumErrorCodes.NotFound)]);
            return;
        }

        if (current.IsStopped || !State.TryReplaceThuliumConversation(current, current with { StoppedAt = Context.Now }))
        {
            // Either it was stopped earlier or a concurrent stop won the compare-and-swap.
            await WriteErrorsAsync(context, StatusCodes.Status400BadRequest, [(Text(context, "chat conversation is already stopped", "konwersacja została już zakończona"), ThuliumErrorCodes.ConversationAlreadyStopped)]);
            return;
        }

        // Thulium answers 200 with an empty body but still labels it JSON: clients must cope with that.
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = JsonResponse.ContentType;
        context.Response.ContentLength = 0;
    }

    private static Task WriteErrorsAsync(HttpContext context, int status, IEnumerable<(string Message, int Code)> errors)
    {
        var list = new JsonArray();
        foreach (var (message, code) in errors)
        {
            list.Add(new JsonObject { ["message"] = message, ["code"] = code });
        }

        return JsonResponse.WriteAsync(context, status, new JsonObject { ["request_id"] = NewRequestId(), ["errors"] = list });
    }

    /// <summary>
    /// 13 lowercase hex digits like PHP's <c>uniqid()</c> (Thulium's example: <c>53678450401cf</c>):
    /// 8 digits of unix seconds, 5 of sub-second counter, mixed with a sequence so concurrent errors differ.
    /// </summary>
    private static string NewRequestId()
    {
        var now = DateTimeOffset.UtcNow;
        var sequence = Interlocked.Increment(ref s_requestSequence);
        var low = (now.Ticks / 10 % 1_000_000 + sequence * 7919 + RandomNumberGenerator.GetInt32(0x100)) & 0xFFFFF;
        return now.ToUnixTimeSeconds().ToString("x8", CultureInfo.InvariantCulture) + low.ToString("x5", CultureInfo.InvariantCulture);
    }

    /// <summary>Thulium answers in Polish when asked with <c>Accept-Language: pl</c>.</summary>
    private static string Text(HttpContext context, string english, string polish)
    {
        var languages = context.Request.GetTypedHeaders().AcceptLanguage;
        var preferred = languages.OrderByDescending(l => l.Quality ?? 1).FirstOrDefault();
        return preferred is not null && preferred.Value.StartsWith("pl", StringComparison.OrdinalIgnoreCase) ? polish : english;
    }

    private static bool LooksLikeEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == value.LastIndexOf('@') && at < value.Length - 1 && !value.Any(char.IsWhiteSpace);
    }
}
