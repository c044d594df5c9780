using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace EndpointGen.Runtime;

/// <summary>
/// The base of every converter EndpointGen generates. <see cref="Read"/> and <see cref="Write"/> call the generated
/// reader and writer, which hand the work to a <see cref="Table"/> (an object type) or an <see cref="EnumTable"/> (an
/// open enum): moving to each value, telling JSON <c>null</c> from a value, checking required properties, skipping
/// unknown ones and leaving unset ones out are done once and here, and a generated type only lists its properties,
/// one line each, which keeps both the generator and the consumer's compiler fast on large descriptors.
/// For generated code only.
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
