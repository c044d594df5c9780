namespace ContactCenter.Conversations;

/// <summary>A started conversation: which vendor holds it and the vendor's own identifier for it.</summary>
/// <param name="Vendor">The <see cref="IConversationChannel.Vendor"/> that started it.</param>
/// <param name="Id">
/// The vendor's identifier as text: Thulium's <c>conversation_id</c> (a UUID), CCAI's chat id, LiveDesk's
/// conversation id. Store it as is; the channel that issued it parses it back.
/// </param>
public sealed record ConversationHandle(string Vendor, string Id);
