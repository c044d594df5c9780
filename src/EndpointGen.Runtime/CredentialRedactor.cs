using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EndpointGen.Runtime;

/// <summary>
/// Masks a client's own credential in what a server sent back, before it goes into an exception: a server that
/// echoes the request into its error body, a header or its reason phrase must not put the key into a message, or
/// into a log that records the exception.
/// </summary>
/// <remarks>
/// The credential is masked as the header carried it, as the token after an <c>Authorization</c> scheme, and for
/// Basic as <c>user:password</c> and as the password alone; each also as JSON escapes it (with and without
/// <c>\/</c>, and as System.Text.Json's default encoder does) and as a URL encodes it. Values shorter than
/// <see cref="MinimumLength"/> characters are not masked: they would match ordinary text.
/// </remarks>
internal sealed class CredentialRedactor
{
    /// <summary>What a credential becomes.</summary>
    public const string Mask = "***";

    /// <summary>The shortest value that is masked.</summary>
    public const int MinimumLength = 4;

    private readonly string[] _forms;

    private CredentialRedactor(string[] forms) => _forms = forms;

    /// <summary>A redactor for a credential header, or <see langword="null"/> when there is nothing to mask.</summary>
    /// <param name="header">The header's name.</param>
    /// <param name="value">The header's value, as sent.</param>
    /// <returns>The redactor.</returns>
    public static CredentialRedactor? Create(string? header, string? value)
    {
        if (header is null || string.IsNullOrEmpty(value))
        {
            return null;
        }

        var secrets = new List<string>();
        AddSecrets(secrets, header, value!);
        return FromSecrets(secrets);
    }

    /// <summary>A redactor for several credential headers (a service's named schemes), or <see langword="null"/> when there is nothing to mask.</summary>
    /// <param name="credentials">Each header's name and value as sent; a <see langword="null"/> or empty value is skipped.</param>
    /// <returns>The redactor.</returns>
    public static CredentialRedactor? Create(IReadOnlyList<KeyValuePair<string, string?>> credentials)
    {
        var secrets = new List<string>();
        foreach (var credential in credentials)
        {
            if (!string.IsNullOrEmpty(credential.Value))
            {
                AddSecrets(secrets, credential.Key, credential.Value!);
            }
        }

        return secrets.Count == 0 ? null : FromSecrets(secrets);
    }

    /// <summary>The value, and for an <c>Authorization</c> header its token and for Basic its pair and password.</summary>
    private static void AddSecrets(List<string> secrets, string header, string value)
    {
        secrets.Add(value);
        var space = value!.IndexOf(' ');
        if (string.Equals(header, "Authorization", StringComparison.OrdinalIgnoreCase) && space > 0)
        {
            var token = value.Substring(space + 1).Trim();
            secrets.Add(token);
            if (value.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) && DecodeBase64(token) is { } pair)
            {
                secrets.Add(pair);
                var colon = pair.IndexOf(':');
                if (colon >= 0)
                {
                    secrets.Add(pair.Substring(colon + 1));
                }
            }
        }
    }

    private static CredentialRedactor? FromSecrets(List<string> secrets)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var secret in secrets)
        {
            var json = JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
            foreach (var form in new[] { secret, json, json.Replace("/", "\\/"), JsonEncodedText.Encode(secret).ToString(), Uri.EscapeDataString(secret) })
            {
                if (form.Length >= MinimumLength)
                {
                    forms.Add(form);
                }
            }
        }

        if (forms.Count == 0)
        {
            return null;
        }

        // Longest first, so that a form containing a shorter one is masked whole.
        var ordered = new List<string>(forms);
        ordered.Sort((a, b) => b.Length.CompareTo(a.Length));
        return new CredentialRedactor(ordered.ToArray());
    }

    /// <summary>The text with every form of the credential masked.</summary>
    /// <param name="text">Text from the server, or built from it.</param>
    /// <returns>The text, the same instance when it holds no credential.</returns>
    public string Redact(string text)
    {
        foreach (var form in _forms)
        {
            if (text.IndexOf(form, StringComparison.Ordinal) >= 0)
            {
                text = text.Replace(form, Mask);
            }
        }

        return text;
    }

    /// <summary>Masks the credential in the response's reason phrase and header values, which the exception copies.</summary>
    /// <param name="response">The response, owned by the call and disposed after it.</param>
    public void Redact(HttpResponseMessage response)
    {
        if (response.ReasonPhrase is { } reason && Redact(reason) is var masked && !ReferenceEquals(masked, reason))
        {
            response.ReasonPhrase = masked;
        }

        Redact(response.Headers);
        if (response.Content is { } content)
        {
            Redact(content.Headers);
        }
    }

    /// <summary>
    /// The exception, or when its message shows the credential (a JSON reader quoting the value it could not read),
    /// one of the same kind with the credential masked; the original, which holds it, is dropped.
    /// </summary>
    /// <param name="exception">The failure behind a typed exception.</param>
    /// <returns>The exception to keep.</returns>
    public Exception? Redact(Exception? exception)
    {
        if (exception is null || exception.ToString() is var text && ReferenceEquals(Redact(text), text))
        {
            return exception;
        }

        var message = Redact(exception.Message);
        return exception is JsonException ? new JsonException(message) : new InvalidOperationException(message);
    }

    private void Redact(System.Net.Http.Headers.HttpHeaders headers)
    {
        List<KeyValuePair<string, List<string>>>? changed = null;
        foreach (var header in headers)
        {
            var values = new List<string>();
            var any = false;
            foreach (var value in header.Value)
            {
                var masked = Redact(value);
                any |= !ReferenceEquals(masked, value);
                values.Add(masked);
            }

            if (any)
            {
                (changed ??= new()).Add(new(header.Key, values));
            }
        }

        if (changed is null)
        {
            return;
        }

        foreach (var header in changed)
        {
            headers.Remove(header.Key);
            headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    private static string? DecodeBase64(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
