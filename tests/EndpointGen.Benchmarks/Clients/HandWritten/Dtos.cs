using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace EndpointGen.Benchmarks.Clients.HandWritten;

// The CCAI shapes as someone writing the client by hand would declare them: plain classes, the JSON names in
// attributes. The hand-written client reads them with System.Text.Json's source generator, and so does the Refit
// interface, with the same context. NSwag and Kiota generate their own classes from OpenApi/ccai-bench.openapi.yaml.

/// <summary>A CCAI chat.</summary>
public sealed class ChatDto
{
    /// <summary>Chat ID.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    /// <summary>Chat status.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>Text of the status.</summary>
    [JsonPropertyName("status_text")]
    public string? StatusText { get; set; }

    /// <summary>Features of the chat.</summary>
    [JsonPropertyName("features")]
    public List<string>? Features { get; set; }

    /// <summary>Creation time.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>End time.</summary>
    [JsonPropertyName("ends_at")]
    public DateTimeOffset? EndsAt { get; set; }

    /// <summary>Time-out time.</summary>
    [JsonPropertyName("timeout_at")]
    public DateTimeOffset? TimeoutAt { get; set; }

    /// <summary>The assigned agent.</summary>
    [JsonPropertyName("agent")]
    public AgentDto? Agent { get; set; }

    /// <summary>The assigned virtual agent.</summary>
    [JsonPropertyName("virtual_agent")]
    public VirtualAgentDto? VirtualAgent { get; set; }

    /// <summary>Every agent of the chat.</summary>
    [JsonPropertyName("all_agents")]
    public List<AgentDto>? AllAgents { get; set; }

    /// <summary>Every virtual agent of the chat.</summary>
    [JsonPropertyName("all_virtual_agents")]
    public List<VirtualAgentDto>? AllVirtualAgents { get; set; }

    /// <summary>Language.</summary>
    [JsonPropertyName("lang")]
    public string? Lang { get; set; }

    /// <summary>Menus (queues).</summary>
    [JsonPropertyName("menus")]
    public List<MenuDto>? Menus { get; set; }

    /// <summary>The end user.</summary>
    [JsonPropertyName("end_user")]
    public EndUserDto? EndUser { get; set; }
}

/// <summary>A human agent.</summary>
public sealed class AgentDto
{
    /// <summary>Agent ID.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    /// <summary>Full name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>First name.</summary>
    [JsonPropertyName("first_name")]
    public string? FirstName { get; set; }

    /// <summary>Avatar URL.</summary>
    [JsonPropertyName("avatar_url")]
    public string? AvatarUrl { get; set; }

    /// <summary>Status.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }
}

/// <summary>A virtual agent.</summary>
public sealed class VirtualAgentDto
{
    /// <summary>Virtual agent ID.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    /// <summary>Name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Avatar URL.</summary>
    [JsonPropertyName("avatar_url")]
    public string? AvatarUrl { get; set; }

    /// <summary>Status.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }
}

/// <summary>A menu (queue).</summary>
public sealed class MenuDto
{
    /// <summary>Menu ID.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    /// <summary>Name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }
}

/// <summary>The end user of a chat.</summary>
public sealed class EndUserDto
{
    /// <summary>End user ID.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    /// <summary>Identifier.</summary>
    [JsonPropertyName("identifier")]
    public string? Identifier { get; set; }
}

/// <summary>A photo or video.</summary>
public sealed class MediaDto
{
    /// <summary>Storage URL.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    /// <summary>Media ID.</summary>
    [JsonPropertyName("media_id")]
    public long? MediaId { get; set; }
}

/// <summary>Body of CreateChat.</summary>
public sealed class CreateChatRequestDto
{
    /// <summary>The chat to create.</summary>
    [JsonPropertyName("chat")]
    public NewChatDto? Chat { get; set; }

    /// <summary>End user data.</summary>
    [JsonPropertyName("end_user")]
    public NewChatEndUserDto? EndUser { get; set; }
}

/// <summary>The chat to create.</summary>
public sealed class NewChatDto
{
    /// <summary>Menu (queue) ID.</summary>
    [JsonPropertyName("menu_id")]
    public long MenuId { get; set; }

    /// <summary>End user ID.</summary>
    [JsonPropertyName("end_user_id")]
    public long? EndUserId { get; set; }

    /// <summary>Language.</summary>
    [JsonPropertyName("lang")]
    public string? Lang { get; set; }

    /// <summary>E-mail address.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; set; }
}

/// <summary>End user data of CreateChat.</summary>
public sealed class NewChatEndUserDto
{
    /// <summary>Phone number.</summary>
    [JsonPropertyName("phone")]
    public string? Phone { get; set; }
}

/// <summary>The System.Text.Json source-generated metadata of the hand-written client.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChatDto))]
[JsonSerializable(typeof(List<MediaDto>))]
[JsonSerializable(typeof(CreateChatRequestDto))]
public sealed partial class HandWrittenJsonContext : JsonSerializerContext
{
}
