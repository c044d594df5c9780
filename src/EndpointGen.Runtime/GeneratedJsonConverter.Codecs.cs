using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EndpointGen.Runtime;

/// <content>A generated converter is the codec of its type in the tables of other types.</content>
public abstract partial class GeneratedJsonConverter<T> : IJsonCodec<T>
{
    /// <inheritdoc/>
    T IJsonCodec<T>.Read(ref Utf8JsonReader reader) => _read(ref reader);

    /// <inheritdoc/>
    void IJsonCodec<T>.Write(Utf8JsonWriter writer, T value) => _write(writer, value);
}

/// <summary>The descriptor's primitive types (but <c>unix-time</c>, which shares its type with <c>date-time</c>), one shared instance.</summary>
internal sealed class PrimitiveCodecs :
    IJsonCodec<string>, IJsonCodec<int>, IJsonCodec<long>, IJsonCodec<double>, IJsonCodec<bool>, IJsonCodec<Guid>,
    IJsonCodec<DateTimeOffset>, IJsonCodec<DateTime>, IJsonCodec<JsonNode?>
{
    public static readonly PrimitiveCodecs Instance = new();

    private PrimitiveCodecs()
    {
    }

    string IJsonCodec<string>.Read(ref Utf8JsonReader reader) => JsonValueReader.ReadString(ref reader);

    void IJsonCodec<string>.Write(Utf8JsonWriter writer, string value) => writer.WriteStringValue(value);

    int IJsonCodec<int>.Read(ref Utf8JsonReader reader) => JsonValueReader.ReadInt32(ref reader);

    void IJsonCodec<int>.Write(Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);

    long IJsonCodec<long>.Read(ref Utf8JsonReader reader) => JsonValueReader.ReadInt64(ref reader);

    void IJsonCodec<long>.Write(Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);

    double IJsonCodec<double>.Read(ref Utf8JsonReader reader) => JsonValueReader.ReadDouble(ref reader);

    void IJsonCodec<double>.Write(Utf8JsonWriter writer, double value) => JsonValueWriter.WriteDouble(writer, value);

    bool IJsonCodec<bool>.Read(ref Utf8JsonReader reader) => JsonValueReader.ReadBoolean(ref reader);

    void IJsonCodec<bool>.Write(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);

    Guid IJsonCodec<Guid>.Read(ref Utf8JsonReader reader) => JsonValueReader.ReadGuid(ref reader);

    void IJsonCodec<Guid>.Write(Utf8JsonWriter writer, Guid value) => writer.WriteStringValue(value);

    DateTimeOffset IJsonCodec<DateTimeOffset>.Read(ref Utf8JsonReader reader) => JsonValueReader.ReadDateTime(ref reader);

    void IJsonCodec<DateTimeOffset>.Write(Utf8JsonWriter writer, DateTimeOffset value) => writer.WriteStringValue(value);

    DateTime IJsonCodec<DateTime>.Read(ref Utf8JsonReader reader) => JsonValueReader.ReadDate(ref reader);

    void IJsonCodec<DateTime>.Write(Utf8JsonWriter writer, DateTime value) => JsonValueWriter.WriteDate(writer, value);

    JsonNode? IJsonCodec<JsonNode?>.Read(ref Utf8JsonReader reader) => JsonValueReader.ReadJson(ref reader);

    void IJsonCodec<JsonNode?>.Write(Utf8JsonWriter writer, JsonNode? value) => JsonValueWriter.WriteJson(writer, value);
}

/// <summary><c>unix-time</c>: seconds since 1970 as a <see cref="DateTimeOffset"/>.</summary>
internal sealed class UnixTimeCodec : IJsonCodec<DateTimeOffset>
{
    public static readonly UnixTimeCodec Instance = new();

    private UnixTimeCodec()
    {
    }

    public DateTimeOffset Read(ref Utf8JsonReader reader) => JsonValueReader.ReadUnixTime(ref reader);

    public void Write(Utf8JsonWriter writer, DateTimeOffset value) => JsonValueWriter.WriteUnixTime(writer, value);
}

/// <summary>A JSON array of one element type.</summary>
/// <typeparam name="TItem">The element type.</typeparam>
internal sealed class ListCodec<TItem> : IJsonCodec<IReadOnlyList<TItem>>
{
    private readonly JsonReadFunc<TItem> _read;
    private readonly JsonWriteFunc<TItem> _write;

    public ListCodec(IJsonCodec<TItem> item)
    {
        if (item is null)
        {
            throw new ArgumentNullException(nameof(item));
        }

        _read = item.Read;
        _write = item.Write;
    }

    public IReadOnlyList<TItem> Read(ref Utf8JsonReader reader) => JsonValueReader.ReadList(ref reader, _read);

    public void Write(Utf8JsonWriter writer, IReadOnlyList<TItem> value) => JsonValueWriter.WriteList(writer, value, _write);
}

/// <summary>A JSON object of one value type.</summary>
/// <typeparam name="TItem">The value type.</typeparam>
internal sealed class MapCodec<TItem> : IJsonCodec<IReadOnlyDictionary<string, TItem>>
{
    private readonly JsonReadFunc<TItem> _read;
    private readonly JsonWriteFunc<TItem> _write;

    public MapCodec(IJsonCodec<TItem> item)
    {
        if (item is null)
        {
            throw new ArgumentNullException(nameof(item));
        }

        _read = item.Read;
        _write = item.Write;
    }

    public IReadOnlyDictionary<string, TItem> Read(ref Utf8JsonReader reader) => JsonValueReader.ReadMap(ref reader, _read);

    public void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, TItem> value) => JsonValueWriter.WriteMap(writer, value, _write);
}

/// <summary>A codec over a reader and a writer.</summary>
/// <typeparam name="TValue">The value type.</typeparam>
internal sealed class FuncCodec<TValue> : IJsonCodec<TValue>
{
    private readonly JsonReadFunc<TValue> _read;
    private readonly JsonWriteFunc<TValue> _write;

    public FuncCodec(JsonReadFunc<TValue> read, JsonWriteFunc<TValue> write)
    {
        _read = read ?? throw new ArgumentNullException(nameof(read));
        _write = write ?? throw new ArgumentNullException(nameof(write));
    }

    public TValue Read(ref Utf8JsonReader reader) => _read(ref reader);

    public void Write(Utf8JsonWriter writer, TValue value) => _write(writer, value);
}
