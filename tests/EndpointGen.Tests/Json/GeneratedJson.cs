using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace EndpointGen.Tests.Json;

/// <summary>
/// Reads and writes generated types through the converters the generator emitted for them (found through their
/// <see cref="JsonConverterAttribute"/>), so tests exercise exactly the code the generated clients run.
/// </summary>
internal static class GeneratedJson
{
    private static readonly JsonSerializerOptions s_options = new();

    public static Type TypeOf(string ns, string name) =>
        typeof(ContactCenter.Thulium.ThuliumClient).Assembly.GetType(ns + "." + name, throwOnError: true)!;

    public static object? Read(Type type, byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        reader.Read();
        var value = Converter(type).Read(ref reader, type);
        if (reader.Read())
        {
            throw new JsonException("trailing content");
        }

        return value;
    }

    public static T Read<T>(string json) => (T)Read(typeof(T), Encoding.UTF8.GetBytes(json))!;

    public static List<object?> ReadArray(Type elementType, byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("expected an array");
        }

        var items = new List<object?>();
        var converter = Converter(elementType);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(converter.Read(ref reader, elementType));
        }

        return items;
    }

    public static string Write(Type type, object? value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Converter(type).Write(writer, value);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string Write<T>(T value) => Write(typeof(T), value);

    public static string WriteArray(Type elementType, IEnumerable<object?> values)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            foreach (var value in values)
            {
                Converter(elementType).Write(writer, value);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Compact JSON with null-valued properties removed: "unset" and "null" read alike, and unset is not written.</summary>
    public static string Normalize(string json)
    {
        var node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        return StripNulls(node)?.ToJsonString() ?? "null";
    }

    private static JsonNode? StripNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var property in new List<KeyValuePair<string, JsonNode?>>(obj))
                {
                    if (property.Value is null)
                    {
                        obj.Remove(property.Key);
                    }
                    else
                    {
                        StripNulls(property.Value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    StripNulls(item);
                }

                break;
        }

        return node;
    }

    private static ConverterShim Converter(Type type)
    {
        var attribute = type.GetCustomAttribute<JsonConverterAttribute>()
            ?? throw new InvalidOperationException(type + " has no [JsonConverter]: the generator should emit one on every type.");
        var converter = Activator.CreateInstance(attribute.ConverterType!, nonPublic: true)!;
        return new ConverterShim(converter);
    }

    /// <summary>Calls a <c>JsonConverter&lt;T&gt;</c> whose T is known only at run time.</summary>
    private sealed class ConverterShim
    {
        private readonly object _converter;

        public ConverterShim(object converter) => _converter = converter;

        public object? Read(ref Utf8JsonReader reader, Type type)
        {
            // Utf8JsonReader is a ref struct: call through a generic helper instead of MethodInfo.Invoke.
            var method = typeof(ConverterShim).GetMethod(nameof(ReadGeneric), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type);
            var read = (ReadDelegate)Delegate.CreateDelegate(typeof(ReadDelegate), method);
            return read(_converter, ref reader);
        }

        public void Write(Utf8JsonWriter writer, object? value)
        {
            try
            {
                typeof(ConverterShim).GetMethod(nameof(WriteGeneric), BindingFlags.NonPublic | BindingFlags.Static)!
                    .MakeGenericMethod(_converter.GetType().BaseType!.GetGenericArguments()[0])
                    .Invoke(null, new[] { _converter, writer, value });
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            }
        }

        private delegate object? ReadDelegate(object converter, ref Utf8JsonReader reader);

        private static object? ReadGeneric<T>(object converter, ref Utf8JsonReader reader) =>
            ((JsonConverter<T>)converter).Read(ref reader, typeof(T), s_options);

        private static void WriteGeneric<T>(object converter, Utf8JsonWriter writer, object? value) =>
            ((JsonConverter<T>)converter).Write(writer, (T)value!, s_options);
    }
}
