using System;
using System.ComponentModel;
using System.Globalization;

namespace EndpointGen.Runtime;

/// <summary>
/// How values are written as text outside JSON (query and header values), the same as JSON writes them, so one
/// value reads the same wherever it is sent. For generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WireFormat
{
    // As Utf8JsonWriter writes a DateTimeOffset: ISO 8601, the fraction without trailing zeros (none when whole
    // seconds), and the offset as +hh:mm.
    private const string DateTimeFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFzzz";

    /// <summary>A <c>date-time</c> as JSON writes it: <c>2015-12-16T22:18:37+00:00</c>, <c>2015-12-16T22:18:37.5+02:00</c>.</summary>
    /// <param name="value">The value; <see langword="null"/> gives <see langword="null"/> (not sent).</param>
    /// <returns>The text.</returns>
    public static string? DateTime(DateTimeOffset? value) => value?.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    /// <summary>A <c>date-time</c> as JSON writes it: <c>2015-12-16T22:18:37+00:00</c>, <c>2015-12-16T22:18:37.5+02:00</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string DateTime(DateTimeOffset value) => value.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    /// <summary>A <c>date</c>: <c>2024-05-02</c>, the date part only (the time of day and the kind are not sent).</summary>
    /// <param name="value">The value; <see langword="null"/> gives <see langword="null"/> (not sent).</param>
    /// <returns>The text.</returns>
    public static string? Date(System.DateTime? value) => value is { } date ? Date(date) : null;

    /// <summary>A <c>date</c>: <c>2024-05-02</c>, the date part only (the time of day and the kind are not sent).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Date(System.DateTime value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>The format of a <c>date</c>, in JSON as in a query or header.</summary>
    internal const string DateFormat = "yyyy'-'MM'-'dd";
}
