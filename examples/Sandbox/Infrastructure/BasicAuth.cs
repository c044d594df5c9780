using System;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Sandbox;

/// <summary>HTTP Basic credential check shared by the three vendors (each with its own pair).</summary>
internal static class BasicAuth
{
    public static bool IsValid(HttpRequest request, string user, string password)
    {
        var header = request.Headers[HeaderNames.Authorization];
        if (header.Count != 1 || !AuthenticationHeaderValue.TryParse(header[0], out var value))
        {
            return false;
        }

        if (!string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(value.Parameter))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        // Compare both halves in constant time and combine without short-circuiting, so the response
        // time does not tell a prober which half was right.
        var userOk = FixedTimeEquals(decoded[..colon], user);
        var passwordOk = FixedTimeEquals(decoded[(colon + 1)..], password);
        return userOk & passwordOk;
    }

    private static bool FixedTimeEquals(string actual, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(actual), Encoding.UTF8.GetBytes(expected));
}
