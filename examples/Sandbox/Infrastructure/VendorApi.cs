using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Sandbox;

/// <summary>
/// One emulated vendor: its URL prefix, its routes, its credentials and its error body shape.
/// <see cref="VendorGate"/> uses these so that auth failures, unknown paths, wrong methods and
/// crashes all come back in the shape the vendor's clients expect, not ASP.NET Core's defaults.
/// </summary>
internal abstract class VendorApi(SandboxContext context)
{
    protected SandboxContext Context { get; } = context;

    protected SandboxState State => Context.State;

    public abstract SandboxVendor Vendor { get; }

    /// <summary>Path prefix that belongs to this vendor (matched on whole segments).</summary>
    public abstract PathString Prefix { get; }

    public abstract void Map(IEndpointRouteBuilder routes);

    /// <summary>True when the request carries this vendor's credentials.</summary>
    public abstract bool IsAuthorized(HttpRequest request);

    /// <summary>Writes the vendor's error body with the given status and human-readable message.</summary>
    public abstract Task WriteErrorAsync(HttpContext context, int status, string message);

    public abstract Task WriteUnauthorizedAsync(HttpContext context);

    public abstract Task WriteNotFoundAsync(HttpContext context);

    public abstract Task WriteMethodNotAllowedAsync(HttpContext context);
}
