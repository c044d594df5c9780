using System;
using System.Text;
using System.Text.Json;

namespace EndpointGen.Runtime;

/// <content>
/// Discriminated unions: the discriminator is found on a copy of the reader (a struct, so the copy scans ahead and the
/// original stays on the object's start for the variant's converter), and an unknown variant is kept as the JSON
/// element it came as and written back as those bytes.
/// </content>
public abstract partial class GeneratedJsonConverter<T>
{
    /// <summary>Finds a union's discriminator in the object under the reader, wherever it is among the properties.</summary>
    /// <param name="reader">A copy of the reader, on the object's start; the caller's reader does not move.</param>
    /// <param name="utf8Name">The discriminator's JSON name.</param>
    /// <param name="typeName">The union, for the message.</param>
    /// <param name="jsonName">The discriminator's JSON name, for the message.</param>
    /// <returns>A reader on the discriminator's value: a string, a boolean or a number.</returns>
    /// <exception cref="JsonException">Not an object, or the discriminator is absent, <c>null</c>, an object or an array.</exception>
    protected static Utf8JsonReader FindDiscriminator(Utf8JsonReader reader, ReadOnlySpan<byte> utf8Name, string typeName, string jsonName)
    {
        JsonValueReader.ExpectObject(ref reader, typeName);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var found = reader.ValueTextEquals(utf8Name);
            reader.Read();
            if (found)
            {
                return reader.TokenType switch
                {
                    JsonTokenType.String or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Number => reader,
                    JsonTokenType.Null => throw new JsonException($"The discriminator '{jsonName}' of {typeName} is null, so the object is none of its variants."),
                    _ => throw new JsonException($"The discriminator '{jsonName}' of {typeName} is {(reader.TokenType == JsonTokenType.StartArray ? "an array" : "an object")}; it must be a single value."),
                };
            }

            if (!reader.TrySkip())
            {
                throw new JsonException($"The object of {typeName} ends before its discriminator '{jsonName}'.");
            }
        }

        throw new JsonException($"The discriminator '{jsonName}' of {typeName} is missing, so the object is none of its variants.");
    }

    /// <summary>The text of a discriminator value: a string's text, else its JSON (<c>true</c>, <c>7</c>).</summary>
    /// <param name="reader">A reader on the value, as <see cref="FindDiscriminator"/> returns it.</param>
    /// <returns>The text.</returns>
    protected static string DiscriminatorText(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray()),
    };

    /// <summary>Reads the object under the reader as a JSON element of its own, for an unknown variant.</summary>
    /// <param name="reader">The reader, on the object's start; left on its end.</param>
    /// <returns>The element, holding a copy of the object's bytes.</returns>
    protected static JsonElement ReadElement(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    /// <summary>Writes an unknown variant's element back as the bytes it was read from.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="json">The element.</param>
    protected static void WriteElement(Utf8JsonWriter writer, JsonElement json)
    {
#if NETSTANDARD2_0 || NET9_0_OR_GREATER
        // The element's own UTF-8 bytes, exactly as read (System.Text.Json 9 and later has JsonMarshal).
        writer.WriteRawValue(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(json), skipInputValidation: true);
#else
        // .NET 8's System.Text.Json has no JsonMarshal: the raw text, which is the same bytes for valid UTF-8.
        writer.WriteRawValue(json.GetRawText(), skipInputValidation: true);
#endif
    }

    /// <summary>The exception for a value of a class the union does not list (a class of the user's, deriving in the same assembly).</summary>
    /// <param name="value">The value.</param>
    /// <param name="typeName">The union, for the message.</param>
    /// <returns>The exception to throw.</returns>
    protected static JsonException NotAVariant(object value, string typeName) =>
        new($"{value.GetType().FullName} is not a variant of {typeName}, so it cannot be written.");
}
