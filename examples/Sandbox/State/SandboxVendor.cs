namespace Sandbox;

/// <summary>The areas of the sandbox, each with its own URL prefix, credentials and error shape.</summary>
public enum SandboxVendor
{
    /// <summary>Thulium chat API under <c>/api</c>.</summary>
    Thulium,

    /// <summary>Google CCAI Platform apps API under <c>/apps/api/v1</c>.</summary>
    Ccai,

    /// <summary>EngageLab LiveDesk API under <c>/api/v2/accounts</c>.</summary>
    LiveDesk,

    /// <summary>The fake S3-style object storage under <c>/sandbox-storage</c> (presigned uploads).</summary>
    Storage,
}
