using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace Sandbox;

/// <summary>LiveDesk contacts and messages. One lock keeps the uniqueness checks and the message lists consistent.</summary>
public sealed partial class SandboxState
{
    private readonly object _liveDeskLock = new();
    private readonly Dictionary<long, LiveDeskContactSnapshot> _liveDeskContacts = [];
    private readonly Dictionary<long, List<LiveDeskMessageSnapshot>> _liveDeskMessages = [];
    private readonly Dictionary<string, LiveDeskAttachmentSnapshot> _liveDeskAttachments = new(StringComparer.Ordinal);
    private long _lastLiveDeskMessageId = 3000;
    private long _lastLiveDeskAttachmentId = 50;

    /// <summary>All LiveDesk contacts created through <c>CreateContact</c>, ordered by id.</summary>
    public IReadOnlyList<LiveDeskContactSnapshot> GetLiveDeskContacts()
    {
        lock (_liveDeskLock)
        {
            return _liveDeskContacts.Values.OrderBy(c => c.Id).ToArray();
        }
    }

    /// <summary>One created LiveDesk contact, or null (conversations accept any contact id; only created contacts are stored).</summary>
    public LiveDeskContactSnapshot? GetLiveDeskContact(long id)
    {
        lock (_liveDeskLock)
        {
            return _liveDeskContacts.GetValueOrDefault(id);
        }
    }

    /// <summary>The messages of a LiveDesk conversation, oldest first (empty for an unknown conversation).</summary>
    public IReadOnlyList<LiveDeskMessageSnapshot> GetLiveDeskMessages(long conversationId)
    {
        lock (_liveDeskLock)
        {
            return _liveDeskMessages.TryGetValue(conversationId, out var messages) ? messages.ToArray() : [];
        }
    }

    /// <summary>Sets a contact's labels, as an agent does in LiveDesk (the API transcribed here cannot); returns false for an unknown contact.</summary>
    public bool SetLiveDeskContactLabels(long contactId, params string[] labels)
    {
        lock (_liveDeskLock)
        {
            if (!_liveDeskContacts.TryGetValue(contactId, out var contact))
            {
                return false;
            }

            _liveDeskContacts[contactId] = contact with { Labels = labels.ToArray() };
            return true;
        }
    }

    /// <summary>A stored attachment by the token of its <c>data_url</c>, or null.</summary>
    internal LiveDeskAttachmentSnapshot? FindLiveDeskAttachment(string token)
    {
        lock (_liveDeskLock)
        {
            return _liveDeskAttachments.GetValueOrDefault(token);
        }
    }

    internal long NextLiveDeskMessageId() => Interlocked.Increment(ref _lastLiveDeskMessageId);

    internal long NextLiveDeskAttachmentId() => Interlocked.Increment(ref _lastLiveDeskAttachmentId);

    /// <summary>
    /// Stores a new contact unless its e-mail (ignoring case), phone number or identifier is taken;
    /// returns the taken attribute's name (<c>Email</c>, <c>Phone number</c>, <c>Identifier</c>), or null
    /// when <paramref name="create"/> made and stored the contact.
    /// </summary>
    internal string? TryAddLiveDeskContact(string? email, string? phoneNumber, string? identifier, Func<long, LiveDeskContactSnapshot> create, out LiveDeskContactSnapshot? contact)
    {
        lock (_liveDeskLock)
        {
            contact = null;
            var taken =
                email is not null && _liveDeskContacts.Values.Any(c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase)) ? "Email" :
                phoneNumber is not null && _liveDeskContacts.Values.Any(c => c.PhoneNumber == phoneNumber) ? "Phone number" :
                identifier is not null && _liveDeskContacts.Values.Any(c => c.Identifier == identifier) ? "Identifier" :
                null;
            if (taken is not null)
            {
                return taken;
            }

            contact = create(Interlocked.Increment(ref _lastLiveDeskContactId));
            _liveDeskContacts.Add(contact.Id, contact);
            _liveDeskContactsBySource[contact.SourceId] = contact.Id;
            _liveDeskContactCreatedAt[contact.Id] = contact.CreatedAt;
            return null;
        }
    }

    /// <summary>Adds the sample contacts of <see cref="SandboxOptions.LiveDeskSampleContacts"/>: numbered names and e-mails, inbox 407, no labels.</summary>
    internal void AddLiveDeskSampleContacts(int count, DateTimeOffset createdAt)
    {
        for (var i = 1; i <= count; i++)
        {
            var number = i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
            var email = $"sample{number}@example.com";
            TryAddLiveDeskContact(email, null, null, id => new LiveDeskContactSnapshot(id, 407, Guid.NewGuid().ToString("D"), "Sample Contact " + number, email, null, null, null, [], createdAt), out _);
        }
    }

    internal void AddLiveDeskMessage(LiveDeskMessageSnapshot message)
    {
        lock (_liveDeskLock)
        {
            if (!_liveDeskMessages.TryGetValue(message.ConversationId, out var messages))
            {
                _liveDeskMessages[message.ConversationId] = messages = [];
            }

            messages.Add(message);
            foreach (var attachment in message.Attachments)
            {
                _liveDeskAttachments.Add(attachment.Token, attachment);
            }
        }
    }
}
