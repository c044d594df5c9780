using System;
using System.Buffers;
using System.Buffers.Text;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EndpointGen.Runtime;

/// <summary>
/// Tolerant readers for the descriptor's primitive types. For generated code only.
/// Each reads the value under the reader's current token and leaves the reader on that value's last token.
/// </summary>
/// <remarks>
/// Tolerance is deliberate and limited to what vendors are seen to do: numbers may arrive as numeric
/// strings, and <c>unix-time</c> may carry a fraction. Anything else that does not match throws a
/// <see cref="JsonException"/>, which the generated client turns into its typed exception.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonValueReader
{
    private const long UnixEpochTicks = 621355968000000000L;
    private static readonly JsonReaderOptions s_readerOptions = new() { MaxDepth = 128 };

    /// <summary>Reads one complete JSON document into a value; trailing content is an error.</summary>
    /// <typeparam name="T">The type read.</typeparam>
    /// <param name="utf8Json">The document.</param>
    /// <param name="read">The reader of the root value.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The document is empty, malformed or does not match.</exception>
    internal static T Deserialize<T>(ReadOnlySpan<byte> utf8Json, JsonReadFunc<T> read)
    {
        if (read is null)
        {
            throw new ArgumentNullException(nameof(read));
        }

        var reader = new Utf8JsonReader(utf8Json, s_readerOptions);
        if (!reader.Read())
        {
            throw new JsonException("The body is empty where a JSON value was expected.");
        }

        var value = read(ref reader);
        if (reader.Read())
        {
            throw new JsonException($"Unexpected content after the JSON value at byte {reader.TokenStartIndex}.");
        }

        return value;
    }

    /// <summary>Reads a JSON string.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The string.</returns>
    public static string ReadString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Unexpected(ref reader, "a string");
        }

        return reader.GetString()!;
    }

    /// <summary>Reads a 32-bit integer, from a JSON number or a numeric string.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The integer.</returns>
    public static int ReadInt32(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number))
        {
            return number;
        }

        if (reader.TokenType == JsonTokenType.String &&
            int.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }

        throw Unexpected(ref reader, "a 32-bit integer");
    }

    /// <summary>Reads a 64-bit integer, from a JSON number or a numeric string.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The integer.</returns>
    public static long ReadInt64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number))
        {
            return number;
        }

        if (reader.TokenType == JsonTokenType.String &&
            long.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }

        throw Unexpected(ref reader, "a 64-bit integer");
    }

    /// <summary>Reads a number, from a JSON number or a numeric string.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The number.</returns>
    public static double ReadDouble(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var number))
        {
            return number;
        }

        if (reader.TokenType == JsonTokenType.String &&
            double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number) &&
            !double.IsNaN(number) && !double.IsInfinity(number))
        {
            return number;
        }

        throw Unexpected(ref reader, "a number");
    }

    /// <summary>Reads a JSON boolean.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The boolean.</returns>
    public static bool ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Unexpected(ref reader, "a boolean"),
    };

    /// <summary>Reads a UUID from a JSON string.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The UUID.</returns>
    public static Guid ReadGuid(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out var value))
        {
            return value;
        }

        if (reader.TokenType == JsonTokenType.String && Guid.TryParse(reader.GetString(), out value))
        {
            return value;
        }

        throw Unexpected(ref reader, "a UUID string");
    }

    /// <summary>Reads an ISO 8601 date and time from a JSON string.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The instant, with the offset the string carries (UTC when it carries none).</returns>
    public static DateTimeOffset ReadDateTime(ref Utf8JsonReader reader)
    {
        // Parsed from the text rather than with TryGetDateTimeOffset, which reads a value without an offset
        // as local time: a server's clock zone must not depend on the client machine's.
        if (reader.TokenType == JsonTokenType.String &&
            DateTimeOffset.TryParse(
                reader.GetString(),
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
                out var value))
        {
            return value;
        }

        throw Unexpected(ref reader, "an ISO 8601 date-time string");
    }

    /// <summary>
    /// Reads a <c>date</c> from a JSON string: <c>2024-05-02</c>; a date-time string is accepted too and gives its date
    /// as written (<c>2024-05-02T23:30:00-05:00</c> is 2024-05-02, never moved to another offset).
    /// </summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The date, at midnight, of kind <see cref="DateTimeKind.Unspecified"/>.</returns>
    public static DateTime ReadDate(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString();
            if (DateTime.TryParseExact(text, WireFormat.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            // The same text a date-time accepts; its clock date in its own offset is the date the server meant.
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var instant))
            {
                return instant.Date;
            }
        }

        throw Unexpected(ref reader, "a date string (yyyy-MM-dd)");
    }

    /// <summary>Reads a unix time: seconds since 1970-01-01T00:00:00Z, fraction allowed, from a number or numeric string.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The instant in UTC, exact to the 100 ns tick.</returns>
    public static DateTimeOffset ReadUnixTime(ref Utf8JsonReader reader)
    {
        decimal seconds;
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (!reader.TryGetDecimal(out seconds))
            {
                throw Unexpected(ref reader, "unix seconds");
            }
        }
        else if (reader.TokenType != JsonTokenType.String ||
                 !decimal.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out seconds))
        {
            throw Unexpected(ref reader, "unix seconds");
        }

        const decimal MinSeconds = -62135596800m;
        const decimal MaxSeconds = 253402300799m;
        if (seconds < MinSeconds || seconds > MaxSeconds)
        {
            throw new JsonException($"The unix time {seconds.ToString(CultureInfo.InvariantCulture)} is out of range.");
        }

        var ticks = decimal.ToInt64(decimal.Round(seconds * TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero));
        return new DateTimeOffset(UnixEpochTicks + ticks, TimeSpan.Zero);
    }

    /// <summary>Reads any JSON value as a mutable node; JSON <c>null</c> reads as <see langword="null"/>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The node.</returns>
    public static JsonNode? ReadJson(ref Utf8JsonReader reader) => JsonNode.Parse(ref reader);

    /// <summary>Reads a JSON array.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="reader">The reader.</param>
    /// <param name="readElement">The element reader.</param>
    /// <returns>The elements in order.</returns>
    public static List<T> ReadList<T>(ref Utf8JsonReader reader, JsonReadFunc<T> readElement)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected(ref reader, "an array");
        }

        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(readElement(ref reader));
        }

        return list;
    }

    /// <summary>Reads a JSON object with arbitrary keys as a dictionary that keeps the keys' order.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="reader">The reader.</param>
    /// <param name="readValue">The value reader.</param>
    /// <returns>The entries.</returns>
    public static Dictionary<string, T> ReadMap<T>(ref Utf8JsonReader reader, JsonReadFunc<T> readValue)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unexpected(ref reader, "an object");
        }

        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            map[key] = readValue(ref reader);
        }

        return map;
    }

    /// <summary>Moves the reader from a property name to its value and skips the value with all its children.</summary>
    /// <param name="reader">The reader, on a property name.</param>
    internal static void SkipProperty(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    /// <summary>Checks that the reader is on the start of an object.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="typeName">The descriptor type being read, for the message.</param>
    internal static void ExpectObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unexpected(ref reader, "an object for " + typeName);
        }
    }

    /// <summary>The exception for a required property that was absent.</summary>
    /// <param name="typeName">The descriptor type.</param>
    /// <param name="jsonName">The property's JSON name.</param>
    /// <returns>The exception to throw.</returns>
    internal static JsonException MissingProperty(string typeName, string jsonName) =>
        new($"The required property '{jsonName}' of {typeName} is missing.");

    /// <summary>The exception for a required, non-nullable property that was <c>null</c>.</summary>
    /// <param name="typeName">The descriptor type.</param>
    /// <param name="jsonName">The property's JSON name.</param>
    /// <returns>The exception to throw.</returns>
    internal static JsonException NullProperty(string typeName, string jsonName) =>
        new($"The required property '{jsonName}' of {typeName} is null.");

    private static JsonException Unexpected(ref Utf8JsonReader reader, string expected)
    {
        var found = reader.TokenType switch
        {
            JsonTokenType.String => "the string " + Quote(reader.GetString()),
            JsonTokenType.Number => "the number " + Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray()),
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "an array",
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            JsonTokenType.Null => "null",
            _ => reader.TokenType.ToString(),
        };
        return new JsonException($"Expected {expected} but found {found} at byte {reader.TokenStartIndex}.");
    }

    private static string Quote(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        return value.Length <= 40 ? "\"" + value + "\"" : "\"" + value.Substring(0, 40) + "…\"";
    }
}
