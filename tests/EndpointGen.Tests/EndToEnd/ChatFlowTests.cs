using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ChatDemo;
using Xunit;

namespace EndpointGen.Tests.EndToEnd;

/// <summary>The demo's <see cref="ChatFlow"/> in-process against a sandbox: every operation succeeds, and a failure is one clean line.</summary>
public sealed class ChatFlowTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    /// <summary>The 26 endpoints of the three specs, CCAI's UploadToStorage among them (called twice: the photo and the video), LiveDesk's ListContacts once per page.</summary>
    private static readonly (string Vendor, string Operation)[] Operations =
    [
        ("Thulium", "StartChatConversation"), ("Thulium", "StopChatConversation"),
        ("Ccai", "CreateChat"), ("Ccai", "GetChat"), ("Ccai", "UpdateChat"), ("Ccai", "SendMessage"),
        ("Ccai", "CreateEscalation"), ("Ccai", "UpdateEscalation"),
        ("Ccai", "CreatePhotoUpload"), ("Ccai", "AddPhotos"), ("Ccai", "ListPhotos"),
        ("Ccai", "CreateVideoUpload"), ("Ccai", "AddVideo"), ("Ccai", "ListVideos"), ("Ccai", "UploadToStorage"),
        ("Ccai", "GetCustomerFlags"), ("Ccai", "UpdateCustomerFlags"), ("Ccai", "SendCustomData"), ("Ccai", "UpdateEndUser"),
        ("LiveDesk", "SearchContacts"), ("LiveDesk", "CreateContact"), ("LiveDesk", "ListContacts"),
        ("LiveDesk", "CreateConversation"), ("LiveDesk", "SendMessage"), ("LiveDesk", "SendMessageWithAttachments"), ("LiveDesk", "ListMessages"),
    ];

    private DemoSettings Settings => DemoSettings.FromEnvironment(_ => null).ForSandbox(fixture.Server);

    [Fact]
    public async Task The_flow_calls_every_endpoint_and_both_uploads_with_a_2xx_line_each()
    {
        // A sandbox of its own, as the demo starts it (34 sample contacts): a LiveDesk contact the class's other runs
        // created would be found, not created.
        await using var sandbox = await Sandbox.SandboxServer.StartAsync(DemoSettings.CreateSandboxOptions());
        var settings = DemoSettings.FromEnvironment(_ => null).ForSandbox(sandbox);

        var (succeeded, lines) = await RunAsync(settings);

        Assert.True(succeeded, string.Join(Environment.NewLine, lines));
        foreach (var (vendor, operation) in Operations)
        {
            Assert.Contains(lines, line => Regex.IsMatch(line, $@"^{vendor} +{operation} +2\d\d [A-Za-z ]+ +\d+ ms  \S"));
        }

        Assert.Equal(2, lines.Count(line => Regex.IsMatch(line, @"^Ccai +UploadToStorage +201 Created +\d+ ms  ")));
        Assert.Equal(2, lines.Count(line => Regex.IsMatch(line, @"^Ccai +SendCustomData +200 OK ")));
        Assert.Matches(@"^Ccai +UpdateEndUser +202 Accepted ", lines.Single(line => line.StartsWith("Ccai     UpdateEndUser", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, line => line.StartsWith("FAILED", StringComparison.Ordinal));
        Assert.Equal(2, lines.Count(line => Regex.IsMatch(line, @"^LiveDesk +SendMessage +200 OK ")));
        // ListContactsAllAsync pages through the 35 contacts, sorted by name, one line per page, and stops at meta.count.
        var listed = lines.Where(line => line.StartsWith("LiveDesk ListContacts", StringComparison.Ordinal)).ToArray();
        Assert.Equal(4, listed.Length);
        Assert.Matches(@"^LiveDesk +ListContacts +200 OK +\d+ ms  page 1 shows 15 of 35 contacts: Jan Kowalski to Sample Contact 14$", listed[0]);
        Assert.Matches(@"^LiveDesk +ListContacts +200 OK +\d+ ms  page 2 shows 15 of 35 contacts: Sample Contact 15 to Sample Contact 29$", listed[1]);
        Assert.Matches(@"^LiveDesk +ListContacts +200 OK +\d+ ms  page 3 shows 5 of 35 contacts: Sample Contact 30 to Sample Contact 34$", listed[2]);
        Assert.Matches(@"^LiveDesk +ListContacts +200 OK +\d+ ms  0 contacts labelled vip or returning$", listed[3]);
        Assert.Matches(@"^LiveDesk SendMessageWithAttachments 200 OK +\d+ ms  message \d+ with receipt\.jpg \(image, 160 bytes\)$", lines[^4]);
        // ListMessagesAllAsync: the 3 messages, then the empty page before the oldest, which ends the pages.
        Assert.Matches(@"^LiveDesk +ListMessages +200 OK +\d+ ms  3 messages \(1 private note, 1 with files\)$", lines[^3]);
        Assert.Matches(@"^LiveDesk +ListMessages +200 OK +\d+ ms  0 messages$", lines[^2]);
        Assert.Matches(@"^Done: 33 calls to Thulium, Ccai, LiveDesk succeeded in \d+ ms\.$", lines[^1]);
        Assert.Equal(34, lines.Length);
        AssertNoSecret(lines, settings);

        // What the flow did is what the sandbox holds.
        var chat = sandbox.State.GetCcaiChats()[^1];
        Assert.True(chat.IsFinished);
        Assert.Equal((1, 1, 1), (chat.Messages.Count, chat.Photos.Count, chat.Videos.Count));
        Assert.Equal("deflected", Assert.Single(chat.Escalations).Status);
        Assert.True(chat.CustomData["reserved_verified_customer"].Signed);
        Assert.Equal(new Sandbox.CcaiCustomerFlags(true, false, true), chat.Flags);
        Assert.All(sandbox.State.GetThuliumConversations(), c => Assert.True(c.IsStopped));
        Assert.Equal(35, sandbox.State.GetLiveDeskContacts().Count);
        var contact = Assert.Single(sandbox.State.GetLiveDeskContacts(), c => c.Email == "jan.kowalski@example.org");
        Assert.Equal(("Jan Kowalski", "jan.kowalski@example.org", "+48123456789", "1234", 407L), (contact.Name, contact.Email, contact.PhoneNumber, contact.Identifier, contact.InboxId));
        var conversation = Assert.Single(sandbox.State.GetLiveDeskConversations());
        Assert.Equal(contact.Id, conversation.ContactId);
        var messages = sandbox.State.GetLiveDeskMessages(conversation.Id);
        Assert.Equal([false, true, false], messages.Select(m => m.Private));
        Assert.Equal([0, 0, 1], messages.Select(m => m.Attachments.Count));
        var receipt = messages[2].Attachments[0];
        Assert.Equal(("Here is your receipt.", "receipt.jpg", "image/jpeg", 160L), (messages[2].Content, receipt.FileName, receipt.ContentType, receipt.Size));
        Assert.Equal([0xFF, 0xD8], receipt.Content[..2].ToArray());
        Assert.Equal([0xFF, 0xD9], receipt.Content[^2..].ToArray());
    }

    [Fact]
    public async Task A_second_run_finds_the_contact_the_first_created()
    {
        await using var sandbox = await Sandbox.SandboxServer.StartAsync();
        var settings = DemoSettings.FromEnvironment(_ => null).ForSandbox(sandbox) with { Thulium = null, Ccai = null };

        var (firstSucceeded, _) = await RunAsync(settings);
        var (succeeded, lines) = await RunAsync(settings);

        Assert.True(firstSucceeded && succeeded, string.Join(Environment.NewLine, lines));
        var contact = Assert.Single(sandbox.State.GetLiveDeskContacts());
        Assert.Matches(@"^LiveDesk +SearchContacts +200 OK +\d+ ms  1 contact matching jan\.kowalski@example\.org$", lines[0]);
        Assert.Equal($"LiveDesk CreateContact              skipped: jan.kowalski@example.org is contact {contact.Id} already", lines[1]);
        Assert.Matches($@"^LiveDesk +CreateConversation +200 OK +\d+ ms  conversation 2 for contact {contact.Id} ", lines[4]);
        Assert.Matches(@"^Done: 9 calls to LiveDesk succeeded in \d+ ms\.$", lines[^1]);
    }

    [Fact]
    public async Task A_wrong_password_stops_the_flow_with_one_line_and_no_secret()
    {
        var settings = Settings with { Thulium = Settings.Thulium! with { Password = "wrong-password-42" } };

        var (succeeded, lines) = await RunAsync(settings);

        Assert.False(succeeded);
        Assert.Equal("FAILED Thulium StartChatConversation: 401 Unauthorized: invalid credentials", Assert.Single(lines));
        AssertNoSecret(lines, settings);
        AssertNoSecret(lines, Settings);
    }

    [Fact]
    public async Task A_failure_midway_keeps_the_lines_before_it_and_names_the_vendor_and_operation()
    {
        var settings = Settings with { Ccai = Settings.Ccai! with { Password = "wrong-ccai-password" } };

        var (succeeded, lines) = await RunAsync(settings);

        Assert.False(succeeded);
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^Thulium +StopChatConversation +200 OK ", lines[1]);
        Assert.Equal("FAILED Ccai CreateChat: 401 Unauthorized: Unauthorized", lines[2]);
        AssertNoSecret(lines, settings);
    }

    [Fact]
    public async Task Only_the_configured_vendors_run()
    {
        var settings = Settings with { Thulium = null, Ccai = null };

        var (succeeded, lines) = await RunAsync(settings);

        Assert.True(succeeded);
        Assert.All(lines[..^1], line => Assert.StartsWith("LiveDesk ", line, StringComparison.Ordinal));
        Assert.Matches(@"^LiveDesk +SearchContacts +200 OK ", lines[0]);
        Assert.Matches(@"^Done: (9|10) calls to LiveDesk succeeded in \d+ ms\.$", lines[^1]);
    }

    [Fact]
    public async Task Without_a_signing_secret_the_signed_step_is_skipped_and_said_so()
    {
        var settings = Settings with { Thulium = null, LiveDesk = null, CcaiSigningSecret = null };

        var (succeeded, lines) = await RunAsync(settings);

        Assert.True(succeeded);
        Assert.Contains("Ccai     SendCustomData             skipped: set CCAI_SIGNING_SECRET to send signed custom data", lines);
        Assert.Single(lines, line => Regex.IsMatch(line, @"^Ccai +SendCustomData +200 OK "));
    }

    private static async Task<(bool Succeeded, string[] Lines)> RunAsync(DemoSettings settings)
    {
        using var output = new StringWriter();
        using var flow = new ChatFlow(settings, output);
        var succeeded = await flow.RunAsync();
        return (succeeded, output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    private static void AssertNoSecret(string[] lines, DemoSettings settings)
    {
        var text = string.Join("\n", lines);
        Assert.NotEmpty(settings.Secrets);
        Assert.All(settings.Secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }
}
