using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace EndpointGen.Runtime;

/// <summary>How a form body keys the fields of a nested object. For generated code only.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum FormNesting
{
    /// <summary><c>Parent.Child</c>.</summary>
    Dots,

    /// <summary><c>Parent[Child]</c>.</summary>
    Brackets,
}

/// <summary>How a form or multipart body writes an array. For generated code only.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum FormArrays
{
    /// <summary>The key once per element: <c>tag=a&amp;tag=b</c>, or one part per element.</summary>
    Repeat,

    /// <summary>The key with <c>[]</c> once per element: <c>tag[]=a&amp;tag[]=b</c>.</summary>
    Brackets,

    /// <summary>One value of the elements joined by commas: <c>tag=a,b</c>.</summary>
    Comma,
}

/// <summary>
/// Collects the fields of a form or multipart body in the order they are added, then makes the content with
/// System.Net.Http's own <see cref="FormUrlEncodedContent"/> or <see cref="MultipartFormDataContent"/>. A
/// <see langword="null"/> value is left out (neither encoding has a null), as is an empty array. For generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FormBuilder
{
    private readonly FormNesting _nesting;
    private readonly FormArrays _arrays;
    private readonly List<Field> _fields = new();

    /// <summary>Starts an empty body.</summary>
    /// <param name="nesting">How the fields of nested objects are keyed.</param>
    /// <param name="arrays">How arrays are written.</param>
    public FormBuilder(FormNesting nesting, FormArrays arrays)
    {
        _nesting = nesting;
        _arrays = arrays;
    }

    /// <summary>The key of a field: its name at the top level, else under its parent's key by the nesting style.</summary>
    /// <param name="prefix">The parent's key; empty at the top level.</param>
    /// <param name="name">The field's name.</param>
    /// <returns>The key.</returns>
    public string Key(string prefix, string name) =>
        prefix.Length == 0 ? name
        : _nesting == FormNesting.Brackets ? prefix + "[" + name + "]"
        : prefix + "." + name;

    /// <summary>Adds a value.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value as text; <see langword="null"/> is left out.</param>
    public void Add(string key, string? value)
    {
        if (value is not null)
        {
            _fields.Add(new Field(key, value, null));
        }
    }

    /// <summary>Adds an array by the array style: one value per element under <c>key</c> or <c>key[]</c>, or one comma-joined value.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="key">The key.</param>
    /// <param name="items">The elements; <see langword="null"/> or empty adds nothing.</param>
    /// <param name="format">Writes an element as text, as a query value is written.</param>
    public void AddList<T>(string key, IReadOnlyList<T>? items, Func<T, string?> format)
    {
        if (format is null)
        {
            throw new ArgumentNullException(nameof(format));
        }

        if (items is null || items.Count == 0)
        {
            return;
        }

        if (_arrays == FormArrays.Comma)
        {
            var joined = new StringBuilder();
            for (var i = 0; i < items.Count; i++)
            {
                joined.Append(i == 0 ? string.Empty : ",").Append(format(items[i]));
            }

            _fields.Add(new Field(key, joined.ToString(), null));
            return;
        }

        var itemKey = _arrays == FormArrays.Brackets ? key + "[]" : key;
        for (var i = 0; i < items.Count; i++)
        {
            Add(itemKey, format(items[i]));
        }
    }

    /// <summary>
    /// Adds a map's entries as fields of their own, in the map's order, each named by its key under the prefix of
    /// the object that holds the map (the map's own name is not sent): a presigned POST policy's fields.
    /// </summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="prefix">The key of the object that holds the map; empty at the top level.</param>
    /// <param name="entries">The entries; <see langword="null"/> or empty adds nothing.</param>
    /// <param name="format">Writes a value as text, as a query value is written.</param>
    public void AddMap<T>(string prefix, IReadOnlyDictionary<string, T>? entries, Func<T, string?> format)
    {
        if (format is null)
        {
            throw new ArgumentNullException(nameof(format));
        }

        if (entries is null)
        {
            return;
        }

        foreach (var entry in entries)
        {
            Add(Key(prefix, entry.Key ?? throw new ArgumentException("A map's key is null.", nameof(entries))), format(entry.Value));
        }
    }

    /// <summary>Adds a file part (multipart only).</summary>
    /// <param name="key">The part name.</param>
    /// <param name="file">The file; <see langword="null"/> is left out.</param>
    public void AddFile(string key, FileContent? file)
    {
        if (file is not null)
        {
            _fields.Add(new Field(key, null, file));
        }
    }

    /// <summary>Adds one file part per file, named <c>key</c> or <c>key[]</c> by the array style (multipart only).</summary>
    /// <param name="key">The part name.</param>
    /// <param name="files">The files; <see langword="null"/> or empty adds nothing.</param>
    public void AddFiles(string key, IReadOnlyList<FileContent>? files)
    {
        if (files is null)
        {
            return;
        }

        var itemKey = _arrays == FormArrays.Brackets ? key + "[]" : key;
        for (var i = 0; i < files.Count; i++)
        {
            AddFile(itemKey, files[i] ?? throw new ArgumentException("The list of files for '" + key + "' holds a null.", nameof(files)));
        }
    }

    /// <summary>The <c>application/x-www-form-urlencoded</c> body, as <see cref="FormUrlEncodedContent"/> encodes it.</summary>
    /// <returns>The content.</returns>
    public HttpContent ToFormContent()
    {
#if NET5_0_OR_GREATER
        var pairs = new KeyValuePair<string?, string?>[_fields.Count];
#else
        var pairs = new KeyValuePair<string, string>[_fields.Count];
#endif
        for (var i = 0; i < _fields.Count; i++)
        {
            pairs[i] = new(_fields[i].Key, _fields[i].Text!);
        }

        return new FormUrlEncodedContent(pairs);
    }

    /// <summary>
    /// The <c>multipart/form-data</c> body: a part per field in order, text parts as UTF-8 without a content type, file
    /// parts with their file name and content type; the boundary written unquoted, as browsers write it.
    /// </summary>
    /// <returns>The content.</returns>
    public HttpContent ToMultipartContent()
    {
        var content = new MultipartFormDataContent();
        foreach (var field in _fields)
        {
            HttpContent part;
            var disposition = new ContentDispositionHeaderValue("form-data") { Name = Quote(field.Key) };
            if (field.File is { } file)
            {
                part = file.CreateContent("application/octet-stream");
                disposition.FileName = Quote(file.FileName ?? field.Key);
            }
            else
            {
                part = new ByteArrayContent(Encoding.UTF8.GetBytes(field.Text!));
            }

            part.Headers.ContentDisposition = disposition;
            content.Add(part);
        }

        // The boundary is a GUID, all token characters: no quotes needed, and some servers do not take them off.
        foreach (var parameter in content.Headers.ContentType!.Parameters)
        {
            if (string.Equals(parameter.Name, "boundary", StringComparison.OrdinalIgnoreCase) && parameter.Value is { Length: > 1 } value && value[0] == '"')
            {
                parameter.Value = value.Substring(1, value.Length - 2);
            }
        }

        return content;
    }

    // As browsers write names in multipart bodies (the HTML standard): quoted, with '"', CR and LF percent-encoded.
    private static string Quote(string name) => "\"" + name.Replace("\"", "%22").Replace("\r", "%0D").Replace("\n", "%0A") + "\"";

    private readonly struct Field
    {
        public Field(string key, string? text, FileContent? file)
        {
            Key = key;
            Text = text;
            File = file;
        }

        public string Key { get; }

        public string? Text { get; }

        public FileContent? File { get; }
    }
}

