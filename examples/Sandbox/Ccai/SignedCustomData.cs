using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Sandbox;

/// <summary>
/// Verifies CCAI signed custom data: a compact JWT signed HS256 with the company secret whose payload
/// is <c>{"custom_data": {...}, "iat": unix-seconds, "exp": unix-seconds}</c>. Written by hand on
/// purpose: the sandbox must not share a JWT library (and its leniencies) with the client under test.
/// </summary>
internal static class SignedCustomData
{
    /// <summary>Clock skew tolerated for <c>iat</c> in the future.</summary>
    private static readonly TimeSpan Leeway = TimeSpan.FromSeconds(60);

    /// <summary>On success returns the payload's <c>custom_data</c> object (detached); otherwise why it was refused.</summary>
    public static (JsonElement? CustomData, string? Error) Verify(string token, string secret, DateTimeOffset now)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || Array.Exists(parts, p => p.Length == 0))
        {
            return (null, "not a compact JWS (header.payload.signature)");
        }

        if (!TryDecode(parts[0], out var headerBytes) || !TryDecode(parts[1], out var payloadBytes) || !TryDecode(parts[2], out var signature))
        {
            return (null, "a segment is not base64url");
        }

        using var header = TryParse(headerBytes);
        if (header is null || header.RootElement.ValueKind != JsonValueKind.Object)
        {
            return (null, "the header is not a JSON object");
        }

        // Only HS256 is accepted; in particular "none" and asymmetric algorithms are refused, and the
        // algorithm is never taken from the token to pick a verification method.
        if (!header.RootElement.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || alg.GetString() != "HS256")
        {
            return (null, "the header alg must be HS256");
        }

        if (header.RootElement.TryGetProperty("typ", out var typ) &&
            (typ.ValueKind != JsonValueKind.String || !string.Equals(typ.GetString(), "JWT", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, "the header typ must be JWT when present");
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        if (!CryptographicOperations.FixedTimeEquals(expected, signature))
        {
            return (null, "signature verification failed");
        }

        using var payload = TryParse(payloadBytes);
        if (payload is null || payload.RootElement.ValueKind != JsonValueKind.Object)
        {
            return (null, "the payload is not a JSON object");
        }

        var root = payload.RootElement;
        if (!TryGetSeconds(root, "exp", out var exp))
        {
            return (null, "the payload needs a numeric exp claim");
        }

        if (!TryGetSeconds(root, "iat", out var iat))
        {
            return (null, "the payload needs a numeric iat claim");
        }

        if (DateTimeOffset.FromUnixTimeSeconds(exp) <= now)
        {
            return (null, "the token has expired (exp is not in the future)");
        }

        if (DateTimeOffset.FromUnixTimeSeconds(iat) > now + Leeway)
        {
            return (null, "the token was issued in the future (iat)");
        }

        if (!root.TryGetProperty("custom_data", out var customData) || customData.ValueKind != JsonValueKind.Object)
        {
            return (null, "the payload needs a custom_data object");
        }

        // Other registered claims (nbf, jti, ...) that JWT libraries add are tolerated.
        return (customData.Clone(), null);
    }

    private static bool TryGetSeconds(JsonElement root, string name, out long seconds)
    {
        seconds = 0;
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number)
        {
            return false;
        }

        // NumericDate may carry a fraction (RFC 7519); whole seconds are enough here.
        if (value.TryGetInt64(out seconds))
        {
            return true;
        }

        var number = value.GetDouble();
        if (double.IsFinite(number) && Math.Abs(number) < 1e12)
        {
            seconds = (long)Math.Floor(number);
            return true;
        }

        return false;
    }

    private static bool TryDecode(string segment, out byte[] bytes)
    {
        bytes = [];
        if (!Base64Url.IsValid(segment))
        {
            return false;
        }

        bytes = Base64Url.DecodeFromChars(segment);
        return true;
    }

    private static JsonDocument? TryParse(byte[] json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
