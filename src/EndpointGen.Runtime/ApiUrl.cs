using System;
using System.Globalization;
using System.ComponentModel;

namespace EndpointGen.Runtime;

/// <summary>Base addresses and path segments as generated clients check and escape them. For generated code only.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ApiUrl
{
    /// <summary>
    /// Normalizes a base address so that relative paths are appended to its path rather than replacing its last
    /// segment: <c>https://x.thulium.com/api</c> becomes <c>https://x.thulium.com/api/</c>.
    /// </summary>
    /// <param name="baseAddress">An absolute https URI without query or fragment (http only for loopback, or when allowed).</param>
    /// <param name="allowInsecureHttp">Allow plain http to hosts other than loopback (credentials then cross the network in clear).</param>
    /// <returns>The base address ending in a slash.</returns>
    /// <exception cref="ArgumentException">
    /// The address is relative, not http(s), carries user-info, is plain http to a remote host without opting in, or
    /// carries a query or fragment. No message shows user-info.
    /// </exception>
    public static Uri NormalizeBaseAddress(Uri baseAddress, bool allowInsecureHttp = false)
    {
        if (baseAddress is null)
        {
            throw new ArgumentNullException(nameof(baseAddress));
        }

        // No message shows the address before its user-info is refused: user-info carries credentials.
        if (!baseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException("The base address must be an absolute https URI, not a relative one.", nameof(baseAddress));
        }

        if (baseAddress.Scheme != Uri.UriSchemeHttps && baseAddress.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"The base address must be an absolute https URI, not a {baseAddress.Scheme}: URI.", nameof(baseAddress));
        }

        if (baseAddress.UserInfo.Length > 0)
        {
            throw new ArgumentException("The base address must not carry credentials (user-info before '@'); set them on the client options.", nameof(baseAddress));
        }

        if (!IsSecure(baseAddress, allowInsecureHttp))
        {
            throw new ArgumentException(
                $"The base address '{baseAddress.GetLeftPart(UriPartial.Authority)}' uses plain http, which would send credentials in clear. " +
                "Use https, or set AllowInsecureHttp on the client options to opt in (http to loopback is always allowed).",
                nameof(baseAddress));
        }

        if (baseAddress.Query.Length > 0 || baseAddress.Fragment.Length > 0)
        {
            throw new ArgumentException($"The base address '{baseAddress.GetLeftPart(UriPartial.Path)}' must not carry a query or fragment.", nameof(baseAddress));
        }

        var text = baseAddress.AbsoluteUri;
        return text.EndsWith("/", StringComparison.Ordinal) ? baseAddress : new Uri(text + "/", UriKind.Absolute);
    }

    /// <summary>
    /// A base address as the client options' <c>ToString()</c> shows it: whole, but with any user-info, which carries
    /// credentials, shown as <c>***</c>. For generated code only.
    /// </summary>
    /// <param name="address">The address, or <see langword="null"/>.</param>
    /// <returns>The text; <c>(unset)</c> for <see langword="null"/>.</returns>
    public static string Display(Uri? address)
    {
        if (address is null)
        {
            return "(unset)";
        }

        if (!address.IsAbsoluteUri)
        {
            return address.OriginalString.IndexOf('@') < 0 ? address.OriginalString : "(a relative URI with '@')";
        }

        return address.UserInfo.Length == 0
            ? address.ToString()
            : address.Scheme + "://***@" + address.GetComponents(UriComponents.Host | UriComponents.Port | UriComponents.PathAndQuery | UriComponents.Fragment, UriFormat.SafeUnescaped);
    }

    /// <summary>Whether an http(s) URI may carry requests: https, or plain http to loopback or when allowed.</summary>
    /// <param name="uri">An absolute http or https URI.</param>
    /// <param name="allowInsecureHttp">Allow plain http to hosts other than loopback.</param>
    /// <returns><see langword="true"/> when requests may go there.</returns>
    internal static bool IsSecure(Uri uri, bool allowInsecureHttp) =>
        uri.Scheme != Uri.UriSchemeHttp || allowInsecureHttp || IsLoopback(uri);

    /// <summary>Whether the URI names this machine: <c>localhost</c>, 127.0.0.0/8 or [::1].</summary>
    /// <param name="uri">An absolute URI.</param>
    /// <returns><see langword="true"/> for a loopback host.</returns>
    internal static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Escapes a value to stay inside one path segment: '/', '?', '#' and '%' in it cannot change the path
    /// the request goes to.
    /// </summary>
    /// <param name="value">The raw value.</param>
    /// <returns>The escaped segment.</returns>
    /// <exception cref="ArgumentException">
    /// The value is empty, <c>.</c> or <c>..</c>: an empty segment collapses, and <see cref="Uri"/> resolves dot
    /// segments even when percent-encoded, so no form of them can be sent as a literal segment.
    /// </exception>
    public static string EscapePathSegment(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        if (value.Length == 0 || value == "." || value == "..")
        {
            throw new ArgumentException($"A path parameter must not be empty, '.' or '..' (got '{value}').", nameof(value));
        }

        return Uri.EscapeDataString(value);
    }

    /// <summary>Formats a path parameter.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The escaped segment.</returns>
    public static string EscapePathSegment(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a path parameter.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The escaped segment.</returns>
    public static string EscapePathSegment(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a path parameter.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The segment in the 8-4-4-4-12 form.</returns>
    public static string EscapePathSegment(Guid value) => value.ToString("D");
}
