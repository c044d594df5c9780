using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Conversations;

namespace ContactCenter.LiveDesk;

/// <summary>
/// LiveDesk contacts the way a contact center uses them: find the customer's contact by e-mail, phone
/// number or your own identifier, create it when there is none, and walk the contact list page by page,
/// all of it or the contacts with given labels.
/// </summary>
/// <remarks>
/// LiveDesk refuses a second contact with the same e-mail, phone number or identifier (422 <c>Email has
/// already been taken</c>), so <see cref="FindOrCreateAsync"/> searches first. Search matches parts of
/// e-mails, phone numbers, names and identifiers; this class keeps only exact matches of the attribute it
/// searched by. Contact lists come 15 a page (<see cref="PageSize"/>).
/// </remarks>
public sealed class LiveDeskContacts
{
    /// <summary>Contacts in one page of a list or search answer.</summary>
    public const int PageSize = 15;

    /// <summary>Pages one search reads at most before giving up on an exact match (a search text matching more than 150 contacts is not a lookup).</summary>
    public const int MaxSearchPages = 10;

    private readonly ILiveDeskClient _client;
    private readonly long _inboxId;

    /// <summary>Creates the helper over a generated LiveDesk client.</summary>
    /// <param name="client">The client.</param>
    /// <param name="inboxId">The inbox (channel) new contacts are created in (<c>inbox_id</c>; the documentation's example is 407).</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inboxId"/> is not positive.</exception>
    public LiveDeskContacts(ILiveDeskClient client, long inboxId)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inboxId);
        _inboxId = inboxId;
    }

    /// <summary>Finds the customer's contact (by e-mail, else phone number, else <see cref="ConversationRequest.CustomerReference"/> as identifier) or creates it.</summary>
    /// <param name="customer">Who the customer is: names, e-mail, phone and reference are used; blank values are never sent.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The contact, and whether this call created it.</returns>
    /// <exception cref="ArgumentException">The customer has no e-mail, phone number or reference to find the contact by.</exception>
    /// <exception cref="LiveDeskApiException">LiveDesk refused a call.</exception>
    /// <exception cref="InvalidOperationException">LiveDesk answered the create call without a contact.</exception>
    public async Task<LiveDeskContactMatch> FindOrCreateAsync(ConversationRequest customer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var email = ChannelArguments.OrNull(customer.Email);
        var phone = ChannelArguments.OrNull(customer.Phone);
        var reference = ChannelArguments.OrNull(customer.CustomerReference);
        var existing =
            email is not null ? await FindAsync(email, c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase), cancellationToken).ConfigureAwait(false) :
            phone is not null ? await FindAsync(phone, c => c.PhoneNumber == phone, cancellationToken).ConfigureAwait(false) :
            reference is not null ? await FindAsync(reference, c => c.Identifier == reference, cancellationToken).ConfigureAwait(false) :
            throw new ArgumentException("LiveDesk contacts are found by e-mail, phone number or identifier: set Email, Phone or CustomerReference.", nameof(customer));
        if (existing is not null)
        {
            return new LiveDeskContactMatch(existing, Created: false);
        }

        var name = string.Join(" ", new[] { customer.FirstName, customer.LastName }.Select(ChannelArguments.OrNull).OfType<string>());
        var created = await _client.CreateContactAsync(
            new CreateContactRequest
            {
                InboxId = _inboxId,
                Name = ChannelArguments.OrNull(name),
                Email = email,
                PhoneNumber = phone,
                Identifier = reference,
            },
            cancellationToken).ConfigureAwait(false);

        // Every answer field is optional in the descriptor, so the wrapper is checked rather than trusted.
        var contact = created.Payload?.Contact ?? throw new InvalidOperationException("LiveDesk created a contact but its answer carries no payload.contact.");
        return new LiveDeskContactMatch(contact, Created: true);
    }

    /// <summary>The contact whose e-mail is <paramref name="email"/> (ignoring case), or <see langword="null"/>.</summary>
    /// <param name="email">The e-mail address.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The contact, or <see langword="null"/> when none has that address.</returns>
    /// <exception cref="ArgumentException"><paramref name="email"/> is empty.</exception>
    /// <exception cref="LiveDeskApiException">LiveDesk refused a call.</exception>
    public Task<Contact?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return FindAsync(email, c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase), cancellationToken);
    }

    /// <summary>Every contact of the account, page after page, in the order asked for.</summary>
    /// <param name="sort">The attribute to sort by, or <see langword="null"/> for LiveDesk's order.</param>
    /// <param name="direction">The direction of <paramref name="sort"/>.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The contacts; one request per 15.</returns>
    /// <exception cref="LiveDeskApiException">LiveDesk refused a call.</exception>
    public IAsyncEnumerable<Contact> ListAllAsync(ContactSort? sort = null, SortDirection? direction = null, CancellationToken cancellationToken = default) =>
        ListAsync(null, sort, direction, cancellationToken);

    /// <summary>Every contact that carries at least one of the labels (agents label contacts in LiveDesk), page after page.</summary>
    /// <param name="labels">The labels; a contact with any of them is listed. Sent as <c>labels[]=vip&amp;labels[]=returning</c>, the only list form LiveDesk's Rails API reads.</param>
    /// <param name="sort">The attribute to sort by, or <see langword="null"/> for LiveDesk's order.</param>
    /// <param name="direction">The direction of <paramref name="sort"/>.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The contacts; one request per 15.</returns>
    /// <exception cref="ArgumentException"><paramref name="labels"/> is empty or holds a blank label (an empty list would list every contact).</exception>
    /// <exception cref="LiveDeskApiException">LiveDesk refused a call.</exception>
    public IAsyncEnumerable<Contact> ListByLabelsAsync(IReadOnlyList<string> labels, ContactSort? sort = null, SortDirection? direction = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count == 0 || labels.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Give at least one label, and no blank ones: an unset label filter lists every contact.", nameof(labels));
        }

        // A copy: the pages are read later, and a list the caller changes meanwhile must not change the filter.
        return ListAsync(labels.ToArray(), sort, direction, cancellationToken);
    }

    // The generated ListContactsAllAsync pages (page=1, 2, ... until meta.count contacts have come, or an empty page).
    private IAsyncEnumerable<Contact> ListAsync(IReadOnlyList<string>? labels, ContactSort? sort, SortDirection? direction, CancellationToken cancellationToken) =>
        _client.ListContactsAllAsync(new ListContactsParameters { Labels = labels, Sort = sort, Direction = direction, IncludeContactInboxes = false }, cancellationToken);

    /// <summary>The <c>source_id</c> of a contact in this helper's inbox, to start a conversation by it, or <see langword="null"/>.</summary>
    /// <param name="contact">A contact as the create or search answer gives it (with its contact inboxes).</param>
    /// <returns>The source id, or <see langword="null"/> when the contact is not in the inbox.</returns>
    public string? SourceIdInInbox(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return contact.ContactInboxes?.FirstOrDefault(ci => ci.Inbox?.Id == _inboxId)?.SourceId;
    }

    private async Task<Contact?> FindAsync(string query, Func<Contact, bool> matches, CancellationToken cancellationToken)
    {
        // SearchContactsAllAsync pages through every match; a lookup reads MaxSearchPages pages at most.
        var read = 0;
        await foreach (var contact in _client.SearchContactsAllAsync(new SearchContactsParameters { Q = query }, cancellationToken).ConfigureAwait(false))
        {
            if (matches(contact))
            {
                return contact;
            }

            if (++read == MaxSearchPages * PageSize)
            {
                return null;
            }
        }

        return null;
    }
}

/// <summary>The outcome of <see cref="LiveDeskContacts.FindOrCreateAsync"/>.</summary>
/// <param name="Contact">The customer's contact.</param>
/// <param name="Created"><see langword="true"/> when the call created it, <see langword="false"/> when it existed.</param>
public sealed record LiveDeskContactMatch(Contact Contact, bool Created);
