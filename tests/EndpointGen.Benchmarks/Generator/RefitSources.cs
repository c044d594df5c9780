using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace EndpointGen.Benchmarks.Generator;

/// <summary>What a C# file of <see cref="RefitSources"/> holds beside the DTO classes.</summary>
internal enum RefitSourceKind
{
    /// <summary>The DTO classes alone: the hand-written models of a project with no generator.</summary>
    DtosOnly,

    /// <summary>The DTOs and a Refit interface per service; JSON by reflection (Refit's default serializer).</summary>
    Refit,

    /// <summary>The DTOs, a Refit interface and a System.Text.Json source-generated context per service.</summary>
    RefitWithJsonContext,
}

/// <summary>
/// The C# a Refit user writes for the endpoints of <see cref="SyntheticDescriptors"/>: per descriptor, one file with
/// the same types (DTO classes with the JSON names in attributes and the descriptions as doc comments, the
/// <c>Status</c> enum by its wire values) and, for Refit, one interface whose methods are the descriptor's endpoints
/// (same paths, parameters, headers and bodies).
/// </summary>
internal static class RefitSources
{
    /// <summary>The C# files for <paramref name="endpoints"/> endpoints, as (file name, code) pairs, one per descriptor.</summary>
    /// <param name="endpoints">How many endpoints in all.</param>
    /// <param name="kind">What each file holds.</param>
    /// <returns>The files.</returns>
    public static IReadOnlyList<(string Name, string Code)> Create(int endpoints, RefitSourceKind kind)
    {
        var files = new List<(string, string)>();
        for (var file = 0; file * SyntheticDescriptors.EndpointsPerFile < endpoints; file++)
        {
            var count = System.Math.Min(SyntheticDescriptors.EndpointsPerFile, endpoints - (file * SyntheticDescriptors.EndpointsPerFile));
            files.Add(($"Synth{file:D3}.cs", Render(file, count, kind)));
        }

        return files;
    }

    private static string Render(int file, int endpoints, RefitSourceKind kind)
    {
        var c = new StringBuilder();
        var service = string.Format(CultureInfo.InvariantCulture, "Synth{0:D3}", file);
        c.Append("#nullable enable\n");
        c.Append("using System;\nusing System.Collections.Generic;\nusing System.Text.Json;\nusing System.Text.Json.Serialization;\n");
        c.Append("using System.Threading;\nusing System.Threading.Tasks;\n");
        if (kind != RefitSourceKind.DtosOnly)
        {
            c.Append("using Refit;\n");
        }

        c.Append("\nnamespace Synthetic.").Append(service).Append(";\n\n");

        if (kind != RefitSourceKind.DtosOnly)
        {
            c.Append("/// <summary>Synthetic service ").Append(service)
                .Append(" for the generator benchmarks: resources read, listed, created, updated and deleted.</summary>\n");
            c.Append("[Headers(\"Accept: application/json\", \"Authorization: Bearer\")]\n");
            c.Append("public interface I").Append(service).Append("Api\n{\n");
            for (var e = 0; e < endpoints; e++)
            {
                AppendMethod(c, e);
            }

            c.Append("}\n\n");
        }

        c.Append("/// <summary>The error body.</summary>\npublic sealed class ApiError\n{\n");
        AppendProperty(c, "Human-readable message.", "message", "string?", "Message");
        AppendProperty(c, "Error code.", "code", "int?", "Code");
        c.Append("}\n\n");
        c.Append("/// <summary>Lifecycle status of a resource.</summary>\n");
        c.Append("[JsonConverter(typeof(JsonStringEnumConverter<Status>))]\npublic enum Status\n{\n");
        foreach (var (wire, name) in new[] { ("draft", "Draft"), ("active", "Active"), ("archived", "Archived"), ("deleted", "Deleted") })
        {
            c.Append("    /// <summary>").Append(wire).Append(".</summary>\n");
            c.Append("    [JsonStringEnumMemberName(\"").Append(wire).Append("\")]\n    ").Append(name).Append(",\n");
        }

        c.Append("}\n\n");
        for (var e = 0; e < endpoints; e++)
        {
            AppendTypes(c, e);
        }

        if (kind == RefitSourceKind.RefitWithJsonContext)
        {
            c.Append("/// <summary>The System.Text.Json source-generated context of ").Append(service).Append("'s bodies.</summary>\n");
            c.Append("[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]\n");
            c.Append("[JsonSerializable(typeof(ApiError))]\n");
            for (var e = 0; e < endpoints; e++)
            {
                var n = e.ToString("D2", CultureInfo.InvariantCulture);
                c.Append(e % 5 == 1 ? "[JsonSerializable(typeof(List<Resource" + n + ">))]\n" : "[JsonSerializable(typeof(Resource" + n + "))]\n");
                if (e % 5 is 2 or 3)
                {
                    c.Append("[JsonSerializable(typeof(NewResource").Append(n).Append("))]\n");
                }
            }

            c.Append("public sealed partial class ").Append(service).Append("JsonContext : JsonSerializerContext\n{\n}\n");
        }

        return c.ToString();
    }

