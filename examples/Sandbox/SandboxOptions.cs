using System;
using Microsoft.Extensions.Logging;

namespace Sandbox;

/// <summary>
/// Settings of a <see cref="SandboxServer"/>: the port it binds and the credentials each emulated
/// vendor accepts. The defaults match the credentials used in the vendors' own examples, so a
/// client configured from the documentation works against the sandbox unchanged.
/// </summary>
public sealed class SandboxOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 (the default) lets the OS pick a free port.</summary>
    public int Port { get; set; }

    /// <summary>Thulium API user (HTTP Basic user name). Default <c>api_user</c>.</summary>
    public string ThuliumUser { get; set; } = "api_user";

    /// <summary>Thulium API password (HTTP Basic password). Default <c>api_pass</c>.</summary>
    public string ThuliumPassword { get; set; } = "api_pass";

    /// <summary>CCAI Platform API user (HTTP Basic user name). Default <c>ccai_user</c>.</summary>
    public string CcaiUser { get; set; } = "ccai_user";

    /// <summary>CCAI Platform API password (HTTP Basic password). Default <c>ccai_pass</c>.</summary>
    public string CcaiPassword { get; set; } = "ccai_pass";

    /// <summary>
    /// CCAI "company secret": the HS256 key that signed custom data (<c>signed_data</c> JWTs) must be
    /// signed with. Default <c>company-secret</c>.
    /// </summary>
    public string CcaiSigningSecret { get; set; } = "company-secret";

    /// <summary>LiveDesk API key (HTTP Basic user name). Default <c>livedesk_key</c>.</summary>
    public string LiveDeskApiKey { get; set; } = "livedesk_key";

    /// <summary>LiveDesk API secret (HTTP Basic password). Default <c>livedesk_secret</c>.</summary>
    public string LiveDeskApiSecret { get; set; } = "livedesk_secret";

    /// <summary>
    /// Secret the sandbox's fake object storage signs presigned upload policies with. Clients never
    /// need it: they only echo the issued fields back.
    /// </summary>
    public string StorageSigningSecret { get; set; } = "sandbox-storage-secret";

    /// <summary>How long a presigned upload policy stays valid. Default 15 minutes.</summary>
    public TimeSpan UploadPolicyLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Clock for every timestamp the sandbox produces or checks (chat times, JWT expiry, upload
    /// policy expiry). Tests can pass a fake provider to make expiry deterministic.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Minimum console log level. Warning by default so that in-process use (tests, the demo) keeps
    /// the console quiet apart from real problems.
    /// </summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Warning;

    /// <summary>
    /// How many sample LiveDesk contacts (<c>Sample Contact 01</c>, ... in inbox 407, <c>sample01@example.com</c>, ...) the
    /// sandbox holds when it starts, so that the contact list has several pages of 15. Default 0: an empty account, as
    /// tests expect; the standalone sandbox and the demo start with <see cref="DemoLiveDeskSampleContacts"/>.
    /// </summary>
    public int LiveDeskSampleContacts { get; set; }

    /// <summary>The sample contacts of the standalone sandbox and the demo: 34, so that with the demo's own contact the list has three pages (15, 15, 5).</summary>
    public const int DemoLiveDeskSampleContacts = 34;

    /// <summary>Throws if a setting cannot work (port range, empty or colon-bearing credentials).</summary>
    internal void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "Port must be between 0 and 65535.");
        }

        // HTTP Basic splits "user:password" at the first colon, so a colon in a user name could
        // never be presented correctly by any client.
        RequireUser(ThuliumUser, nameof(ThuliumUser));
        RequireUser(CcaiUser, nameof(CcaiUser));
        RequireUser(LiveDeskApiKey, nameof(LiveDeskApiKey));
        RequireSecret(ThuliumPassword, nameof(ThuliumPassword));
        RequireSecret(CcaiPassword, nameof(CcaiPassword));
        RequireSecret(LiveDeskApiSecret, nameof(LiveDeskApiSecret));
        RequireSecret(CcaiSigningSecret, nameof(CcaiSigningSecret));
        RequireSecret(StorageSigningSecret, nameof(StorageSigningSecret));
        if (LiveDeskSampleContacts is < 0 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(LiveDeskSampleContacts), LiveDeskSampleContacts, "Between 0 and 10,000 sample contacts.");
        }

        if (UploadPolicyLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(UploadPolicyLifetime), UploadPolicyLifetime, "The upload policy lifetime must be positive.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }

    private static void RequireUser(string value, string name)
    {
        RequireSecret(value, name);
        if (value.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{name} must not contain ':' (HTTP Basic separates user and password with it).", name);
        }
    }

    private static void RequireSecret(string value, string name)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"{name} must not be empty.", name);
        }
    }
}
