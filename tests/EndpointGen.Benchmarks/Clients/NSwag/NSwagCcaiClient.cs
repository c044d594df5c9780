using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EndpointGen.Benchmarks.Clients.NSwag;

/// <summary>
/// NSwag's documented hook for its System.Text.Json options: the generated client reads and writes through a
/// source-generated context over its own generated classes instead of reflection.
/// </summary>
internal partial class NSwagCcaiClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings)
    {
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        settings.TypeInfoResolver = NSwagJsonContext.Default;
    }
}

/// <summary>The System.Text.Json source-generated metadata of NSwag's generated classes.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Chat))]
[JsonSerializable(typeof(List<Media>))]
[JsonSerializable(typeof(CreateChatRequest))]
internal sealed partial class NSwagJsonContext : JsonSerializerContext
{
}
