using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using Newtonsoft.Json;

namespace EndpointGen.Benchmarks.Clients.HandWritten;

// The CCAI shapes as someone writing the client by hand would declare them: plain classes, the JSON names in
// attributes. The hand-written client reads them with System.Text.Json's source generator; RestEase
// (Newtonsoft.Json) and RestSharp use the same classes, so every contender reads and writes the same fields.

/// <summary>A CCAI chat.</summary>
public sealed class ChatDto
{
    /// <summary>Chat ID.</summary>
    [JsonPropertyName("id"), JsonProperty("id")]
    public long? Id { get; set; }

    /// <summary>Chat status.</summary>
    [JsonPropertyName("status"), JsonProperty("status")]
    public string? Status { get; set; }

    /// <summary>Text of the status.</summary>
    [JsonPropertyName("status_text"), JsonProperty("status_text")]
    public string? StatusText { get; set; }

    /// <summary>Features of the chat.</summary>
    [JsonPropertyName("features"), JsonProperty("features")]
    public List<string>? Features { get; set; }

    /// <summary>Creation time.</summary>
    [JsonPropertyName("created_at"), JsonProperty("created_at")]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>End time.</summary>
    [JsonPropertyName("ends_at"), JsonProperty("ends_at")]
    public DateTimeOffset? EndsAt { get; set; }

    /// <summary>Time-out time.</summary>
    [JsonPropertyName("timeout_at"), JsonProperty("timeout_at")]
    public DateTimeOffset? TimeoutAt { get; set; }

    /// <summary>The assigned agent.</summary>
    [JsonPropertyName("agent"), JsonProperty("agent")]
    public AgentDto? Agent { get; set; }

    /// <summary>The assigned virtual agent.</summary>
    [JsonPropertyName("virtual_agent"), JsonProperty("virtual_agent")]
    public VirtualAgentDto? VirtualAgent { get; set; }

    /// <summary>Every agent of the chat.</summary>
    [JsonPropertyName("all_agents"), JsonProperty("all_agents")]
    public List<AgentDto>? AllAgents { get; set; }

    /// <summary>Every virtual agent of the chat.</summary>
    [JsonPropertyName("all_virtual_agents"), JsonProperty("all_virtual_agents")]
    public List<VirtualAgentDto>? AllVirtualAgents { get; set; }

    /// <summary>Language.</summary>
    [JsonPropertyName("lang"), JsonProperty("lang")]
    public string? Lang { get; set; }

    /// <summary>Menus (queues).</summary>
    [JsonPropertyName("menus"), JsonProperty("menus")]
    public List<MenuDto>? Menus { get; set; }

    /// <summary>The end user.</summary>
    [JsonPropertyName("end_user"), JsonProperty("end_user")]
    public EndUserDto? EndUser { get; set; }
}

/// <summary>A human agent.</summary>
public sealed class AgentDto
{
    /// <summary>Agent ID.</summary>
    [JsonPropertyName("id"), JsonProperty("id")]
    public long? Id { get; set; }

    /// <summary>Full name.</summary>
    [JsonPropertyName("name"), JsonProperty("name")]
    public string? Name { get; set; }

    /// <summary>First name.</summary>
    [JsonPropertyName("first_name"), JsonProperty("first_name")]
    public string? FirstName { get; set; }

    /// <summary>Avatar URL.</summary>
    [JsonPropertyName("avatar_url"), JsonProperty("avatar_url")]
    public string? AvatarUrl { get; set; }

    /// <summary>Status.</summary>
    [JsonPropertyName("status"), JsonProperty("status")]
    public string? Status { get; set; }
}

/// <summary>A virtual agent.</summary>
public sealed class VirtualAgentDto
{
    /// <summary>Virtual agent ID.</summary>
    [JsonPropertyName("id"), JsonProperty("id")]
    public long? Id { get; set; }

    /// <summary>Name.</summary>
    [JsonPropertyName("name"), JsonProperty("name")]
    public string? Name { get; set; }

