using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace EndpointGen.Runtime;

/// <summary>
/// The base of every converter EndpointGen generates. <see cref="Read"/> and <see cref="Write"/> call the generated
/// reader and writer, and the protected helpers do, once and here, what each property of each generated type would
/// otherwise spell out: moving to the value, telling JSON <c>null</c> from a value, checking required properties,
/// and skipping unset ones. The generated code stays a line per property, which keeps both the generator and the
/// compiler fast on large descriptors. For generated code only.
/// </summary>
/// <typeparam name="T">The generated type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract partial class GeneratedJsonConverter<T> : JsonConverter<T>
{
    private readonly JsonReadFunc<T> _read;
    private readonly JsonWriteFunc<T> _write;

    /// <summary>Creates the converter over the generated reader and writer.</summary>
    /// <param name="read">Reads a value, the reader on its first token.</param>
    /// <param name="write">Writes a value.</param>
    protected GeneratedJsonConverter(JsonReadFunc<T> read, JsonWriteFunc<T> write)
    {
        _read = read ?? throw new ArgumentNullException(nameof(read));
        _write = write ?? throw new ArgumentNullException(nameof(write));
    }

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => _read(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _write(writer, value);

    // ---- reading an object ---------------------------------------------------------------------------

    /// <summary>Checks that the reader is on the start of an object.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="typeName">The descriptor type being read, for the message.</param>
    protected static void ExpectObject(ref Utf8JsonReader reader, string typeName) => JsonValueReader.ExpectObject(ref reader, typeName);

    /// <summary>Moves to the next property name of the object being read.</summary>
    /// <param name="reader">The reader, on the object's start or on the last token of the previous property's value.</param>
    /// <returns>True on a property name; false at the end of the object.</returns>
    protected static bool NextProperty(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType != JsonTokenType.EndObject;

    /// <summary>Skips the value of a property the type does not declare.</summary>
    /// <param name="reader">The reader, on the property name.</param>
    protected static void SkipProperty(ref Utf8JsonReader reader) => JsonValueReader.SkipProperty(ref reader);

    /// <summary>Reads the value of a required property that must not be <c>null</c>.</summary>
    /// <typeparam name="TValue">The property's type.</typeparam>
    /// <param name="reader">The reader, on the property name.</param>
    /// <param name="read">The value reader.</param>
    /// <param name="typeName">The descriptor type, for the message.</param>
    /// <param name="jsonName">The property's JSON name, for the message.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The value is <c>null</c> or does not match.</exception>
    protected static TValue Required<TValue>(ref Utf8JsonReader reader, JsonReadFunc<TValue> read, string typeName, string jsonName)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            throw JsonValueReader.NullProperty(typeName, jsonName);
        }

        return read(ref reader);
    }

    /// <summary>Reads the value of a property of a reference type; JSON <c>null</c> reads as <see langword="null"/>.</summary>
    /// <typeparam name="TValue">The property's type.</typeparam>
    /// <param name="reader">The reader, on the property name.</param>
    /// <param name="read">The value reader.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    protected static TValue? Optional<TValue>(ref Utf8JsonReader reader, JsonReadFunc<TValue> read)
        where TValue : class?
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : read(ref reader);
    }

    /// <summary>Reads the value of a property of a value type; JSON <c>null</c> reads as <see langword="null"/>.</summary>
    /// <typeparam name="TValue">The property's type.</typeparam>
    /// <param name="reader">The reader, on the property name.</param>
    /// <param name="read">The value reader.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    protected static TValue? OptionalStruct<TValue>(ref Utf8JsonReader reader, JsonReadFunc<TValue> read)
        where TValue : struct
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : read(ref reader);
    }

    /// <summary>Reads the value of a required array property that must not be <c>null</c>.</summary>
    /// <typeparam name="TItem">The element type.</typeparam>
    /// <param name="reader">The reader, on the property name.</param>
    /// <param name="readItem">The element reader.</param>
    /// <param name="typeName">The descriptor type, for the message.</param>
    /// <param name="jsonName">The property's JSON name, for the message.</param>
    /// <returns>The elements.</returns>
    protected static IReadOnlyList<TItem> RequiredList<TItem>(ref Utf8JsonReader reader, JsonReadFunc<TItem> readItem, string typeName, string jsonName)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            throw JsonValueReader.NullProperty(typeName, jsonName);
        }

        return JsonValueReader.ReadList(ref reader, readItem);
    }

    /// <summary>Reads the value of an array property; JSON <c>null</c> reads as <see langword="null"/>.</summary>
    /// <typeparam name="TItem">The element type.</typeparam>
    /// <param name="reader">The reader, on the property name.</param>
    /// <param name="readItem">The element reader.</param>
    /// <returns>The elements, or <see langword="null"/>.</returns>
    protected static IReadOnlyList<TItem>? OptionalList<TItem>(ref Utf8JsonReader reader, JsonReadFunc<TItem> readItem)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : JsonValueReader.ReadList(ref reader, readItem);
    }

    /// <summary>Reads the value of a required map property that must not be <c>null</c>.</summary>
    /// <typeparam name="TItem">The value type.</typeparam>
    /// <param name="reader">The reader, on the property name.</param>
    /// <param name="readItem">The value reader.</param>
    /// <param name="typeName">The descriptor type, for the message.</param>
    /// <param name="jsonName">The property's JSON name, for the message.</param>
    /// <returns>The entries.</returns>
    protected static IReadOnlyDictionary<string, TItem> RequiredMap<TItem>(ref Utf8JsonReader reader, JsonReadFunc<TItem> readItem, string typeName, string jsonName)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            throw JsonValueReader.NullProperty(typeName, jsonName);
        }

        return JsonValueReader.ReadMap(ref reader, readItem);
    }

    /// <summary>Reads the value of a map property; JSON <c>null</c> reads as <see langword="null"/>.</summary>
    /// <typeparam name="TItem">The value type.</typeparam>
    /// <param name="reader">The reader, on the property name.</param>
    /// <param name="readItem">The value reader.</param>
    /// <returns>The entries, or <see langword="null"/>.</returns>
    protected static IReadOnlyDictionary<string, TItem>? OptionalMap<TItem>(ref Utf8JsonReader reader, JsonReadFunc<TItem> readItem)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : JsonValueReader.ReadMap(ref reader, readItem);
    }

    /// <summary>Checks that every required property was read.</summary>
    /// <param name="seen">One bit per required property read, the first in the lowest bit.</param>
    /// <param name="required">The JSON names of the required properties, in bit order.</param>
    /// <param name="offset">The index in <paramref name="required"/> of the property in the lowest bit.</param>
    /// <param name="typeName">The descriptor type, for the message.</param>
    /// <exception cref="JsonException">A required property is missing.</exception>
    protected static void CheckRequired(ulong seen, string[] required, int offset, string typeName)
    {
        var count = Math.Min(64, required.Length - offset);
        var all = count == 64 ? ulong.MaxValue : (1UL << count) - 1;
        if ((seen & all) == all)
        {
            return;
        }

        for (var i = 0; i < count; i++)
        {
            if ((seen & (1UL << i)) == 0)
            {
                throw JsonValueReader.MissingProperty(typeName, required[offset + i]);
            }
        }
    }

    // ---- the descriptor's primitive types, as method groups for the helpers ----------------------------

    /// <summary>Reads a JSON string.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    protected static string ReadString(ref Utf8JsonReader reader) => JsonValueReader.ReadString(ref reader);

    /// <summary>Reads an <c>int32</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    protected static int ReadInt32(ref Utf8JsonReader reader) => JsonValueReader.ReadInt32(ref reader);

    /// <summary>Reads an <c>int64</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    protected static long ReadInt64(ref Utf8JsonReader reader) => JsonValueReader.ReadInt64(ref reader);

    /// <summary>Reads a <c>number</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    protected static double ReadDouble(ref Utf8JsonReader reader) => JsonValueReader.ReadDouble(ref reader);

    /// <summary>Reads a <c>boolean</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    protected static bool ReadBoolean(ref Utf8JsonReader reader) => JsonValueReader.ReadBoolean(ref reader);

    /// <summary>Reads a <c>uuid</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    protected static Guid ReadGuid(ref Utf8JsonReader reader) => JsonValueReader.ReadGuid(ref reader);

    /// <summary>Reads a <c>date-time</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    protected static DateTimeOffset ReadDateTime(ref Utf8JsonReader reader) => JsonValueReader.ReadDateTime(ref reader);

    /// <summary>Reads a <c>date</c> (see <see cref="JsonValueReader.ReadDate"/>).</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The date.</returns>
    protected static DateTime ReadDate(ref Utf8JsonReader reader) => JsonValueReader.ReadDate(ref reader);

    /// <summary>Reads a <c>unix-time</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    protected static DateTimeOffset ReadUnixTime(ref Utf8JsonReader reader) => JsonValueReader.ReadUnixTime(ref reader);

    /// <summary>Reads any JSON value.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value; JSON <c>null</c> reads as <see langword="null"/>.</returns>
    protected static JsonNode? ReadJson(ref Utf8JsonReader reader) => JsonValueReader.ReadJson(ref reader);

    // ---- writing an object ---------------------------------------------------------------------------

    /// <summary>Encodes a property name once, for the writes of every value.</summary>
    /// <param name="jsonName">The JSON name.</param>
    /// <returns>The encoded name.</returns>
    protected static JsonEncodedText Name(string jsonName) => JsonEncodedText.Encode(jsonName);

    /// <summary>Writes a property that always has a value (a required property of a value type).</summary>
    /// <typeparam name="TValue">The property's type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The encoded name.</param>
    /// <param name="value">The value.</param>
    /// <param name="write">The value writer.</param>
    protected static void Write<TValue>(Utf8JsonWriter writer, JsonEncodedText name, TValue value, JsonWriteFunc<TValue> write)
    {
        writer.WritePropertyName(name);
        write(writer, value);
    }

    /// <summary>Writes a required property of a reference type; <see langword="null"/> is refused, not sent.</summary>
    /// <typeparam name="TValue">The property's type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The encoded name.</param>
    /// <param name="value">The value.</param>
    /// <param name="write">The value writer.</param>
    /// <param name="typeName">The descriptor type, for the message.</param>
    /// <param name="jsonName">The property's JSON name, for the message.</param>
    /// <exception cref="JsonException">The value is <see langword="null"/> (a required property set with <c>null!</c>).</exception>
    protected static void WriteRequired<TValue>(Utf8JsonWriter writer, JsonEncodedText name, TValue? value, JsonWriteFunc<TValue> write, string typeName, string jsonName)
        where TValue : class?
    {
        if (value is null)
        {
            throw JsonValueWriter.MissingRequired(typeName, jsonName);
        }

        writer.WritePropertyName(name);
        write(writer, value);
    }

    /// <summary>Writes an optional property of a reference type; an unset one is omitted, never written as <c>null</c>.</summary>
    /// <typeparam name="TValue">The property's type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The encoded name.</param>
    /// <param name="value">The value.</param>
    /// <param name="write">The value writer.</param>
    protected static void WriteOptional<TValue>(Utf8JsonWriter writer, JsonEncodedText name, TValue? value, JsonWriteFunc<TValue> write)
        where TValue : class?
    {
        if (value is not null)
        {
            writer.WritePropertyName(name);
            write(writer, value);
        }
    }

    /// <summary>Writes an optional property of a value type; an unset one is omitted, never written as <c>null</c>.</summary>
    /// <typeparam name="TValue">The property's type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The encoded name.</param>
    /// <param name="value">The value.</param>
    /// <param name="write">The value writer.</param>
    protected static void WriteOptionalStruct<TValue>(Utf8JsonWriter writer, JsonEncodedText name, TValue? value, JsonWriteFunc<TValue> write)
        where TValue : struct
    {
        if (value.HasValue)
        {
            writer.WritePropertyName(name);
            write(writer, value.GetValueOrDefault());
        }
    }

    /// <summary>Writes a required, nullable property of a reference type: <see langword="null"/> is written as <c>null</c>.</summary>
    /// <typeparam name="TValue">The property's type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The encoded name.</param>
    /// <param name="value">The value.</param>
    /// <param name="write">The value writer.</param>
    protected static void WriteNullable<TValue>(Utf8JsonWriter writer, JsonEncodedText name, TValue? value, JsonWriteFunc<TValue> write)
        where TValue : class?
    {
        if (value is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WritePropertyName(name);
        write(writer, value);
    }

    /// <summary>Writes a required, nullable property of a value type: <see langword="null"/> is written as <c>null</c>.</summary>
    /// <typeparam name="TValue">The property's type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The encoded name.</param>
    /// <param name="value">The value.</param>
    /// <param name="write">The value writer.</param>
    protected static void WriteNullableStruct<TValue>(Utf8JsonWriter writer, JsonEncodedText name, TValue? value, JsonWriteFunc<TValue> write)
        where TValue : struct
    {
        if (!value.HasValue)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WritePropertyName(name);
        write(writer, value.GetValueOrDefault());
    }

    /// <summary>Writes an array as JSON; a method group for the property writers.</summary>
    /// <typeparam name="TItem">The element type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="values">The elements.</param>
    /// <param name="writeItem">The element writer.</param>
    protected static void WriteList<TItem>(Utf8JsonWriter writer, IReadOnlyList<TItem> values, JsonWriteFunc<TItem> writeItem) =>
        JsonValueWriter.WriteList(writer, values, writeItem);

    /// <summary>Writes a map as a JSON object.</summary>
    /// <typeparam name="TItem">The value type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="values">The entries.</param>
    /// <param name="writeItem">The value writer.</param>
    protected static void WriteMap<TItem>(Utf8JsonWriter writer, IReadOnlyDictionary<string, TItem> values, JsonWriteFunc<TItem> writeItem) =>
        JsonValueWriter.WriteMap(writer, values, writeItem);

    /// <summary>Writes a JSON string.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    protected static void WriteString(Utf8JsonWriter writer, string value) => writer.WriteStringValue(value);

    /// <summary>Writes an <c>int32</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    protected static void WriteInt32(Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);

    /// <summary>Writes an <c>int64</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    protected static void WriteInt64(Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);

    /// <summary>Writes a <c>number</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    protected static void WriteDouble(Utf8JsonWriter writer, double value) => JsonValueWriter.WriteDouble(writer, value);

    /// <summary>Writes a <c>boolean</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    protected static void WriteBoolean(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);

    /// <summary>Writes a <c>uuid</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    protected static void WriteGuid(Utf8JsonWriter writer, Guid value) => writer.WriteStringValue(value);

    /// <summary>Writes a <c>date-time</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    protected static void WriteDateTime(Utf8JsonWriter writer, DateTimeOffset value) => writer.WriteStringValue(value);

    /// <summary>Writes a <c>date</c> as a <c>yyyy-MM-dd</c> string.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    protected static void WriteDate(Utf8JsonWriter writer, DateTime value) => JsonValueWriter.WriteDate(writer, value);

    /// <summary>Writes a <c>unix-time</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    protected static void WriteUnixTime(Utf8JsonWriter writer, DateTimeOffset value) => JsonValueWriter.WriteUnixTime(writer, value);

    /// <summary>Writes any JSON value; <see langword="null"/> writes JSON <c>null</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    protected static void WriteJson(Utf8JsonWriter writer, JsonNode? value) => JsonValueWriter.WriteJson(writer, value);
}
