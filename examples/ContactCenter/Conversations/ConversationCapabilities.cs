using System;

namespace ContactCenter.Conversations;

/// <summary>The optional operations of an <see cref="IConversationChannel"/>; starting a conversation is always available.</summary>
[Flags]
public enum ConversationCapabilities
{
    /// <summary>Only <see cref="IConversationChannel.StartAsync"/>.</summary>
    None = 0,

    /// <summary><see cref="IConversationChannel.SendMessageAsync"/> is available.</summary>
    SendMessage = 1,

    /// <summary><see cref="IConversationChannel.EndAsync"/> is available.</summary>
    End = 2,
}
