using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Conversations;
using ContactCenter.LiveDesk;
using ContactCenter.LiveDesk.Testing;
using EndpointGen.Testing;
using Xunit;

namespace ContactCenter.Tests;

/// <summary><see cref="LiveDeskContacts"/> over the real generated client, whose handler is the generated <see cref="LiveDeskFake"/>.</summary>
public sealed class LiveDeskContactsTests : IDisposable
{
    private readonly LiveDeskFake _fake = new();
    private readonly HttpClient _http;
    private readonly LiveDeskContacts _contacts;

    public LiveDeskContactsTests()
    {
        _http = new HttpClient(_fake);
        _contacts = new LiveDeskContacts(new LiveDeskClient(_http, new LiveDeskClientOptions { Username = "key", Password = "secret" }), inboxId: 407);
    }

    public void Dispose()
    {
        // A request the code under test made and swallowed the failure of still fails the test.
        _fake.VerifyNoViolations();
        _http.Dispose();
    }

    [Fact]
    public async Task A_customer_no_search_finds_is_created_in_the_inbox()
    {
        // One page holds every match (meta.count), so the search reads no second page.
        _fake.SearchContacts.Returns(new ContactList { Meta = new ContactListMeta { Count = 1 }, Payload = [new Contact { Id = 1, Email = "jan.kowalski@example.org.uk" }] });
        _fake.CreateContact.Returns(new CreateContactResult { Payload = new CreateContactPayload { Contact = new Contact { Id = 42, Email = "jan.kowalski@example.org" } } });

        var match = await _contacts.FindOrCreateAsync(new ConversationRequest { FirstName = "Jan", LastName = "Kowalski", Email = "jan.kowalski@example.org" });

        Assert.True(match.Created);
        Assert.Equal(42, match.Contact.Id);
        var search = _fake.SearchContacts.SingleCall;
        Assert.Equal("jan.kowalski@example.org", search.Parameters.Q);
        Assert.Equal(1, search.Parameters.Page);
        var created = _fake.CreateContact.SingleCall.Body;
        Assert.Equal(407, created.InboxId);
        Assert.Equal("Jan Kowalski", created.Name);
        Assert.Equal("jan.kowalski@example.org", created.Email);
        Assert.Null(created.PhoneNumber);
        Assert.StartsWith("Basic ", _fake.CreateContact.SingleCall.Request.GetHeader("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_contact_is_found_by_its_exact_e_mail_and_nothing_is_created()
    {
        _fake.SearchContacts.Returns(new ContactList { Payload = [new Contact { Id = 9, Email = "JAN.KOWALSKI@example.org" }] });

        var match = await _contacts.FindOrCreateAsync(new ConversationRequest { Email = "jan.kowalski@example.org" });

        Assert.False(match.Created);
        Assert.Equal(9, match.Contact.Id);
        Assert.Empty(_fake.CreateContact.Calls);
    }

    [Fact]
    public async Task Listing_reads_page_after_page_until_a_short_page()
    {
        var full = Enumerable.Range(1, LiveDeskContacts.PageSize).Select(i => new Contact { Id = i }).ToArray();
        _fake.ListContacts.Returns(new ContactList { Meta = new ContactListMeta { Count = 18 }, Payload = full });
        _fake.ListContacts.Returns(new ContactList { Meta = new ContactListMeta { Count = 18 }, Payload = [new Contact { Id = 16 }, new Contact { Id = 17 }, new Contact { Id = 18 }] });

        var all = await _contacts.ListByLabelsAsync(["vip", "returning"], ContactSort.Name, SortDirection.Asc).ToListAsync();

        Assert.Equal(18, all.Count);
        Assert.Equal(new int?[] { 1, 2 }, _fake.ListContacts.Calls.Select(c => c.Parameters.Page));
        var first = _fake.ListContacts.Calls[0];
        Assert.Equal(new[] { "vip", "returning" }, first.Parameters.Labels);
        Assert.Equal(ContactSort.Name, first.Parameters.Sort);
        Assert.False(first.Parameters.IncludeContactInboxes);

        // The request as sent: labels in LiveDesk's brackets style.
        Assert.Contains("labels[]=vip&labels[]=returning", first.Request.Uri.Query, StringComparison.Ordinal);
        Assert.Empty(_fake.SearchContacts.Calls);
    }

    [Fact]
    public async Task A_refusal_set_up_on_the_fake_reaches_the_caller_as_the_vendors_typed_exception()
    {
        _fake.SearchContacts.ReturnsError(HttpStatusCode.Unauthorized, new LiveDeskError { Error = "Invalid Access Token" });

        var ex = await Assert.ThrowsAsync<LiveDeskApiException>(() => _contacts.FindByEmailAsync("jan@example.org"));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal("Invalid Access Token", ex.Detail);
        Assert.Equal("Invalid Access Token", ex.Error?.Error);
    }

    [Fact]
    public async Task Without_an_answer_set_up_a_search_gets_the_empty_page_the_descriptors_examples_make()
    {
        // ContactList's fields are all optional, so its examples make a default answer: an empty page.
        Assert.True(_fake.SearchContacts.HasDefaultAnswer);
        Assert.Null(await _contacts.FindByEmailAsync("nobody@example.org"));
    }

    [Fact]
    public async Task A_slow_answer_is_cancelled_by_the_callers_token()
    {
        _fake.SearchContacts.Delays(Timeout.InfiniteTimeSpan);
        using var cancellation = new CancellationTokenSource();
        var call = _contacts.FindByEmailAsync("jan@example.org", cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(_fake.SearchContacts.Calls);
    }
}
