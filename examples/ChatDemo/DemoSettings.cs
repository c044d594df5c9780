using System;
using System.Collections.Generic;
using System.Globalization;
using Sandbox;

namespace ChatDemo;

/// <summary>
/// What the demo runs against, read from environment variables so the same program runs against the
/// embedded sandbox or real tenants. When none of <see cref="ThuliumUrlVariable"/>,
/// <see cref="CcaiUrlVariable"/> and <see cref="LiveDeskUrlVariable"/> is set, the demo starts the
/// sandbox and runs all three vendors; otherwise it runs exactly the vendors whose URL is set.
/// </summary>
/// <remarks><see cref="ToString"/> never shows a password or secret.</remarks>
public sealed record DemoSettings
{
    /// <summary>Thulium API root, e.g. <c>https://your-system-name.thulium.com/api</c>.</summary>
    public const string ThuliumUrlVariable = "THULIUM_URL";

    /// <summary>Thulium API user.</summary>
    public const string ThuliumUserVariable = "THULIUM_USER";

    /// <summary>Thulium API user's password.</summary>
    public const string ThuliumPasswordVariable = "THULIUM_PASSWORD";

    /// <summary>Thulium chat queue for new conversations (default <see cref="DefaultThuliumChatQueueId"/>).</summary>
    public const string ThuliumChatQueueIdVariable = "THULIUM_CHAT_QUEUE_ID";

    /// <summary>CCAI Platform apps API root, e.g. <c>https://{subdomain}.{domain}/apps/api/v1</c>.</summary>
    public const string CcaiUrlVariable = "CCAI_URL";

    /// <summary>CCAI API credential user name.</summary>
    public const string CcaiUserVariable = "CCAI_USER";

    /// <summary>CCAI API credential password (token).</summary>
    public const string CcaiPasswordVariable = "CCAI_PASSWORD";

    /// <summary>CCAI company secret for signed custom data; without it the signed step is skipped.</summary>
    public const string CcaiSigningSecretVariable = "CCAI_SIGNING_SECRET";

    /// <summary>CCAI menu (queue) for new chats (default <see cref="DefaultCcaiMenuId"/>).</summary>
    public const string CcaiMenuIdVariable = "CCAI_MENU_ID";

    /// <summary>LiveDesk host, e.g. <c>https://livedesk-api.engagelab.com</c> (paths begin <c>/api/v2/accounts</c>).</summary>
    public const string LiveDeskUrlVariable = "LIVEDESK_URL";

    /// <summary>LiveDesk API key.</summary>
    public const string LiveDeskApiKeyVariable = "LIVEDESK_API_KEY";

    /// <summary>LiveDesk API secret.</summary>
    public const string LiveDeskApiSecretVariable = "LIVEDESK_API_SECRET";

    /// <summary>LiveDesk inbox for the customer's contact and conversation (default <see cref="DefaultLiveDeskInboxId"/>).</summary>
    public const string LiveDeskInboxIdVariable = "LIVEDESK_INBOX_ID";

    /// <summary>The chat queue of Thulium's documentation example.</summary>
    public const int DefaultThuliumChatQueueId = 3;

    /// <summary>
    /// The menu id of the spec's examples (<c>spec/ccai-platform.endpoints.yaml</c>); CCAI's page gives none.
    /// Menu ids are per tenant: set <see cref="CcaiMenuIdVariable"/> to one of yours.
    /// </summary>
    public const long DefaultCcaiMenuId = 17;

    /// <summary>The inbox of LiveDesk's documentation example.</summary>
    public const long DefaultLiveDeskInboxId = 407;

    /// <summary>Whether no vendor URL was configured, so the demo runs against the embedded sandbox.</summary>
    public bool UseSandbox { get; init; }

    /// <summary>Where Thulium is, or <see langword="null"/> to skip it.</summary>
    public VendorConnection? Thulium { get; init; }

