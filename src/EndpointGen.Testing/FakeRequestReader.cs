using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Text;
using System.Text.Json;
using EndpointGen.Runtime;

namespace EndpointGen.Testing;

/// <summary>
/// Reads one request back into an endpoint's typed call, noting every rule of the descriptor it breaks instead of
/// stopping at the first: the generated <c>...Call.Read</c> methods ask it for each path, query and header parameter
/// and for the body. For generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FakeRequestReader
{
    private readonly IReadOnlyDictionary<string, string> _path;
    private readonly List<KeyValuePair<string, string>> _query;
    private readonly HashSet<string> _usedKeys = new(StringComparer.Ordinal);

    internal FakeRequestReader(FakeRequest request, IReadOnlyDictionary<string, string> path, List<KeyValuePair<string, string>> query)
    {
        Request = request;
        _path = path;
        _query = query;
    }

    /// <summary>The request.</summary>
    public FakeRequest Request { get; }

    /// <summary>The rules broken so far.</summary>
    internal List<string> Violations { get; } = new();

    /// <summary>The query keys no parameter of the endpoint claimed.</summary>
    internal IEnumerable<string> UnclaimedQueryKeys
    {
        get
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var pair in _query)
            {
                if (!_usedKeys.Contains(pair.Key) && seen.Add(pair.Key))
                {
                    yield return pair.Key;
                }
            }
        }
    }

    /// <summary>A path parameter.</summary>
    /// <typeparam name="T">Its type.</typeparam>
    /// <param name="name">The placeholder's name.</param>
    /// <param name="parse">Reads the value from its text.</param>
    /// <param name="typeName">The descriptor's type, for messages.</param>
    /// <returns>The value; the default when it is not one (a violation is noted).</returns>
    public T Path<T>(string name, Func<string, T> parse, string typeName)
    {
        if (!_path.TryGetValue(name, out var text) || text.Length == 0)
        {
            Violations.Add($"the path parameter '{name}' is empty");
            return default!;
        }

        return Parse(parse, text, "path parameter", name, typeName, out var value) ? value : default!;
    }

    /// <summary>A query parameter of a reference type (a string or an enum).</summary>
    /// <typeparam name="T">Its type.</typeparam>
    /// <param name="name">The name on the wire.</param>
    /// <param name="required">Whether the descriptor requires it.</param>
    /// <param name="parse">Reads the value from its text.</param>
    /// <param name="typeName">The descriptor's type, for messages.</param>
    /// <returns>The value, or <see langword="null"/> when it is absent or not a value (then a violation is noted).</returns>
    public T? Query<T>(string name, bool required, Func<string, T> parse, string typeName)
        where T : class =>
        QueryText(name, required) is { } text && Parse(parse, text, "query parameter", name, typeName, out var value) ? value : null;

    /// <summary>A query parameter of a value type.</summary>
    /// <typeparam name="T">Its type.</typeparam>
    /// <param name="name">The name on the wire.</param>
    /// <param name="required">Whether the descriptor requires it.</param>
    /// <param name="parse">Reads the value from its text.</param>
    /// <param name="typeName">The descriptor's type, for messages.</param>
    /// <returns>The value, or <see langword="null"/> when it is absent or not a value (then a violation is noted).</returns>
    public T? QueryStruct<T>(string name, bool required, Func<string, T> parse, string typeName)
        where T : struct =>
        QueryText(name, required) is { } text && Parse(parse, text, "query parameter", name, typeName, out var value) ? value : null;

    /// <summary>An array query parameter, in its style.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="name">The name on the wire.</param>
    /// <param name="style">How the elements are written.</param>
    /// <param name="required">Whether the descriptor requires it (then it needs an element).</param>
    /// <param name="parse">Reads an element from its text.</param>
    /// <param name="typeName">The descriptor's element type, for messages.</param>
    /// <returns>The elements, or <see langword="null"/> when none was sent.</returns>
    public IReadOnlyList<T>? QueryList<T>(string name, FakeListStyle style, bool required, Func<string, T> parse, string typeName)
    {
        var key = style == FakeListStyle.Brackets ? name + "[]" : name;
        _usedKeys.Add(key);
        var texts = new List<string>();
        foreach (var pair in _query)
        {
            if (pair.Key == key)
            {
                if (style == FakeListStyle.Comma)
                {
                    texts.AddRange(pair.Value.Split(','));
                }
                else
                {
                    texts.Add(pair.Value);
                }
            }
        }

        if (style != FakeListStyle.Brackets && !_usedKeys.Contains(name + "[]"))
        {
            foreach (var pair in _query)
            {
                if (pair.Key == name + "[]")
                {
                    Violations.Add($"the query parameter '{name}' is sent as '{name}[]', but its style is {style.ToString().ToLowerInvariant()}");
                    _usedKeys.Add(name + "[]");
                    break;
                }
            }
        }

        return List(texts, required, "query parameter", name, parse, typeName);
    }

    /// <summary>A header parameter of a reference type (a string or an enum).</summary>
    /// <typeparam name="T">Its type.</typeparam>
    /// <param name="name">The header name.</param>
    /// <param name="required">Whether the descriptor requires it.</param>
    /// <param name="parse">Reads the value from its text.</param>
    /// <param name="typeName">The descriptor's type, for messages.</param>
    /// <returns>The value, or <see langword="null"/> when it is absent or not a value (then a violation is noted).</returns>
    public T? Header<T>(string name, bool required, Func<string, T> parse, string typeName)
        where T : class =>
        HeaderText(name, required) is { } text && Parse(parse, text, "header", name, typeName, out var value) ? value : null;

    /// <summary>A header parameter of a value type.</summary>
    /// <typeparam name="T">Its type.</typeparam>
    /// <param name="name">The header name.</param>
    /// <param name="required">Whether the descriptor requires it.</param>
    /// <param name="parse">Reads the value from its text.</param>
    /// <param name="typeName">The descriptor's type, for messages.</param>
    /// <returns>The value, or <see langword="null"/> when it is absent or not a value (then a violation is noted).</returns>
    public T? HeaderStruct<T>(string name, bool required, Func<string, T> parse, string typeName)
        where T : struct =>
        HeaderText(name, required) is { } text && Parse(parse, text, "header", name, typeName, out var value) ? value : null;

    /// <summary>An array header parameter: one header, the elements joined with commas.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="name">The header name.</param>
    /// <param name="required">Whether the descriptor requires it (then it needs an element).</param>
    /// <param name="parse">Reads an element from its text.</param>
    /// <param name="typeName">The descriptor's element type, for messages.</param>
    /// <returns>The elements, or <see langword="null"/> when none was sent.</returns>
    public IReadOnlyList<T>? HeaderList<T>(string name, bool required, Func<string, T> parse, string typeName)
    {
        var texts = new List<string>();
        if (Request.GetHeader(name) is { Length: > 0 } value)
        {
            foreach (var part in value.Split(','))
            {
                texts.Add(part.Trim());
            }
        }

        return List(texts, required, "header", name, parse, typeName);
    }

    /// <summary>The JSON body, read by the type's generated reader (which refuses a missing required field).</summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="read">The generated reader.</param>
    /// <param name="typeName">The descriptor's type, for messages.</param>
    /// <returns>The body; the default when it does not read (a violation is noted).</returns>
    public T JsonBody<T>(JsonReadFunc<T> read, string typeName)
    {
        try
        {
            return FakeContent.Deserialize(Request.Body, read);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            Violations.Add($"the body is not a valid {typeName}: {ex.Message}");
            return default!;
        }
    }

    /// <summary>A <c>text</c> body, decoded as UTF-8.</summary>
    /// <returns>The text.</returns>
    public string TextBody() => Encoding.UTF8.GetString(Request.Body);

    /// <summary>A <c>file</c> body, with the content type it was sent with.</summary>
    /// <returns>The file.</returns>
    public FileContent FileBody() => new(Request.Body, null, Request.ContentType is { Length: > 0 } type && type.IndexOfAny(new[] { '\r', '\n' }) < 0 ? MediaType(type) : null);

    /// <summary>The media type of a Content-Type value, without its parameters, lower case.</summary>
    internal static string MediaType(string contentType)
    {
        var semicolon = contentType.IndexOf(';');
        return (semicolon < 0 ? contentType : contentType.Substring(0, semicolon)).Trim().ToLowerInvariant();
    }

    private string? QueryText(string name, bool required)
    {
        _usedKeys.Add(name);
        string? found = null;
        var count = 0;
        foreach (var pair in _query)
        {
            if (pair.Key == name)
            {
                found ??= pair.Value;
                count++;
            }
        }

        if (count > 1)
        {
            Violations.Add($"the query parameter '{name}' is sent {count} times, but it is not an array");
        }

        return Present(found, required, "query parameter", name);
    }

    private string? HeaderText(string name, bool required) => Present(Request.GetHeader(name), required, "header", name);

    private string? Present(string? text, bool required, string where, string name)
    {
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                Violations.Add(text is null ? $"the required {where} '{name}' is missing" : $"the required {where} '{name}' is empty");
            }

            return null;
        }

        return text;
    }

    private IReadOnlyList<T>? List<T>(List<string> texts, bool required, string where, string name, Func<string, T> parse, string typeName)
    {
        if (texts.Count == 0)
        {
            if (required)
            {
                Violations.Add($"the required {where} '{name}' is missing (it needs at least one element)");
            }

            return null;
        }

        var values = new List<T>(texts.Count);
        foreach (var text in texts)
        {
            if (Parse(parse, text, where, name, typeName, out var value))
            {
                values.Add(value);
            }
        }

        return values;
    }

    private bool Parse<T>(Func<string, T> parse, string text, string where, string name, string typeName, out T value)
    {
        try
        {
            value = parse(text);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            Violations.Add($"the {where} '{name}' is not a valid {typeName}: '{text}'");
            value = default!;
            return false;
        }
    }
}