    /// <summary>Avatar URL.</summary>
    [JsonPropertyName("avatar_url"), JsonProperty("avatar_url")]
    public string? AvatarUrl { get; set; }

    /// <summary>Status.</summary>
    [JsonPropertyName("status"), JsonProperty("status")]
    public string? Status { get; set; }
}

/// <summary>A menu (queue).</summary>
public sealed class MenuDto
{
    /// <summary>Menu ID.</summary>
    [JsonPropertyName("id"), JsonProperty("id")]
    public long? Id { get; set; }

    /// <summary>Name.</summary>
    [JsonPropertyName("name"), JsonProperty("name")]
    public string? Name { get; set; }
}

/// <summary>The end user of a chat.</summary>
public sealed class EndUserDto
{
    /// <summary>End user ID.</summary>
    [JsonPropertyName("id"), JsonProperty("id")]
    public long? Id { get; set; }

    /// <summary>Identifier.</summary>
    [JsonPropertyName("identifier"), JsonProperty("identifier")]
    public string? Identifier { get; set; }
}

/// <summary>A photo or video.</summary>
public sealed class MediaDto
{
    /// <summary>Storage URL.</summary>
    [JsonPropertyName("url"), JsonProperty("url")]
    public string? Url { get; set; }

    /// <summary>Media ID.</summary>
    [JsonPropertyName("media_id"), JsonProperty("media_id")]
    public long? MediaId { get; set; }
}

/// <summary>Body of CreateChat.</summary>
public sealed class CreateChatRequestDto
{
    /// <summary>The chat to create.</summary>
    [JsonPropertyName("chat"), JsonProperty("chat")]
    public NewChatDto? Chat { get; set; }

    /// <summary>End user data.</summary>
    [JsonPropertyName("end_user"), JsonProperty("end_user")]
    public NewChatEndUserDto? EndUser { get; set; }
}

/// <summary>The chat to create.</summary>
public sealed class NewChatDto
{
    /// <summary>Menu (queue) ID.</summary>
    [JsonPropertyName("menu_id"), JsonProperty("menu_id")]
    public long MenuId { get; set; }

    /// <summary>End user ID.</summary>
    [JsonPropertyName("end_user_id"), JsonProperty("end_user_id")]
    public long? EndUserId { get; set; }

    /// <summary>Language.</summary>
    [JsonPropertyName("lang"), JsonProperty("lang")]
    public string? Lang { get; set; }

    /// <summary>E-mail address.</summary>
    [JsonPropertyName("email"), JsonProperty("email")]
    public string? Email { get; set; }
}

/// <summary>End user data of CreateChat.</summary>
public sealed class NewChatEndUserDto
{
    /// <summary>Phone number.</summary>
    [JsonPropertyName("phone"), JsonProperty("phone")]
    public string? Phone { get; set; }
}

/// <summary>Body of AddPhotos.</summary>
public sealed class AddPhotosRequestDto
{
    /// <summary>The photos.</summary>
    [JsonPropertyName("photo"), JsonProperty("photo")]
    public List<PhotoAttachmentDto>? Photo { get; set; }
}

/// <summary>An uploaded photo.</summary>
public sealed class PhotoAttachmentDto
{
    /// <summary>Storage path.</summary>
    [JsonPropertyName("s3_path"), JsonProperty("s3_path")]
    public string? S3Path { get; set; }

    /// <summary>MIME type.</summary>
    [JsonPropertyName("photo_type"), JsonProperty("photo_type")]
    public string? PhotoType { get; set; }
}

/// <summary>The System.Text.Json source-generated metadata of the hand-written client.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChatDto))]
[JsonSerializable(typeof(List<MediaDto>))]
[JsonSerializable(typeof(MediaDto))]
[JsonSerializable(typeof(CreateChatRequestDto))]
[JsonSerializable(typeof(AddPhotosRequestDto))]
public sealed partial class HandWrittenJsonContext : JsonSerializerContext
{
}
