using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EndpointGen.Benchmarks.Clients.NSwag;

/// <summary>
/// NSwag's documented hook for its System.Text.Json options: the generated client reads and writes through a
/// source-generated context over its own generated classes instead of reflection (and reads the JSON it makes of
/// a form back as text fields).
/// </summary>
internal partial class NSwagCcaiClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings)
    {
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        settings.TypeInfoResolver = NSwagJsonContext.Default;

        // NSwag writes a form by serializing the body to JSON and reading that back as a Dictionary<string, string>,
        // which System.Text.Json refuses for a number or a boolean: this converter, for that type only, reads them
        // as their JSON text.
        settings.Converters.Add(new FormFieldsConverter());
    }

    /// <summary>A JSON object read as its members' values as text: a string as it is, a number or a boolean as its JSON text.</summary>
    private sealed class FormFieldsConverter : JsonConverter<Dictionary<string, string>>
    {
        public override Dictionary<string, string> Read(ref Utf8JsonReader reader, System.Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("A form is a JSON object.");
            }

            var fields = new Dictionary<string, string>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                fields[name] = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString()!,
                    JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                    _ => throw new JsonException($"A form field cannot be {reader.TokenType}."),
                };
            }

            return fields;
        }

        public override void Write(Utf8JsonWriter writer, Dictionary<string, string> value, JsonSerializerOptions options) =>
            throw new System.NotSupportedException("Only read: NSwag writes the form's source object.");
    }
}

/// <summary>The System.Text.Json source-generated metadata of NSwag's generated classes.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Chat))]
[JsonSerializable(typeof(List<Media>))]
[JsonSerializable(typeof(CreateChatRequest))]
[JsonSerializable(typeof(ChatMessageForm))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class NSwagJsonContext : JsonSerializerContext
{
}