    /// <summary>Where CCAI Platform is, or <see langword="null"/> to skip it.</summary>
    public VendorConnection? Ccai { get; init; }

    /// <summary>The CCAI company secret that signs custom data, or <see langword="null"/> to skip the signed step.</summary>
    public string? CcaiSigningSecret { get; init; }

    /// <summary>Where LiveDesk is, or <see langword="null"/> to skip it.</summary>
    public VendorConnection? LiveDesk { get; init; }

    /// <summary>Thulium chat queue for new conversations.</summary>
    public int ThuliumChatQueueId { get; init; } = DefaultThuliumChatQueueId;

    /// <summary>CCAI menu (queue) for new chats.</summary>
    public long CcaiMenuId { get; init; } = DefaultCcaiMenuId;

    /// <summary>LiveDesk inbox for new conversations.</summary>
    public long LiveDeskInboxId { get; init; } = DefaultLiveDeskInboxId;

    /// <summary>The secrets of these settings, so output can be checked (and scrubbed) for them.</summary>
    public IReadOnlyList<string> Secrets
    {
        get
        {
            var secrets = new List<string>();
            foreach (var secret in new[] { Thulium?.Password, Ccai?.Password, LiveDesk?.Password, CcaiSigningSecret })
            {
                if (!string.IsNullOrEmpty(secret))
                {
                    secrets.Add(secret);
                }
            }

            return secrets;
        }
    }

    /// <summary>Reads the settings from environment variables; an empty value counts as unset.</summary>
    /// <param name="getVariable">Returns a variable's value, or <see langword="null"/> (<see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
    /// <returns>The settings.</returns>
    /// <exception cref="DemoConfigurationException">A variable is missing or malformed; the message lists every problem.</exception>
    public static DemoSettings FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var problems = new List<string>();
        string? Read(string name) => getVariable(name) is { } value && value.Trim().Length > 0 ? value.Trim() : null;

        var thulium = ReadConnection(Read, ThuliumUrlVariable, ThuliumUserVariable, ThuliumPasswordVariable, problems);
        var ccai = ReadConnection(Read, CcaiUrlVariable, CcaiUserVariable, CcaiPasswordVariable, problems);
        var liveDesk = ReadConnection(Read, LiveDeskUrlVariable, LiveDeskApiKeyVariable, LiveDeskApiSecretVariable, problems);
        var useSandbox = Read(ThuliumUrlVariable) is null && Read(CcaiUrlVariable) is null && Read(LiveDeskUrlVariable) is null;
        var settings = new DemoSettings
        {
            UseSandbox = useSandbox,
            Thulium = thulium,
            Ccai = ccai,
            LiveDesk = liveDesk,
            CcaiSigningSecret = Read(CcaiSigningSecretVariable),
            ThuliumChatQueueId = (int)ReadId(Read, ThuliumChatQueueIdVariable, DefaultThuliumChatQueueId, int.MaxValue, problems),
            CcaiMenuId = ReadId(Read, CcaiMenuIdVariable, DefaultCcaiMenuId, long.MaxValue, problems),
            LiveDeskInboxId = ReadId(Read, LiveDeskInboxIdVariable, DefaultLiveDeskInboxId, long.MaxValue, problems),
        };

