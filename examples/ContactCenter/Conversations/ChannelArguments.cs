using System;

namespace ContactCenter.Conversations;

/// <summary>Argument checks the three channels share, so they reject the same mistakes with the same messages.</summary>
internal static class ChannelArguments
{
    /// <summary>Returns the handle's id after checking that this vendor issued the handle.</summary>
    public static string IdOf(ConversationHandle conversation, string vendor)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (!string.Equals(conversation.Vendor, vendor, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The conversation was started on {conversation.Vendor}, not on {vendor}.", nameof(conversation));
        }

        return conversation.Id;
    }

    /// <summary>Unset and blank values are never sent: a vendor may store an empty string as a real value.</summary>
    public static string? OrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
