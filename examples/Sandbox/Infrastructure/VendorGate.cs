using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Sandbox;

/// <summary>
/// Middleware between routing and the endpoints. For a request under a vendor prefix it counts the
/// request, checks that vendor's credentials (before anything else, like the real services: an
/// unauthenticated caller learns nothing about which paths exist), turns "no route" into the
/// vendor's 404 and ASP.NET Core's bodiless 405 into the vendor's 405, and converts crashes into a
/// vendor-shaped 500 instead of an empty response.
/// </summary>
internal sealed class VendorGate(RequestDelegate next, IReadOnlyList<VendorApi> vendors, SandboxContext sandbox, ILogger<VendorGate> logger)
{
    // Longest prefix first: LiveDesk's /api/v2/accounts lies inside Thulium's /api.
    private readonly VendorApi[] _vendors = vendors.OrderByDescending(v => v.Prefix.Value!.Length).ToArray();

    public async Task InvokeAsync(HttpContext context)
    {
        var vendor = Array.Find(_vendors, v => context.Request.Path.StartsWithSegments(v.Prefix, StringComparison.OrdinalIgnoreCase));
        if (vendor is null)
        {
            await next(context);
            return;
        }

        sandbox.State.CountRequest(vendor.Vendor);
        try
        {
            if (!vendor.IsAuthorized(context.Request))
            {
                await vendor.WriteUnauthorizedAsync(context);
                return;
            }

            if (context.GetEndpoint() is null)
            {
                await vendor.WriteNotFoundAsync(context);
                return;
            }

            await next(context);

            // Routing's "method not supported" endpoint sets 405 and writes nothing; give it a body.
            if (context.Response.StatusCode == StatusCodes.Status405MethodNotAllowed && !context.Response.HasStarted)
            {
                await vendor.WriteMethodNotAllowedAsync(context);
            }
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            // Kestrel's own limits (e.g. body too large) surface here; report them in vendor shape.
            await vendor.WriteErrorAsync(context, ex.StatusCode, ex.Message);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to answer.
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            logger.LogError(ex, "Unhandled error serving {Method} {Path}", context.Request.Method, context.Request.Path);
            await vendor.WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "internal sandbox error: " + ex.Message);
        }
    }
}
