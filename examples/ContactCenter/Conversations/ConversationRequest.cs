namespace ContactCenter.Conversations;

/// <summary>
/// Who a new conversation is for, in vendor-neutral terms. Every property is optional; each vendor
/// sends the ones its API has and ignores the rest, and unset or blank values are never sent.
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>property</term><description>Thulium / CCAI / LiveDesk</description></listheader>
/// <item><term><see cref="FirstName"/></term><description><c>client_name</c> / — / —</description></item>
/// <item><term><see cref="LastName"/></term><description><c>client_surname</c> / — / —</description></item>
/// <item><term><see cref="Email"/></term><description><c>client_email</c> / <c>chat.email</c> / —</description></item>
/// <item><term><see cref="Phone"/></term><description>— / <c>end_user.phone</c> / —</description></item>
/// <item><term><see cref="Language"/></term><description>— / <c>chat.lang</c> / —</description></item>
/// <item><term><see cref="CustomerReference"/></term><description><c>client_id</c> / — / <c>source_id</c></description></item>
/// </list>
/// </remarks>
public sealed record ConversationRequest
{
    /// <summary>The customer's first name.</summary>
    public string? FirstName { get; init; }

    /// <summary>The customer's surname.</summary>
    public string? LastName { get; init; }

    /// <summary>The customer's e-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>The customer's phone number, in international form (<c>+393331234567</c>).</summary>
    public string? Phone { get; init; }

    /// <summary>The language of the conversation (<c>en</c>, <c>it</c>, <c>pl</c>).</summary>
    public string? Language { get; init; }

    /// <summary>
    /// Your own identifier of the customer (a CRM or account id). Thulium matches it against its CRM as
    /// <c>client_id</c>; LiveDesk uses it as the contact's <c>source_id</c>, so the same reference always
    /// reaches the same LiveDesk contact.
    /// </summary>
    public string? CustomerReference { get; init; }
}
