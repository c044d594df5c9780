using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace EndpointGen.Benchmarks.Generator;

/// <summary>
/// Writes descriptors with any number of endpoints, shaped like the real ones: files of
/// <see cref="EndpointsPerFile"/> endpoints, each endpoint with path, query or header parameters, bodies
/// where the method has one, descriptions and examples, and one or two types of its own.
/// </summary>
internal static class SyntheticDescriptors
{
    /// <summary>Endpoints in one file: a service of the size of the real ones (1, 2 and 16 endpoints).</summary>
    public const int EndpointsPerFile = 10;

    /// <summary>The text an edit replaces in the first file; present exactly once in it.</summary>
    public const string EditTarget = "summary: Returns one resource 00.";

    /// <summary>What <see cref="EditTarget"/> becomes: a documentation edit, which changes that service's output.</summary>
    public const string EditReplacement = "summary: Returns one resource 00 (edited).";

    /// <summary>The descriptors for <paramref name="endpoints"/> endpoints, as (path, YAML) pairs.</summary>
    /// <param name="endpoints">How many endpoints in all; a multiple of <see cref="EndpointsPerFile"/>.</param>
    /// <returns>The files.</returns>
    public static IReadOnlyList<(string Path, string Yaml)> Create(int endpoints)
    {
        var files = new List<(string, string)>();
        for (var file = 0; file * EndpointsPerFile < endpoints; file++)
        {
            var count = System.Math.Min(EndpointsPerFile, endpoints - (file * EndpointsPerFile));
            files.Add(($"/specs/synthetic{file:D3}.endpoints.yaml", Render(file, count)));
        }

        return files;
    }

    private static string Render(int file, int endpoints)
    {
        var y = new StringBuilder();
        var service = string.Format(CultureInfo.InvariantCulture, "Synth{0:D3}", file);
        y.Append("# yaml-language-server: $schema=endpoints.schema.json\n\n");
        y.Append("service:\n");
        y.Append("  name: ").Append(service).Append('\n');
        y.Append("  namespace: Synthetic.").Append(service).Append('\n');
        y.Append("  description: >-\n    Synthetic service ").Append(service)
            .Append(" for the generator benchmarks: resources read, listed, created, updated and deleted.\n");
        y.Append("  baseUrl: https://{tenant}.example.com/api/v1\n");
        y.Append("  auth:\n    scheme: bearer\n    description: A token from the admin console.\n");
        y.Append("  headers:\n    Accept: application/json\n");
        y.Append("  error:\n    type: ApiError\n    message: message\n\n");

        y.Append("endpoints:\n");
        for (var e = 0; e < endpoints; e++)
        {
            AppendEndpoint(y, e);
        }

        y.Append("types:\n");
        y.Append("  ApiError:\n    description: The error body.\n    fields:\n");
        y.Append("      message: { type: string, description: Human-readable message., example: Not found }\n");
        y.Append("      code: { type: int32, description: Error code., example: 404 }\n\n");
        y.Append("  Status:\n    description: Lifecycle status of a resource.\n    enum: [draft, active, archived, deleted]\n\n");
        for (var e = 0; e < endpoints; e++)
        {
            AppendTypes(y, e);
        }

        return y.ToString();
    }

