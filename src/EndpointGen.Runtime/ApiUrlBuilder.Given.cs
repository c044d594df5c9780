using System;

namespace EndpointGen.Runtime;

/// <content>Building on a URL the server gave, whose query is kept.</content>
public partial struct ApiUrlBuilder
{
    /// <summary>Starts a URI at an absolute URL the server gave: its query is kept and query parameters follow it; its fragment, never sent, is dropped.</summary>
    /// <param name="url">An absolute http(s) URL, already checked.</param>
    /// <returns>The builder.</returns>
    internal static ApiUrlBuilder AtGivenUrl(Uri url)
    {
        var text = url.AbsoluteUri;
        if (url.Fragment.Length > 0)
        {
            text = text.Substring(0, text.Length - url.Fragment.Length);
        }

        // A bare "?" or a trailing "&" ends no parameter: the first one added takes the separator's place.
        if (url.Query.Length > 0)
        {
            text = text.TrimEnd('&');
            text = text.EndsWith("?", StringComparison.Ordinal) ? text.Substring(0, text.Length - 1) : text;
        }

        var builder = new ApiUrlBuilder(url);
        builder._length = 0;
        builder.Append(text, 0);
        builder._baseLength = builder._length;
        builder._hasQuery = text.IndexOf('?') >= 0;
        return builder;
    }
}