/// <summary>Request bodies other than JSON objects: text, a whole file, JSON under a declared media type. For generated code only.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ApiContent
{
    /// <summary>A <c>text</c> body, UTF-8.</summary>
    /// <param name="text">The text.</param>
    /// <param name="mediaType">The declared media type; <see langword="null"/> for <c>text/plain</c>. The charset is always <c>utf-8</c>.</param>
    /// <returns>The content.</returns>
    public static HttpContent Text(string text, string? mediaType) => new StringContent(text, Encoding.UTF8, mediaType ?? "text/plain");

    /// <summary>A <c>file</c> body: the file's bytes as they are.</summary>
    /// <param name="file">The file.</param>
    /// <param name="mediaType">The declared media type; the file's own wins, and <c>application/octet-stream</c> stands in for both.</param>
    /// <returns>The content.</returns>
    public static HttpContent File(FileContent file, string? mediaType) =>
        (file ?? throw new ArgumentNullException(nameof(file))).CreateContent(mediaType ?? "application/octet-stream");

    /// <summary>Gives content the declared media type (a JSON body under <c>application/vnd.api+json</c>, say).</summary>
    /// <param name="content">The content.</param>
    /// <param name="mediaType">The media type.</param>
    /// <returns>The same content.</returns>
    public static HttpContent Typed(HttpContent content, string mediaType)
    {
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }
}
