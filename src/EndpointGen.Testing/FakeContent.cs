using System;
using System.ComponentModel;
using System.IO;
using System.Text;
using System.Text.Json;
using EndpointGen.Runtime;

namespace EndpointGen.Testing;

/// <summary>An answer's body: its bytes and content type, made once when the answer is set up. For generated code only.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FakeBody
{
    internal FakeBody(byte[] bytes, string? contentType)
    {
        Bytes = bytes;
        ContentType = contentType;
    }

    /// <summary>The body's bytes.</summary>
    public byte[] Bytes { get; }

    /// <summary>The media type sent, or <see langword="null"/> for no body.</summary>
    public string? ContentType { get; }
}

/// <summary>How a fake writes an answer's body, per kind of response. For generated code only.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FakeContent
{
    /// <summary>The JSON writer of a type, through its generated converter: the bytes the real service's JSON would be.</summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="write">The generated writer.</param>
    /// <returns>The body writer.</returns>
    public static Func<T, FakeBody> Json<T>(JsonWriteFunc<T> write) => value =>
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer, value);
        }

        return new FakeBody(buffer.ToArray(), "application/json; charset=utf-8");
    };

    /// <summary>A JSON text as it is (the error body of a service that declares no error type).</summary>
    public static Func<string, FakeBody> RawJson { get; } = static text => new FakeBody(Encoding.UTF8.GetBytes(text ?? string.Empty), "application/json; charset=utf-8");

    /// <summary>A <c>bytes</c> answer.</summary>
    public static Func<byte[], FakeBody> Bytes { get; } = static bytes => new FakeBody(bytes ?? throw new ArgumentNullException(nameof(bytes)), "application/octet-stream");

    /// <summary>A <c>text</c> answer, in UTF-8.</summary>
    public static Func<string, FakeBody> Text { get; } = static text => new FakeBody(Encoding.UTF8.GetBytes(text ?? throw new ArgumentNullException(nameof(text))), "text/plain; charset=utf-8");

    /// <summary>A <c>stream</c> answer: the stream is read to its end when the answer is set up.</summary>
    public static Func<Stream, FakeBody> Stream { get; } = static stream =>
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return new FakeBody(copy.ToArray(), "application/octet-stream");
    };

    /// <summary>Reads a whole JSON document through a generated reader; trailing content is an error.</summary>
    internal static T Deserialize<T>(byte[] utf8Json, JsonReadFunc<T> read)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 128 });
        if (!reader.Read())
        {
            throw new JsonException("The body is empty where a JSON value was expected.");
        }

        var value = read(ref reader);
        if (reader.Read())
        {
            throw new JsonException("Unexpected content after the JSON value at byte " + reader.TokenStartIndex + ".");
        }

        return value;
    }
}