        return problems.Count == 0 ? settings : throw new DemoConfigurationException(string.Join("; ", problems));
    }

    /// <summary>The options the demo starts its embedded sandbox with: its sample LiveDesk contacts make the contact list three pages long.</summary>
    /// <returns>New options.</returns>
    public static SandboxOptions CreateSandboxOptions() => new() { LiveDeskSampleContacts = SandboxOptions.DemoLiveDeskSampleContacts };

    /// <summary>These settings pointed at a running sandbox: all three vendors, with the sandbox's URLs and credentials.</summary>
    /// <param name="sandbox">The sandbox.</param>
    /// <returns>The settings; the configured ids are kept.</returns>
    public DemoSettings ForSandbox(SandboxServer sandbox)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        var options = sandbox.Options;
        return this with
        {
            UseSandbox = true,
            Thulium = new VendorConnection(sandbox.ThuliumBaseUrl, options.ThuliumUser, options.ThuliumPassword),
            Ccai = new VendorConnection(sandbox.CcaiBaseUrl, options.CcaiUser, options.CcaiPassword),
            CcaiSigningSecret = options.CcaiSigningSecret,
            LiveDesk = new VendorConnection(sandbox.LiveDeskBaseUrl, options.LiveDeskApiKey, options.LiveDeskApiSecret),
        };
    }

    /// <summary>Which vendors run and where, without credentials.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Thulium is not null)
        {
            parts.Add("Thulium " + Thulium + ", chat queue " + ThuliumChatQueueId.ToString(CultureInfo.InvariantCulture));
        }

        if (Ccai is not null)
        {
            parts.Add("Ccai " + Ccai + ", menu " + CcaiMenuId.ToString(CultureInfo.InvariantCulture) + (CcaiSigningSecret is null ? ", no signing secret" : ", signing secret set"));
        }

        if (LiveDesk is not null)
        {
            parts.Add("LiveDesk " + LiveDesk + ", inbox " + LiveDeskInboxId.ToString(CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? "no vendor" : string.Join("; ", parts);
    }

    private static VendorConnection? ReadConnection(Func<string, string?> read, string urlVariable, string userVariable, string secretVariable, List<string> problems)
    {
        if (read(urlVariable) is not { } url)
        {
            return null;
        }

        // The value is never echoed: a URL can carry credentials (https://user:password@host).
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseAddress) || (baseAddress.Scheme != Uri.UriSchemeHttps && baseAddress.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"{urlVariable} must be an absolute https URL");
            baseAddress = null;
        }
        else if (baseAddress.UserInfo.Length > 0)
        {
            problems.Add($"{urlVariable} must not carry credentials; set {userVariable} and {secretVariable}");
            baseAddress = null;
        }
        else if (baseAddress.Scheme == Uri.UriSchemeHttp && !(baseAddress.IsLoopback || string.Equals(baseAddress.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase)))
        {
            // The generated clients refuse it too: Basic credentials would cross the network in clear.
            problems.Add($"{urlVariable} must use https (plain http is accepted for loopback only)");
            baseAddress = null;
        }

        var user = read(userVariable);
        var secret = read(secretVariable);
        if (user is null)
        {
            problems.Add($"{userVariable} is not set (needed because {urlVariable} is set)");
        }

        if (secret is null)
        {
            problems.Add($"{secretVariable} is not set (needed because {urlVariable} is set)");
        }

        return baseAddress is null || user is null || secret is null ? null : new VendorConnection(baseAddress, user, secret);
    }

    private static long ReadId(Func<string, string?> read, string variable, long defaultValue, long max, List<string> problems)
    {
        if (read(variable) is not { } text)
        {
            return defaultValue;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 && id <= max)
        {
            return id;
        }

        problems.Add($"{variable} must be a positive integer, got '{text}'");
        return defaultValue;
    }
}

/// <summary>Where one vendor's API is and how to log in to it.</summary>
/// <param name="BaseAddress">The API root.</param>
/// <param name="Username">The HTTP Basic user name (LiveDesk: the API key).</param>
/// <param name="Password">The HTTP Basic password (LiveDesk: the API secret).</param>
/// <remarks><see cref="ToString"/> shows the address only, never user information, query or fragment.</remarks>
public sealed record VendorConnection(Uri BaseAddress, string Username, string Password)
{
    /// <summary>The base address without user information, query or fragment.</summary>
    /// <returns>The address.</returns>
    public override string ToString() => BaseAddress.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
}

/// <summary>The demo's environment variables are missing or malformed.</summary>
public sealed class DemoConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Every problem found, separated by "; ".</param>
    public DemoConfigurationException(string message)
        : base(message)
    {
    }
}
