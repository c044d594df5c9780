using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ContactCenter.Conversations;
using ContactCenter.LiveDesk;
using Sandbox;
using Xunit;

namespace EndpointGen.Tests.EndToEnd;

/// <summary><see cref="LiveDeskContacts"/> against the sandbox: find or create the customer's contact, and walk the contact list.</summary>
public sealed class LiveDeskContactsTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task FindOrCreate_creates_the_contact_once_and_finds_it_afterwards()
    {
        var contacts = new LiveDeskContacts(fixture.LiveDesk(), inboxId: 407);
        var customer = new ConversationRequest { FirstName = "Ewa", LastName = " ", Email = "ewa.lis@example.org", Phone = "+48500100200", CustomerReference = "crm-77" };

        var first = await contacts.FindOrCreateAsync(customer);
        var second = await contacts.FindOrCreateAsync(customer with { Email = "EWA.LIS@example.org" });

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Contact.Id, second.Contact.Id);
        var stored = Assert.Single(fixture.Server.State.GetLiveDeskContacts(), c => c.Email == "ewa.lis@example.org");
        Assert.Equal(("Ewa", "+48500100200", "crm-77", 407L), (stored.Name, stored.PhoneNumber, stored.Identifier, stored.InboxId));
        Assert.Equal(stored.SourceId, contacts.SourceIdInInbox(second.Contact));
        Assert.Equal(first.Contact.Id, (await contacts.FindByEmailAsync("ewa.lis@example.org"))!.Id);
    }

    [Fact]
    public async Task FindOrCreate_keeps_only_exact_matches_of_what_it_searched_by()
    {
        var contacts = new LiveDeskContacts(fixture.LiveDesk(), inboxId: 407);
        await contacts.FindOrCreateAsync(new ConversationRequest { Email = "piotr.wrobel@example.org" });

        // "wrobel@example.org" is part of the first address: search finds it, the lookup must not take it.
        var other = await contacts.FindOrCreateAsync(new ConversationRequest { Email = "wrobel@example.org" });
        var byReference = await contacts.FindOrCreateAsync(new ConversationRequest { CustomerReference = "crm-piotr" });
        var again = await contacts.FindOrCreateAsync(new ConversationRequest { CustomerReference = "crm-piotr" });

        Assert.True(other.Created);
        Assert.Equal("wrobel@example.org", other.Contact.Email);
        Assert.True(byReference.Created);
        Assert.Equal((false, byReference.Contact.Id), (again.Created, again.Contact.Id));
        await Assert.ThrowsAsync<ArgumentException>(() => contacts.FindOrCreateAsync(new ConversationRequest { FirstName = "Nobody" }));
    }

    [Fact]
    public async Task ListAll_walks_every_page_in_the_order_asked_for()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var client = new LiveDeskClient(fixture.Http, new LiveDeskClientOptions { BaseAddress = sandbox.LiveDeskBaseUrl, Username = sandbox.Options.LiveDeskApiKey, Password = sandbox.Options.LiveDeskApiSecret });
        var contacts = new LiveDeskContacts(client, inboxId: 407);
        for (var i = 1; i <= 31; i++)
        {
            await client.CreateContactAsync(new CreateContactRequest { InboxId = 407, Name = $"Contact {i:D2}" });
        }

        var ascending = await contacts.ListAllAsync().ToListAsync();
        var byNameDescending = await contacts.ListAllAsync(ContactSort.Name, SortDirection.Desc).ToListAsync();

        Assert.Equal(Enumerable.Range(1, 31).Select(i => $"Contact {i:D2}"), ascending.Select(c => c.Name));
        Assert.Equal(Enumerable.Range(1, 31).Reverse().Select(i => $"Contact {i:D2}"), byNameDescending.Select(c => c.Name));
        Assert.All(ascending, c => Assert.Null(c.ContactInboxes));
        Assert.Equal(2 * 3 + 31, sandbox.State.GetRequestCount(SandboxVendor.LiveDesk));
    }

    [Fact]
    public async Task ListByLabels_sends_labels_brackets_and_walks_the_pages_of_contacts_with_any_of_them()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var wire = new WireRecorder();
        using var http = wire.CreateClient();
        var client = new LiveDeskClient(http, new LiveDeskClientOptions { BaseAddress = sandbox.LiveDeskBaseUrl, Username = sandbox.Options.LiveDeskApiKey, Password = sandbox.Options.LiveDeskApiSecret });
        var contacts = new LiveDeskContacts(client, inboxId: 407);
        for (var i = 1; i <= 30; i++)
        {
            var id = (await client.CreateContactAsync(new CreateContactRequest { InboxId = 407, Name = $"Contact {i:D2}" })).Payload!.Contact!.Id!.Value;
            Assert.True(sandbox.State.SetLiveDeskContactLabels(id, i % 3 == 0 ? ["vip"] : i % 3 == 1 ? ["returning", "newsletter"] : ["newsletter"]));
        }

        var labelled = await contacts.ListByLabelsAsync(["vip", "returning"], ContactSort.Name, SortDirection.Asc).ToListAsync();

        Assert.Equal(Enumerable.Range(1, 30).Where(i => i % 3 != 2).Select(i => $"Contact {i:D2}"), labelled.Select(c => c.Name));
        var reads = wire.Requests.Where(r => r.Method == "GET").Select(r => r.Query).ToArray();
        Assert.Equal(
            ["page=1&labels[]=vip&labels[]=returning&sort=name&direction=asc&include_contact_inboxes=false", "page=2&labels[]=vip&labels[]=returning&sort=name&direction=asc&include_contact_inboxes=false"],
            reads);
        Assert.Throws<ArgumentException>(() => contacts.ListByLabelsAsync([]));
        Assert.Throws<ArgumentException>(() => contacts.ListByLabelsAsync(["vip", " "]));
    }

    [Fact]
    public async Task The_generated_ListContactsAllAsync_pages_through_the_sandboxs_sample_contacts_and_stops_at_meta_count()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { LiveDeskSampleContacts = SandboxOptions.DemoLiveDeskSampleContacts });
        var wire = new WireRecorder();
        using var http = wire.CreateClient();
        var client = new LiveDeskClient(http, new LiveDeskClientOptions { BaseAddress = sandbox.LiveDeskBaseUrl, Username = sandbox.Options.LiveDeskApiKey, Password = sandbox.Options.LiveDeskApiSecret });

        var pages = new List<(int? Page, int Items, int? Count, string? Status)>();
        var names = new List<string?>();
        await foreach (var page in client.ListContactsAllAsync(new ListContactsParameters { Sort = ContactSort.Email }).AsPages())
        {
            pages.Add((page.PageNumber, page.Items.Count, page.Body.Meta?.Count, page.GetHeader("Content-Type")));
            names.AddRange(page.Items.Select(c => c.Name));
        }

        Assert.Equal([(1, 15, 34, "application/json; charset=utf-8"), (2, 15, 34, "application/json; charset=utf-8"), (3, 4, 34, "application/json; charset=utf-8")], pages);
        Assert.Equal(Enumerable.Range(1, 34).Select(i => $"Sample Contact {i:D2}"), names);
        Assert.Equal(["page=1&sort=email", "page=2&sort=email", "page=3&sort=email"], wire.Requests.Select(r => r.Query));

        // The search pages the same way; the items alone, as await foreach gives them.
        var found = await client.SearchContactsAllAsync(new SearchContactsParameters { Q = "sample0" }).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 9).Select(i => $"sample{i:D2}@example.com"), found.Select(c => c.Email));
        Assert.Equal("q=sample0&page=1", wire.Requests[^1].Query);
    }
}
