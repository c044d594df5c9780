using System.Collections.Generic;
using System.Text.Json;

namespace EndpointGen.Runtime;

/// <content>
/// Three-state properties (<c>threeState: true</c>), as <see cref="Optional{T}"/>: an absent property stays unset,
/// <c>null</c> reads as a set <see langword="null"/>; an unset one is not written, a set <see langword="null"/> is
/// written as <c>null</c>.
/// </content>
public abstract partial class GeneratedJsonConverter<T>
{
    /// <summary>Reads a three-state property of a reference type: JSON <c>null</c> is a set <see langword="null"/>.</summary>
    /// <typeparam name="TValue">The property's type.</typeparam>
    /// <param name="reader">The reader, on the property name.</param>
    /// <param name="read">The value reader.</param>
    /// <returns>The set value, or a set <see langword="null"/>.</returns>
    protected static Optional<TValue?> ThreeState<TValue>(ref Utf8JsonReader reader, JsonReadFunc<TValue> read)
        where TValue : class?
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? new Optional<TValue?>(null) : new Optional<TValue?>(read(ref reader));
    }

    /// <summary>Reads a three-state property of a value type: JSON <c>null</c> is a set <see langword="null"/>.</summary>
    /// <typeparam name="TValue">The property's type.</typeparam>
    /// <param name="reader">The reader, on the property name.</param>
    /// <param name="read">The value reader.</param>
    /// <returns>The set value, or a set <see langword="null"/>.</returns>
    protected static Optional<TValue?> ThreeStateStruct<TValue>(ref Utf8JsonReader reader, JsonReadFunc<TValue> read)
        where TValue : struct
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? new Optional<TValue?>(null) : new Optional<TValue?>(read(ref reader));
    }

    /// <summary>Reads a three-state array property: JSON <c>null</c> is a set <see langword="null"/>.</summary>
    /// <typeparam name="TItem">The element type.</typeparam>
    /// <param name="reader">The reader, on the property name.</param>
    /// <param name="readItem">The element reader.</param>
    /// <returns>The set elements, or a set <see langword="null"/>.</returns>
    protected static Optional<IReadOnlyList<TItem>?> ThreeStateList<TItem>(ref Utf8JsonReader reader, JsonReadFunc<TItem> readItem)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? new Optional<IReadOnlyList<TItem>?>(null) : new Optional<IReadOnlyList<TItem>?>(JsonValueReader.ReadList(ref reader, readItem));
    }

    /// <summary>Reads a three-state map property: JSON <c>null</c> is a set <see langword="null"/>.</summary>
    /// <typeparam name="TItem">The value type.</typeparam>
    /// <param name="reader">The reader, on the property name.</param>
    /// <param name="readItem">The value reader.</param>
    /// <returns>The set entries, or a set <see langword="null"/>.</returns>
    protected static Optional<IReadOnlyDictionary<string, TItem>?> ThreeStateMap<TItem>(ref Utf8JsonReader reader, JsonReadFunc<TItem> readItem)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? new Optional<IReadOnlyDictionary<string, TItem>?>(null) : new Optional<IReadOnlyDictionary<string, TItem>?>(JsonValueReader.ReadMap(ref reader, readItem));
    }

    /// <summary>Writes a three-state property of a reference type: unset is omitted, <see langword="null"/> written as <c>null</c>.</summary>
    /// <typeparam name="TValue">The property's type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The encoded name.</param>
    /// <param name="value">The value.</param>
    /// <param name="write">The value writer.</param>
    protected static void WriteThreeState<TValue>(Utf8JsonWriter writer, JsonEncodedText name, Optional<TValue?> value, JsonWriteFunc<TValue> write)
        where TValue : class?
    {
        if (!value.IsSet)
        {
            return;
        }

        if (value.GetValueOrDefault() is not { } set)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WritePropertyName(name);
        write(writer, set);
    }

    /// <summary>Writes a three-state property of a value type: unset is omitted, <see langword="null"/> written as <c>null</c>.</summary>
    /// <typeparam name="TValue">The property's type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The encoded name.</param>
    /// <param name="value">The value.</param>
    /// <param name="write">The value writer.</param>
    protected static void WriteThreeStateStruct<TValue>(Utf8JsonWriter writer, JsonEncodedText name, Optional<TValue?> value, JsonWriteFunc<TValue> write)
        where TValue : struct
    {
        if (!value.IsSet)
        {
            return;
        }

        if (value.GetValueOrDefault() is not { } set)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WritePropertyName(name);
        write(writer, set);
    }
}
