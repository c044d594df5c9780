using System;
using System.Collections.Generic;
using ChatDemo;
using Xunit;

namespace EndpointGen.Tests.EndToEnd;

/// <summary>How the demo reads its environment: sandbox by default, real tenants per URL, problems reported all at once.</summary>
public sealed class DemoSettingsTests
{
    [Fact]
    public void Without_any_url_the_demo_uses_the_sandbox_and_the_documented_ids()
    {
        var settings = Read(new() { ["THULIUM_URL"] = "", ["CCAI_URL"] = "  " });

        Assert.True(settings.UseSandbox);
        Assert.Null(settings.Thulium);
        Assert.Equal((3, 17L, 407L), (settings.ThuliumChatQueueId, settings.CcaiMenuId, settings.LiveDeskInboxId));
    }

    [Fact]
    public void A_url_selects_exactly_that_vendor_with_its_credentials_and_ids()
    {
        var settings = Read(new()
        {
            ["CCAI_URL"] = "https://customer.uc1.ccaiplatform.com/apps/api/v1",
            ["CCAI_USER"] = "customer",
            ["CCAI_PASSWORD"] = "token-value",
            ["CCAI_SIGNING_SECRET"] = "signing-value",
            ["CCAI_MENU_ID"] = "42",
            ["THULIUM_USER"] = "ignored-without-url",
        });

        Assert.False(settings.UseSandbox);
        Assert.Null(settings.Thulium);
        Assert.Null(settings.LiveDesk);
        Assert.Equal(new VendorConnection(new Uri("https://customer.uc1.ccaiplatform.com/apps/api/v1"), "customer", "token-value"), settings.Ccai);
        Assert.Equal(("signing-value", 42L), (settings.CcaiSigningSecret, settings.CcaiMenuId));
        Assert.Equal(["token-value", "signing-value"], settings.Secrets);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_without_echoing_a_url()
    {
        var error = Assert.Throws<DemoConfigurationException>(() => Read(new()
        {
            ["THULIUM_URL"] = "https://api_user:api_pass@x.thulium.com/api",
            ["CCAI_URL"] = "http://customer.uc1.ccaiplatform.com/apps/api/v1",
            ["CCAI_USER"] = "customer",
            ["CCAI_PASSWORD"] = "token",
            ["LIVEDESK_URL"] = "livedesk.example.com",
            ["LIVEDESK_API_KEY"] = "key",
            ["LIVEDESK_API_SECRET"] = "secret",
            ["LIVEDESK_INBOX_ID"] = "-4",
        }));

        Assert.Equal(
            "THULIUM_URL must not carry credentials; set THULIUM_USER and THULIUM_PASSWORD; THULIUM_USER is not set (needed because THULIUM_URL is set); "
            + "THULIUM_PASSWORD is not set (needed because THULIUM_URL is set); CCAI_URL must use https (plain http is accepted for loopback only); "
            + "LIVEDESK_URL must be an absolute https URL; LIVEDESK_INBOX_ID must be a positive integer, got '-4'",
            error.Message);
        Assert.DoesNotContain("api_pass", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_http_is_accepted_for_a_sandbox_on_loopback()
    {
        var settings = Read(new() { ["LIVEDESK_URL"] = "http://127.0.0.1:5077", ["LIVEDESK_API_KEY"] = "livedesk_key", ["LIVEDESK_API_SECRET"] = "livedesk_secret" });

        Assert.Equal("http://127.0.0.1:5077/", settings.LiveDesk!.ToString());
    }

    [Fact]
    public void The_description_shows_where_but_never_a_secret()
    {
        var settings = Read(new()
        {
            ["THULIUM_URL"] = "https://acme.thulium.com/api?debug=in-url-secret#fragment",
            ["THULIUM_USER"] = "api_user",
            ["THULIUM_PASSWORD"] = "thulium-password",
            ["LIVEDESK_URL"] = "https://livedesk-api.engagelab.com",
            ["LIVEDESK_API_KEY"] = "key",
            ["LIVEDESK_API_SECRET"] = "livedesk-secret",
        });

        var text = settings.ToString();

        Assert.Equal("Thulium https://acme.thulium.com/api, chat queue 3; LiveDesk https://livedesk-api.engagelab.com/, inbox 407", text);
        Assert.DoesNotContain("secret", settings.Thulium!.ToString() + settings.LiveDesk!.ToString(), StringComparison.Ordinal);
    }

    private static DemoSettings Read(Dictionary<string, string> variables) =>
        DemoSettings.FromEnvironment(name => variables.TryGetValue(name, out var value) ? value : null);
}
