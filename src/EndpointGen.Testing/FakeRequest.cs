using System;
using System.Collections.Generic;
using System.Text;

namespace EndpointGen.Testing;

/// <summary>A request a fake received, as it was on the wire: method, URL, headers and the body's bytes.</summary>
public sealed class FakeRequest
{
    internal FakeRequest(string method, Uri uri, IReadOnlyDictionary<string, string> headers, string? contentType, byte[] body)
    {
        Method = method;
        Uri = uri;
        Headers = headers;
        ContentType = contentType;
        Body = body;
    }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The absolute request URI, query included.</summary>
    public Uri Uri { get; }

    /// <summary>
    /// Every request and content header by name (compared ignoring case), several values of one name joined with
    /// <c>", "</c>; <c>Content-Type</c> included when there is a body.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The <c>Content-Type</c> header as sent, or <see langword="null"/> when the request has no content.</summary>
    public string? ContentType { get; }

    /// <summary>The body's bytes exactly as the client sent them; empty when there was none.</summary>
    public byte[] Body { get; }

    /// <summary>The body decoded as UTF-8.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The header's value, or <see langword="null"/> when the request has none of that name.</summary>
    /// <param name="name">The header name, in any case.</param>
    /// <returns>The value.</returns>
    public string? GetHeader(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The method and the URI, for messages.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Method + " " + Uri.PathAndQuery;
}
