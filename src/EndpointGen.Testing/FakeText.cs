using System;
using System.ComponentModel;
using System.Globalization;

namespace EndpointGen.Testing;

/// <summary>
/// Reads a path, query or header value back into its type, from the text the client writes for it (the same text
/// JSON has). Each throws <see cref="FormatException"/> for text that is not such a value. For generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FakeText
{
    /// <summary>The text as it is.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The value.</returns>
    public static string String(string text) => text;

    /// <summary>An <c>int32</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The value.</returns>
    public static int Int32(string text) => int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    /// <summary>An <c>int64</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The value.</returns>
    public static long Int64(string text) => long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    /// <summary>A <c>number</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The value.</returns>
    public static double Double(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A <c>boolean</c>: <c>true</c> or <c>false</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The value.</returns>
    public static bool Boolean(string text) => text switch
    {
        "true" => true,
        "false" => false,
        _ => throw new FormatException("'" + text + "' is not true or false."),
    };

    /// <summary>A <c>uuid</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The value.</returns>
    public static Guid Guid(string text) => System.Guid.ParseExact(text, "D");

    /// <summary>A <c>date-time</c> (ISO 8601 with an offset).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The value.</returns>
    public static DateTimeOffset DateTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>A <c>unix-time</c>: whole seconds, or a date-time as a query carries one.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The value.</returns>
    public static DateTimeOffset UnixTime(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTime(text);

    /// <summary>A <c>date</c> (<c>yyyy-MM-dd</c>).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The value.</returns>
    public static DateTime Date(string text) => System.DateTime.ParseExact(text, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture, DateTimeStyles.None);
}
