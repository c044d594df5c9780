using System;
using System.Globalization;
using System.Text;

namespace EndpointGen.Runtime;

/// <summary>
/// Builds an encoded query string. Unset (<see langword="null"/>) values are omitted, never sent empty:
/// an empty value can mean "clear this" to a server.
/// </summary>
public sealed class QueryBuilder
{
    private StringBuilder? _builder;

    /// <summary>Adds a string parameter; <see langword="null"/> and the empty string are omitted.</summary>
    /// <param name="name">The query key.</param>
    /// <param name="value">The value.</param>
    public void Add(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var builder = _builder ??= new StringBuilder();
        if (builder.Length > 0)
        {
            builder.Append('&');
        }

        builder.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value!));
    }

    /// <summary>Adds an integer parameter; <see langword="null"/> is omitted.</summary>
    /// <param name="name">The query key.</param>
    /// <param name="value">The value.</param>
    public void Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds an integer parameter; <see langword="null"/> is omitted.</summary>
    /// <param name="name">The query key.</param>
    /// <param name="value">The value.</param>
    public void Add(string name, long? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a number parameter in its shortest round-trip form; <see langword="null"/> is omitted.</summary>
    /// <param name="name">The query key.</param>
    /// <param name="value">The value.</param>
    public void Add(string name, double? value) => Add(name, value?.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Adds a boolean parameter as <c>true</c> or <c>false</c>; <see langword="null"/> is omitted.</summary>
    /// <param name="name">The query key.</param>
    /// <param name="value">The value.</param>
    public void Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>Adds a UUID parameter; <see langword="null"/> is omitted.</summary>
    /// <param name="name">The query key.</param>
    /// <param name="value">The value.</param>
    public void Add(string name, Guid? value) => Add(name, value?.ToString("D"));

    /// <summary>Adds an ISO 8601 date-time parameter; <see langword="null"/> is omitted.</summary>
    /// <param name="name">The query key.</param>
    /// <param name="value">The value.</param>
    public void Add(string name, DateTimeOffset? value) => Add(name, value?.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>The encoded query without the leading '?', or <see langword="null"/> when nothing was added.</summary>
    /// <returns>The query.</returns>
    public override string? ToString() => _builder?.ToString();
}
