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
    /// <summary>The 19 endpoints of the three specs, and the two storage uploads.</summary>
    private static readonly (string Vendor, string Operation)[] Operations =
    [
        ("Thulium", "StartChatConversation"), ("Thulium", "StopChatConversation"),
        ("Ccai", "CreateChat"), ("Ccai", "GetChat"), ("Ccai", "UpdateChat"), ("Ccai", "SendMessage"),
        ("Ccai", "CreateEscalation"), ("Ccai", "UpdateEscalation"),
        ("Ccai", "CreatePhotoUpload"), ("Ccai", "AddPhotos"), ("Ccai", "ListPhotos"),
        ("Ccai", "CreateVideoUpload"), ("Ccai", "AddVideo"), ("Ccai", "ListVideos"),
        ("Ccai", "GetCustomerFlags"), ("Ccai", "UpdateCustomerFlags"), ("Ccai", "SendCustomData"), ("Ccai", "UpdateEndUser"),
        ("LiveDesk", "CreateConversation"),
    ];

    private DemoSettings Settings => DemoSettings.FromEnvironment(_ => null).ForSandbox(fixture.Server);

    [Fact]
    public async Task The_flow_calls_every_endpoint_and_both_uploads_with_a_2xx_line_each()
    {
        var (succeeded, lines) = await RunAsync(Settings);

        Assert.True(succeeded, string.Join(Environment.NewLine, lines));
        foreach (var (vendor, operation) in Operations)
        {
            Assert.Contains(lines, line => Regex.IsMatch(line, $@"^{vendor} +{operation} +2\d\d [A-Za-z ]+ +\d+ ms  \S"));
        }

        Assert.Equal(2, lines.Count(line => Regex.IsMatch(line, @"^Ccai +StorageUpload +201 Created +\d+ ms  ")));
        Assert.Equal(2, lines.Count(line => Regex.IsMatch(line, @"^Ccai +SendCustomData +200 OK ")));
        Assert.Matches(@"^Ccai +UpdateEndUser +202 Accepted ", lines.Single(line => line.StartsWith("Ccai     UpdateEndUser", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, line => line.StartsWith("FAILED", StringComparison.Ordinal));
        Assert.Matches(@"^Done: 22 calls to Thulium, Ccai, LiveDesk succeeded in \d+ ms\.$", lines[^1]);
        Assert.Equal(23, lines.Length);
        AssertNoSecret(lines, Settings);

        // What the flow did is what the sandbox holds.
        var chat = fixture.Server.State.GetCcaiChats()[^1];
        Assert.True(chat.IsFinished);
        Assert.Equal((1, 1, 1), (chat.Messages.Count, chat.Photos.Count, chat.Videos.Count));
        Assert.Equal("deflected", Assert.Single(chat.Escalations).Status);
        Assert.True(chat.CustomData["reserved_verified_customer"].Signed);
        Assert.Equal(new Sandbox.CcaiCustomerFlags(true, false, true), chat.Flags);
        Assert.All(fixture.Server.State.GetThuliumConversations(), c => Assert.True(c.IsStopped));
        Assert.Equal(2219256, fixture.Server.State.GetLiveDeskConversations()[^1].ContactId);
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
        Assert.Matches(@"^LiveDesk +CreateConversation +200 OK +\d+ ms  conversation \d+", lines[0]);
        Assert.Matches(@"^Done: 1 calls to LiveDesk succeeded in \d+ ms\.$", lines[1]);
    }

    [Fact]
    public async Task Without_a_signing_secret_the_signed_step_is_skipped_and_said_so()
    {
        var settings = Settings with { Thulium = null, LiveDesk = null, CcaiSigningSecret = null };

        var (succeeded, lines) = await RunAsync(settings);

        Assert.True(succeeded);
        Assert.Contains("Ccai     SendCustomData        skipped: set CCAI_SIGNING_SECRET to send signed custom data", lines);
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