    private static void AppendEndpoint(StringBuilder y, int e)
    {
        var n = e.ToString("D2", CultureInfo.InvariantCulture);
        switch (e % 5)
        {
            case 0:
                y.Append("  GetResource").Append(n).Append(":\n    method: GET\n    path: resources").Append(n).Append("/{id}\n");
                y.Append("    summary: Returns one resource ").Append(n).Append(".\n");
                y.Append("    description: Returns the resource with the given ID, with its owner and tags.\n");
                y.Append("    parameters:\n      path:\n        id: { type: int64, description: The resource ID., example: 1001 }\n");
                y.Append("      query:\n        expand: { type: string, description: Related objects to include., example: owner }\n");
                y.Append("    response:\n      type: Resource").Append(n).Append("\n      description: The resource.\n\n");
                break;
            case 1:
                y.Append("  ListResource").Append(n).Append(":\n    method: GET\n    path: resources").Append(n).Append('\n');
                y.Append("    summary: Lists resources ").Append(n).Append(".\n");
                y.Append("    parameters:\n      query:\n");
                y.Append("        status: { type: Status, description: Only resources with this status. }\n");
                y.Append("        updated_since: { type: date-time, description: Only resources updated since then. }\n");
                y.Append("        limit: { type: int32, required: true, description: Page size., example: 50 }\n");
                y.Append("        page: { type: int32, description: Page number (from 1)., example: 1 }\n");
                y.Append("    response:\n      type: Resource").Append(n).Append("[]\n      description: One page of resources.\n\n");
                break;
            case 2:
                y.Append("  CreateResource").Append(n).Append(":\n    method: POST\n    path: resources").Append(n).Append('\n');
                y.Append("    summary: Creates a resource ").Append(n).Append(".\n");
                y.Append("    body: NewResource").Append(n).Append('\n');
                y.Append("    response:\n      status: 201\n      type: Resource").Append(n).Append("\n      description: The created resource.\n\n");
                break;
            case 3:
                y.Append("  UpdateResource").Append(n).Append(":\n    method: PATCH\n    path: resources").Append(n).Append("/{id}\n");
                y.Append("    summary: Updates a resource ").Append(n).Append(".\n");
                y.Append("    parameters:\n      path:\n        id: { type: int64, description: The resource ID., example: 1001 }\n");
                y.Append("      header:\n        If-Match: { type: string, description: The ETag last read. }\n");
                y.Append("    body: NewResource").Append(n).Append('\n');
                y.Append("    response:\n      type: Resource").Append(n).Append("\n      description: The updated resource.\n\n");
                break;
            default:
                y.Append("  DeleteResource").Append(n).Append(":\n    method: DELETE\n    path: resources").Append(n).Append("/{id}\n");
                y.Append("    summary: Deletes a resource ").Append(n).Append(".\n");
                y.Append("    parameters:\n      path:\n        id: { type: uuid, description: The resource key. }\n");
                y.Append("      header:\n        X-Request-Id: { type: uuid, description: Idempotency key. }\n");
                y.Append("    response:\n      status: 204\n      description: Deleted.\n\n");
                break;
        }
    }

    private static void AppendTypes(StringBuilder y, int e)
    {
        var n = e.ToString("D2", CultureInfo.InvariantCulture);
        y.Append("  Resource").Append(n).Append(":\n    description: A resource of kind ").Append(n).Append(".\n    fields:\n");
        y.Append("      id: { type: int64, required: true, description: Resource ID., example: 1001 }\n");
        y.Append("      name: { type: string, required: true, description: Display name., example: Printer }\n");
        y.Append("      status: { type: Status, description: Lifecycle status. }\n");
        y.Append("      owner_id: { type: int64, nullable: true, description: Owner; null while unassigned. }\n");
        y.Append("      created_at: { type: date-time, description: Creation time., example: \"2024-05-02T10:15:30+00:00\" }\n");
        y.Append("      updated_at: { type: unix-time, description: Last update., example: 1766572062 }\n");
        y.Append("      tags: { type: \"string[]\", description: Free tags., example: [red, blue] }\n");
        y.Append("      attributes: { type: \"map<string>\", description: Custom attributes. }\n");
        y.Append("      \"@etag\": { type: string, name: ETag, description: Version for If-Match. }\n\n");
        if (e % 5 is 2 or 3)
        {
            y.Append("  NewResource").Append(n).Append(":\n    description: The writable fields of a resource ").Append(n).Append(".\n    fields:\n");
            y.Append("      name: { type: string, required: true, description: Display name., example: Printer }\n");
            y.Append("      status: { type: Status, description: Lifecycle status. }\n");
            y.Append("      tags: { type: \"string[]\", description: Free tags. }\n");
            y.Append("      note: { type: json, description: Free-form note. }\n\n");
        }
    }
}
