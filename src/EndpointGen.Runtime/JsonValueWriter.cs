using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EndpointGen.Runtime;

/// <summary>Writers for the descriptor's primitive types. For generated code only.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonValueWriter
{
    private const long UnixEpochTicks = 621355968000000000L;

    /// <summary>Writes a string value.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteString(Utf8JsonWriter writer, string value) => writer.WriteStringValue(value);

    /// <summary>Writes a 32-bit integer value.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteInt32(Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);

    /// <summary>Writes a 64-bit integer value.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteInt64(Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);

    /// <summary>Writes a number value.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value; NaN and infinities have no JSON form and throw.</param>
    public static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "JSON has no form for NaN or infinity.");
        }

        writer.WriteNumberValue(value);
    }

    /// <summary>Writes a boolean value.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteBoolean(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);

    /// <summary>Writes a UUID as a string in the 8-4-4-4-12 form.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteGuid(Utf8JsonWriter writer, Guid value) => writer.WriteStringValue(value);

    /// <summary>Writes a date and time as an ISO 8601 string.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteDateTime(Utf8JsonWriter writer, DateTimeOffset value) => writer.WriteStringValue(value);

    /// <summary>Writes a <c>date</c> as a <c>yyyy-MM-dd</c> string: the date part only.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteDate(Utf8JsonWriter writer, DateTime value)
    {
#if NET6_0_OR_GREATER
        System.Span<char> text = stackalloc char[10];
        value.TryFormat(text, out var written, WireFormat.DateFormat, System.Globalization.CultureInfo.InvariantCulture);
        writer.WriteStringValue(text.Slice(0, written));
#else
        writer.WriteStringValue(WireFormat.Date(value));
#endif
    }

    /// <summary>Writes a unix time in seconds, with a fraction only when the instant has one.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteUnixTime(Utf8JsonWriter writer, DateTimeOffset value)
    {
        var ticks = value.UtcTicks - UnixEpochTicks;
        if (ticks % TimeSpan.TicksPerSecond == 0)
        {
            writer.WriteNumberValue(ticks / TimeSpan.TicksPerSecond);
            return;
        }

        // decimal keeps all seven fractional digits a tick has; a double would round them.
        var seconds = (decimal)ticks / TimeSpan.TicksPerSecond;
        writer.WriteNumberValue(seconds);
    }

    /// <summary>Writes a free-form JSON value; <see langword="null"/> writes JSON <c>null</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteJson(Utf8JsonWriter writer, JsonNode? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        value.WriteTo(writer);
    }

    /// <summary>Writes a JSON array.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="values">The elements.</param>
    /// <param name="writeElement">The element writer.</param>
    public static void WriteList<T>(Utf8JsonWriter writer, IReadOnlyList<T> values, JsonWriteFunc<T> writeElement)
    {
        writer.WriteStartArray();
        for (var i = 0; i < values.Count; i++)
        {
            writeElement(writer, values[i]);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a JSON object with arbitrary keys.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="values">The entries.</param>
    /// <param name="writeValue">The value writer.</param>
    public static void WriteMap<T>(Utf8JsonWriter writer, IReadOnlyDictionary<string, T> values, JsonWriteFunc<T> writeValue)
    {
        writer.WriteStartObject();
        foreach (var entry in values)
        {
            writer.WritePropertyName(entry.Key);
            writeValue(writer, entry.Value);
        }

        writer.WriteEndObject();
    }

    /// <summary>The exception for a required property that holds <see langword="null"/> when it is written.</summary>
    /// <param name="typeName">The descriptor type.</param>
    /// <param name="jsonName">The property's JSON name.</param>
    /// <returns>The exception to throw.</returns>
    internal static JsonException MissingRequired(string typeName, string jsonName) =>
        new($"The required property '{jsonName}' of {typeName} is null; it must be set before the object is sent.");
}