    private static void AppendMethod(StringBuilder c, int e)
    {
        var n = e.ToString("D2", CultureInfo.InvariantCulture);
        switch (e % 5)
        {
            case 0:
                c.Append("    /// <summary>Returns one resource ").Append(n).Append(".</summary>\n");
                c.Append("    /// <remarks>Returns the resource with the given ID, with its owner and tags.</remarks>\n");
                c.Append("    /// <param name=\"id\">The resource ID.</param>\n    /// <param name=\"expand\">Related objects to include.</param>\n");
                c.Append("    /// <param name=\"cancellationToken\">Cancels the call.</param>\n    /// <returns>The resource.</returns>\n");
                c.Append("    [Get(\"/resources").Append(n).Append("/{id}\")]\n");
                c.Append("    Task<Resource").Append(n).Append("> GetResource").Append(n)
                    .Append("Async(long id, string? expand = null, CancellationToken cancellationToken = default);\n\n");
                break;
            case 1:
                c.Append("    /// <summary>Lists resources ").Append(n).Append(".</summary>\n");
                c.Append("    /// <param name=\"limit\">Page size.</param>\n    /// <param name=\"status\">Only resources with this status.</param>\n");
                c.Append("    /// <param name=\"updatedSince\">Only resources updated since then.</param>\n    /// <param name=\"page\">Page number (from 1).</param>\n");
                c.Append("    /// <param name=\"cancellationToken\">Cancels the call.</param>\n    /// <returns>One page of resources.</returns>\n");
                c.Append("    [Get(\"/resources").Append(n).Append("\")]\n");
                c.Append("    Task<List<Resource").Append(n).Append(">> ListResource").Append(n)
                    .Append("Async(int limit, Status? status = null, [AliasAs(\"updated_since\"), Query(Format = \"yyyy-MM-ddTHH:mm:sszzz\")] DateTimeOffset? updatedSince = null, int? page = null, CancellationToken cancellationToken = default);\n\n");
                break;
            case 2:
                c.Append("    /// <summary>Creates a resource ").Append(n).Append(".</summary>\n");
                c.Append("    /// <param name=\"body\">The request body.</param>\n");
                c.Append("    /// <param name=\"cancellationToken\">Cancels the call.</param>\n    /// <returns>The created resource.</returns>\n");
                c.Append("    [Post(\"/resources").Append(n).Append("\")]\n");
                c.Append("    Task<Resource").Append(n).Append("> CreateResource").Append(n)
                    .Append("Async([Body] NewResource").Append(n).Append(" body, CancellationToken cancellationToken = default);\n\n");
                break;
            case 3:
                c.Append("    /// <summary>Updates a resource ").Append(n).Append(".</summary>\n");
                c.Append("    /// <param name=\"id\">The resource ID.</param>\n    /// <param name=\"body\">The request body.</param>\n");
                c.Append("    /// <param name=\"ifMatch\">The ETag last read.</param>\n");
                c.Append("    /// <param name=\"cancellationToken\">Cancels the call.</param>\n    /// <returns>The updated resource.</returns>\n");
                c.Append("    [Patch(\"/resources").Append(n).Append("/{id}\")]\n");
                c.Append("    Task<Resource").Append(n).Append("> UpdateResource").Append(n)
                    .Append("Async(long id, [Body] NewResource").Append(n)
                    .Append(" body, [Header(\"If-Match\")] string? ifMatch = null, CancellationToken cancellationToken = default);\n\n");
                break;
            default:
                c.Append("    /// <summary>Deletes a resource ").Append(n).Append(".</summary>\n");
                c.Append("    /// <param name=\"id\">The resource key.</param>\n    /// <param name=\"requestId\">Idempotency key.</param>\n");
                c.Append("    /// <param name=\"cancellationToken\">Cancels the call.</param>\n    /// <returns>The call.</returns>\n");
                c.Append("    [Delete(\"/resources").Append(n).Append("/{id}\")]\n");
                c.Append("    Task DeleteResource").Append(n)
                    .Append("Async(Guid id, [Header(\"X-Request-Id\")] Guid? requestId = null, CancellationToken cancellationToken = default);\n\n");
                break;
        }
    }

    private static void AppendTypes(StringBuilder c, int e)
    {
        var n = e.ToString("D2", CultureInfo.InvariantCulture);
        c.Append("/// <summary>A resource of kind ").Append(n).Append(".</summary>\npublic sealed class Resource").Append(n).Append("\n{\n");
        AppendProperty(c, "Resource ID.", "id", "long", "Id", required: true);
        AppendProperty(c, "Display name.", "name", "string", "Name", required: true);
        AppendProperty(c, "Lifecycle status.", "status", "Status?", "Status");
        AppendProperty(c, "Owner; null while unassigned.", "owner_id", "long?", "OwnerId");
        AppendProperty(c, "Creation time.", "created_at", "DateTimeOffset?", "CreatedAt");
        AppendProperty(c, "Last update (Unix seconds).", "updated_at", "long?", "UpdatedAt");
        AppendProperty(c, "Free tags.", "tags", "List<string>?", "Tags");
        AppendProperty(c, "Custom attributes.", "attributes", "Dictionary<string, string>?", "Attributes");
        AppendProperty(c, "Version for If-Match.", "@etag", "string?", "ETag");
        c.Append("}\n\n");
        if (e % 5 is 2 or 3)
        {
            c.Append("/// <summary>The writable fields of a resource ").Append(n).Append(".</summary>\npublic sealed class NewResource").Append(n).Append("\n{\n");
            AppendProperty(c, "Display name.", "name", "string", "Name", required: true);
            AppendProperty(c, "Lifecycle status.", "status", "Status?", "Status");
            AppendProperty(c, "Free tags.", "tags", "List<string>?", "Tags");
            AppendProperty(c, "Free-form note.", "note", "JsonElement?", "Note");
            c.Append("}\n\n");
        }
    }

    private static void AppendProperty(StringBuilder c, string summary, string json, string type, string name, bool required = false)
    {
        c.Append("    /// <summary>").Append(summary).Append("</summary>\n");
        c.Append("    [JsonPropertyName(\"").Append(json).Append("\")]\n");
        c.Append("    public ").Append(required ? "required " : string.Empty).Append(type).Append(' ').Append(name).Append(" { get; set; }\n\n");
    }
}
